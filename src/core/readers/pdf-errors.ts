/** The Vietnamese messages for PDFs we cannot read, shared by the pdfjs adapter and the layout reader. */
import { InputError } from "../errors/input-error";
import { INPUT_ERRORS } from "../errors/finding-codes";

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
