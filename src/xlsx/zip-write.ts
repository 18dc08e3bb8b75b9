/**
 * A package zipped for an edit in place (patch-opc.ts): parts nobody changed are copied as the
 * source file holds them, compressed bytes and CRC included (no inflate, no deflate: a
 * 16 MB task sheet that gained one cell costs its own deflate, the other parts nothing); changed
 * and new parts are deflated natively where the platform can: Node's zlib (in its thread pool),
 * a browser's CompressionStream; 3× less CPU than fflate, which is the fallback. Plain zip (no
 * zip64): the guard's limits keep a package far below 4 GB.
 */
import { deflateSync } from "fflate";
import { nodeZlib, type NodeZlib } from "../core/readers/node-zlib";
import { joinBytes } from "../core/readers/join-bytes";

/**
 * A part to write: new bytes (one array, or chunks in order: a big sheet is never copied into
 * one), or an untouched part's compressed data copied as it is.
 */
export type ZipPart =
  | { name: string; bytes: Uint8Array | readonly Uint8Array[] }
  | {
      name: string;
      raw: { data: Uint8Array; crc32: number; uncompressedSize: number; method: number };
    };

/** Deflate level: zlib's default; the parts are repetitive XML that packs 10-20×. */
const LEVEL = 6;
const UTF8_NAME = 0x0800;

export async function writeZip(parts: ZipPart[], now = new Date()): Promise<Uint8Array> {
  const names = new TextEncoder();
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  const stored = await Promise.all(
    parts.map(async (p) => {
      const name = names.encode(p.name);
      if ("raw" in p) return { name, ...p.raw };
      const chunks = isChunks(p.bytes) ? p.bytes : [p.bytes];
      const data = await deflateRaw(chunks);
      let size = 0;
      for (const c of chunks) size += c.length;
      return { name, data, crc32: crc32(chunks), uncompressedSize: size, method: 8 };
    })
  );
  const localSize = stored.reduce((n, s) => n + 30 + s.name.length + s.data.length, 0);
  const centralSize = stored.reduce((n, s) => n + 46 + s.name.length, 0);
  const total = localSize + centralSize + 22;
  if (total > 0xffffffff) throw new Error("package too large for a plain zip");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const placed: { s: (typeof stored)[number]; offset: number }[] = [];
  // Fields shared by the local header (from its offset 4) and the central one (from 6).
  const common = (p: number, s: (typeof stored)[number]) => {
    view.setUint16(p, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(p + 2, UTF8_NAME, true);
    view.setUint16(p + 4, s.method, true);
    view.setUint16(p + 6, time, true);
    view.setUint16(p + 8, date, true);
    view.setUint32(p + 10, s.crc32, true);
    view.setUint32(p + 14, s.data.length, true);
    view.setUint32(p + 18, s.uncompressedSize, true);
    view.setUint16(p + 22, s.name.length, true);
    view.setUint16(p + 24, 0, true); // no extra field
  };
  for (const s of stored) {
    placed.push({ s, offset: at });
    view.setUint32(at, 0x04034b50, true);
    common(at + 4, s);
    out.set(s.name, at + 30);
    out.set(s.data, at + 30 + s.name.length);
    at += 30 + s.name.length + s.data.length;
  }
  const central = at;
  for (const { s, offset } of placed) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: 2.0
    common(at + 6, s);
    // comment length, disk, internal and external attributes: 0
    view.setUint32(at + 42, offset, true);
    out.set(s.name, at + 46);
    at += 46 + s.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, stored.length, true);
  view.setUint16(at + 10, stored.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}

/** Array.isArray, not instanceof Uint8Array: bytes may come from another realm (jest's vm). */
function isChunks(bytes: Uint8Array | readonly Uint8Array[]): bytes is readonly Uint8Array[] {
  return Array.isArray(bytes);
}

/** Raw deflate (no zlib header) of the chunks in order, as a zip entry holds it. */
async function deflateRaw(chunks: readonly Uint8Array[]): Promise<Uint8Array> {
  // Every part in Node, small ones too: fflate for the ~20 small parts of a workbook cost more
  // (its code compiled cold) than all its large ones in zlib.
  const zlib = nodeZlib();
  if (zlib) return joinBytes(await Promise.all(deflatePieces(zlib, chunks)));
  let size = 0;
  for (const c of chunks) size += c.length;
  // A stream's set-up outweighs fflate below 4 KB.
  if (typeof CompressionStream === "function" && size > 4096) {
    try {
      const stream = new Blob(chunks as Uint8Array<ArrayBuffer>[])
        .stream()
        .pipeThrough(new CompressionStream("deflate-raw"));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    } catch {
      // an older engine without "deflate-raw": fflate below
    }
  }
  return deflateSync(joinBytes(chunks), { level: LEVEL });
}

/** A piece of a part deflated on its own: large enough that the ratio barely changes. */
const PIECE = 1 << 20;

/**
 * The part cut into pieces of about PIECE bytes, each deflated at once on Node's thread pool,
 * so a 11 MB task sheet uses every core instead of one (and the main thread waits less). Every
 * piece but the last ends in a sync flush, on a byte boundary and not the stream's end, so the
 * outputs joined in order are one valid deflate stream, as pigz makes them.
 */
function deflatePieces(zlib: NodeZlib, chunks: readonly Uint8Array[]): Promise<Uint8Array>[] {
  const pieces: Uint8Array[] = [];
  // Chunks under half a piece are joined (a sheet writer's first chunks, a part's small ones);
  // larger ones are pieces as they are, cut where over PIECE: no copy of a large part.
  let small: Uint8Array[] = [];
  let smallSize = 0;
  const flush = () => {
    if (small.length) pieces.push(joinBytes(small));
    small = [];
    smallSize = 0;
  };
  for (const c of chunks) {
    if (c.length >= PIECE / 2) {
      flush();
      for (let at = 0; at < c.length; at += PIECE) pieces.push(c.subarray(at, at + PIECE));
      continue;
    }
    if (smallSize + c.length > PIECE) flush();
    small.push(c);
    smallSize += c.length;
  }
  flush();
  if (pieces.length === 0) pieces.push(new Uint8Array(0));
  const { Z_SYNC_FLUSH, Z_FINISH } = zlib.constants;
  return pieces.map(
    (piece, i) =>
      new Promise((resolve, reject) =>
        zlib.deflateRaw(
          piece,
          { level: LEVEL, finishFlush: i === pieces.length - 1 ? Z_FINISH : Z_SYNC_FLUSH },
          (e, out) => (e ? reject(e) : resolve(out))
        )
      )
  );
}

let table: Uint32Array | undefined;

function crc32(chunks: readonly Uint8Array[]): number {
  // Node ≥ 20.15: zlib's own, native, carried from chunk to chunk.
  const native = nodeZlib()?.crc32;
  if (native) {
    let crc = 0;
    for (const c of chunks) crc = native(c, crc);
    return crc >>> 0;
  }
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  // Indexed, not for-of (4× faster on a 16 MB part): i < length and & 0xff < 256 keep both in range.
  for (const bytes of chunks)
    for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
