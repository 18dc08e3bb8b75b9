/** The Vietnamese messages for PDFs we cannot read, shared by the pdfjs adapter and the layout reader. */
import { InputError } from "../errors/input-error";
import { INPUT_ERRORS } from "../errors/finding-codes";

const MB = 1024 * 1024;

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

export function pdfScanned(fileName: string): InputError {
  return new InputError(
    INPUT_ERRORS.SCANNED_PDF,
    fileName,
    `Tệp "${fileName}" là bản scan (các trang là hình ảnh, không có lớp chữ) nên không đọc được nội dung. ` +
      "Hãy dùng bản PDF có chữ (bản xuất từ Word, bản ký số trên hệ thống văn bản điều hành) hoặc bản Word (.docx) của kế hoạch."
  );
}

/** Over one of PDF_LIMITS: `what` says which ("dung lượng 60 MB", "600 trang"). */
export function pdfTooLarge(fileName: string, what: string, limit: string): InputError {
  return new InputError(
    INPUT_ERRORS.TOO_LARGE,
    fileName,
    `Tệp "${fileName}" quá lớn (${what}, tối đa ${limit}). ` +
      "Hãy chỉ lưu phần kế hoạch và phụ lục thành một tệp PDF riêng, hoặc dùng bản Word (.docx)."
  );
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}
