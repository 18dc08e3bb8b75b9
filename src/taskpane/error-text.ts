/**
 * Turns anything thrown during import/confirm into what the error MessageBar shows. InputError
 * (from core) carries a Vietnamese message meant for the user; anything else is unexpected, so
 * the user gets a generic sentence plus the technical text to pass on to support.
 * Checked by name, not instanceof: the class lives in a lazily loaded chunk.
 */
export interface ErrorText {
  title: string;
  message: string;
}

export function errorText(e: unknown, stage: "import" | "confirm"): ErrorText {
  const err = e as { name?: string; message?: string } | null;
  if (err && err.name === "InputError" && err.message) {
    return {
      title: stage === "import" ? "Không đọc được kế hoạch" : "Không tạo được sổ theo dõi",
      message: err.message,
    };
  }
  const detail = err?.message ? ` (Chi tiết: ${err.message})` : "";
  return stage === "import"
    ? {
        title: "Không đọc được kế hoạch",
        message: `Đã xảy ra lỗi không mong muốn khi đọc.${detail}`,
      }
    : {
        title: "Không tạo được sổ theo dõi",
        message: `Đã xảy ra lỗi không mong muốn; chưa có gì được ghi.${detail}`,
      };
}

/** Errors whose message is written for the officer (Vietnamese, naming the file/sheet/cell). */
const USER_ERRORS = ["InputError", "XlsxReadError", "RolloverRefused"];

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
 * The "Theo dõi" tab's error bar. Messages meant for the user (InputError, XlsxReadError,
 * a refused roll-over) are shown as they are: they already name the file. Anything else gets
 * where it happened (file, and for Office.js errors the sheet/cell Excel reports) and the
 * assurance that nothing was changed, plus the technical text for support.
 */
export function trackingErrorText(e: unknown, stage: TrackingStage, source?: string): ErrorText {
  const err = e as {
    name?: string;
    code?: string;
    message?: string;
    rolledBack?: boolean;
    debugInfo?: { errorLocation?: string };
  } | null;
  const title = TRACKING_TITLES[stage];
  if (
    err &&
    err.message &&
    (USER_ERRORS.includes(err.name ?? "") || err.code === "ROLLOVER_REFUSED")
  )
    return { title, message: err.message };
  if (err && err.name === "ChangesError" && err.message)
    return {
      title,
      message: `${err.message}${err.rolledBack ? " Các ô đã được khôi phục như trước." : ""}`,
    };
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
  const detail = err?.message ? ` (Chi tiết: ${err.message})` : "";
  return {
    title,
    message: `Đã xảy ra lỗi không mong muốn${where ? ` ở ${where}` : ""}.${unchanged}${detail}`,
  };
}
