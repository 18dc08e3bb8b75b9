/**
 * SameTaskRows answers as the scan it replaced (the first earlier row that is the same task),
 * on rows drawn to hit every branch: keys with spaces, empty and blank keys, texts that differ
 * only in accents or case, shared and different STTs, empty texts.
 */
import { SameTaskRows } from "../../../../src/core/exchange/same-task-rows";
import { foldVietnamese } from "../../../../src/core/text/fold";
import { seeded } from "../../../helpers/seeded";

interface Row {
  key: string;
  stt: string;
  title: string;
  id: number;
}

/** The definition: read-report's old linear rule. */
function sameTask(a: Row, b: Row): boolean {
  if (a.key && b.key) return a.key.trim() === b.key.trim();
  return a.title !== "" && a.stt === b.stt && foldVietnamese(a.title) === foldVietnamese(b.title);
}

const KEYS = ["", " ", "PL1-1", " PL1-1 ", "PL1-2", "PL1-2 "];
const STTS = ["1", "2", ""];
const TITLES = ["", "Tuyên truyền", "tuyen truyen", "TUYÊN TRUYỀN", "Kiểm tra", "Kiem  tra"];

describe("SameTaskRows", () => {
  it("finds the same first row as scanning the earlier rows, on 300 random sheets", () => {
    const { rand, seen } = seeded(16);
    let matched = 0;
    let unmatched = 0;
    for (let sheet = 0; sheet < 300; sheet++) {
      const index = new SameTaskRows<Row>();
      const earlier: Row[] = [];
      const length = 1 + rand(12, "length");
      for (let id = 0; id < length; id++) {
        const row: Row = {
          key: KEYS[rand(KEYS.length, "key")]!,
          stt: STTS[rand(STTS.length, "stt")]!,
          title: TITLES[rand(TITLES.length, "title")]!,
          id,
        };
        const expected = earlier.find((x) => sameTask(x, row));
        expect(index.first(row)?.id).toBe(expected?.id);
        if (expected) matched++;
        else unmatched++;
        if (!expected) {
          index.add(row);
          earlier.push(row);
        }
      }
    }
    expect(seen("key")).toBe(KEYS.length);
    expect(seen("title")).toBe(TITLES.length);
    expect(seen("length")).toBe(12);
    expect(Math.min(matched, unmatched)).toBeGreaterThan(100);
  });

  it("prefers the earlier of a keyed row and a keyless row with the same text", () => {
    const index = new SameTaskRows<Row>();
    const keyless = { key: "", stt: "1", title: "Tuyên truyền", id: 0 };
    const keyed = { key: "PL1-1", stt: "1", title: "Khác", id: 1 };
    index.add(keyless);
    index.add(keyed);
    expect(index.first({ key: "PL1-1", stt: "1", title: "tuyen truyen", id: 2 })).toBe(keyless);
    expect(index.first({ key: "PL1-1 ", stt: "2", title: "tuyen truyen", id: 3 })).toBe(keyed);
    expect(index.first({ key: "PL1-9", stt: "2", title: "Tuyên truyền", id: 4 })).toBeUndefined();
  });
});
