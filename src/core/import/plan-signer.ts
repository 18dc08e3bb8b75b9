/**
 * The plan's signer from its signature block ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ
 * CHỦ TỊCH" / "Võ Ngọc Hiệp"), read at import so papers printed from the plan are signed the
 * same way unless the officer says otherwise (--signer, "Mẫu in"). Titles are lines in capitals
 * starting at "TM."/"KT."/"Q."/"TL."/"TUQ." or a title; a title broken over two lines in the
 * document ("TM. ỦY BAN NHÂN" / "DÂN") is joined again; the name is the next line that reads as
 * a person's name. Nothing found → undefined (the issuer's defaults apply).
 */
import type { PlanSigner } from "../model";

const START = /^(TM|KT|Q|TL|TUQ)\.\s*\S/u;
const TITLE = /^(PHÓ )?(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ)\b/u;
const isCaps = (l: string) => l === l.toLocaleUpperCase("vi") && /\p{Lu}/u.test(l);
/** "Võ Ngọc Hiệp": 2–6 words, each capitalized, no digits or punctuation but a hyphen. */
const NAME = /^(\p{Lu}[\p{Ll}\p{M}]*)(\s\p{Lu}[\p{Ll}\p{M}]*){1,5}$/u;

export function readSigner(text: string[]): PlanSigner | undefined {
  const lines = text.flatMap(splitTitles);
  for (const [i, line] of lines.entries()) {
    const first = line.trim();
    if (!START.test(first) || !isCaps(first)) continue;
    const titles = [first];
    let j = i + 1;
    for (; j < i + 8; j++) {
      const l = lines[j]?.trim();
      if (!l || !isCaps(l)) break;
      const last = titles[titles.length - 1];
      if (START.test(l) || TITLE.test(l)) titles.push(l);
      // "TM. ỦY BAN NHÂN" / "DÂN": a title broken over two lines.
      else if (last !== undefined && START.test(last) && l.split(/\s+/).length <= 3)
        titles[titles.length - 1] = `${last} ${l}`;
      else break;
    }
    if (!titles.some((t) => TITLE.test(t.replace(START, "").trim()) || TITLE.test(t))) continue;
    const name = lines
      .slice(j, j + 3)
      .map((l) => l.trim())
      .find((l) => NAME.test(l) && l.length <= 40);
    return { titles, name: name ?? "" };
  }
  return undefined;
}

const START_INSIDE = /\s+(?=(?:TM|KT|Q|TL|TUQ)\.\s*\S)/u;
const TITLE_AT_END = /^(.+?)\s+((?:PHÓ )?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ))$/u;

/**
 * A signature block whose lines a reader ran together ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "TM. ỦY BAN
 * NHÂN DÂN CHỦ TỊCH": text pasted from a PDF viewer, a producer that puts them on one text
 * line) is split back into its titles; other lines are kept as they are.
 */
function splitTitles(line: string): string[] {
  const l = line.trim();
  if (!START.test(l) || !isCaps(l)) return [line];
  return l.split(START_INSIDE).flatMap((part) => {
    const m = TITLE_AT_END.exec(part);
    if (!m) return [part];
    const [, before = "", title = ""] = m;
    return START.test(before) ? [before, title] : [part];
  });
}
