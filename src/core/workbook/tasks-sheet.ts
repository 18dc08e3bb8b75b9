/**
 * "Nhiệm vụ": the task table officers fill, one row per (task, lead agency). Deadline, status
 * and task-level status are formulas (formulas.ts), so the sheet keeps working where the
 * add-in is not installed. Validations and conditional formats cover exactly the table's data
 * rows: Excel extends them itself when the table grows; cross-row formulas reach GROWTH_MARGIN
 * rows further so rows appended below are counted too.
 */
import type {
  CellValue,
  ConditionalFormatSpec,
  SheetSpec,
  StyledRange,
  ValidationSpec,
} from "../spec/sheet-spec";
import {
  DERIVED_STATUS,
  KIND_LABELS,
  NAMES,
  SHEETS,
  TABLES,
  TRACKED_COLUMNS,
  type TaskColumnId,
} from "./columns";
import {
  deadlineFormula,
  derivedStatusFormula,
  doneRule,
  dueSoonRule,
  inconsistentRule,
  overdueRule,
  partnerStatusFormula,
  taskProgressFormula,
  type RowCells,
} from "./formulas";
import { readableSheet } from "./print-width";
import { formulaCell, rowFormula } from "./row-formula";
import { textWidthEm } from "./row-heights";
import { fullStyle } from "./sheet-style";
import { BODY_STYLE, COLORS, DATE_STYLE, HEADER_STYLE, printLayout } from "./styles";
import type { TaskLayout } from "./task-layout";
import { dateValidation, progressValidation, statusValidation } from "./tracked-validations";
import type { TaskRow } from "./task-rows";

const DATES: TaskColumnId[] = ["deadline", "completedOn", "updatedOn"];
const CENTERED: TaskColumnId[] = ["key", "stt", "group", "years", "progress", "status"];

function rowCells(layout: TaskLayout, row: number): RowCells {
  const l = layout.letter;
  return {
    row,
    status: l.status,
    completedOn: l.completedOn,
    progress: l.progress,
    deadline: l.deadline,
    scheduleCode: l.scheduleCode,
    derived: l.derived,
  };
}

/** The formula columns' text for a row: built once for the table, joined per row (row-formula.ts). */
interface RowFormulas {
  deadline: (row: number) => string;
  derived: (row: number) => string;
  taskProgress: (row: number) => string;
  partnerStatus: (row: number) => string;
}

function rowFormulas(layout: TaskLayout): RowFormulas {
  const l = layout.letter;
  const abs = (id: TaskColumnId) =>
    `$${l[id]}$${layout.firstDataRow}:$${l[id]}$${layout.formulaBottom}`;
  const check = [layout.firstDataRow, layout.lastDataRow];
  return {
    deadline: rowFormula((row) => deadlineFormula(rowCells(layout, row)), check),
    derived: rowFormula((row) => derivedStatusFormula(rowCells(layout, row)), check),
    taskProgress: rowFormula(
      (row) =>
        taskProgressFormula(`$${l.key}${row}`, abs("key"), abs("derived"), `$${l.derived}${row}`),
      check
    ),
    partnerStatus: rowFormula(
      (row) => partnerStatusFormula(l.key, layout.firstDataRow, row, abs("key"), abs("derived")),
      check
    ),
  };
}

function rowValues(layout: TaskLayout, f: RowFormulas, r: TaskRow, row: number): CellValue[] {
  const t = r.tracked;
  const known: Record<TaskColumnId, CellValue> = {
    key: r.key,
    stt: r.stt,
    group: r.group,
    groupTitle: r.groupTitle,
    title: r.title,
    kind: r.kind,
    lead: r.lead,
    allLeads: r.allLeads,
    partners: r.partners,
    planPartners: r.planPartners,
    leadText: r.leadText || null,
    partnersText: r.partnersText || null,
    timeText: r.timeText,
    years: r.years,
    deadline: t?.deadline ?? formulaCell(f.deadline, row),
    scheduleCode: r.scheduleCode,
    status: t?.status ?? null,
    completedOn: t?.completedOn ?? null,
    progress: t?.progress ?? null,
    result: t?.result ?? null,
    evidence: t?.evidence ?? null,
    difficulties: t?.difficulties ?? null,
    proposals: t?.proposals ?? null,
    updatedOn: t?.updatedOn ?? null,
    derived: formulaCell(f.derived, row),
    taskProgress: formulaCell(f.taskProgress, row),
    partnerStatus: formulaCell(f.partnerStatus, row),
  };
  let extra = 0;
  return layout.columns.map((c) => (c.id === "extra" ? (r.extra[extra++] ?? "") : known[c.id]));
}

function validations(layout: TaskLayout): ValidationSpec[] {
  const col = (id: TaskColumnId) =>
    `${layout.letter[id]}${layout.firstDataRow}:${layout.letter[id]}${layout.lastDataRow}`;
  return [
    {
      kind: "list",
      range: col("kind"),
      items: Object.values(KIND_LABELS),
      allowBlank: true,
      prompt: {
        title: "Loại nhiệm vụ",
        message: `"${KIND_LABELS.request}": kế hoạch đề nghị (không giao) cơ quan này; được theo dõi nhưng không tính vào tỷ lệ hoàn thành.`,
      },
      error: {
        title: "Loại nhiệm vụ không hợp lệ",
        message: `Chỉ chọn "${KIND_LABELS.assignment}" hoặc "${KIND_LABELS.request}".`,
      },
    },
    statusValidation(col("status"), "Trạng thái"),
    {
      kind: "list",
      range: col("lead"),
      source: `=${NAMES.agencyList}`,
      allowBlank: true,
      prompt: {
        title: "Đơn vị chủ trì",
        message: `Chọn đơn vị trong danh mục (trang "${SHEETS.agencies}").`,
      },
      error: {
        title: "Đơn vị không có trong danh mục",
        message: `Hãy chọn tên trong danh sách; đơn vị mới thì thêm vào trang "${SHEETS.agencies}" trước.`,
      },
    },
    progressValidation(col("progress"), "Tiến độ (%)"),
    dateValidation(col("completedOn"), "Ngày hoàn thành"),
    dateValidation(col("updatedOn"), "Ngày cập nhật"),
  ];
}

function conditionalFormats(layout: TaskLayout, lastLetter: string): ConditionalFormatSpec[] {
  const range = `A${layout.firstDataRow}:${lastLetter}${layout.lastDataRow}`;
  const cells = rowCells(layout, layout.firstDataRow);
  return [
    {
      kind: "expression",
      range,
      formula: inconsistentRule(cells),
      style: { fill: COLORS.inconsistent, fontColor: COLORS.inconsistentText, bold: true },
      priority: 1,
    },
    {
      kind: "expression",
      range,
      formula: overdueRule(cells),
      style: { fill: COLORS.overdue, fontColor: COLORS.overdueText },
      priority: 2,
    },
    {
      kind: "expression",
      range,
      formula: dueSoonRule(cells),
      style: { fill: COLORS.dueSoon },
      priority: 3,
    },
    {
      kind: "expression",
      range,
      formula: doneRule(cells),
      style: { fill: COLORS.done },
      priority: 4,
    },
  ];
}

/**
 * What the formula columns can show, for the row heights: the widest derived status, and the
 * task-level count for the task with the most lead rows.
 */
function formulaTexts(layout: TaskLayout, rows: TaskRow[]): Record<string, string> {
  const widest = Object.values(DERIVED_STATUS).reduce((a, b) =>
    textWidthEm(b) > textWidthEm(a) ? b : a
  );
  const perKey = new Map<string, number>();
  for (const r of rows) perKey.set(r.key, (perKey.get(r.key) ?? 0) + 1);
  const most = Math.max(1, ...perKey.values());
  return {
    [layout.letter.derived]: widest,
    [layout.letter.taskProgress]: `${most}/${most} đơn vị hoàn thành`,
  };
}

/**
 * The sheet prints as many A4 landscape pages wide as keeps text readable (print-width.ts),
 * with the header row on top and Mã nhiệm vụ + STT at the left of every page.
 */
export function tasksSheet(layout: TaskLayout, rows: TaskRow[]): SheetSpec {
  const lastColumn = layout.columns[layout.columns.length - 1];
  if (!lastColumn) throw new Error("tasksSheet: a task layout without columns");
  const last = lastColumn.letter;
  const { headerRow, firstDataRow, lastDataRow } = layout;
  const header = layout.columns.map((c) => c.header);
  const formulas = rowFormulas(layout);
  const body =
    rows.length > 0
      ? rows.map((r, i) => rowValues(layout, formulas, r, firstDataRow + i))
      : [layout.columns.map((): CellValue => null)];
  const colRange = (id: TaskColumnId) =>
    `${layout.letter[id]}${firstDataRow}:${layout.letter[id]}${lastDataRow}`;
  const styles: StyledRange[] = [
    { range: `A${headerRow}:${last}${headerRow}`, style: fullStyle(HEADER_STYLE) },
    ...TRACKED_COLUMNS.map((id) => ({
      range: `${layout.letter[id]}${headerRow}`,
      style: fullStyle(HEADER_STYLE, { fill: COLORS.input }),
    })),
    { range: `A${firstDataRow}:${last}${lastDataRow}`, style: fullStyle(BODY_STYLE) },
    ...CENTERED.map((id) => ({
      range: colRange(id),
      style: fullStyle(BODY_STYLE, { horizontal: "center" }),
    })),
    ...DATES.map((id) => ({ range: colRange(id), style: fullStyle(BODY_STYLE, DATE_STYLE) })),
    {
      range: colRange("progress"),
      style: fullStyle(BODY_STYLE, { horizontal: "center", numberFormat: "0" }),
    },
    { range: colRange("derived"), style: fullStyle(BODY_STYLE, { font: { bold: true } }) },
  ];
  return readableSheet(
    {
      name: SHEETS.tasks,
      visibility: "visible",
      columns: layout.columns.map((c) => ({ width: c.width, hidden: c.hidden })),
      blocks: [{ address: `A${headerRow}`, values: [header, ...body] }],
      styles,
      merges: [],
      tables: [
        {
          name: TABLES.tasks,
          range: `A${headerRow}:${last}${lastDataRow}`,
          columns: header,
          style: "TableStyleLight1",
          showRowStripes: false,
        },
      ],
      validations: validations(layout),
      conditionalFormats: conditionalFormats(layout, last),
      freeze: { rows: headerRow, columns: 0 },
      pageLayout: printLayout(
        `${headerRow}:${headerRow}`,
        `${layout.letter.key}:${layout.letter.stt}`
      ),
      rowHeights: { [headerRow]: 48 },
      tabColor: COLORS.tab.tasks,
    },
    { formulaTexts: formulaTexts(layout, rows) }
  );
}
