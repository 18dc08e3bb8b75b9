/**
 * A stop request (Ctrl-C/SIGTERM, src/cli/stop-on-signal.ts) during a write: the output is
 * never renamed into place and no temporary file is left; writes after it are refused.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeIo, StoppedError } from "../../../src/cli/cli-io";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "phuluc-stop-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("a write in progress when the stop comes leaves neither output nor temporary file", async () => {
  const io = nodeIo();
  const out = path.join(dir, "so-moi.xlsx");
  const write = io.writeFileAtomic(out, new Uint8Array(8 * 1024 * 1024).fill(65));
  expect(io.outputs.pending.size).toBe(1);
  io.outputs.stopping = true; // what the signal handler does
  await expect(write).rejects.toBeInstanceOf(StoppedError);
  expect(readdirSync(dir)).toEqual([]);
  expect(io.outputs.pending.size).toBe(0);
  expect(io.outputs.written).toEqual([]);
});

test("an existing output stays whole; after the stop no write starts", async () => {
  const io = nodeIo();
  const out = path.join(dir, "so.xlsx");
  writeFileSync(out, "bản cũ");
  const first = path.join(dir, "a.xlsx");
  await io.writeFileAtomic(first, new Uint8Array([1, 2, 3]));
  expect(io.outputs.written).toEqual([first]);
  io.outputs.stopping = true;
  await expect(io.writeFileAtomic(out, new Uint8Array([9]))).rejects.toBeInstanceOf(StoppedError);
  expect(readdirSync(dir).sort()).toEqual(["a.xlsx", "so.xlsx"]);
  expect(readFileSync(out, "utf8")).toBe("bản cũ");
});
