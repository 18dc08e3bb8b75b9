/**
 * writeZip deflates with Node's zlib where process.getBuiltinModule hands it out, else with a
 * browser's CompressionStream or fflate, and computes CRCs natively or in JavaScript: every way
 * gives a package an independent reader (fflate's unzip, which checks each CRC) opens.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { crc32 } from "node:zlib";
import { writeZip } from "../../../src/xlsx/zip-write";

const text = (n: number) =>
  Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c><v>${i * 7}</v></c></row>`).join("");
const parts = () => [
  { name: "small.xml", bytes: new TextEncoder().encode("<a>nhỏ</a>") },
  { name: "xl/worksheets/sheet1.xml", bytes: new TextEncoder().encode(text(5000)) },
];

/** The CRC each central directory entry declares, by name (fflate's unzip does not check them). */
function declaredCrcs(zip: Uint8Array): Record<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const out: Record<string, number> = {};
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    out[name] = view.getUint32(at + 16, true);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

function readBack(zip: Uint8Array): Record<string, string> {
  const files = unzipSync(zip);
  const crcs = declaredCrcs(zip);
  for (const [name, bytes] of Object.entries(files))
    expect([name, crcs[name]]).toEqual([name, crc32(bytes)]);
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)])
  );
}

const expected = () =>
  Object.fromEntries(parts().map((p) => [p.name, new TextDecoder().decode(p.bytes)]));

test("with Node's zlib: the parts read back whole", async () => {
  const zip = await writeZip(parts());
  expect(readBack(zip)).toEqual(expected());
});

test("without Node's zlib (the pane's way): the parts read back whole", async () => {
  const p = process as { getBuiltinModule?: unknown };
  const saved = p.getBuiltinModule;
  const savedStream = globalThis.CompressionStream;
  try {
    p.getBuiltinModule = undefined;
    const viaStream = await writeZip(parts());
    expect(readBack(viaStream)).toEqual(expected());
    // No CompressionStream either: fflate deflates, the CRC table is JavaScript's.
    (globalThis as { CompressionStream?: unknown }).CompressionStream = undefined;
    const viaFflate = await writeZip(parts());
    expect(readBack(viaFflate)).toEqual(expected());
  } finally {
    p.getBuiltinModule = saved;
    globalThis.CompressionStream = savedStream;
  }
});

test("a part given in chunks is zipped byte for byte as the same part in one array", async () => {
  const whole = parts();
  const sheet = whole[1].bytes;
  const cuts = [0, 1, 4096, 65_536, 65_537, 100_000, sheet.length];
  const chunked = [
    whole[0],
    { name: whole[1].name, bytes: cuts.slice(1).map((end, i) => sheet.subarray(cuts[i], end)) },
  ];
  const now = new Date(2026, 11, 3, 10, 20, 30);
  const one = await writeZip(whole, now);
  expect(Buffer.from(await writeZip(chunked, now)).equals(Buffer.from(one))).toBe(true);
  // Without Node's zlib: the CRC carried over the chunks by JavaScript; a CompressionStream's
  // deflate, then fflate's.
  const p = process as { getBuiltinModule?: unknown };
  const saved = p.getBuiltinModule;
  const savedStream = globalThis.CompressionStream;
  try {
    p.getBuiltinModule = undefined;
    expect(readBack(await writeZip(chunked, now))).toEqual(expected());
    (globalThis as { CompressionStream?: unknown }).CompressionStream = undefined;
    expect(readBack(await writeZip(chunked, now))).toEqual(expected());
  } finally {
    p.getBuiltinModule = saved;
    globalThis.CompressionStream = savedStream;
  }
});

test("a part of several megabytes, deflated in pieces at once, is one stream every reader opens", async () => {
  // ~3.4 MB in uneven chunks (a piece may join small chunks or cut a large one), an empty part.
  const sheet = new TextEncoder().encode(text(80_000));
  const cuts = [0, 10, 70_000, 1_500_000, 1_500_001, 3_000_000, sheet.length];
  const zip = await writeZip([
    { name: "empty.xml", bytes: new Uint8Array(0) },
    { name: "big.xml", bytes: cuts.slice(1).map((end, i) => sheet.subarray(cuts[i], end)) },
  ]);
  const back = unzipSync(zip);
  expect(back["empty.xml"]!.length).toBe(0);
  expect(Buffer.from(back["big.xml"]!).equals(Buffer.from(sheet))).toBe(true);
  expect(declaredCrcs(zip)["big.xml"]).toBe(crc32(sheet));
  // Python's zipfile (zlib, checking the CRC) as the independent reader.
  const dir = mkdtempSync(path.join(os.tmpdir(), "zip-pieces-"));
  try {
    writeFileSync(path.join(dir, "p.zip"), zip);
    const out = execFileSync("python3", [
      "-c",
      "import sys,zipfile,hashlib; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip(), hashlib.sha256(z.read('big.xml')).hexdigest())",
      path.join(dir, "p.zip"),
    ]).toString();
    expect(out.trim()).toBe(`None ${createHash("sha256").update(sheet).digest("hex")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
