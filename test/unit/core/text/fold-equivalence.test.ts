/**
 * foldVietnamese folds ASCII runs in one go and caches non-ASCII chars: it must give exactly
 * what folding every code point on its own gives (the straightforward definition, below).
 */
import { foldVietnamese, normalizeText } from "../../../../src/core/text/fold";

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
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 500; k++) {
      let s = "";
      const len = rand(40);
      for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)];
      expect(foldVietnamese(s)).toBe(referenceFold(s));
      expect(foldVietnamese(s)).toHaveLength(normalizeText(s).length);
    }
  });
});
