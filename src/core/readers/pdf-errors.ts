/** The Vietnamese messages for PDFs we cannot read, shared by the pdfjs adapter and the layout reader. */
import type { Finding } from "../model";
import { InputError } from "../errors/input-error";
import { FINDINGS, INPUT_ERRORS } from "../errors/finding-codes";

export function pdfCorrupt(fileName: string): InputError {
  return new InputError(
    INPUT_ERRORS.FILE_CORRUPT,
    fileName,
    `Tệp "${fileName}" bị hỏng, không trọn vẹn hoặc không phải tệp PDF. ` +
      "Hãy tải lại tệp từ hệ thống văn bản điều hành, hoặc dùng bản Word (.docx) của kế hoạch."
  );
}

export function pdfEncrypted(fileName: string): InputError {
  return new InputError(
    INPUT_ERRORS.ENCRYPTED,
    fileName,
    `Tệp "${fileName}" là PDF được đặt mật khẩu nên không đọc được. ` +
      "Hãy dùng bản PDF không đặt mật khẩu hoặc bản Word (.docx) của kế hoạch."
  );
}

const pageList = (pages: number[]) => `trang ${pages.join(", ")}`;

/**
 * Nothing read, and some pages are pictures: the phụ lục is likely there (a body typed, its
 * appendix scanned after signing), which "no phụ lục" alone would not tell the officer.
 */
export function pdfPartlyScanned(fileName: string, pages: number[]): InputError {
  return new InputError(
    INPUT_ERRORS.SCANNED_PDF,
    fileName,
    `Không đọc được nhiệm vụ nào trong tệp "${fileName}": ${pageList(pages)} là hình ảnh (bản scan, ` +
      "không có lớp chữ), phụ lục có thể nằm ở đó. Hãy dùng bản PDF có chữ (bản xuất từ Word, " +
      "bản ký số trên hệ thống văn bản điều hành) hoặc bản Word (.docx) của kế hoạch."
  );
}

/** Tasks were read, but pages that are pictures were not: any task on them is missing. */
export function scannedPagesFinding(fileName: string, pages: number[]): Finding {
  return {
    code: FINDINGS.SCANNED_PAGES,
    severity: "warning",
    message:
      `${pageList(pages)} là hình ảnh (bản scan, không có lớp chữ) nên không được đọc; nếu có ` +
      "nhiệm vụ ở đó, hãy nhập từ bản PDF có chữ hoặc bản Word (.docx) của kế hoạch.",
    location: { file: fileName },
  };
}

export function pdfScanned(fileName: string): InputError {
  return new InputError(
    INPUT_ERRORS.SCANNED_PDF,
    fileName,
    `Tệp "${fileName}" là bản scan (các trang là hình ảnh, không có lớp chữ) nên không đọc được nội dung. ` +
      "Hãy dùng bản PDF có chữ (bản xuất từ Word, bản ký số trên hệ thống văn bản điều hành) hoặc bản Word (.docx) của kế hoạch."
  );
}

/** Quoted, on one line and cut short: a cell's text inside a message. */
const quoted = (text: string) => {
  const line = text.replace(/\s+/g, " ").trim();
  return `"${line.length > 80 ? `${line.slice(0, 79)}…` : line}"`;
};

/** A cell at the top of a page took the text of the merged cell cut by the break above it. */
export function pdfCellCarried(
  fileName: string,
  page: number,
  column: string,
  stt: string,
  text: string
): Finding {
  const task = stt.trim() ? `của nhiệm vụ ${stt.trim()} ` : "";
  return {
    code: FINDINGS.PDF_CELL_CARRIED,
    severity: "warning",
    message:
      `ô ${task}ở đầu trang để trống, ngay dưới một ô gộp bị ngắt trang: đã lấy chữ của ô gộp ` +
      `${quoted(text)}. Nếu ô này vốn để trống, hãy xóa ở bảng theo dõi.`,
    location: {
      file: fileName,
      page,
      ...(column ? { column } : {}),
      ...(stt.trim() ? { task: stt.trim() } : {}),
    },
  };
}

/** Text inside a table's area on a page that no cell took: said with the text, not dropped. */
export function pdfTextOutsideCells(fileName: string, page: number, text: string): Finding {
  return {
    code: FINDINGS.PDF_TEXT_OUTSIDE_CELLS,
    severity: "warning",
    message:
      `văn bản ${quoted(text)} nằm trong vùng bảng nhưng không thuộc ô nào nên không được nhập ` +
      "vào nhiệm vụ; hãy xem lại trang này và bổ sung nếu cần.",
    location: { file: fileName, page },
  };
}
