/** Runs the real `phuluc` CLI (bin/phuluc.js) as an officer would, from the repository root. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { LAM_DONG_DOCX } from "./shared-paths";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `input` is piped to standard input (for `phuluc import -`); `cwd` defaults to the repo root. */
export function phuluc(args: string[], input?: string, cwd = REPO_ROOT): CliRun {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin", "phuluc.js"), ...args], {
    cwd,
    input,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The tracking workbook most integration tests start from: the Lâm Đồng plan imported by the
 * CLI for report year 2026 as of 21/11/2026, written to `out`. Fails the test if the import does.
 */
export function importLamDong(out: string): string {
  const r = phuluc(["import", LAM_DONG_DOCX, "-o", out, "--year", "2026", "--date", "2026-11-21"]);
  expect(r.code).toBe(0);
  return out;
}

/** The agency whose distributed file the exchange tests edit, and that file's name. */
export const VH = "Sở Văn hóa, Thể thao và Du lịch";
export const VH_FILE = `2026 - ${VH} - Báo cáo KH 4784.xlsx`;

/**
 * importLamDong into `dir`, then `phuluc distribute` for 2026 into `dir`/gui: the master and
 * the folder of the agencies' files. Fails the test if either step does.
 */
export function distributeLamDong(dir: string): { master: string; gui: string } {
  const master = importLamDong(path.join(dir, "theo-doi.xlsx"));
  const gui = path.join(dir, "gui");
  expect(phuluc(["distribute", master, "--year", "2026", "-o", gui]).code).toBe(0);
  return { master, gui };
}
