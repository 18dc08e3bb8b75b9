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

export function nodeIo(): CliIo {
  return {
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
    writeFileAtomic: async (file, bytes) => {
      const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
      try {
        await fs.writeFile(tmp, bytes);
        await fs.rename(tmp, file);
      } catch (err) {
        await fs.rm(tmp, { force: true });
        throw err;
      }
    },
    today: () => localIsoDate(new Date()),
  };
}

export function localIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
