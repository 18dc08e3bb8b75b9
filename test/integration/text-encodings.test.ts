/**
 * Text plans saved by other programs in the encodings Vietnamese offices still meet: UTF-16
 * without a BOM (written by Python), Windows-1258 and TCVN3 (written by glibc's iconv from the
 * Lâm Đồng seed), VNI (typed here byte by byte, as VNI-Times keeps it). Each is read to the same
 * tasks as the UTF-8 original; bytes in no encoding we can tell are named in the message, never
 * "không tìm thấy bảng phụ lục".
 */
import "../helpers/integration-timeout";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { phuluc } from "../helpers/phuluc-cli";
import { SEED_LAM_DONG } from "../helpers/shared-paths";
import { tempDir } from "../helpers/tools";

let dir = "";
const seed = readFileSync(SEED_LAM_DONG, "utf8");

interface Imported {
  tasks: { title: string; lead: string[] }[];
}

function imported(file: string): Imported {
  const r = phuluc(["import", file, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Imported;
}

beforeAll(() => {
  dir = tempDir("phuluc-encodings-");
});

test("UTF-16 without BOM, Windows-1258 and TCVN3 read to the same tasks as UTF-8", () => {
  const original = imported(SEED_LAM_DONG);
  expect(original.tasks.length).toBeGreaterThan(20);
  const files: Record<string, Buffer> = {
    "utf16le.txt": Buffer.from(seed, "utf16le"),
    "utf16be.txt": Buffer.from(seed, "utf16le").swap16(),
    // -c: characters the encoding lacks (typographic dashes) are dropped, as Word would replace them
    "cp1258.txt": execFileSync("iconv", ["-c", "-f", "UTF-8", "-t", "CP1258"], { input: seed }),
    "tcvn3.txt": execFileSync("iconv", ["-c", "-f", "UTF-8", "-t", "TCVN5712-1"], { input: seed }),
  };
  for (const [name, bytes] of Object.entries(files)) {
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const r = imported(file);
    expect({ name, count: r.tasks.length }).toEqual({ name, count: original.tasks.length });
    expect(r.tasks.map((t) => t.lead)).toEqual(original.tasks.map((t) => t.lead));
    expect(r.tasks[0].title).toBe(original.tasks[0].title);
  }
});

test("a VNI table reads as Unicode", () => {
  const rows = [
    ["STT", "Nhieäm vuï", "Cô quan chuû trì", "Cô quan phoái hôïp", "Thôøi gian hoaøn thaønh"],
    ["1", "Xaây döïng keá hoaïch", "Sôû Taøi chính", "Sôû Noäi vuï", "Naêm 2026"],
    ["2", "Toå chöùc hoäi nghò", "Sôû Y teá", "Sôû Giaùo duïc vaø Ñaøo taïo", "Quyù II/2026"],
  ];
  const file = path.join(dir, "vni.txt");
  writeFileSync(file, Buffer.from(rows.map((r) => r.join("\t")).join("\r\n"), "latin1"));
  const r = imported(file);
  expect(r.tasks.map((t) => [t.title, t.lead])).toEqual([
    ["Xây dựng kế hoạch", ["Sở Tài chính"]],
    ["Tổ chức hội nghị", ["Sở Y tế"]],
  ]);
});

test("bytes in no encoding we can tell: the message names it and asks for UTF-8", () => {
  const file = path.join(dir, "la.txt");
  // Shift-JIS, as a text plan never is: not UTF-8, UTF-16, Windows-1258, TCVN3 nor VNI.
  writeFileSync(
    file,
    execFileSync("iconv", ["-f", "UTF-8", "-t", "SHIFT_JIS"], {
      input: "計画の表\n番号\t任務\n".repeat(20),
    })
  );
  const r = phuluc(["import", file, "--json"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(
    /^phuluc import: Tệp "la.txt" dùng bảng mã không phải Unicode .*hãy lưu lại dạng UTF-8/
  );
  expect(r.stderr).not.toMatch(/không tìm thấy bảng phụ lục/i);
});
