/**
 * Where a finding is, said one way for every reader: `trang "Nhiệm vụ", dòng 12, cột "Trạng thái"`.
 * A Finding keeps its place as data (`location`) and its text without the place (`message`);
 * the CLI line, the JSON `message`, the change log and the pane all say the place through here,
 * so no one parses a place back out of a message.
 */
import type { Finding, Location } from "./model";

/**
 * `tệp "a.xlsx", trang "Nhiệm vụ", bảng 1, dòng 12, cột "Trạng thái"`: only what is known,
 * lower case (it follows a code or starts a sentence through `capitalized`); "" when nothing
 * is known. The file is named only when asked: a list of one file's findings names it once.
 */
export function placeText(l: Location, o: { file?: boolean } = {}): string {
  return [
    o.file && l.file ? `tệp "${l.file}"` : "",
    l.sheet ? `trang "${l.sheet}"` : "",
    l.page !== undefined ? `trang ${l.page}` : "",
    l.table !== undefined ? `bảng ${l.table}` : "",
    l.row !== undefined ? `dòng ${l.row}` : "",
    l.column ? `cột "${l.column}"` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

/** The text with its first letter capital, to stand as a sentence. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The finding as one sentence with its place in front: `Trang "Nhiệm vụ", dòng 12, cột
 * "Trạng thái": nhiệm vụ chưa có nội dung.` (the JSON output's `message`, the change log's reason).
 */
export function placedMessage(f: Finding, o: { file?: boolean } = {}): string {
  const place = placeText(f.location, o);
  return place ? `${capitalized(place)}: ${f.message}` : capitalized(f.message);
}
