/**
 * One finding as one human line, the same for every command:
 * `Cảnh báo [CODE] tệp "kh.docx", bảng 1, dòng 7, cột "Đơn vị chủ trì": không nhận ra cơ quan …`.
 * The place comes from the finding's data (core/finding-place.ts), said once.
 */
import type { Finding } from "../core/model";
import { placeText } from "../core/finding-place";

const SEVERITY_LABEL = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" } as const;

export function formatFinding(f: Finding): string {
  const where = placeText(f.location, { file: true });
  return `${SEVERITY_LABEL[f.severity]} [${f.code}]${where ? ` ${where}` : ""}: ${f.message}`;
}
