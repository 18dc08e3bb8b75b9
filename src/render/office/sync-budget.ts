/**
 * Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded). Every action therefore batches by bytes: its fixed syncs,
 * plus one more each time the queued operations reach ~4 MB. Sizes are estimated as Office.js
 * sends them: the operations' arguments as JSON, in UTF-8.
 */

/** Bytes per sync we aim under: 1 MB of margin below Excel on the web's 5 MB. */
export const SYNC_BUDGET = 4 * 1024 * 1024;
/** What a small operation (a format, a name, a property) costs, arguments and envelope. */
export const SMALL_OP = 200;

/** JSON bytes of `x` in UTF-8 (Vietnamese letters are 2–3 bytes each). */
export function payloadBytes(x: unknown): number {
  const s = JSON.stringify(x);
  if (s === undefined) return 0;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n + 40;
}

/**
 * Counts an action's syncs. Each sync stays written `context.sync()` where it happens, so the
 * office-addins rules see it: `await counted(context.sync())`.
 */
export class SyncCount {
  syncs = 0;
  readonly counted = (synced: Promise<void>): Promise<void> => {
    this.syncs++;
    return synced;
  };
}

/** An operation to queue, with its estimated request bytes. */
export interface QueuedOp {
  bytes: number;
  queue(): void;
}

/**
 * Queues operations and syncs whenever the next one would take the batch over the budget. The
 * caller still ends with its own sync (flush) for what is left.
 */
export class SyncBatcher {
  private pending = 0;

  constructor(
    private readonly sync: () => Promise<void>,
    private readonly budget = SYNC_BUDGET
  ) {}

  async add(op: QueuedOp): Promise<void> {
    if (this.pending > 0 && this.pending + op.bytes > this.budget) await this.flush();
    op.queue();
    this.pending += op.bytes;
  }

  async addAll(ops: QueuedOp[]): Promise<void> {
    for (const op of ops) await this.add(op);
  }

  /** Syncs what is queued (always one sync: the caller's fixed one). */
  async flush(): Promise<void> {
    this.pending = 0;
    await this.sync();
  }
}

/**
 * Row chunks of a matrix, each under `maxBytes` as JSON (a single row may be larger): how a
 * block of thousands of rows is written in several operations that batches can separate.
 */
export function rowChunks<T>(
  rows: T[][],
  maxBytes = SYNC_BUDGET / 4
): { start: number; rows: T[][]; bytes: number }[] {
  const out: { start: number; rows: T[][]; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const b = payloadBytes(rows[i]);
    if (i > start && bytes + b > maxBytes) {
      out.push({ start, rows: rows.slice(start, i), bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (rows.length > start) out.push({ start, rows: rows.slice(start), bytes });
  return out;
}
