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
