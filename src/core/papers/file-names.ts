/**
 * File names made from agency names ("Sở Văn hóa, Thể thao và Du lịch", "Phòng Ngoại vụ /
 * VP UBND", "Ban "Đổi mới"…"): characters Windows, macOS or a zip tool refuse are replaced,
 * reserved device names avoided, length capped on a character boundary (core/text/file-name.ts),
 * and names made unique in one archive.
 */

export { safeFileName } from "../text/file-name";

/** Gives each base name once, case-insensitively: "A.docx", "A (2).docx". */
export function uniqueNames(): (base: string, ext: string) => string {
  const seen = new Set<string>();
  return (base, ext) => {
    let name = `${base}.${ext}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n}).${ext}`;
    seen.add(name.toLowerCase());
    return name;
  };
}
