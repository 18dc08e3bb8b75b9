/**
 * Turns anything thrown during import/confirm into what the error MessageBar shows. Every
 * PhuLucError (InputError and XlsxReadError: legacy .xls/.doc, password-protected, too large,
 * corrupt; a refused roll-over; a failed render or write, saying whether it was rolled back)
 * carries a Vietnamese message meant for the user; Office errors are explained by their code
 * (office-errors.ts); anything else is unexpected: a generic sentence plus the technical text for
 * support. The base class lives in core/errors, a small module of the main chunk, so instanceof
 * holds for errors thrown by lazily loaded chunks too.
 */
import { isPhuLucError } from "../core/errors/phuluc-error";
import { isKnownOfficeError, officeErrorText } from "../render/office/office-errors";

export interface ErrorText {
  title: string;
  message: string;
}

export function errorText(e: unknown, stage: "import" | "confirm"): ErrorText {
  const err = e as { message?: string } | null;
  const title = stage === "import" ? "Không đọc được kế hoạch" : "Không tạo được sổ theo dõi";
  // .xls, encrypted, too large, corrupt plans: the readers' own Vietnamese sentence.
  if (isPhuLucError(e) && e.message) return { title, message: e.message };
  if (isKnownOfficeError(e))
    return {
      title,
      message: `${sentence(officeErrorText(e))}${stage === "confirm" ? " Chưa có gì được ghi." : ""}`,
    };
  const detail = err?.message ? ` (Chi tiết: ${err.message})` : "";
  return stage === "import"
    ? { title, message: `Đã xảy ra lỗi không mong muốn khi đọc.${detail}` }
    : { title, message: `Đã xảy ra lỗi không mong muốn; chưa có gì được ghi.${detail}` };
}

/** "excel đang bận" → "Excel đang bận." */
function sentence(clause: string): string {
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;
}

export type TrackingStage =
  | "open"
  | "check"
  | "fix"
  | "undo"
  | "rollover"
  | "chart"
  | "select"
  | "exchange"
  | "paper";

const TRACKING_TITLES: Record<TrackingStage, string> = {
  open: "Không đọc được sổ theo dõi",
  check: "Không kiểm tra được sổ",
  fix: "Không sửa được sổ",
  undo: "Không hoàn tác được",
  rollover: "Không chuyển năm được",
  chart: "Không chèn được biểu đồ",
  select: "Không chọn được ô",
  exchange: "Không gửi hay tổng hợp được báo cáo đơn vị",
  paper: "Không tạo được giấy tờ in",
};

/**
 * The "Theo dõi" tab's error bar. Messages meant for the user (every PhuLucError: InputError,
 * XlsxReadError, a refused roll-over, a failed write that says whether it was rolled back) are
 * shown as they are: they already name the file. Anything else gets
 * where it happened (file, and for Office.js errors the sheet/cell Excel reports) and the
 * assurance that nothing was changed, plus the technical text for support.
 */
export function trackingErrorText(e: unknown, stage: TrackingStage, source?: string): ErrorText {
  const err = e as { message?: string; debugInfo?: { errorLocation?: string } } | null;
  const title = TRACKING_TITLES[stage];
  if (isPhuLucError(e) && e.message) return { title, message: e.message };
  const where = [source ? `tệp "${source}"` : "", err?.debugInfo?.errorLocation ?? ""]
    .filter(Boolean)
    .join(", ");
  const unchanged =
    stage === "open" ||
    stage === "check" ||
    stage === "select" ||
    stage === "chart" ||
    stage === "paper"
      ? ""
      : " Sổ vẫn giữ nguyên như trước.";
  if (isKnownOfficeError(e))
    return {
      title,
      message: `${sentence(officeErrorText(e))}${where ? ` (ở ${where})` : ""}${unchanged}`,
    };
  const detail = err?.message ? ` (Chi tiết: ${err.message})` : "";
  return {
    title,
    message: `Đã xảy ra lỗi không mong muốn${where ? ` ở ${where}` : ""}.${unchanged}${detail}`,
  };
}
