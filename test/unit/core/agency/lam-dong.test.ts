/**
 * Every agency in the phụ lục of the Lâm Đồng plan 4784/KH-UBND (seed 004) must be matched.
 * The seed is a text dump where each table cell ends with a line holding only "|".
 */
import { readFileSync } from "fs";
import { defaultDirectory } from "../../../../src/core/agency/default-directory";
import { matchAgencyList } from "../../../../src/core/agency/match-agencies";
import { SEED_LAM_DONG } from "../../../helpers/shared-paths";

const SEED = SEED_LAM_DONG;

interface Row {
  stt: string;
  lead: string;
  partners: string;
  time: string;
}

/** Cells of the phụ lục, 5 per row (STT, nhiệm vụ, chủ trì, phối hợp, thời gian). */
function lamDongRows(): Row[] {
  const text = readFileSync(SEED, "utf8");
  const table = text.slice(text.indexOf("STT\n|"));
  const cells: string[] = [];
  let cell: string[] = [];
  for (const line of table.split("\n")) {
    if (line.trim() === "|") {
      cells.push(cell.join("\n").trim());
      cell = [];
    } else {
      cell.push(line);
    }
  }
  cells.push(cell.join("\n").trim());
  const rows: Row[] = [];
  for (let i = 0; i + 4 < cells.length; i += 5) {
    rows.push({ stt: cells[i], lead: cells[i + 2], partners: cells[i + 3], time: cells[i + 4] });
  }
  return rows.filter((r) => /^\d+\.\d+$/.test(r.stt));
}

const dir = defaultDirectory();
const rows = lamDongRows();

describe("seed 004 (Lâm Đồng 4784/KH-UBND) phụ lục", () => {
  it("has the 29 task rows of the plan (1.1 … 5.5)", () => {
    expect(rows.map((r) => r.stt)).toContain("4.3");
    expect(rows).toHaveLength(29);
    expect(rows[rows.length - 1].stt).toBe("5.5");
  });

  it.each(rows.map((r) => [r.stt, r] as const))(
    "task %s: every lead and partner is matched",
    (_stt, row) => {
      const lead = matchAgencyList(row.lead, dir);
      expect(lead.length).toBeGreaterThan(0);
      for (const cell of [row.lead, row.partners]) {
        for (const ref of matchAgencyList(cell, dir)) {
          expect({ written: ref.written, matched: ref.matched }).toEqual({
            written: ref.written,
            matched: true,
          });
        }
      }
    }
  );

  const byStt = (stt: string) => rows.find((r) => r.stt === stt)!;
  const names = (text: string) => matchAgencyList(text, dir).map((r) => r.name);

  it("task 4.3 has two leads: Công an tỉnh and Bộ Chỉ huy quân sự tỉnh", () => {
    expect(names(byStt("4.3").lead)).toEqual(["Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"]);
  });

  it("task 3.2: Sở Văn hóa, Thể thao và Du lịch (wrapped over two lines) is one agency", () => {
    expect(byStt("3.2").lead).toContain("\n");
    expect(names(byStt("3.2").lead)).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
  });

  it("task 5.5 partners split on ';' into Sở Nội vụ and the two collectives", () => {
    expect(names(byStt("5.5").partners)).toEqual([
      "Sở Nội vụ",
      "Các Sở, ban, ngành",
      "UBND các huyện, thành phố",
    ]);
  });

  it("task 3.5 partners end with the collective of schools, not garbage", () => {
    const refs = matchAgencyList(byStt("3.5").partners, dir);
    expect(refs.map((r) => r.name)).toEqual([
      "Văn phòng UBND tỉnh",
      "Sở Thông tin và Truyền thông",
      "Sở Văn hóa, Thể thao và Du lịch",
      "Báo tỉnh",
      "Đài Phát thanh - Truyền hình tỉnh",
      "Các cơ sở giáo dục, đào tạo",
    ]);
    expect(refs[3].written).toBe("Báo Lâm Đồng");
    expect(refs[4].written).toBe("Đài PTTH tỉnh");
  });

  it("task 3.6 keeps the Trung tâm xúc tiến đầu tư, thương mại và du lịch whole", () => {
    expect(names(byStt("3.6").partners)).toEqual([
      "Sở Công Thương",
      "Văn phòng UBND tỉnh",
      "Trung tâm xúc tiến đầu tư, thương mại và du lịch",
      "UBND các huyện, thành phố",
    ]);
  });

  it("task 3.8 keeps the sub-unit Phòng Ngoại vụ - Văn phòng UBND tỉnh whole", () => {
    const refs = matchAgencyList(byStt("3.8").partners, dir);
    expect(refs[0]).toEqual({
      name: "Phòng Ngoại vụ - Văn phòng UBND tỉnh",
      written: "Phòng Ngoại vụ - Văn phòng UBND tỉnh",
      matched: true,
    });
    expect(refs).toHaveLength(6);
  });

  it("task 4.1 splits on ' và ' between names but not inside Sở Lao động - Thương binh và Xã hội", () => {
    expect(names(byStt("4.1").partners)).toEqual([
      "Công an tỉnh",
      "Văn phòng UBND tỉnh",
      "Sở Lao động - Thương binh và Xã hội",
      "UBND các huyện, thành phố",
    ]);
  });

  it("every lead names an agency that exists after the 2025 reorganization", () => {
    for (const row of rows) {
      for (const ref of matchAgencyList(row.lead, dir)) {
        expect(dir.successorOn(ref.name, "2026-01-01")?.successor).toBeUndefined();
      }
    }
  });
});
