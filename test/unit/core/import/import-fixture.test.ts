/** Acceptance: the real-looking Lâm Đồng plan, as Word and as pasted web text. */
import { readFileSync } from "fs";
import { importPlan } from "../../../../src/core/import/import-plan";
import { FINDINGS } from "../../../../src/core/errors/finding-codes";
import type { ImportResult } from "../../../../src/core/model";
import { LAM_DONG_DOCX, SEED_LAM_DONG } from "../../../helpers/shared-paths";

const DOCX = LAM_DONG_DOCX;
const SEED_004 = SEED_LAM_DONG;

function checkLamDong(r: ImportResult): void {
  expect(r.groups.map((g) => g.stt)).toEqual(["1", "2", "3", "4", "5"]);
  expect(r.tasks).toHaveLength(29);
  expect(r.findings.filter((f) => f.code === FINDINGS.AGENCY_UNKNOWN)).toEqual([]);
  for (const t of r.tasks) {
    expect(t.lead.length).toBeGreaterThan(0);
    for (const a of [...t.lead, ...t.partners]) expect(a.matched).toBe(true);
  }
  const t43 = r.tasks.find((t) => t.numbered === "4.3")!;
  expect(t43.lead.map((a) => a.name)).toEqual(["Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"]);
  expect(t43.group).toBe("4");
  const t34 = r.tasks.find((t) => t.numbered === "3.4")!;
  expect(t34.partners.map((a) => a.name)).toContain("Sở Văn hóa, Thể thao và Du lịch");
  expect(t34.partners.filter((a) => /Thể thao/.test(a.name))).toHaveLength(1);
  expect(r.plan.number).toBe("4784/KH-UBND");
  expect(r.plan.issuedOn).toBe("2024-06-13");
  expect(r.plan.period).toEqual({ from: 2024, to: 2030 });
  expect(r.plan.issuer).toBe("UBND tỉnh Lâm Đồng");
  expect(r.plan.appendixTitle).toBe("DANH MỤC CÁC NHÓM NHIỆM VỤ THÔNG TIN ĐỐI NGOẠI");
  expect(r.tasks.map((t) => t.key)).toEqual(r.tasks.map((t) => "T" + t.stt));
  expect(new Set(r.tasks.map((t) => t.key)).size).toBe(29);
  expect(r.tasks.find((t) => t.key === "T3.1")!.schedule.years).toEqual([2024, 2026, 2028, 2030]);
}

test("Lâm Đồng 4784 .docx: 5 groups, 29 tasks, every agency matched, plan metadata", async () => {
  const r = await importPlan({
    kind: "docx",
    bytes: readFileSync(DOCX),
    fileName: "lam-dong.docx",
  });
  checkLamDong(r);
  expect(r.source).toBe("lam-dong.docx");
  expect(r.tasks[0].sourceRow).toBe(3);
});

test("the same plan pasted from the web ('|' per cell) gives the same tasks", async () => {
  const text = readFileSync(SEED_004, "utf8");
  const fromText = await importPlan({ kind: "text", text, fileName: "004.txt" });
  checkLamDong(fromText);
  const fromDocx = await importPlan({
    kind: "docx",
    bytes: readFileSync(DOCX),
    fileName: "lam-dong.docx",
  });
  const strip = (r: ImportResult) => r.tasks.map(({ sourceRow: _s, ...t }) => t);
  expect(strip(fromText)).toEqual(strip(fromDocx));
  expect(fromText.plan).toEqual(fromDocx.plan);
});

test("NFD text gives the same result as NFC", async () => {
  const text = readFileSync(SEED_004, "utf8");
  const nfc = await importPlan({ kind: "text", text: text.normalize("NFC") });
  const nfd = await importPlan({ kind: "text", text: text.normalize("NFD") });
  expect(text.normalize("NFD")).not.toBe(text.normalize("NFC"));
  expect(nfd).toEqual(nfc);
  expect(nfd.tasks[0].title).toBe("Phổ biến, quán triệt nội dung Nghị quyết".normalize("NFC"));
});
