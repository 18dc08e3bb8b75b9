/**
 * The zip central directory, read straight from the bytes: every entry's name and the sizes the
 * file declares, so a reader can refuse a package before inflating anything. Zip64 sizes are read
 * from the entry's extra field. Returns null when the bytes are not a readable zip. Also where
 * each entry's data lies and how it is stored, so a writer can copy an untouched part's
 * compressed bytes as they are (xlsx/zip-write.ts).
 */
export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  /** As declared by the central directory; may lie (the inflater enforces it while streaming). */
  uncompressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** General purpose flags (bit 0: encrypted, bit 3: data descriptor, bit 11: UTF-8 name). */
  flags: number;
  crc32: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

/** The entry's compressed data, found through its local header; null when that is not there. */
export function rawEntryData(bytes: Uint8Array, e: ZipEntryInfo): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = e.localOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL_HEADER) return null;
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  if (start + e.compressedSize > bytes.length) return null;
  return bytes.subarray(start, start + e.compressedSize);
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;

export function readZipDirectory(bytes: Uint8Array): ZipEntryInfo[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let offset: number = view.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    const z64 = Number(view.getBigUint64(locator + 8, true));
    if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== ZIP64_EOCD) return null;
    count = Number(view.getBigUint64(z64 + 32, true));
    offset = Number(view.getBigUint64(z64 + 48, true));
  }
  const entries: ZipEntryInfo[] = [];
  const decoder = new TextDecoder();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_HEADER) return null;
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc32 = view.getUint32(p + 16, true);
    let compressedSize: number = view.getUint32(p + 20, true);
    let uncompressedSize: number = view.getUint32(p + 24, true);
    let localOffset: number = view.getUint32(p + 42, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > bytes.length) return null;
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (
      uncompressedSize === 0xffffffff ||
      compressedSize === 0xffffffff ||
      localOffset === 0xffffffff
    ) {
      // Zip64 extra field (id 1): the 64-bit sizes, uncompressed first, then the offset, each
      // only when needed.
      let e = p + 46 + nameLength;
      const end = e + extraLength;
      while (e + 4 <= end) {
        const id = view.getUint16(e, true);
        const size = view.getUint16(e + 2, true);
        if (id === 1) {
          let f = e + 4;
          if (uncompressedSize === 0xffffffff && f + 8 <= end) {
            uncompressedSize = Number(view.getBigUint64(f, true));
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= end) {
            compressedSize = Number(view.getBigUint64(f, true));
            f += 8;
          }
          if (localOffset === 0xffffffff && f + 8 <= end)
            localOffset = Number(view.getBigUint64(f, true));
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({ name, compressedSize, uncompressedSize, method, flags, crc32, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= first; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}
