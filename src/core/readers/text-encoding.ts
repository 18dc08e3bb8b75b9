/**
 * Bytes of a text or HTML plan → text, whatever Vietnamese office software saved them in: UTF-8
 * (with or without BOM), UTF-16 (with or without BOM: Notepad's "Unicode"), Windows-1258 (tone
 * marks as combining characters), or the 8-bit font encodings of the 1990s, TCVN3 (.VnTime) and
 * VNI (VNI-Times). What none of these explains is refused with a sentence that names what the file
 * seems to be and asks for UTF-8, never read as mojibake that then "has no phụ lục table".
 */
import { InputError } from "../errors/input-error";
import { INPUT_ERRORS } from "../errors/finding-codes";
import { detectLegacyEncoding, fromLegacy, UNICODE_VI } from "../text/legacy-encoding";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258" | "tcvn3" | "vni";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Bytes sampled to guess UTF-16 without a BOM. */
const SAMPLE = 4096;
/** Combining tone marks (Windows-1258 writes tones this way; NFC composes them after vowels). */
const COMBINING = /[\u0300-\u0303\u0309\u0323]/g;

export function decodePlanText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: utf16(bytes.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: utf16(bytes.subarray(2), "utf-16be"), encoding: "utf-16be" };
  const wide = utf16WithoutBom(bytes);
  if (wide) return { text: utf16(bytes, wide), encoding: wide };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) {
    // Unicode text typed with a legacy font (Latin-1 look-alikes: "Së Y tÕ") is converted too.
    const legacy = detectLegacyEncoding(utf8.split("\n"));
    if (legacy) return { text: convertLines(utf8, legacy), encoding: "utf-8" };
    return { text: utf8.replace(/^\uFEFF/, ""), encoding: "utf-8" };
  }
  return decodeEightBit(bytes, fileName);
}

/** Text in UTF-16 has a zero byte in most ASCII characters, on one side; 8-bit text has none. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.2 && even < pairs * 0.02) return "utf-16le";
  if (even > pairs * 0.2 && odd < pairs * 0.02) return "utf-16be";
  return null;
}

function utf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): string {
  return new TextDecoder(encoding).decode(bytes).normalize("NFC");
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function convertLines(text: string, legacy: "tcvn3" | "vni"): string {
  return text
    .split("\n")
    .map((l) => fromLegacy(l, legacy))
    .join("\n");
}

/** Converted text is Vietnamese when few symbols no Vietnamese text has are left in it. */
function plausible(text: string): boolean {
  const vietnamese = text.match(new RegExp(UNICODE_VI.source, "g"))?.length ?? 0;
  // eslint-disable-next-line no-control-regex -- control characters are what is being counted
  const strange = text.match(/[\u0000-\u0008\u000e-\u001f\u0080-\u00bf\u00d7\u00f7]/g)?.length ?? 0;
  return vietnamese > 0 && strange <= vietnamese * 0.05;
}

/**
 * Not UTF-8: Windows-1258 when its tone marks all land on vowels (NFC composes every one),
 * else TCVN3 or VNI when the bytes read as Latin-1 look like them, else refused.
 */
function decodeEightBit(bytes: Uint8Array, fileName: string): DecodedText {
  let latin1 = "";
  for (let i = 0; i < bytes.length; i += 8192)
    latin1 += String.fromCharCode(...bytes.subarray(i, i + 8192));
  const cp1258 = new TextDecoder("windows-1258").decode(bytes).normalize("NFC");
  const loose = cp1258.match(COMBINING)?.length ?? 0;
  const vietnamese = cp1258.match(new RegExp(UNICODE_VI.source, "g"))?.length ?? 0;
  const legacy = detectLegacyEncoding(latin1.split(/\r?\n/));
  if (vietnamese > 0 && loose === 0) return { text: cp1258, encoding: "windows-1258" };
  if (legacy) {
    const text = convertLines(latin1, legacy);
    if (plausible(text)) return { text, encoding: legacy };
  }
  throw new InputError(
    INPUT_ERRORS.ENCODING,
    fileName,
    `Tệp "${fileName}" dùng bảng mã không phải Unicode (có thể là ${
      vietnamese > 0 ? "Windows-1258" : "TCVN3, VNI hoặc Windows-1252"
    }), hãy lưu lại dạng UTF-8 (trong Notepad: Lưu thành › Mã hóa: UTF-8) rồi thử lại.`
  );
}
