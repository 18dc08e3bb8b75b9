/** The CLI's only contact with the outside world, so commands can be tested in-process. */
import { promises as fs } from "node:fs";
import * as path from "node:path";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  readStdin(): Promise<Uint8Array>;
  exists(file: string): Promise<boolean>;
  /** Writes atomically: a temporary file beside the target, renamed when complete. */
  writeFileAtomic(file: string, bytes: Uint8Array): Promise<void>;
  today(): string;
}

/** The outputs of a run: what a stop request (src/cli/stop-on-signal.ts) must wait for or report. */
export interface OutputState {
  /** Set on Ctrl-C/SIGTERM: no write starts, none in progress is renamed into place. */
  stopping: boolean;
  pending: Set<Promise<void>>;
  /** Files renamed into place, in order. */
  written: string[];
}

export interface NodeIo extends CliIo {
  outputs: OutputState;
}

/** What a write refused or abandoned because the run is being stopped throws. */
export class StoppedError extends Error {
  constructor(file: string) {
    super(`phuluc: đã dừng, không ghi ${file}`);
    this.name = "StoppedError";
  }
}

export function nodeIo(): NodeIo {
  const outputs: OutputState = { stopping: false, pending: new Set(), written: [] };
  const writeAtomic = async (file: string, bytes: Uint8Array): Promise<void> => {
    if (outputs.stopping) throw new StoppedError(file);
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
      await fs.writeFile(tmp, bytes);
      if (outputs.stopping) throw new StoppedError(file);
      await fs.rename(tmp, file);
      outputs.written.push(file);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
  };
  return {
    outputs,
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readFile: async (f) => new Uint8Array(await fs.readFile(f)),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    exists: async (f) =>
      fs.stat(f).then(
        () => true,
        () => false
      ),
    writeFileAtomic: (file, bytes) => {
      const job = writeAtomic(file, bytes);
      outputs.pending.add(job);
      const settled = () => void outputs.pending.delete(job);
      job.then(settled, settled);
      return job;
    },
    today: () => localIsoDate(new Date()),
  };
}

export function localIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
