/**
 * keep-signature.ts on papers of every length: when "Nơi nhận" and the signature would not fit
 * under the table's last row, a page break goes before the last rows (never right after the
 * header), a last row taller than the room left is cut so its last lines go with the block,
 * and both renderers carry the break (the Office fake; exceljs is checked by LibreOffice in
 * test/integration/papers-keep-signature.test.ts).
 */
import type { Paper } from "../../../../src/core/papers/paper";
import { paperSheet } from "../../../../src/core/papers/paper-sheet";
import { checkSpec } from "../../../../src/core/spec/check-spec";
import { renderToOffice } from "../../../../src/render/office/render-workbook";
import { FakeExcel } from "../../../fakes/office-fake";

const A4_BODY = ((210 - 30 - 20) * 72) / 25.4; // points between the decree's top and bottom margins

function paper(rows: string[][]): Paper {
  return {
    name: "Phụ lục",
    title: "Phụ lục",
    grid: [6, 60, 26, 26],
    blocks: [
      { kind: "text", text: "Phụ lục", bold: true, align: "center" },
      {
        kind: "table",
        repeatHeader: true,
        columns: [
          { header: "STT" },
          { header: "Nhiệm vụ" },
          { header: "Chủ trì" },
          { header: "Phối hợp" },
        ],
        rows: rows.map((cells) => ({ cells })),
      },
      {
        kind: "signature",
        recipients: ["- Như trên;", "- Lưu: VT."],
        signerTitles: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        signerName: "Nguyễn Văn A",
      },
    ],
  };
}
const task = (i: number, words = 3) => [
  String(i),
  Array.from({ length: words }, (_, k) => `việc${i}x${k} cần làm`).join(" "),
  "Sở Nội vụ",
  "",
];

describe("keep the signature with the table", () => {
  test("tables of 1 to 60 one-line rows: a break only before the last rows, after the header", () => {
    const breaksSeen = new Set<number>();
    for (let n = 1; n <= 60; n++) {
      const sheet = paperSheet(paper(Array.from({ length: n }, (_, i) => task(i + 1))));
      expect(checkSpec({ sheets: [sheet], defaultFont: { size: 12 } })).toEqual([]);
      const values = sheet.blocks[0].values;
      const header = values.findIndex((r) => r[0] === "STT") + 1;
      const lastRow = values.findIndex((r) => r[0] === String(n)) + 1;
      for (const b of sheet.rowBreaks ?? []) {
        breaksSeen.add(n);
        expect({ n, after: b > header + 1, last: lastRow - b < 2 }).toEqual({
          n,
          after: true,
          last: true,
        });
      }
    }
    // 18.75 pt rows: about 23 a page; some table lengths end near a page's foot.
    expect(breaksSeen.size).toBeGreaterThan(3);
    expect(breaksSeen.size).toBeLessThan(40);
  });

  test("a last row taller than the room left is cut: its last lines go with the block", () => {
    const long = Array.from({ length: 180 }, (_, k) => `đoạn${k} nội dung`).join(" ");
    const rows = [...Array.from({ length: 12 }, (_, i) => task(i + 1)), ["13", long, "Sở A", ""]];
    const sheet = paperSheet(paper(rows));
    const values = sheet.blocks[0].values;
    const pieces = values.filter((r) => typeof r[1] === "string" && /đoạn/.test(r[1]));
    expect(pieces.length).toBeGreaterThan(1);
    // Every word kept, in order.
    expect(
      pieces
        .map((r) => r[1])
        .join(" ")
        .split(/\s+/)
    ).toEqual(long.split(" "));
    const lastPiece = values.indexOf(pieces[pieces.length - 1]) + 1;
    const blockLast = values.length;
    let below = 0;
    for (let r = lastPiece; r <= blockLast; r++) below += sheet.rowHeights?.[r] ?? 18.75;
    expect(below).toBeLessThan(A4_BODY);
  });

  test("the Office renderer adds the page break before the row", async () => {
    let sheet = paperSheet(paper([]));
    for (let n = 1; !sheet.rowBreaks; n++)
      sheet = paperSheet(paper(Array.from({ length: n }, (_, i) => task(i + 1))));
    const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] });
    await renderToOffice(
      fake.context,
      { sheets: [sheet], defaultFont: { size: 12 } },
      { onConflict: async () => "backup", now: () => new Date(2026, 10, 1) }
    );
    expect(fake.sheet(sheet.name).rowBreaks).toEqual(sheet.rowBreaks);
  });

  test("checkSpec refuses breaks that are not rows from 2, ascending", () => {
    const sheet = paperSheet(paper([task(1)]));
    for (const bad of [[1], [5, 3], [2.5]])
      expect(
        checkSpec({ sheets: [{ ...sheet, rowBreaks: bad }], defaultFont: { size: 12 } })
      ).toHaveLength(1);
  });
});
