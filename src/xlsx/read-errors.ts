/**
 * Recognising files exceljs cannot read, before handing them to it, so the officer gets a
 * Vietnamese sentence saying what to do instead of a zip/XML stack trace.
 */
import { isInputError } from "../core/errors/input-error";
import { PhuLucError } from "../core/errors/phuluc-error";
import { isTooLarge } from "../core/readers/zip-package";

export type XlsxReadErrorCode =
  | "CORRUPT"
  | "LEGACY_XLS"
  | "OPENDOCUMENT"
  | "ENCRYPTED"
  | "TOO_LARGE";

export class XlsxReadError extends PhuLucError {
  declare readonly code: XlsxReadErrorCode;
  constructor(code: XlsxReadErrorCode, message: string, cause?: unknown) {
    super(code, message, { cause });
    this.name = "XlsxReadError";
  }
}

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];

/** Throws XlsxReadError when the bytes cannot be an .xlsx package. */
export function sniffWorkbook(bytes: Uint8Array, fileName: string): void {
  if (startsWith(bytes, OLE2_MAGIC)) {
    // Password-protected .xlsx files are OLE2 containers holding an EncryptionInfo stream;
    // stream names in the OLE2 directory are UTF-16LE.
    if (containsUtf16(bytes, "EncryptionInfo")) {
      throw new XlsxReadError(
        "ENCRYPTED",
        `Tệp "${fileName}" được đặt mật khẩu. Hãy mở tệp trong Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại và thử lại.`
      );
    }
    throw new XlsxReadError(
      "LEGACY_XLS",
      `Tệp "${fileName}" có định dạng Excel cũ (.xls). Hãy mở tệp trong Excel và lưu lại dưới dạng .xlsx (Sổ làm việc Excel) rồi thử lại.`
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw corrupt(fileName);
  // LibreOffice's and WPS's own format is a zip too; its first entry, stored, says so.
  if (containsAscii(bytes.subarray(0, 120), "application/vnd.oasis.opendocument"))
    throw new XlsxReadError(
      "OPENDOCUMENT",
      `Tệp "${fileName}" là bảng tính OpenDocument (.ods, lưu từ LibreOffice hoặc WPS), không phải tệp Excel (.xlsx). Hãy mở tệp và lưu lại dưới dạng Excel (.xlsx) (Tệp › Lưu thành › "Excel 2007-365") rồi thử lại.`
    );
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  return String.fromCharCode(...bytes).includes(text);
}

export function corrupt(fileName: string, cause?: unknown): XlsxReadError {
  return new XlsxReadError(
    "CORRUPT",
    `Tệp "${fileName}" bị hỏng hoặc không phải tệp Excel (.xlsx).`,
    cause
  );
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The package guard's refusals as the .xlsx readers say them: too large, or damaged and why. */
export function readError(fileName: string, e: unknown): XlsxReadError {
  if (e instanceof XlsxReadError) return e;
  if (isTooLarge(e)) return new XlsxReadError("TOO_LARGE", e.message);
  if (isInputError(e)) return new XlsxReadError("CORRUPT", e.message);
  return corrupt(fileName, e);
}
