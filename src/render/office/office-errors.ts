/**
 * What an OfficeExtension.Error means for the officer, by its `code` (Excel's English message is
 * kept only as the code, for support). The codes are Excel's (Excel.ErrorCodes and the common
 * OfficeExtension ones); the advice is what the officer can do about each.
 */
const BY_CODE: Record<string, string> = {
  RequestPayloadSizeLimitExceeded:
    "dữ liệu gửi cho Excel trong một lần vượt quá giới hạn 5 MB của Excel trên web",
  ResponsePayloadSizeLimitExceeded:
    "dữ liệu đọc từ Excel trong một lần vượt quá giới hạn 5 MB của Excel trên web",
  ItemAlreadyExists:
    "sổ làm việc đã có một trang tính, bảng hoặc tên trùng với tên Phụ Lục cần tạo; hãy đổi tên cái đang có rồi thử lại",
  InvalidSelection:
    "Excel đang sửa một ô hoặc đang chọn biểu đồ/hình; hãy nhấn Enter hoặc Esc, bấm vào một ô trên trang tính rồi thử lại",
  InvalidOperationInCellEditMode:
    "Excel đang ở chế độ sửa ô; hãy nhấn Enter hoặc Esc để ra khỏi ô đang sửa rồi thử lại",
  Conflict: "sổ làm việc đang bận hoặc đang được người khác cùng sửa; hãy đợi vài giây rồi thử lại",
  ActivityLimitReached: "Excel đang bận xử lý quá nhiều yêu cầu; hãy đợi vài giây rồi thử lại",
  RequestAborted: "yêu cầu bị Excel hủy giữa chừng (sổ đang bận hoặc mất kết nối); hãy thử lại",
  InactiveWorkbook:
    "sổ làm việc không còn mở hoặc không còn là sổ đang dùng; hãy mở lại sổ rồi thử lại",
  AccessDenied:
    "sổ làm việc hoặc trang tính đang được bảo vệ hoặc chỉ cho đọc; hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại",
  ItemNotFound: "không thấy trang tính, bảng hoặc tên cần dùng (có thể đã bị đổi tên hoặc xóa)",
  MergedRangeConflict: "vùng cần ghi có ô đã gộp; hãy bỏ gộp ô ở vùng đó rồi thử lại",
  InsertDeleteConflict: "vùng cần ghi chồng lên một bảng hoặc vùng đã lọc",
  FilteredRangeConflict:
    "vùng cần ghi đang được lọc; hãy bỏ lọc (Dữ liệu › Xóa bộ lọc) rồi thử lại",
  ConnectionFailure: "mất kết nối tới Excel; hãy kiểm tra mạng rồi thử lại",
  ApiNotFound:
    "phiên bản Excel này không có chức năng cần dùng (cần Microsoft 365 hoặc Excel 2021 trở lên)",
};

function officeErrorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** A Vietnamese clause for the error ("… (mã lỗi Excel: Conflict)"), or its message when unknown. */
export function officeErrorText(e: unknown): string {
  const code = officeErrorCode(e);
  const known = code ? BY_CODE[code] : undefined;
  if (known) return `${known} (mã lỗi Excel: ${code})`;
  const message = e instanceof Error ? e.message : String(e);
  return code ? `Excel báo lỗi ${code}: ${message}` : message;
}

/** Whether `e` came from Office (has an Excel error code we know). */
export function isKnownOfficeError(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code !== undefined && code in BY_CODE;
}
