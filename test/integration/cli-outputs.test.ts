/**
 * Outputs that cannot be written are a Vietnamese sentence and exit 2, never a stack trace: -o
 * into a missing folder, onto a folder, onto something that is not a regular file, a full disk
 * (an injected file system whose writes fail with ENOSPC half-way). An output that is an input
 * through a symlink or a hard link is refused like the same path. `distribute` into a folder on
 * a full disk leaves no partial set.
 */
import "../helpers/integration-timeout";
import { execFileSync } from "node:child_process";
import { promises as fsp } from "node:fs";
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import path from "path";
import { importLamDong, phuluc } from "../helpers/phuluc-cli";
import { LAM_DONG_DOCX } from "../helpers/shared-paths";
import { tempDir } from "../helpers/tools";
import { main } from "../../src/cli/main";
import { nodeIo, type OutputFs } from "../../src/cli/cli-io";

let dir = "";
let tracking = "";

beforeAll(() => {
  dir = tempDir("phuluc-outputs-");
  tracking = importLamDong(path.join(dir, "theo-doi.xlsx"));
});

/** Vietnamese, one line, no stack frames nor English error names. */
function expectSentence(stderr: string, re: RegExp) {
  expect(stderr).toMatch(re);
  expect(stderr).not.toMatch(/\n\s+at |Error:|ENOENT|EISDIR|ENOSPC|lỗi không mong đợi/);
}

test("-o into a missing folder, onto a folder: exit 2 and a sentence", () => {
  const missing = phuluc(["import", LAM_DONG_DOCX, "-o", path.join(dir, "khong-co", "x.xlsx")]);
  expect(missing.code).toBe(2);
  expectSentence(
    missing.stderr,
    /^phuluc import: không ghi được .*thư mục ".*khong-co" không tồn tại/
  );
  const folder = path.join(dir, "mot-thu-muc");
  mkdirSync(folder);
  const onto = phuluc(["fix", tracking, "-o", folder, "--force"]);
  expect(onto.code).toBe(2);
  expectSentence(onto.stderr, /^phuluc fix: không ghi được .*đó là một thư mục/);
  expect(readdirSync(folder)).toEqual([]);
});

test("-o onto something that is not a regular file (a pipe) is refused before writing", () => {
  const fifo = path.join(dir, "ong.xlsx");
  execFileSync("mkfifo", [fifo]);
  const r = phuluc(["print", tracking, "-o", fifo, "--force", "--year", "2026"]);
  expect(r.code).toBe(2);
  expectSentence(r.stderr, /không ghi được .*ong.xlsx": đó không phải một tệp thường/);
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});

test("-o that is the input through a symlink or a hard link is refused like the same path", () => {
  const before = readFileSync(tracking);
  const link = path.join(dir, "lien-ket.xlsx");
  symlinkSync(tracking, link);
  const hard = path.join(dir, "lien-ket-cung.xlsx");
  linkSync(tracking, hard);
  const folderLink = path.join(dir, "thu-muc-lien-ket");
  symlinkSync(dir, folderLink);
  for (const out of [link, hard, path.join(folderLink, "theo-doi.xlsx")]) {
    const r = phuluc(["fix", tracking, "-o", out, "--force"]);
    expect(r.code).toBe(2);
    expectSentence(r.stderr, /^phuluc fix: tệp kết quả trùng với tệp nguồn/);
  }
  const plan = path.join(dir, "ke-hoach.docx");
  writeFileSync(plan, readFileSync(LAM_DONG_DOCX));
  const planLink = path.join(dir, "ke-hoach-lien-ket.docx");
  symlinkSync(plan, planLink);
  const imp = phuluc(["import", plan, "-o", planLink, "--force"]);
  expect(imp.code).toBe(2);
  expectSentence(imp.stderr, /^phuluc import: tệp kết quả trùng với tệp nguồn/);
  // A returned file given to consolidate is an input too.
  const c = phuluc(["consolidate", tracking, link, "-o", hard, "--force", "--year", "2026"]);
  expect(c.code).toBe(2);
  expect(readFileSync(tracking).equals(before)).toBe(true);
});

/** A disk that fills up after `room` bytes: the write that crosses it fails with ENOSPC. */
function fullDisk(room: number): OutputFs {
  let used = 0;
  return {
    ...fsp,
    writeFile: (async (file: string, data: Uint8Array) => {
      if (used + data.length > room) {
        await fsp.writeFile(file, data.subarray(0, Math.max(0, room - used)));
        used = room;
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), {
          code: "ENOSPC",
        });
      }
      used += data.length;
      return fsp.writeFile(file, data);
    }) as OutputFs["writeFile"],
  };
}

async function run(argv: string[], ofs: OutputFs) {
  let stderr = "";
  const io = { ...nodeIo(ofs), stderr: (t: string) => void (stderr += t), stdout: () => undefined };
  return { code: await main(argv, io), stderr };
}

test("a full disk: exit 2, a sentence, the old file whole", async () => {
  const out = path.join(dir, "cu.xlsx");
  writeFileSync(out, "tệp cũ");
  const r = await run(["fix", tracking, "-o", out, "--force"], fullDisk(10_000));
  expect(r.code).toBe(2);
  expectSentence(
    r.stderr,
    /^phuluc fix: không ghi được .*cu.xlsx": ổ đĩa đã đầy.*Không có tệp nào được ghi; tệp cũ/
  );
  expect(readFileSync(out, "utf8")).toBe("tệp cũ");
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});

test("distribute on a full disk leaves no partial set", async () => {
  const out = path.join(dir, "gui-don-vi");
  const ok = await run(
    ["distribute", tracking, "--year", "2026", "-o", path.join(dir, "du")],
    fullDisk(1e12)
  );
  expect(ok.code).toBe(0);
  const sizes = readdirSync(path.join(dir, "du")).map(
    (f) => readFileSync(path.join(dir, "du", f)).length
  );
  expect(sizes.length).toBeGreaterThan(3);
  // Room for about half the set.
  const half = sizes.reduce((a, b) => a + b, 0) / 2;
  const r = await run(["distribute", tracking, "--year", "2026", "-o", out], fullDisk(half));
  expect(r.code).toBe(2);
  expectSentence(
    r.stderr,
    /^phuluc distribute: không ghi được .*ổ đĩa đã đầy.*Không có tệp nào được ghi/
  );
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
});
