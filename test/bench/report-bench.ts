/**
 * Benchmarks of the văn bản: the province report with its body drafted from 2,000 tasks × 60
 * agencies (every row with a result, a third with difficulties and proposals, partners'
 * contributions, a consolidation in "Tiếp nhận"), and every công văn đôn đốc of that year.
 * Run by run-bench.ts; alone: `node --import tsx test/bench/report-bench.ts`.
 */
import { emptyTrackingRow } from "../../src/core/workbook/tracking-model";
import type { TrackingCells } from "../../src/core/tracking/read-tracking";
import { CONTRIBUTION_COLUMNS, INTAKE_COLUMNS, SHEETS } from "../../src/core/workbook/columns";
import { reportContext } from "../../src/core/papers/report-context";
import { defaultPrintTexts } from "../../src/core/papers/print-texts";
import { provinceReport } from "../../src/app/reports";
import { makeReminders } from "../../src/app/reminders";
import { benchWorkbook } from "./synthetic-tracking";

const STATUSES = ["Hoàn thành", "Đang thực hiện", "", "Không thực hiện"] as const;

/** A filled year: results typed on every row, texts repeated as agencies repeat them. */
export function filledYear(tasks: number, agencies: number) {
  const rows = [];
  for (let i = 0; i < tasks; i++) {
    const g = Math.floor(i / 50) + 1;
    const status = STATUSES[i % STATUSES.length];
    rows.push(
      emptyTrackingRow({
        key: `T${g}.${(i % 50) + 1}`,
        stt: `${g}.${(i % 50) + 1}`,
        group: String(g),
        groupTitle: `Nhóm nhiệm vụ ${g}`,
        title: `Nhiệm vụ số ${i + 1} về thông tin đối ngoại`,
        lead: `Sở số ${(i % agencies) + 1}`,
        partners: [`Sở số ${((i + 7) % agencies) + 1}`],
        timeText: "Hằng năm",
        scheduleCode: ";2026=20260630;2027=20270630;",
        status: status || null,
        completedOn: status === "Hoàn thành" ? "2026-06-01" : null,
        progress: status === "Đang thực hiện" ? 50 : null,
        result: `Đơn vị đã triển khai nhiệm vụ ${i + 1}: tổ chức ${i % 9} hội nghị, ban hành văn bản hướng dẫn.`,
        difficulties: i % 3 === 0 ? `Thiếu kinh phí cho nhiệm vụ ${i % 40}.` : "",
        proposals: i % 3 === 1 ? `Đề nghị UBND tỉnh bổ sung kinh phí đợt ${i % 25}.` : "",
        sheetRow: i + 2,
      })
    );
  }
  const plan = {
    number: "4784/KH-UBND",
    issuedOn: "2024-06-13",
    issuer: "UBND tỉnh Lâm Đồng",
    province: "Lâm Đồng",
  };
  const wb = benchWorkbook(rows, agencies, plan, "2026-11-21");
  const intake = [
    Object.values(INTAKE_COLUMNS),
    ...Array.from({ length: agencies }, (_, i) => [
      2026,
      `Sở số ${i + 1}`,
      "",
      null,
      0,
      i % 3 ? "Đã nhận" : "Chưa nhận",
      "2026-11-20 15:30",
    ]),
  ];
  const contributions = [
    Object.values(CONTRIBUTION_COLUMNS),
    ...rows.map((r) => [
      2026,
      r.key,
      r.title,
      r.lead,
      r.partners[0],
      `Đã phối hợp ${r.stt}.`,
      "",
      "",
    ]),
  ];
  const cells: TrackingCells = {
    sheets: [
      { name: SHEETS.intake, rows: intake },
      { name: SHEETS.contributions, rows: contributions },
    ],
  } as unknown as TrackingCells;
  return { wb, cells };
}

type Median = (runs: number, fn: () => Promise<unknown>) => Promise<number>;

export async function reportBench(median: Median): Promise<string[][]> {
  const { wb, cells } = filledYear(2000, 60);
  const texts = defaultPrintTexts(wb.plan, wb.reportDate);
  let paragraphs = 0;
  const tReport = await median(3, async () => {
    const r = await provinceReport(reportContext(wb, 2026, "2026-11-21"), cells, texts, "docx");
    paragraphs = r.narrative.reduce((n, p) => n + p.paragraphs.length, 0);
    return r;
  });
  let letters = 0;
  const opened = { source: "bench.xlsx", cells, workbook: wb, readFindings: [] };
  const tRemind = await median(3, async () => {
    const r = await makeReminders(opened, {
      year: 2026,
      date: "2026-11-21",
      deadline: "2026-12-05",
    });
    letters = r.files.length;
    return r;
  });
  return [
    [
      "**Báo cáo toàn tỉnh có lời văn (.docx), 2.000 nhiệm vụ × 60 đơn vị** (mục tiêu < 3 s)",
      `**${tReport.toFixed(0)} ms**`,
      `${paragraphs} đoạn lời văn`,
    ],
    [
      "**Mọi công văn đôn đốc (.docx), 2.000 nhiệm vụ × 60 đơn vị** (mục tiêu < 3 s)",
      `**${tRemind.toFixed(0)} ms**`,
      `${letters} công văn`,
    ],
  ];
}

if (require.main === module) {
  const median: Median = async (runs, fn) => {
    await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  };
  void reportBench(median).then((rows) => {
    for (const r of rows) console.log(`| ${r.join(" | ")} |`);
  });
}
