/**
 * A paper as a new sheet through Office.js at the bench's size (2,000 tasks): still 2 syncs.
 * In the "slow" jest project (the rendering of 2,000 rows on the fake takes minutes on a busy
 * machine); the papers themselves are tested in test/unit/core/papers/papers.test.ts.
 */
import { paperWorkbookSpec } from "../../../../src/app/papers";
import { appendixPaper } from "../../../../src/core/papers/appendix";
import { defaultPrintTexts } from "../../../../src/core/papers/print-texts";
import {
  emptyTrackingRow,
  type TrackingWorkbook,
} from "../../../../src/core/workbook/tracking-model";
import { renderToOffice } from "../../../../src/render/office/render-workbook";
import { FakeExcel } from "../../../fakes/office-fake";
import { codeFor, seedWorkbook } from "../../../helpers/tracking-fixtures";

const texts = defaultPrintTexts({
  number: "4784/KH-UBND",
  issuedOn: "2024-06-13",
  issuer: "UBND tỉnh Lâm Đồng",
  appendixTitle: "Danh mục các nhóm nhiệm vụ thông tin đối ngoại",
});

/** A plan of `n` tasks of two leads each, 50 to a group (the bench's shape). */
function bigWorkbook(n: number): TrackingWorkbook {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const g = String(Math.floor(i / 50) + 1);
    for (const lead of [`Sở số ${i % 30}`, `Sở số ${(i + 1) % 30}`])
      rows.push(
        emptyTrackingRow({
          key: `T${g}.${i}`,
          stt: `${g}.${(i % 50) + 1}`,
          group: g,
          groupTitle: `Nhóm ${g}`,
          title: `Nhiệm vụ số ${i + 1} về tuyên truyền, quảng bá hình ảnh của tỉnh`,
          lead,
          allLeads: [`Sở số ${i % 30}`, `Sở số ${(i + 1) % 30}`],
          partners: ["Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh"],
          timeText: "Hằng năm",
          scheduleCode: codeFor([2025, 2026]),
          sheetRow: rows.length + 2,
        })
      );
  }
  return { ...seedWorkbook(rows), plan: { number: "1/KH-UBND", issuer: "UBND tỉnh X" } };
}

test("Office.js: the appendix as a new sheet in 2 syncs for 50 and 2,000 tasks", async () => {
  for (const n of [50, 2000]) {
    const fake = new FakeExcel({ sheets: [{ name: "Nhiệm vụ" }] });
    const spec = paperWorkbookSpec(appendixPaper(bigWorkbook(n), { texts }));
    const r = await renderToOffice(fake.context, spec, {
      onConflict: async () => "backup",
    });
    expect(r.syncs).toBe(2);
    expect(fake.syncCount).toBe(2);
    const sheet = fake.sheet("Phụ lục in");
    expect(sheet.cells.get("A1")?.value).toBe("Phụ lục");
    expect(sheet.pageLayout.printTitleRows).toBe("$6:$6");
    // n tasks + one group row per 50 tasks, below the header.
    const last = 6 + n + Math.ceil(n / 50);
    expect(sheet.cells.get(`A${last}`)?.value).toBe(`${Math.ceil(n / 50)}.${((n - 1) % 50) + 1}`);
  }
});
