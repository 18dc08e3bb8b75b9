/**
 * foldVietnamese folds ASCII runs in one go and caches non-ASCII chars: it must give exactly
 * what folding every code point on its own gives (the straightforward definition, below).
 * normalizeText skips its replacements for text they would leave alone: it must give what the
 * whole chain gives.
 */
import { foldVietnamese, normalizeText } from "../../../../src/core/text/fold";
import { seeded } from "../../../helpers/seeded";

function referenceFold(s: string): string {
  let out = "";
  for (const c of normalizeText(s)) {
    if (/[\u2010-\u2015\u2212]/.test(c)) {
      out += "-";
      continue;
    }
    const lower = c.toLowerCase();
    if (lower === "đ") {
      out += "d";
      continue;
    }
    const base = lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    out += base.length === 1 ? base : lower.length === 1 ? lower : c;
  }
  return out;
}

/** Random strings of 0..maxLength-1 items of the alphabet, checked to cover it all. */
function randomStrings(seed: number, count: number, maxLength: number, alphabet: string[]) {
  const { rand, seen } = seeded(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = "";
    const len = rand(maxLength, "length ");
    for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length, "item ")];
    out.push(s);
  }
  expect(seen("length ")).toBe(maxLength);
  expect(seen("item ")).toBe(alphabet.length);
  return out;
}

const SAMPLES = [
  "",
  "Sở Thông tin và Truyền thông",
  "ĐÀI PHÁT THANH – TRUYỀN HÌNH",
  "UBND các huyện, thành phố; Sở TT&TT (Sở TT-TT)",
  "Quý I/2025 − Quý IV/2026",
  "İstanbul ǅ ß ﬁ",
  "Nhiê\u0300m vu\u0323 NFD",
  "emoji 😀 and lone \ud800 surrogate \udc00 end\ud83d",
  "\u00a0 thin\u2009space\u200b zero width ",
  "ALL ASCII TEXT 123 - _ ~",
];

describe("foldVietnamese fast path", () => {
  it.each(SAMPLES)("folds %j like the per-char definition", (s) => {
    expect(foldVietnamese(s)).toBe(referenceFold(s));
  });

  it("agrees on random mixes of Vietnamese, ASCII and odd characters", () => {
    const alphabet = [
      ..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ",
      ...",;()-–—−\u00a0\u200b\u0301\u0323İßﬁ",
      "😀",
      "\ud800",
    ];
    for (const s of randomStrings(12345, 500, 40, alphabet)) {
      expect(foldVietnamese(s)).toBe(referenceFold(s));
      expect(foldVietnamese(s)).toHaveLength(normalizeText(s).length);
    }
  });
});

describe("normalizeText fast path", () => {
  const chain = (s: string) =>
    s
      .normalize("NFC")
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, " ")
      .replace(/\s+/g, " ")
      .trim();

  it("agrees with the whole chain on mixes of spaces, breaks, invisible and combining marks", () => {
    const alphabet = [
      ..."aếĐ. ",
      "  ",
      ..."\n\r\t\v\f\u0085\u00a0\u1680\u2000\u2001\u2009\u200b\u200d\u2028\u202f\u205f\u2060\u3000\ufeff\u180e",
      ..."\u0301\u0323\u212b\u2126",
      "e\u0301",
      "A\u030a",
    ];
    for (const s of randomStrings(4242, 5000, 9, alphabet)) expect(normalizeText(s)).toBe(chain(s));
  });
});
