/**
 * A part's text encoded as UTF-8 as it is written. A task sheet of thousands of rows is then
 * never one string: each row's text dies young instead of living on (copied by the garbage
 * collector, old space, marked) until the whole sheet is joined and then encoded again. The
 * bytes go into chunks that are never copied into a larger buffer: growing one buffer by
 * doubling made a 10,000-task sheet (11 MB) allocate, fault in and copy some 50 MB.
 */
export type Utf8Chunks = readonly Uint8Array[];

/** A first chunk's size; later chunks double up to CHUNK. */
const FIRST = 1 << 16;
const CHUNK = 1 << 20;

export class Utf8Sink {
  private static readonly encoder = new TextEncoder();
  private readonly filled: Uint8Array[] = [];
  private buffer = new Uint8Array(FIRST);
  private length = 0;

  write(text: string): void {
    this.room(text.length * 3); // UTF-8 takes at most 3 bytes per UTF-16 code unit
    this.length += Utf8Sink.encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** A new chunk when `more` bytes may not fit in this one. */
  private room(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    if (this.length > 0) this.filled.push(this.buffer.subarray(0, this.length));
    this.buffer = new Uint8Array(Math.max(more, Math.min(this.buffer.length * 2, CHUNK)));
    this.length = 0;
  }

  /** The bytes written so far, in order (views: the sink is not written to after). */
  chunks(): Utf8Chunks {
    return this.length > 0 ? [...this.filled, this.buffer.subarray(0, this.length)] : this.filled;
  }
}
