/** The CLI's only contact with the outside world, so commands can be tested in-process. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { PhuLucError } from "../core/errors/phuluc-error";
import { localIsoDate } from "../core/text/dates";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  readStdin(): Promise<Uint8Array>;
  exists(file: string): Promise<boolean>;
  /** Writes atomically: a temporary file beside the target, renamed when complete. */
  writeFileAtomic(file: string, bytes: Uint8Array): Promise<void>;
  /**
   * Writes a set of files into `dir` all or nothing: into a temporary folder first, then moved.
   * Without it (test doubles) the files are written one by one.
   */
  writeSetAtomic?(dir: string, files: { name: string; bytes: Uint8Array }[]): Promise<void>;
  /** True when both paths name the same existing file (through symlinks and hard links). */
  sameFile?(a: string, b: string): Promise<boolean>;
  today(): string;
}

/**
 * An output that cannot be written (missing folder, a folder, a device, no space, no right):
 * a Vietnamese sentence and exit 2, never a stack trace. `written` lists what was written.
 */
export class OutputError extends PhuLucError {
  constructor(
    message: string,
    readonly written: string[] = []
  ) {
    super("OUTPUT_FAILED", message);
    this.name = "OutputError";
  }
}

/** The fs calls writing uses, so a full disk can be simulated (test/integration). */
export type OutputFs = Pick<
  typeof fs,
  "writeFile" | "rename" | "rm" | "stat" | "mkdir" | "mkdtemp" | "readdir"
>;

/** Why `file` could not be written, in words an officer can act on. */
function outputFailure(file: string, err: unknown, written: string[] = []): OutputError {
  const code = (err as NodeJS.ErrnoException)?.code ?? "";
  const dir = path.dirname(file);
  const why: Record<string, string> = {
    ENOENT: `thư mục "${dir}" không tồn tại; hãy tạo thư mục hoặc chọn chỗ khác cho -o`,
    ENOTDIR: `một phần của đường dẫn "${dir}" không phải thư mục`,
    EISDIR: "đó là một thư mục; hãy cho -o một tên tệp",
    ENOSPC: "ổ đĩa đã đầy; hãy giải phóng chỗ trống rồi thử lại",
    EDQUOT: "đã hết hạn mức dung lượng; hãy giải phóng chỗ trống rồi thử lại",
    EACCES: `không có quyền ghi vào "${dir}"`,
    EPERM: `không có quyền ghi vào "${dir}"`,
    EROFS: `"${dir}" chỉ cho đọc`,
    EFBIG: "tệp vượt quá kích thước ổ đĩa cho phép",
  };
  const done = written.length
    ? ` Các tệp đã ghi: ${written.join(", ")}.`
    : " Không có tệp nào được ghi; tệp cũ (nếu có) vẫn nguyên.";
  return new OutputError(
    `không ghi được "${file}": ${why[code] ?? `lỗi hệ thống ${code || String(err)}`}.${done}`,
    written
  );
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

/**
 * What a write refused or abandoned because the run is being stopped throws. Not a PhuLucError:
 * it is no fault of the input, and run.ts ends quietly on it (stop-on-signal sets the exit code).
 */
export class StoppedError extends Error {
  constructor(file: string) {
    super(`phuluc: đã dừng, không ghi ${file}`);
    this.name = "StoppedError";
  }
}

/** Refuses a target that exists and is not a regular file (a folder, /dev/full, a pipe). */
async function checkTarget(ofs: OutputFs, file: string): Promise<void> {
  const st = await ofs.stat(file).catch(() => null);
  if (!st || st.isFile()) return;
  throw new OutputError(
    st.isDirectory()
      ? `không ghi được "${file}": đó là một thư mục; hãy cho -o một tên tệp. Không có tệp nào được ghi.`
      : `không ghi được "${file}": đó không phải một tệp thường. Không có tệp nào được ghi.`
  );
}

export function nodeIo(ofs: OutputFs = fs): NodeIo {
  const outputs: OutputState = { stopping: false, pending: new Set(), written: [] };
  const writeAtomic = async (file: string, bytes: Uint8Array): Promise<void> => {
    if (outputs.stopping) throw new StoppedError(file);
    await checkTarget(ofs, file);
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
      await ofs.writeFile(tmp, bytes);
      if (outputs.stopping) throw new StoppedError(file);
      await ofs.rename(tmp, file);
      outputs.written.push(file);
    } catch (err) {
      await ofs.rm(tmp, { force: true }).catch(() => undefined);
      if (err instanceof StoppedError) throw err;
      throw outputFailure(file, err);
    }
  };
  /**
   * A set of files (distribute into a folder): written into a temporary folder inside `dir`,
   * then moved into place one rename each (no space needed, nothing to fail half-way on a full
   * disk). A failure while writing leaves `dir` as it was; the list of moved files is exact.
   */
  const writeSet = async (dir: string, files: { name: string; bytes: Uint8Array }[]) => {
    if (outputs.stopping) throw new StoppedError(dir);
    try {
      await ofs.mkdir(dir, { recursive: true });
    } catch (err) {
      throw outputFailure(path.join(dir, files[0]?.name ?? ""), err);
    }
    let tmp: string;
    try {
      tmp = await ofs.mkdtemp(path.join(dir, ".phuluc-"));
    } catch (err) {
      throw outputFailure(path.join(dir, files[0]?.name ?? ""), err);
    }
    const moved: string[] = [];
    let current = "";
    try {
      for (const f of files) {
        current = path.join(dir, f.name);
        await checkTarget(ofs, current);
        await ofs.writeFile(path.join(tmp, f.name), f.bytes);
        if (outputs.stopping) throw new StoppedError(current);
      }
      for (const f of files) {
        current = path.join(dir, f.name);
        if (outputs.stopping) throw new StoppedError(current);
        await ofs.rename(path.join(tmp, f.name), current);
        moved.push(current);
        outputs.written.push(current);
      }
    } catch (err) {
      if (err instanceof StoppedError) throw err;
      throw err instanceof OutputError
        ? new OutputError(err.message, moved)
        : outputFailure(current, err, moved);
    } finally {
      await ofs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    }
  };
  /** A write kept in outputs.pending until it settles, so a stop waits for it. */
  const pending = (job: Promise<void>) => {
    outputs.pending.add(job);
    const settled = () => void outputs.pending.delete(job);
    job.then(settled, settled);
    return job;
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
    writeFileAtomic: (file, bytes) => pending(writeAtomic(file, bytes)),
    writeSetAtomic: (dir, files) => pending(writeSet(dir, files)),
    sameFile: async (a, b) => {
      const [x, y] = await Promise.all([
        fs.stat(a).catch(() => null),
        fs.stat(b).catch(() => null),
      ]);
      return !!x && !!y && x.dev === y.dev && x.ino === y.ino;
    },
    today: () => localIsoDate(new Date()),
  };
}
