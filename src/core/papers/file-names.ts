/**
 * File names made from agency names ("Sở Văn hóa, Thể thao và Du lịch", "Phòng Ngoại vụ /
 * VP UBND", "Ban "Đổi mới"…"): characters Windows, macOS or a zip tool refuse are replaced,
 * reserved device names avoided, length capped, and names made unique in one archive.
 */

// Control characters are exactly what must go: no file system accepts them.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function safeFileName(name: string, fallback = "don-vi"): string {
  let s = name.normalize("NFC").replace(FORBIDDEN, "-").replace(/\s+/g, " ").trim();
  s = s.replace(/^[.\s-]+|[.\s]+$/g, "");
  if (s.length > 100) s = s.slice(0, 100).replace(/[.\s]+$/, "");
  if (!s) s = fallback;
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

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
