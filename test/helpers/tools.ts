/**
 * External tools the file tests read back with (independent of exceljs), and skip-awareness:
 * a missing tool fails the run in CI, and elsewhere skips the test with a loud warning (the
 * test runner script counts skips).
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";

export type ToolName = "python3-openpyxl" | "soffice" | "pdftotext";

const PYTHON = "/usr/bin/python3";
const SOFFICE = "/usr/bin/soffice";

const probes: Record<ToolName, () => boolean> = {
  "python3-openpyxl": () =>
    existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0,
  soffice: () => existsSync(SOFFICE),
  pdftotext: () => spawnSync("pdftotext", ["-v"]).error === undefined,
};
const cache = new Map<ToolName, boolean>();

/** True when the tool is usable; throws in CI, warns and returns false elsewhere. */
export function requireTool(name: ToolName): boolean {
  if (!cache.has(name)) cache.set(name, probes[name]());
  if (cache.get(name)) return true;
  const message = `Thiếu công cụ "${name}" để kiểm thử.`;
  if (process.env.CI === "true") throw new Error(`${message} (CI: không được bỏ qua)`);
  console.warn(`\n*** SKIPPED: ${message} Các kiểm thử cần nó bị bỏ qua. ***\n`);
  return false;
}

/** `it` when every tool is available, `it.skip` otherwise. */
export function itWithTools(
  tools: ToolName[],
  title: string,
  fn: () => Promise<void>,
  timeout?: number
): void {
  const ok = tools.map(requireTool).every(Boolean);
  (ok ? it : it.skip)(title, fn, timeout);
}

/** Runs a Python script with /usr/bin/python3; returns stdout parsed as JSON. */
export function runPython<T = unknown>(script: string, args: string[] = []): T {
  return python<T>(["-c", script, ...args]);
}

/** Runs a Python file, so that the modules beside it can be imported; stdout parsed as JSON. */
export function runPythonFile<T = unknown>(file: string, args: string[] = []): T {
  return python<T>([file, ...args]);
}

function python<T>(args: string[]): T {
  if (!existsSync(PYTHON)) throw new Error(`Không tìm thấy ${PYTHON}`);
  const r = spawnSync(PYTHON, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 lỗi (mã ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/**
 * Converts with LibreOffice headless into a fresh dir, with its own user profile so parallel
 * runs do not fight over the default one. `target` is what --convert-to takes ("pdf",
 * "csv:Text - txt - csv (StarCalc):44,34,76…"). Returns every file produced, sorted.
 */
export function sofficeConvertAll(
  file: string | string[],
  target: string,
  /** The import filter, when LibreOffice should open the file in another application
   * ("HTML (StarCalc)": a web page opened in Calc, as Excel opens it). */
  infilter?: string
): string[] {
  if (!existsSync(SOFFICE)) throw new Error(`Không tìm thấy ${SOFFICE}`);
  const outDir = mkdtempSync(join(tmpdir(), "phuluc-soffice-out-"));
  const profile = mkdtempSync(join(tmpdir(), "phuluc-soffice-profile-"));
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        ...(infilter ? [`--infilter=${infilter}`] : []),
        "--convert-to",
        target,
        "--outdir",
        outDir,
        ...(Array.isArray(file) ? file : [file]),
      ],
      { stdio: "pipe", timeout: 120000 }
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const produced = readdirSync(outDir)
    .sort()
    .map((f) => join(outDir, f));
  if (produced.length === 0)
    throw new Error(`LibreOffice không chuyển được ${basename(String(file))} sang ${target}`);
  return produced;
}

/** Like sofficeConvertAll, for conversions that produce exactly one file. */
export function sofficeConvert(file: string, target: string): string {
  const produced = sofficeConvertAll(file, target);
  if (produced.length !== 1)
    throw new Error(`LibreOffice tạo ra ${produced.length} tệp: ${produced.join(", ")}`);
  return produced[0];
}

export function pdfToText(pdf: string): string {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `phuluc-${prefix}-`));
}
