/** One finding as one human line: "Cảnh báo [CODE] tệp, bảng 1, dòng 7, cột Đơn vị chủ trì: …". */
import type { Finding } from "../core/model";

const SEVERITY_LABEL = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" } as const;

function formatLocation(f: Finding): string {
  const l = f.location;
  const parts = [
    l.file,
    l.sheet && `trang "${l.sheet}"`,
    l.table !== undefined && `bảng ${l.table}`,
    l.row !== undefined && `dòng ${l.row}`,
    l.column && `cột "${l.column}"`,
  ].filter(Boolean);
  return parts.join(", ");
}

export function formatFinding(f: Finding): string {
  // Findings on the tracking workbook already open with 'Trang "…", dòng …, cột …': name only
  // the file, so the place is not printed twice on every line.
  const placed = /^Trang "/.test(f.message);
  const where = placed ? (f.location.file ?? "") : formatLocation(f);
  return `${SEVERITY_LABEL[f.severity]} [${f.code}]${where ? ` ${where}` : ""}: ${f.message}`;
}
