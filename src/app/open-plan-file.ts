/**
 * Turns the bytes of a file the user gave (CLI argument, task-pane file picker) into an
 * import input: Word, Excel and PDF by their content and extension, anything else as pasted text.
 * Shared by the CLI and the task pane; the exceljs adapter is loaded only for spreadsheets, pdfjs
 * only for PDFs.
 */
import type { ImportInput } from "../core/import/import-plan";
import { decodePlanText } from "../core/readers/text-encoding";
import { INPUT_LIMITS, OVER, tooLargeError } from "../core/readers/input-limits";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** "%PDF" */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

const SPREADSHEET_EXTENSIONS = new Set(["xlsx", "xlsm", "xls"]);

export async function openPlanFile(bytes: Uint8Array, fileName: string): Promise<ImportInput> {
  const ext = extensionOf(fileName);
  if (ext === "pdf" || startsWith(bytes, PDF_MAGIC)) {
    // pdfjs is loaded only for PDFs (a lazy chunk in the pane).
    const { readPdfPages } = await import("../pdf/read-pdf");
    return { kind: "pdf", pages: await readPdfPages(bytes, fileName), fileName };
  }
  const container = startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, OLE2_MAGIC);
  if (container || ext === "docx" || ext === "doc" || SPREADSHEET_EXTENSIONS.has(ext)) {
    if (SPREADSHEET_EXTENSIONS.has(ext)) {
      // Readers give the Vietnamese error for .xls, encrypted and corrupt files.
      const { readWorkbookTables } = await import("../xlsx/index");
      return { kind: "tables", tables: await readWorkbookTables(bytes, fileName), fileName };
    }
    return { kind: "docx", bytes, fileName };
  }
  if (bytes.length > INPUT_LIMITS.maxTextFileBytes)
    throw tooLargeError(fileName, OVER.textFileBytes(INPUT_LIMITS));
  if (ext === "html" || ext === "htm" || looksLikeHtml(bytes)) {
    return { kind: "html", html: decodeHtml(bytes, fileName), fileName };
  }
  return { kind: "text", text: decodeText(bytes, fileName), fileName };
}

/** A file that starts (after a BOM and blanks) with "<!DOCTYPE html", "<html" or Word's "<html xmlns…". */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^ï»¿/, "");
  return /^\s*<(!doctype html|html[\s>])/i.test(head);
}

/**
 * HTML bytes in the charset they declare: Word's "Web Page" may be windows-1258 or
 * windows-1252, portals and LibreOffice write UTF-8. A BOM or no declaration means UTF-8.
 */
export function decodeHtml(bytes: Uint8Array, fileName = "(văn bản)"): string {
  if (bytes[0] === 0xff || bytes[0] === 0xfe || bytes[0] === 0xef)
    return decodeText(bytes, fileName);
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (charset && charset !== "utf-8" && charset !== "utf8") {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: fall back to UTF-8 below.
    }
  }
  return decodeText(bytes, fileName);
}

/**
 * Text plans in whatever encoding office software saved them (core/readers/text-encoding.ts:
 * UTF-8, UTF-16 with or without BOM, Windows-1258, TCVN3, VNI); an encoding it cannot tell is
 * an InputError naming it.
 */
export function decodeText(bytes: Uint8Array, fileName = "(văn bản)"): string {
  return decodePlanText(bytes, fileName).text;
}
