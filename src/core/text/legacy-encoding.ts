/**
 * Vietnamese typed in the legacy 8-bit encodings (TCVN3/ABC with the .VnTime fonts, VNI with
 * VNI-Times) survives in workbooks converted from old .xls files as Latin-1 look-alikes:
 * "Së Y tÕ" (TCVN3) or "Sôû Y teá" (VNI) for "Sở Y tế". Such text matches nothing, so a file
 * is examined as a whole (one string proves little: "Ê" is Vietnamese too) and, when it is
 * clearly in one encoding, every string that looks legacy is converted to Unicode.
 */

// TCVN3 (TCVN 5712:1993, ABC): lowercase and the seven distinct capitals; other capitals used
// the same codes in the capital fonts (.VnTimeH), so they convert to lowercase here.
const TCVN3_UNICODE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ";
const TCVN3_LEGACY =
  "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦";
// TCVN 5712:1993 (VN1) also has the toned capitals, in codes 0x01-0x17 and 0x80-0x9F (as
// glibc's TCVN5712-1 reads them); a file read as Latin-1 has them as control characters.
const TCVN3_CAPITALS: [number, string][] = [
  [0x01, "Ú"],
  [0x02, "Ụ"],
  [0x04, "Ừ"],
  [0x05, "Ử"],
  [0x06, "Ữ"],
  [0x11, "Ứ"],
  [0x12, "Ự"],
  [0x13, "Ỳ"],
  [0x14, "Ỷ"],
  [0x15, "Ỹ"],
  [0x16, "Ý"],
  [0x17, "Ỵ"],
  ...[..."ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"].map((c, i): [number, string] => [0x80 + i, c]),
];
const TCVN3 = new Map([
  ...[...TCVN3_LEGACY].flatMap((c, i): [string, string][] => {
    const u = [...TCVN3_UNICODE][i];
    return u === undefined ? [] : [[c, u]];
  }),
  ...TCVN3_CAPITALS.map(([code, c]): [string, string] => [String.fromCharCode(code), c]),
]);
/** Codes no Unicode Vietnamese text contains (symbols of the Latin-1 upper half, C1 controls). */
const TCVN3_ONLY = /[\u0080-\u009f\u00a1-\u00bf\u00d7\u00de\u00fe]/;

// VNI: a base letter followed by mark characters.
// Six tones: none, sắc, huyền, hỏi, ngã, nặng; one entry of each row per tone.
type Six = readonly [string, string, string, string, string, string];
const TONES_LOWER: Six = ["", "ù", "ø", "û", "õ", "ï"];
const TONES_UPPER: Six = ["", "Ù", "Ø", "Û", "Õ", "Ï"];
const HAT_LOWER: Six = ["â", "á", "à", "å", "ã", "ä"]; // â ê ô with each tone
const HAT_UPPER: Six = ["Â", "Á", "À", "Å", "Ã", "Ä"];
const BREVE_LOWER: Six = ["ê", "é", "è", "ú", "ü", "ë"]; // ă with each tone
const BREVE_UPPER: Six = ["Ê", "É", "È", "Ú", "Ü", "Ë"];
const TONE_MARKS: Six = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
const TONES = [0, 1, 2, 3, 4, 5] as const;

function vniTable(): Map<string, string> {
  const t = new Map<string, string>();
  const put = (vni: string, base: string, tone: (typeof TONES)[number]) =>
    t.set(vni, (base + TONE_MARKS[tone]).normalize("NFC"));
  for (const k of TONES) {
    for (const [lo, up] of <[string, string][]>[
      ["a", "A"],
      ["e", "E"],
      ["o", "O"],
      ["u", "U"],
      ["y", "Y"],
    ]) {
      if (k > 0) put(lo + TONES_LOWER[k], lo, k);
      if (k > 0) put(up + TONES_UPPER[k], up, k);
    }
    for (const [lo, up, uni, UNI] of <[string, string, string, string][]>[
      ["a", "A", "â", "Â"],
      ["e", "E", "ê", "Ê"],
      ["o", "O", "ô", "Ô"],
    ]) {
      put(lo + HAT_LOWER[k], uni, k);
      put(up + HAT_UPPER[k], UNI, k);
    }
    put("a" + BREVE_LOWER[k], "ă", k);
    put("A" + BREVE_UPPER[k], "Ă", k);
    put("ô" + TONES_LOWER[k], "ơ", k);
    put("Ô" + TONES_UPPER[k], "Ơ", k);
    put("ö" + TONES_LOWER[k], "ư", k);
    put("Ö" + TONES_UPPER[k], "Ư", k);
  }
  // i and ỵ are single characters in VNI.
  for (const [vni, uni] of <[string, string][]>[
    ["í", "í"],
    ["ì", "ì"],
    ["æ", "ỉ"],
    ["ó", "ĩ"],
    ["ò", "ị"],
    ["Í", "Í"],
    ["Ì", "Ì"],
    ["Æ", "Ỉ"],
    ["Ó", "Ĩ"],
    ["Ò", "Ị"],
    ["î", "ỵ"],
    ["Î", "Ỵ"],
    ["ñ", "đ"],
    ["Ñ", "Đ"],
  ])
    t.set(vni, uni);
  return t;
}
const VNI = vniTable();
/** A vowel followed by a VNI mark that Unicode Vietnamese never writes after a vowel. */
const VNI_SIGN = /[aeiouyAEIOUYôöÔÖ][øûïåäëüÙØÛÏÅÄËÜ]|[ñÑæÆîÎ]|ö/;
/** Characters only Unicode Vietnamese has (ă, đ, ơ, ư, and the precomposed tones). */
export const UNICODE_VI = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

export type LegacyEncoding = "tcvn3" | "vni";

/** Which legacy encoding the strings of a file are in, or null when they are Unicode. */
export function detectLegacyEncoding(strings: Iterable<string>): LegacyEncoding | null {
  let tcvn = 0;
  let vni = 0;
  let unicode = 0;
  for (const s of strings) {
    if (UNICODE_VI.test(s)) unicode++;
    else if (TCVN3_ONLY.test(s)) tcvn++;
    else if (VNI_SIGN.test(s)) vni++;
  }
  // Clear evidence only: more legacy strings than Unicode ones, and at least two.
  if (tcvn >= 2 && tcvn > unicode && tcvn >= vni) return "tcvn3";
  if (vni >= 2 && vni > unicode) return "vni";
  return null;
}

/** `s` converted, when it looks legacy (no Unicode-only Vietnamese, some code above ASCII). */
export function fromLegacy(s: string, encoding: LegacyEncoding): string {
  // eslint-disable-next-line no-control-regex -- TCVN3's capitals are C0/C1 codes
  if (UNICODE_VI.test(s) || !/[\u0001-\u0017\u0080-\u00ff]/.test(s)) return s;
  if (encoding === "tcvn3") {
    let out = "";
    for (const c of s) out += TCVN3.get(c) ?? c;
    return out;
  }
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const two = VNI.get(s.slice(i, i + 2));
    if (two && s.length > i + 1) {
      out += two;
      i++;
    } else out += VNI.get(s.charAt(i)) ?? s.charAt(i);
  }
  return out;
}
