/**
 * Every bound of INPUT_LIMITS on its hostile file (the fuzz corpus, test/fuzz/make-hostile.ts),
 * read by the real CLI in a child process whose heap is capped (--max-old-space-size): the exit
 * code and the message are asserted, and that the run stayed under the ceiling (a run over it
 * dies with "heap out of memory", exit 134, and fails here). No timing is asserted.
 */
import "../helpers/integration-timeout";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { importLamDong, phuluc, REPO_ROOT } from "../helpers/phuluc-cli";
import { tempDir } from "../helpers/tools";
import { writeHostileCorpus, type HostileCase } from "../fuzz/make-hostile";

/** Heap ceiling of every run; the whole process must also stay under RSS_CEILING_MB. */
const HEAP_MB = 256;
const RSS_CEILING_MB = 600;

let dir = "";
let tracking = "";
let cases: HostileCase[] = [];
let measure = "";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  rssMb: number;
}

/** `phuluc args…` under the heap ceiling; the peak RSS is written by the wrapper at exit. */
function capped(args: string[]): Run {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, measure, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, PHULUC_BIN: path.join(REPO_ROOT, "bin", "phuluc.js") },
  });
  const m = /\n\[maxrss (\d+) MB\]\n$/.exec(r.stderr);
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: m ? r.stderr.slice(0, m.index) : r.stderr,
    rssMb: m ? Number(m[1]) : Infinity,
  };
}

beforeAll(async () => {
  dir = tempDir("phuluc-fuzz-");
  tracking = importLamDong(path.join(dir, "theo-doi.xlsx"));
  measure = path.join(dir, "measure.cjs");
  writeFileSync(
    measure,
    'process.on("exit", () => require("fs").writeSync(2, `\\n[maxrss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB]\\n`));\n' +
      "require(process.env.PHULUC_BIN);\n"
  );
  cases = await writeHostileCorpus(dir, new Uint8Array(readFileSync(tracking)));
});

test("the corpus holds every bound, each in a small file", () => {
  const bounds = new Set(cases.map((c) => c.bound.split(" ")[0]));
  for (const b of [
    "maxEntries",
    "maxPartBytes",
    "maxTextRunBytes",
    "maxSheetRows",
    "maxCells",
    "excelRows",
    "excelColumns",
    "maxGridCells",
    "maxNesting",
    "maxTableColumns",
  ])
    expect(bounds).toContain(b);
  for (const c of cases) {
    const size = readFileSync(path.join(dir, c.file)).length;
    // 10,001 zip entries cannot be smaller than their headers; every other file is a few KB.
    expect({
      file: c.file,
      small: size < (c.bound === "maxEntries" ? 1_000_000 : 350_000),
    }).toEqual({
      file: c.file,
      small: true,
    });
  }
});

describe("plans and tracking workbooks: refused with a sentence, or read, under the ceiling", () => {
  test.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17])("case %i", (i) => {
    const c = cases.filter((x) => x.command !== "consolidate")[i];
    expect(c).toBeDefined();
    const r =
      c.command === "import"
        ? capped(["import", c.file, "--json"])
        : capped(["validate", c.file, "--year", "2026", "--date", "2026-11-21"]);
    const label = `${c.file} (${c.bound})`;
    expect({ label, rssUnderCeiling: r.rssMb < RSS_CEILING_MB }).toEqual({
      label,
      rssUnderCeiling: true,
    });
    if (c.exit === 0) {
      // Read: validate may report the workbook's own findings (exit 1), never refuse it.
      expect({ label, code: r.code! < 2, stderr: r.stderr }).toEqual({
        label,
        code: true,
        stderr: "",
      });
      if (c.command === "import")
        expect(JSON.parse(r.stdout).tasks.length).toBeGreaterThanOrEqual(2);
    } else {
      expect({ label, code: r.code }).toEqual({ label, code: c.exit });
      expect(r.stderr).toMatch(
        new RegExp(`^phuluc ${c.command}: Tệp "${c.file.replace(/\./g, "\\.")}" `)
      );
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr).not.toMatch(/\n\s+at |RangeError|heap|Maximum call stack/);
    }
  });
});

test("returned workbooks: each hostile one is that file's refusal, the others are consolidated", () => {
  const returned = path.join(dir, "tra-ve");
  const d = phuluc(["distribute", tracking, "--year", "2026", "-o", returned]);
  expect(d.code).toBe(0);
  const hostile = cases.filter((c) => c.command === "consolidate");
  expect(hostile.length).toBeGreaterThanOrEqual(6);
  const r = capped([
    "consolidate",
    tracking,
    returned,
    ...hostile.map((c) => c.file),
    "--year",
    "2026",
    "-o",
    "tong-hop.xlsx",
    "--json",
  ]);
  expect(r.rssMb).toBeLessThan(RSS_CEILING_MB);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout) as {
    received: { file: string }[];
    rejected: { file: string; message: string }[];
  };
  for (const c of hostile) {
    const refused = out.rejected.find((x) => x.file === c.file);
    expect({ file: c.file, message: refused?.message }).toEqual({
      file: c.file,
      message: expect.stringMatching(c.message),
    });
  }
  // The agencies' own files went through.
  expect(out.received.length).toBeGreaterThan(5);
});
