/**
 * The body of the province's yearly report, drafted from the workbook (DOMAIN.md, "The yearly
 * report an UBND signs"): I. how the plan was passed on (who was to report, who did, from
 * "Tiếp nhận"); II. results (the rollup's figures in one sentence, then by group each task's
 * results in the agencies' own words, partners' contributions included); III. shortcomings (the
 * overdue and undone tasks, the difficulties agencies wrote); IV. what the schedule makes due
 * next year, by group and lead; V. proposals, grouped by whom they ask.
 *
 * Nothing is invented: every sentence is either a figure of the rollup, a list of rows with
 * their own cells, an agency's text quoted whole and attributed, or one line saying a part is
 * empty. The office edits the draft in Word.
 */
import { workbookAgencies } from "../agency/resolve-agency";
import { readContributions, readIntake, type ContributionRow } from "../exchange/intake-sheet";
import { dueIn } from "../tracking/derive-status";
import type { TrackingCells } from "../tracking/read-tracking";
import type { StatusCounts } from "../tracking/rollup";
import {
  CONTRIBUTION_COLUMNS,
  DERIVED_STATUS,
  INTAKE_OUTCOMES,
  TASK_COLUMNS,
} from "../workbook/columns";
import type { TrackingRow } from "../workbook/tracking-model";
import { addresseeOf, ADDRESSEE_TITLES, type Addressee } from "./addressee";
import type { LetterPara, TextSource } from "./letter";
import { viDate } from "./paper-year";
import { materialize, QuoteBook, type Draft } from "./quotes";
import { deadlineText, rateText, reportAgencies, type ReportContext } from "./report-context";
import { planLine } from "./agency-report";
import { atText } from "./consolidation";

export type PartId = "I" | "II" | "III" | "IV" | "V";

export interface NarrativePart {
  id: PartId;
  title: string;
  paragraphs: LetterPara[];
}

/** The report's body: parts I–V in order. */
export type Narrative = NarrativePart[];

/** Resolves a name as written to the agency answering for it on the report date. */
export function nameResolver(ctx: ReportContext): (written: string) => string {
  const agencies = workbookAgencies(ctx.wb, ctx.date);
  return (written) => {
    const [only, ...more] = agencies.reportersOf(written);
    return only !== undefined && more.length === 0 ? only : written.trim();
  };
}

const source = (row: TrackingRow, agency: string, column: string): TextSource => ({
  agency,
  task: row.key,
  stt: row.stt,
  column,
});

const item = (text: string, sources?: TextSource[]): LetterPara => ({
  kind: "item",
  text,
  ...(sources ? { sources } : {}),
});
const para = (text: string): LetterPara => ({ kind: "para", text });
const subhead = (text: string): LetterPara => ({ kind: "subhead", text });

/** The plan's rows due in the year, assignments only (requests are counted apart, as the rollup). */
const assigned = (ctx: ReportContext) => ctx.due.filter((d) => d.row.kind !== "request");

/** A task's rows: never none. */
type TaskRows<T> = [T, ...T[]];

/** Rows of one task together, in sheet order. */
function byTask<T extends { row: TrackingRow }>(rows: T[]): TaskRows<T>[] {
  const m = new Map<string, TaskRows<T>>();
  for (const r of rows) {
    const k = r.row.key || `#${r.row.sheetRow}`;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return [...m.values()];
}

/** A group of the plan with its tasks: its heading, and its number and title as the rows have them. */
interface TaskGroup<T> {
  heading: string;
  key: string;
  group: string;
  title: string;
  tasks: TaskRows<T>[];
}

/** Tasks in groups, in sheet order: [group heading, tasks]. */
function byGroup<T extends { row: TrackingRow }>(rows: T[]): TaskGroup<T>[] {
  const out: TaskGroup<T>[] = [];
  for (const task of byTask(rows)) {
    const r = task[0].row;
    const key = `${r.group}\u0000${r.groupTitle}`;
    let g = out[out.length - 1];
    if (!g || g.key !== key) {
      g = out.find((x) => x.key === key) ?? {
        heading: groupHeading(r),
        key,
        group: r.group,
        title: r.groupTitle,
        tasks: [],
      };
      if (!out.includes(g)) out.push(g);
    }
    g.tasks.push(task);
  }
  return out;
}

/** "1. Nhóm nhiệm vụ …" as the plan numbers and names it. */
function groupHeading(r: TrackingRow): string {
  if (r.group && r.groupTitle) return `${r.group}. ${r.groupTitle}`;
  return r.groupTitle || (r.group ? `Nhóm ${r.group}` : "Các nhiệm vụ khác");
}

/** "Hoàn thành 10 nhiệm vụ (8 đúng hạn, 2 quá hạn), …": the rollup's figures in one sentence. */
export function figuresSentence(c: StatusCounts): string {
  const done = c.done_on_time + c.done_late + c.done_undated;
  const doneParts = [
    `${c.done_on_time} đúng hạn`,
    `${c.done_late} quá hạn`,
    ...(c.done_undated ? [`${c.done_undated} chưa ghi ngày hoàn thành`] : []),
  ];
  const rest = [
    [c.in_progress, "đang thực hiện trong hạn"],
    [c.overdue, "quá hạn"],
    [c.not_due, "chưa đến hạn"],
    [c.no_deadline, "thường xuyên"],
    [c.not_done, "không thực hiện"],
  ] as const;
  const tail = rest
    .filter(([n, label]) => n > 0 || label === "quá hạn")
    .map(([n, label]) => `${n} nhiệm vụ ${label}`);
  return `hoàn thành ${done} nhiệm vụ (${doneParts.join(", ")}), ${tail.join(", ")}; tỷ lệ hoàn thành ${rateText(c.rate)} (số nhiệm vụ đã hoàn thành ÷ số nhiệm vụ đã đến hạn)`;
}

/**
 * "N nhiệm vụ phải thực hiện". The figures count a task once per lead agency (rollup.ts, as the
 * sheet counts): where a task has several leads, the sentence says so, or the plan's 24 tasks
 * would read as 57 without a word.
 */
function dueTasksText(tasks: number, total: number): string {
  return tasks === total
    ? `${total} nhiệm vụ phải thực hiện`
    : `${tasks} nhiệm vụ phải thực hiện, giao cho các đơn vị chủ trì thành ${total} lượt nhiệm vụ (nhiệm vụ có nhiều đơn vị chủ trì được tính cho từng đơn vị)`;
}

// --- I. Tình hình triển khai ------------------------------------------------------------------

function deploymentPart(ctx: ReportContext, cells: TrackingCells): NarrativePart {
  const agencies = reportAgencies(ctx);
  const out: LetterPara[] = [
    para(
      `Thực hiện ${planLine(ctx)}, năm ${ctx.year} có ${agencies.length} đơn vị được giao chủ trì hoặc phối hợp thực hiện ${byTask(assigned(ctx)).length} nhiệm vụ của kế hoạch.`
    ),
  ];
  const lines = readIntake(cells).filter((l) => l.year === ctx.year);
  if (lines.length === 0) {
    out.push(
      para(
        `Chưa tổng hợp báo cáo của các đơn vị năm ${ctx.year} (sổ theo dõi chưa có lần tổng hợp nào ở trang "Tiếp nhận").`
      )
    );
    return { id: "I", title: "TÌNH HÌNH TRIỂN KHAI", paragraphs: out };
  }
  const latest = lines.reduce((m, l) => (l.consolidatedAt > m ? l.consolidatedAt : m), "");
  const last = new Map<string, (typeof lines)[number]>();
  for (const l of lines.filter((x) => x.consolidatedAt === latest)) last.set(l.agency, l);
  const all = [...last.values()];
  const received = all.filter((l) => l.outcome === INTAKE_OUTCOMES.received);
  const missing = all.filter((l) => l.outcome === INTAKE_OUTCOMES.missing);
  const rejected = all.filter((l) => l.outcome === INTAKE_OUTCOMES.rejected);
  const when = latest ? ` (${atText(latest)})` : "";
  out.push(
    para(
      `Đến lần tổng hợp gần nhất${when}, đã nhận báo cáo của ${received.length}/${all.length} đơn vị.`
    )
  );
  if (missing.length)
    out.push(
      para(
        `Chưa nhận được báo cáo của ${missing.length} đơn vị: ${missing.map((l) => l.agency).join("; ")}.`
      )
    );
  if (rejected.length)
    out.push(
      para(
        `Báo cáo của ${rejected.length} đơn vị không tổng hợp được (tệp không đúng mẫu hoặc không khớp sổ theo dõi): ${rejected
          .map((l) => (l.file ? `${l.agency} (tệp ${l.file})` : l.agency))
          .join("; ")}.`
      )
    );
  if (!missing.length && !rejected.length) out.push(para("Các đơn vị đều đã gửi báo cáo."));
  return { id: "I", title: "TÌNH HÌNH TRIỂN KHAI", paragraphs: out };
}

// --- II. Kết quả ----------------------------------------------------------------------------------

/** Contributions partners reported for the year, by task key. */
function contributionsByTask(cells: TrackingCells, year: number): Map<string, ContributionRow[]> {
  const m = new Map<string, ContributionRow[]>();
  for (const c of readContributions(cells)) {
    if (c.year !== year || !c.contribution.trim()) continue;
    const list = m.get(c.key);
    if (list) list.push(c);
    else m.set(c.key, [c]);
  }
  return m;
}

function resultsPart(ctx: ReportContext, cells: TrackingCells): NarrativePart {
  const name = nameResolver(ctx);
  const rows = assigned(ctx);
  const drafts: Draft[] = [
    para(
      `Năm ${ctx.year}, kế hoạch có ${dueTasksText(byTask(rows).length, ctx.rollup.province.total)}; đến ngày ${viDate(ctx.date)}, ${figuresSentence(ctx.rollup.province)}.`
    ),
  ];
  const contributions = contributionsByTask(cells, ctx.year);
  const book = new QuoteBook();
  let quoted = 0;
  for (const g of byGroup(rows)) {
    drafts.push(subhead(g.heading));
    const figures = ctx.rollup.groups.find((x) => x.group === g.group && x.title === g.title);
    if (figures)
      drafts.push(
        para(
          `Nhóm có ${g.tasks.length === figures.total ? `${figures.total} nhiệm vụ` : `${g.tasks.length} nhiệm vụ (${figures.total} lượt đơn vị chủ trì)`} trong năm: ${figuresSentence(figures)}.`
        )
      );
    let inGroup = 0;
    for (const task of g.tasks) {
      const first = task[0].row;
      const quotes: Draft[] = [];
      for (const { row } of task) {
        const agency = name(row.lead);
        const q = book.add(row.result, agency, source(row, agency, TASK_COLUMNS.result));
        if (q) quotes.push(q);
      }
      for (const c of contributions.get(first.key) ?? []) {
        const agency = `${name(c.agency)} (phối hợp)`;
        const q = book.add(c.contribution, agency, {
          agency: name(c.agency),
          task: first.key,
          stt: first.stt,
          column: CONTRIBUTION_COLUMNS.contribution,
        });
        if (q) quotes.push(q);
      }
      if (!quotes.length) continue;
      drafts.push(
        item(`- ${first.title}:`, [source(first, name(first.lead), TASK_COLUMNS.title)]),
        ...quotes
      );
      inGroup += quotes.length;
    }
    if (!inGroup) drafts.push(para("Các đơn vị chưa ghi kết quả thực hiện nhiệm vụ của nhóm này."));
    quoted += inGroup;
  }
  if (!rows.length)
    drafts.push(para(`Năm ${ctx.year} kế hoạch không có nhiệm vụ nào phải thực hiện.`));
  else if (!quoted) drafts.push(para("Chưa có đơn vị nào ghi kết quả thực hiện."));
  return { id: "II", title: "KẾT QUẢ THỰC HIỆN", paragraphs: materialize(drafts) };
}

// --- III. Tồn tại, hạn chế --------------------------------------------------------------------

/** "- <task> (hạn 30/06/2026; chủ trì: Sở Y tế, tiến độ 50%; Sở Tài chính)": one line a task. */
function taskLine(
  rows: TaskRows<TrackingRow>,
  ctx: ReportContext,
  name: (w: string) => string
): string {
  const leads = rows.map((row) => {
    const progress = row.progress === null ? "" : `, tiến độ ${row.progress}%`;
    return `${name(row.lead)}${progress}`;
  });
  return `- ${rows[0].title} (hạn ${deadlineText(rows[0], ctx.year)}; chủ trì: ${leads.join("; ")})`;
}

function shortcomingsPart(ctx: ReportContext): NarrativePart {
  const name = nameResolver(ctx);
  const rows = assigned(ctx);
  const drafts: Draft[] = [];
  const listOf = (status: string, intro: (n: number) => string) => {
    const hit = rows.filter((d) => d.status === status);
    if (!hit.length) return 0;
    drafts.push(para(intro(hit.length)));
    // One line a task and deadline: a collective's members share it.
    for (const task of byTask(hit)) {
      const byDeadline = new Map<string, TaskRows<TrackingRow>>();
      for (const { row } of task) {
        const d = deadlineText(row, ctx.year);
        const same = byDeadline.get(d);
        if (same) same.push(row);
        else byDeadline.set(d, [row]);
      }
      for (const same of byDeadline.values())
        drafts.push(
          item(
            taskLine(same, ctx, name),
            same.map((row) => source(row, name(row.lead), TASK_COLUMNS.derived))
          )
        );
    }
    return hit.length;
  };
  const late =
    listOf(
      DERIVED_STATUS.overdue,
      (n) => `Đến ngày ${viDate(ctx.date)} còn ${n} nhiệm vụ quá hạn chưa hoàn thành:`
    ) + listOf(DERIVED_STATUS.notDone, (n) => `${n} nhiệm vụ không thực hiện:`);
  if (!late) drafts.push(para("Không có nhiệm vụ quá hạn hoặc không thực hiện."));

  const book = new QuoteBook();
  const said: Draft[] = [];
  for (const task of byTask(rows)) {
    const quotes: Draft[] = [];
    for (const { row } of task) {
      const agency = name(row.lead);
      const q = book.add(row.difficulties, agency, source(row, agency, TASK_COLUMNS.difficulties));
      if (q) quotes.push(q);
    }
    if (quotes.length)
      said.push(
        item(`- ${task[0].row.title}:`, [
          source(task[0].row, name(task[0].row.lead), TASK_COLUMNS.title),
        ]),
        ...quotes
      );
  }
  if (said.length) drafts.push(para("Khó khăn, vướng mắc các đơn vị nêu:"), ...said);
  else drafts.push(para("Các đơn vị không nêu khó khăn, vướng mắc."));
  return {
    id: "III",
    title: "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
    paragraphs: materialize(drafts),
  };
}

// --- IV. Năm sau --------------------------------------------------------------------------------

function nextYearPart(ctx: ReportContext): NarrativePart {
  const next = ctx.year + 1;
  const title = `NHIỆM VỤ NĂM ${next}`;
  const end = ctx.wb.plan.period?.to;
  if (end !== undefined && next > end)
    return {
      id: "IV",
      title,
      paragraphs: [
        para(`Kế hoạch kết thúc năm ${end}; năm ${next} không còn nhiệm vụ của kế hoạch.`),
      ],
    };
  const name = nameResolver(ctx);
  const agencies = workbookAgencies(ctx.wb, ctx.date);
  const planName = (w: string) => agencies.agencyOf(w)?.name ?? w.trim();
  // The schedule alone decides (a deadline typed over this year's does not carry over).
  const due = ctx.wb.rows
    .filter(
      (row) =>
        row.kind !== "request" &&
        dueIn({ scheduleCode: row.scheduleCode, deadline: null }, next).due
    )
    .map((row) => ({ row }));
  if (!due.length)
    return {
      id: "IV",
      title,
      paragraphs: [para(`Năm ${next} kế hoạch không có nhiệm vụ nào phải thực hiện.`)],
    };
  const tasks = byTask(due);
  const out: LetterPara[] = [
    para(`Năm ${next}, theo kế hoạch có ${tasks.length} nhiệm vụ phải thực hiện:`),
  ];
  for (const g of byGroup(due)) {
    out.push(subhead(g.heading));
    for (const task of g.tasks) {
      const first = task[0].row;
      // The leads as the plan names them (a collective stays one name), under their names of
      // the report date.
      const leads = [
        ...new Set(
          (first.allLeads.length ? first.allLeads : task.map((t) => t.row.lead))
            .map(planName)
            .filter(Boolean)
        ),
      ];
      const deadline = dueIn({ scheduleCode: first.scheduleCode, deadline: null }, next).deadline;
      const when = deadline ? `hạn ${viDate(deadline)}` : first.timeText || "không có hạn";
      out.push(
        item(
          `- ${first.title} (${leads.join("; ") || "chưa có đơn vị chủ trì"} chủ trì; ${when})`,
          task.map((t) => source(t.row, name(t.row.lead), TASK_COLUMNS.timeText))
        )
      );
    }
  }
  return { id: "IV", title, paragraphs: out };
}

// --- V. Đề xuất, kiến nghị ---------------------------------------------------------------------

function proposalsPart(
  ctx: ReportContext,
  rows = assigned(ctx),
  name = nameResolver(ctx)
): NarrativePart {
  const book = new QuoteBook();
  const by = new Map<Addressee, Draft[]>();
  for (const { row } of rows) {
    const agency = name(row.lead);
    const q = book.add(row.proposals, agency, source(row, agency, TASK_COLUMNS.proposals));
    if (!q) continue;
    const who = addresseeOf(q.text);
    const list = by.get(who);
    if (list) list.push(q);
    else by.set(who, [q]);
  }
  const drafts: Draft[] = [];
  let n = 0;
  for (const who of Object.keys(ADDRESSEE_TITLES) as Addressee[]) {
    const quotes = by.get(who);
    if (!quotes) continue;
    drafts.push(subhead(`${++n}. ${ADDRESSEE_TITLES[who]}`), ...quotes);
  }
  if (!drafts.length) drafts.push(para("Các đơn vị không có đề xuất, kiến nghị."));
  return { id: "V", title: "ĐỀ XUẤT, KIẾN NGHỊ", paragraphs: materialize(drafts) };
}

/** The province report's body, parts I–V. */
export function provinceNarrative(ctx: ReportContext, cells: TrackingCells): Narrative {
  return [
    deploymentPart(ctx, cells),
    resultsPart(ctx, cells),
    shortcomingsPart(ctx),
    nextYearPart(ctx),
    proposalsPart(ctx),
  ];
}

export { proposalsPart };
