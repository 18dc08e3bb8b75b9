/**
 * Agency names as agencies write them (issue 6): a name that fits a directory agency only
 * after folding is that agency in every count, and validation says so with the safe fix.
 * The sheet side (SEARCH patterns) is checked by LibreOffice in workbook-recalc.test.ts.
 */
import {
  countingResolver,
  countingSpellings,
  matchesSpelling,
  spellingPattern,
} from "../../../../src/core/agency/counting-spelling";
import { defaultAgencies } from "../../../../src/core/agency/default-directory";
import type { Agency } from "../../../../src/core/model";
import { rollup } from "../../../../src/core/tracking/rollup";
import { validateTracking } from "../../../../src/core/tracking/validate";
import { rowOf, seedRows, seedWorkbook, AGENCIES } from "../../../helpers/tracking-fixtures";

const dept = (name: string, o: Partial<Agency> = {}): Agency => ({
  name,
  shortNames: [],
  aliases: [],
  kind: "department",
  ...o,
});

describe("counting spellings", () => {
  it("turns letters outside ASCII into one-character wildcards and escapes Excel's", () => {
    expect(spellingPattern("Sở Y tế")).toBe("S? Y t?");
    expect(spellingPattern("  Sở   Y tế ")).toBe("S? Y t?");
    expect(spellingPattern("Sở TT&TT (mới?)*~")).toBe("S? TT&TT (m?i~?)~*~~");
  });

  it.each([
    ["Sở Y tê", true],
    ["So Y te", true],
    ["SỞ Y TẾ", true],
    [" Sở  Y tế ", true],
    ["Sở Y tế và Dân số", false],
    ["Sở Y", false],
    ["Sở X tế", false],
    ["Sở\u00a0Y tế", false], // Excel's TRIM leaves NBSP
  ])("%j fits Sở Y tế: %s", (typed, fits) => {
    expect(matchesSpelling("Sở Y tế", typed)).toBe(fits);
  });

  it("never lets two agencies that differ only in diacritics claim each other's rows", () => {
    const dir = [dept("Báo Lâm Đồng"), dept("Bảo Lâm Đồng"), dept("Sở Y tế")];
    const s = countingSpellings(dir);
    expect(s.get("Báo Lâm Đồng")).toEqual([]);
    expect(s.get("Bảo Lâm Đồng")).toEqual([]);
    expect(s.get("Sở Y tế")).toEqual(["Sở Y tế"]);
    const resolve = countingResolver(dir);
    expect(resolve("Báo Lâm Đồng")).toBe("Báo Lâm Đồng"); // exact still counts
    expect(resolve("bảo lâm đồng")).toBe("Bảo Lâm Đồng"); // Excel's "=" ignores case
    expect(resolve("Bao Lam Dong")).toBe("Bao Lam Dong"); // ambiguous: nobody's
    expect(resolve("Sở Y tê")).toBe("Sở Y tế");
  });

  it("counts short names in any case and keeps unknown names as written", () => {
    const resolve = countingResolver(defaultAgencies("Lâm Đồng"));
    expect(resolve("Sở VHTTDL")).toBe("Sở Văn hóa, Thể thao và Du lịch");
    expect(resolve("Sở Giáo duc và Đào tao")).toBe("Sở Giáo dục và Đào tạo");
    expect(resolve("Hội Nhà báo tỉnh X")).toBe("Hội Nhà báo tỉnh X");
  });

  it("builds the default directory's spellings fast enough to run on every rollup", () => {
    const all = defaultAgencies("Lâm Đồng");
    const s = countingSpellings(all);
    expect(s.size).toBe(new Set(all.map((a) => a.name)).size);
    for (const list of s.values()) expect(list.length).toBeLessThanOrEqual(4);
  });
});

describe("a name typed with a wrong tone mark", () => {
  const rows = seedRows();
  // "Sở Văn hóa, Thể thao và Du lịch" typed without its marks; a partner with a wrong tone.
  const t32 = rowOf(rows, "T3.2");
  t32.lead = "So Van hoa, The thao va Du lich";
  const t23 = rowOf(rows, "T2.3");
  t23.partners = ["Sở Thông tin và Truyền thông", "Báo Lâm Đông", "Báo Lâm Đồng", "Đài PTTH tỉnh"];
  const wb = seedWorkbook(rows);

  it("counts as the agency in rollup", () => {
    const r = rollup(wb, 2026, "2026-12-15", { agencies: AGENCIES });
    const leads = r.agencies.filter((a) => a.role === "lead").map((a) => a.agency);
    expect(leads).not.toContain("So Van hoa, The thao va Du lich");
    const vh = r.agencies.find(
      (a) => a.role === "lead" && a.agency === "Sở Văn hóa, Thể thao và Du lịch"
    )!;
    expect(vh.written).toEqual(["So Van hoa, The thao va Du lich"]);
    // A row naming "Báo Lâm Đông" and "Báo Lâm Đồng" counts the paper once.
    const bao = r.agencies.find((a) => a.role === "partner" && a.agency === "Báo Lâm Đồng")!;
    const plain = rollup(seedWorkbook(seedRows()), 2026, "2026-12-15", { agencies: AGENCIES });
    const bao0 = plain.agencies.find((a) => a.role === "partner" && a.agency === "Báo Lâm Đồng")!;
    expect(bao.total).toBe(bao0.total);
  });

  it("gets a warning at its row with the safe fix to the canonical spelling", () => {
    const fs = validateTracking(wb, { year: 2026, date: "2026-12-15" }).filter(
      (f) => f.code === "AGENCY_NONCANONICAL"
    );
    expect(fs.map((f) => [f.location.row, f.location.column, f.fix?.value])).toEqual([
      [
        t23.sheetRow,
        "Đơn vị phối hợp",
        "Sở Thông tin và Truyền thông; Báo Lâm Đồng; Báo Lâm Đồng; Đài PTTH tỉnh",
      ],
      [t32.sheetRow, "Đơn vị chủ trì", "Sở Văn hóa, Thể thao và Du lịch"],
    ]);
    expect(fs[1].message).toContain('là cách viết khác của "Sở Văn hóa, Thể thao và Du lịch"');
    expect(fs[1].message).toContain("số liệu vẫn tính");
    expect(fs[1].severity).toBe("warning");
  });
});
