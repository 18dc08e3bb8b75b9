/** Pasted text: tab-separated (Excel/Word clipboard) and the "|"-per-cell web layout. */
import { readFileSync } from "fs";
import { readPastedText } from "../../../../src/core/readers/text-reader";
import { logicalRows } from "../../../../src/core/readers/logical-rows";
import type { RawTable } from "../../../../src/core/table/raw-table";
import { SEED_LAM_DONG } from "../../../helpers/shared-paths";

test("tab-separated rows; Excel quotes cells holding newlines, tabs or quotes", () => {
  const text =
    "Số: 5/KH-UBND\n" +
    "STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\r\n" +
    '1.1\t"Tổ chức ""Ngày hội""\n- phần hai"\tSở Nội vụ\t2025\r\n' +
    '1.2\tCó "ngoặc" giữa ô\t"A\tB"\t\r\n';
  const r = readPastedText(text);
  expect(r.bodyText).toBe("Số: 5/KH-UBND");
  const t = r.tables[0];
  expect(t.source).toBe("(văn bản dán)");
  expect(t.rows).toEqual([
    ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian"],
    ["1.1", 'Tổ chức "Ngày hội"\n- phần hai', "Sở Nội vụ", "2025"],
    ["1.2", 'Có "ngoặc" giữa ô', "A\tB", ""],
  ]);
  expect(t.sourceRows).toEqual([2, 3, 5]);
});

test("web layout: header learned up to THỜI GIAN THỰC HIỆN, wrapped lines joined with a space", () => {
  const r = readPastedText(readFileSync(SEED_LAM_DONG, "utf8"), "004.txt");
  const t = r.tables[0];
  expect(t.rows[0]).toEqual([
    "STT",
    "NHIỆM VỤ",
    "ĐƠN VỊ CHỦ TRÌ",
    "ĐƠN VỊ PHỐI HỢP",
    "THỜI GIAN THỰC HIỆN",
  ]);
  expect(t.rows).toHaveLength(35);
  expect(t.rows.every((row) => row.length === 5)).toBe(true);
  const r23 = t.rows.find((row) => row[0] === "2.3")!;
  expect(r23[2]).toBe("Sở Lao động - Thương binh và Xã hội");
  expect(r23[3]).toBe("Sở Thông tin và Truyền thông, Báo Lâm Đồng, Đài PTTH tỉnh");
  expect(t.rows[t.rows.length - 1]).toEqual([
    "5.5",
    "Tổ chức khen thưởng trong công tác thông tin đối ngoại",
    "Sở Thông tin và Truyền thông",
    "Sở Nội vụ; Các Sở, ban, ngành, UBND các huyện, thành phố",
    "Hằng năm",
  ]);
  // The text before the header is the plan's body; "|" lines are dropped.
  const body = r.bodyText.split("\n");
  expect(body[0]).toBe("ỦY BAN NHÂN DÂN");
  expect(body).not.toContain("|");
  expect(body.slice(-3)[0]).toBe("DANH MỤC CÁC NHÓM NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI");
});

test("web layout keeps bullet lines of a bulleted cell as lines", () => {
  const cells = [
    "STT",
    "Nhiệm vụ",
    "Đơn vị chủ trì",
    "1.1",
    "- Việc A\ntiếp\n- Việc B",
    "Sở Nội vụ",
  ];
  const r = readPastedText(cells.join("\n|\n") + "\n|\n");
  expect(r.tables[0].rows[1]).toEqual(["1.1", "- Việc A tiếp\n- Việc B", "Sở Nội vụ"]);
});

test("text with no table gives no tables, all of it body text", () => {
  const r = readPastedText("KẾ HOẠCH\nCăn cứ…");
  expect(r.tables).toEqual([]);
  expect(r.bodyText).toBe("KẾ HOẠCH\nCăn cứ…");
});

test("Word table pasted into Excel: rows under one vertical merge of the STT cell are one logical row", () => {
  const table: RawTable = {
    source: "x.xlsx",
    sheet: "Sheet1",
    index: 1,
    rows: [
      ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian"],
      ["1.1", "- Việc A", "Sở Nội vụ", "2025"],
      ["", "- Việc B", "", ""],
      ["1.2", "Việc C", "Sở Tài chính", "2026"],
      ["1.3", "Việc D", "", "2027"],
    ],
    sourceRows: [1, 2, 3, 4, 5],
    merges: [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 2, bottom: 2, right: 2 },
      { top: 1, left: 3, bottom: 2, right: 3 },
      // One lead for tasks 1.2 and 1.3.
      { top: 3, left: 2, bottom: 4, right: 2 },
    ],
  };
  const rows = logicalRows(table, 0, 1);
  expect(rows.map((r) => r.cells)).toEqual([
    ["1.1", "- Việc A\n- Việc B", "Sở Nội vụ", "2025"],
    ["1.2", "Việc C", "Sở Tài chính", "2026"],
    ["1.3", "Việc D", "Sở Tài chính", "2027"],
  ]);
  expect(rows.map((r) => r.sourceRow)).toEqual([2, 4, 5]);
});
