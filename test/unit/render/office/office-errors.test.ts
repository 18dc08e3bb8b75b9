/**
 * What the officer reads when something fails: Office errors by their code, a rollback that
 * itself failed said as such, and plans the readers refuse (.xls, password, too large) with
 * their own message in the pane, never "unexpected error".
 */
import { readFileSync } from "fs";
import { openPlanFile } from "../../../../src/app/open-plan-file";
import { importPlan } from "../../../../src/core/import/import-plan";
import { SHEETS } from "../../../../src/core/workbook/columns";
import { buildTrackingWorkbook } from "../../../../src/core/workbook/tracking-workbook";
import { applyChanges } from "../../../../src/render/office/apply-changes";
import { BACKUP_SHEET } from "../../../../src/render/office/backup-log";
import { ChangesError } from "../../../../src/render/office/changes-error";
import { undoChanges } from "../../../../src/render/office/undo-changes";
import { officeErrorText } from "../../../../src/render/office/office-errors";
import { renderToOffice, RenderError } from "../../../../src/render/office/render-workbook";
import { errorText, trackingErrorText } from "../../../../src/taskpane/error-text";
import { FakeExcel, FakeOfficeError, type FakeOptions } from "../../../fakes/office-fake";
import { fullSpec } from "../../../helpers/full-spec";
import { encryptedOle } from "../../../helpers/encrypted-ole";
import { LAM_DONG_DOCX } from "../../../helpers/shared-paths";
import { TEST_FIXTURES } from "../../../helpers/repo-paths";

const NOW = new Date(2026, 10, 15, 9, 5);
const fail = async <T>(p: Promise<unknown>): Promise<T> =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: T) => e
  );

describe("plans the readers refuse get their own message in the pane", () => {
  test(".xls (an OLE2 file written by LibreOffice), a password, a .doc", async () => {
    const ole2 = new Uint8Array(readFileSync(`${TEST_FIXTURES}/import/legacy.doc`));
    const xls = errorText(await fail(openPlanFile(ole2, "ke-hoach.xls")), "import");
    expect(xls.message).toContain('"ke-hoach.xls" có định dạng Excel cũ (.xls)');
    expect(xls.message).not.toMatch(/không mong muốn/);

    const locked = errorText(await fail(openPlanFile(encryptedOle(), "kh.xlsx")), "import");
    expect(locked.message).toMatch(/"kh.xlsx" được đặt mật khẩu/);

    const input = await openPlanFile(encryptedOle(), "kh.docx");
    const docx = errorText(await fail(importPlan(input)), "import");
    expect(docx.message).toMatch(/"kh.docx" được bảo vệ bằng mật khẩu/);
    expect(docx.message).not.toMatch(/không mong muốn/);
  });
});

describe("Office errors by code", () => {
  test("the codes officers meet read as Vietnamese advice, with the code for support", () => {
    const text = (code: string) => officeErrorText(new FakeOfficeError(code, "English text"));
    expect(text("RequestPayloadSizeLimitExceeded")).toMatch(/vượt quá giới hạn 5 MB/);
    expect(text("ItemAlreadyExists")).toMatch(/trùng với tên/);
    expect(text("InvalidSelection")).toMatch(/đang sửa một ô hoặc đang chọn biểu đồ/);
    expect(text("InvalidOperationInCellEditMode")).toMatch(/chế độ sửa ô/);
    expect(text("Conflict")).toMatch(/người khác cùng sửa/);
    expect(text("Conflict")).toContain("(mã lỗi Excel: Conflict)");
    expect(text("Conflict")).not.toContain("English text");
    expect(text("SomethingNew")).toContain("SomethingNew: English text");
  });

  const userBook = (options: FakeOptions) =>
    new FakeExcel(
      {
        sheets: [
          { name: "Sheet1", cells: { A1: "ghi chú" } },
          { name: "Nhiệm vụ", cells: { B5: "đã nhập tay" } },
        ],
      },
      options
    );

  test("write fails (sheet exists) and is rolled back: said, in Vietnamese", async () => {
    const fake = userBook({ failAtSync: 2, fraction: 0.5, failCode: "ItemAlreadyExists" });
    const before = fake.snapshot();
    const err = await fail<RenderError>(
      renderToOffice(fake.context, fullSpec(20), {
        onConflict: async () => "backup",
        now: () => NOW,
      })
    );
    expect(err.rolledBack).toBe(true);
    expect(err.message).toMatch(/trùng với tên.*Sổ làm việc đã được khôi phục như trước/);
    expect(fake.snapshot()).toEqual(before);
    expect(errorText(err, "confirm").message).toBe(err.message);
  });

  test("a rollback that itself fails is reported as such, never as 'nothing was written'", async () => {
    const fake = userBook({ failAtSync: 2, fraction: 0.5, failAlsoAt: [3], failCode: "Conflict" });
    const err = await fail<RenderError>(
      renderToOffice(fake.context, fullSpec(20), {
        onConflict: async () => "backup",
        now: () => NOW,
      })
    );
    expect(err.rolledBack).toBe(false);
    expect(err.message).toMatch(/người khác cùng sửa/);
    expect(err.message).toMatch(/Việc khôi phục cũng thất bại/);
    expect(err.message).toMatch(/"Nhiệm vụ \(sao lưu [^"]*" → "Nhiệm vụ"/); // the backup to rename back
    const shown = errorText(err, "confirm").message;
    expect(shown).not.toMatch(/chưa có gì được ghi/i);
  });

  test("fixes: cell editor active, rollback failing; undo failing and not put back", async () => {
    const spec = buildTrackingWorkbook(
      {
        plan: { number: "1/KH-UBND", period: { from: 2026, to: 2026 } },
        groups: [],
        tasks: [],
        extraColumns: [],
        findings: [],
        source: "x",
      } as never,
      { reportYear: 2026, reportDate: "2026-11-21", directory: [] }
    );
    const change = {
      sheet: SHEETS.info,
      address: "B20",
      row: 20,
      column: "x",
      before: null,
      after: "mới",
      reason: "thử",
      code: "T",
    };
    // Syncs 1–2 render; 3 is the apply's read, 4 its write, 5 its rollback's read.
    const make = (options: FakeOptions) => {
      const fake = new FakeExcel({ sheets: [{ name: "Sheet1" }] }, options);
      return fake;
    };
    const editing = make({ failAtSync: 4, failCode: "InvalidOperationInCellEditMode" });
    await renderToOffice(editing.context, spec, { onConflict: async () => "backup" });
    const ok = await fail<ChangesError>(
      applyChanges(editing.context, [change], { backupSheet: BACKUP_SHEET })
    );
    expect(ok.rolledBack).toBe(true);
    expect(ok.message).toMatch(/chế độ sửa ô.*đã được khôi phục/);
    expect(trackingErrorText(ok, "fix").message).toBe(ok.message);

    const broken = make({ failAtSync: 4, failAlsoAt: [5], failCode: "Conflict" });
    await renderToOffice(broken.context, spec, { onConflict: async () => "backup" });
    const bad = await fail<ChangesError>(applyChanges(broken.context, [change]));
    expect(bad.rolledBack).toBe(false);
    expect(bad.message).toMatch(/Việc khôi phục cũng thất bại/);
    expect(bad.message).toContain(BACKUP_SHEET);

    // Render 2 + apply 2; the undo reads in 3 (5–7), writes in 8, puts back in 9.
    const undoing = make({ failAtSync: 8, failAlsoAt: [9], failCode: "Conflict" });
    await renderToOffice(undoing.context, spec, { onConflict: async () => "backup" });
    const { batchId } = await applyChanges(undoing.context, [change]);
    const u = await fail<ChangesError>(undoChanges(undoing.context, batchId));
    expect(u.rolledBack).toBe(false);
    expect(u.message).toMatch(/không trả lại được/);
  });

  test("an Office error outside our own errors: advice by code, where it happened", () => {
    const e = Object.assign(new FakeOfficeError("Conflict", "x"), {
      debugInfo: { errorLocation: "Range.values" },
    });
    const t = trackingErrorText(e, "open", "a.xlsx");
    expect(t.message).toMatch(/^Sổ làm việc đang bận hoặc đang được người khác cùng sửa/);
    expect(t.message).toContain("Range.values");
  });
});

test("the Lâm Đồng plan still reads (the fixture path is shared)", () => {
  expect(readFileSync(LAM_DONG_DOCX).length).toBeGreaterThan(0);
});
