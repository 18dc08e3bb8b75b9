/**
 * The phụ lục as the plan has it, ready to sign (Nghị định 30/2020): "Phụ lục", the title in
 * capitals, the italic "(Kèm theo …)" line, then the table (STT, nhiệm vụ, chủ trì, phối hợp,
 * thời gian; groups as bold rows; ONE row per task, not per lead agency as in the tracking
 * sheet), optionally with the year's status and results, then "Nơi nhận" and the signature.
 * Agencies in the plan's own words (its lead and partner cells, kept at import in "Chủ trì /
 * Phối hợp (nguyên văn kế hoạch)"), not the directory's names nor their successors: this is the
 * plan's own table. A task added by hand has no such words: its agencies are named from "Các
 * đơn vị chủ trì" / "Phối hợp theo kế hoạch".
 */
import { normalizeText } from "../text/fold";
import { DERIVED_STATUS } from "../workbook/columns";
import { derivedStatus, taskStatus } from "../tracking/derive-status";
import type { TrackingRow, TrackingWorkbook } from "../workbook/tracking-model";
import { PAGE_CHARS, PAPER_SIZES, type Paper, type PaperColumn, type PaperRow } from "./paper";
import type { PrintTexts } from "./print-texts";

export interface AppendixOptions {
  texts: PrintTexts;
  /** Add "Tình trạng" and "Kết quả thực hiện" for this year and report date. */
  status?: { year: number; date: string };
}

const APPENDIX_SHEET = "Phụ lục in";

/** Agency lists joined with "; ": names hold commas ("Sở Văn hóa, Thể thao và Du lịch"). */
const list = (names: string[]) => names.join("; ");

/** Tasks in sheet order, one per key: the first row of each task carries the plan's columns. */
export function tasksOf(wb: TrackingWorkbook): TrackingRow[][] {
  const byKey = new Map<string, TrackingRow[]>();
  for (const r of wb.rows) {
    const k = r.key || `#${r.sheetRow}`;
    const rows = byKey.get(k);
    if (rows) rows.push(r);
    else byKey.set(k, [r]);
  }
  return [...byKey.values()];
}

export function appendixPaper(wb: TrackingWorkbook, o: AppendixOptions): Paper {
  const withStatus = o.status !== undefined;
  // The plan's own further columns ("Sản phẩm", "Ghi chú"…), after its five, as it has them.
  const extras = wb.extraColumns.slice(0, 3);
  // Widths (characters of 12 pt text) add up to one A4 landscape page (PAGE_CHARS); the plan's
  // further columns take their room from the others, in proportion.
  const base = withStatus ? [37, 17, 19, 11, 11, 17] : [50, 22, 27, 13];
  const extraWidth = extras.length ? Math.min(18, Math.floor(45 / extras.length)) : 0;
  const room = base.reduce((a, b) => a + b, 0);
  const scaled = base.map((w) => Math.floor((w * (room - extras.length * extraWidth)) / room));
  const widths = [6, ...scaled.slice(0, 4), ...extras.map(() => extraWidth), ...scaled.slice(4)];
  // What rounding left goes to the title column.
  const left = PAGE_CHARS - widths.reduce((a, b) => a + b, 0);
  const grid = widths.map((w, i) => (i === 1 ? w + left : w));
  // Headers as the plan names them ("TT", "ĐƠN VỊ CHỦ TRÌ", "Thời gian hoàn thành").
  const h = wb.plan.headers ?? {};
  const columns: PaperColumn[] = [
    { header: h.stt || "STT", align: "center" },
    { header: h.title || "Nhiệm vụ" },
    { header: h.lead || "Cơ quan chủ trì" },
    { header: h.partners || "Cơ quan phối hợp" },
    { header: h.time || "Thời gian thực hiện", align: "center" },
    ...extras.map((header) => ({ header })),
    ...(withStatus
      ? [
          { header: `Tình trạng năm ${o.status!.year}`, align: "center" as const },
          { header: "Kết quả thực hiện" },
        ]
      : []),
  ];
  const rows: PaperRow[] = [];
  let group: string | undefined;
  let previous: TrackingRow | undefined;
  for (const task of tasksOf(wb)) {
    const [first] = task;
    if (!first) continue;
    if (first.group !== group) {
      group = first.group;
      if (first.group || first.groupTitle)
        rows.push({ kind: "group", cells: [first.group, first.groupTitle] });
    }
    const cells = [
      sttAsWritten(first, previous),
      titleAsWritten(first.title),
      wordingOf(task, "leadText") ?? list(first.allLeads.length ? first.allLeads : [first.lead]),
      wordingOf(task, "partnersText") ?? list(first.planPartners ?? first.partners),
      first.timeText,
      ...extras.map((h) => first.extra[h] ?? ""),
    ];
    if (o.status) cells.push(...statusCells(task, o.status.year, o.status.date));
    rows.push({ cells });
    previous = first;
  }
  const t = o.texts;
  return {
    name: APPENDIX_SHEET,
    title: `${t.heading} – ${t.title}`,
    grid,
    blocks: [
      { kind: "text", text: t.heading, bold: true, size: PAPER_SIZES.heading, align: "center" },
      {
        kind: "text",
        text: t.title.toLocaleUpperCase("vi"),
        bold: true,
        size: PAPER_SIZES.title,
        align: "center",
      },
      {
        kind: "text",
        text: t.attachedTo,
        italic: true,
        size: PAPER_SIZES.title,
        align: "center",
        ruleBelow: true,
      },
      {
        kind: "table",
        columns,
        rows,
        repeatHeader: true,
        emptyText: "Phụ lục chưa có nhiệm vụ nào.",
      },
      {
        kind: "signature",
        recipients: t.recipients,
        signerTitles: t.signerTitles,
        signerName: t.signerName,
      },
    ],
  };
}

/**
 * The STT as the plan wrote it. A row the import split at its bullets ("01" with "- …" lines)
 * gives tasks keyed "T01a", "T01b" that all carry "01": the plan wrote it once, so it prints once.
 * A task the plan left unnumbered got a number to track it by ("(2)a", "1.(3)"): the plan has
 * none, so none is printed.
 */
function sttAsWritten(row: TrackingRow, previous: TrackingRow | undefined): string {
  const splitBullet = /[a-z]{1,2}$/.test(row.key) && /\d/.test(row.key);
  if (splitBullet && previous && previous.stt === row.stt && previous.group === row.group)
    return "";
  if (/^\(\d+\)[a-z]{1,2}$|\.\(\d+\)[a-z]{0,2}$/.test(row.stt)) return "";
  return row.stt;
}

/** A one-line title that kept its bullet ("- Tổ chức hội nghị"): the text without it. */
function titleAsWritten(title: string): string {
  return /\n/.test(title) ? title : title.replace(/^\s*[-–+•]\s+/u, "");
}

/**
 * The plan's words for a task's agencies, as it has them: lines kept (a list of agencies prints
 * as lines), spaces inside a line collapsed, a one-line cell without a stray "- " (as titles).
 * Undefined when the task has none (added by hand, or a workbook older than the column).
 */
export function wordingOf(
  task: TrackingRow[],
  field: "leadText" | "partnersText"
): string | undefined {
  const text = task.map((r) => r[field] ?? "").find((t) => t.trim() !== "");
  if (text === undefined) return undefined;
  const lines = text
    .split(/\r?\n/)
    .map(normalizeText)
    .filter((l) => l !== "");
  return titleAsWritten(lines.join("\n"));
}

/** The task's status over its lead rows, and each lead's result ("Đơn vị: …" when several). */
function statusCells(task: TrackingRow[], year: number, date: string): string[] {
  const statuses = task.map((r) => derivedStatus(r, year, date));
  const [firstStatus, ...others] = statuses;
  if (firstStatus === DERIVED_STATUS.notThisYear) return [`Không thuộc năm ${year}`, ""];
  const status =
    firstStatus !== undefined && others.length === 0 ? firstStatus : taskStatus(task, year, date);
  const results = task
    .filter((r) => r.result.trim())
    .map((r) => (task.length > 1 ? `${r.lead}: ${r.result.trim()}` : r.result.trim()));
  return [status, results.join("\n")];
}
