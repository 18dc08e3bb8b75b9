/**
 * A small plan as the importer gives it (three yearly tasks of two agencies, 2024–2027), for
 * the pane's tests: its tracking workbook is built by core and rendered or written for real.
 */
import type { ImportResult, Plan, Task } from "../../src/core/model";

/** Task i of group "1", led by `lead`, due every year 2024–2027. */
export const yearlyTask = (i: number, lead: string, title: string): Task =>
  ({
    key: `T${i}`,
    stt: `1.${i}`,
    numbered: `1.${i}`,
    group: "1",
    title,
    lead: [{ name: lead, written: lead, matched: true }],
    partners: [],
    timeText: "Hằng năm",
    schedule: {
      text: "Hằng năm",
      kind: "annual",
      years: [2024, 2025, 2026, 2027],
      deadlines: { 2024: "2024-12-31", 2025: "2025-12-31", 2026: "2026-12-31", 2027: "2027-12-31" },
      finalDeadline: "2027-12-31",
      multiYear: false,
    },
    extra: {},
    sourceRow: i + 1,
  }) as Task;

/**
 * A plan of UBND tỉnh Lâm Đồng as the importer gives it (from kh.docx, no findings): its number,
 * issue date, period (and title, "KẾ HOẠCH" unless given), the tasks in one group "1".
 */
export function lamDongPlan(
  head: Pick<Plan, "number" | "issuedOn" | "period"> & Partial<Pick<Plan, "title">>,
  group: string,
  tasks: Task[]
): ImportResult {
  return {
    plan: {
      number: head.number,
      issuedOn: head.issuedOn,
      issuer: "UBND tỉnh Lâm Đồng",
      province: "Lâm Đồng",
      title: head.title ?? "KẾ HOẠCH",
      appendixTitle: "",
      period: head.period,
    },
    groups: [{ stt: "1", title: group, sourceRow: 1 }],
    tasks,
    extraColumns: [],
    findings: [],
    source: "kh.docx",
  };
}

export const PLAN: ImportResult = lamDongPlan(
  { number: "15/KH-UBND", issuedOn: "2024-01-02", period: { from: 2024, to: 2027 } },
  "Cải cách hành chính",
  [
    yearlyTask(1, "Sở Nội vụ", "Rà soát thủ tục hành chính"),
    yearlyTask(2, "Công an tỉnh", "Cấp căn cước trực tuyến"),
    yearlyTask(3, "Sở Nội vụ", "Đánh giá chỉ số hài lòng"),
  ]
);
