/**
 * A list item's number as a reader shows it, in the formats Word (numFmt) and HTML (<ol type>)
 * number lists with: "3", "III", "iii", "C", "c".
 */
export function listNumber(n: number, format: string): string {
  switch (format) {
    case "none":
      return "";
    case "decimalZero":
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    default:
      // decimal, and formats a plan table never uses (ordinal, chinese…) read as decimal.
      return String(n);
  }
}

/** HTML's <ol type> as a Word format: "I" upperRoman, "a" lowerLetter… */
export function htmlListFormat(type: string | undefined): string {
  switch (type) {
    case "I":
      return "upperRoman";
    case "i":
      return "lowerRoman";
    case "A":
      return "upperLetter";
    case "a":
      return "lowerLetter";
    default:
      return "decimal";
  }
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const parts: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let s = "";
  for (const [v, r] of parts) for (; n >= v; n -= v) s += r;
  return s;
}

/**
 * Word's letters: a … z, then aa … zz, aaa … (the letter repeated, not base 26). Past ten
 * letters (no plan's list is that long; a hostile start value may be) the number itself.
 */
function letters(n: number): string {
  if (n <= 0 || n > 260) return String(n);
  const c = String.fromCharCode(97 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}
