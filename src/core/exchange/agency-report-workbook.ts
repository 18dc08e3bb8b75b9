/**
 * The workbook one agency receives (`phuluc distribute`): "Hướng dẫn" (who, which plan and
 * year, the reporting deadline, how to fill, the report date to type, the identity line),
 * "Chủ trì" (its lead rows to fill, current values pre-filled) and "Phối hợp" (tasks it only
 * partners, with a column for what it contributed), plus the hidden identity sheet.
 * Plan columns are locked by sheet protection WITHOUT a password (it only prevents typing over
 * keys and plan text by accident); input cells are unlocked and carry the same validations as
 * the tracking workbook, so the file works in Excel 2016, LibreOffice and WPS without the add-in.
 */
import { DATE_FORMAT } from "../spec/cell-values";
import type {
  CellValue,
  SheetSpec,
  StyleSpec,
  ValidationSpec,
  WorkbookSpec,
} from "../spec/sheet-spec";
import { SheetBuilder } from "../spec/sheet-builder";
import { columnLetter } from "../spec/a1";
import { dueIn } from "../tracking/derive-status";
import {
  emptyTrackingRow,
  type TrackingRow,
  type TrackingWorkbook,
} from "../workbook/tracking-model";
import { trackedCells } from "../workbook/from-tracking";
import { readableSheet } from "../workbook/print-width";
import { fullStyle } from "../workbook/sheet-style";
import {
  BODY_STYLE,
  COLORS,
  FONT,
  HEADER_STYLE,
  NOTE_STYLE,
  printLayout,
  TITLE_STYLE,
} from "../workbook/styles";
import {
  DATE_MAX,
  DATE_MIN,
  dateValidation,
  progressValidation,
  statusValidation,
} from "../workbook/tracked-validations";
import type { AgencyAssignment } from "./distribution-plan";
import { emptyTexts, printsOf, rowTexts } from "./tracked-values";
import {
  LEAD_REPORT_COLUMNS,
  PARTNER_REPORT_COLUMNS,
  REPORT_DATE_LABEL,
  REPORT_HEADER_ROW,
  REPORT_SHEETS,
} from "./report-columns";
import {
  identityCode,
  identitySheet,
  REPORT_CODE_LABEL,
  REPORT_TEMPLATE_VERSION,
  type ReportIdentity,
} from "./report-identity";
import { formatViDate } from "../text/dates";

export interface AgencyReportOptions {
  year: number;
  /** ISO date the agency must send its report by; null when not set. */
  deadline: string | null;
  /** ISO date the file is made (core reads no clock). */
  generatedOn: string;
}

const INPUT: StyleSpec = { fill: COLORS.input, locked: false };
/** Characters of column width the title block spans: about an A4 landscape page. */
const TITLE_WIDTH = 110;
const date = (iso: string | null): CellValue => (iso ? { date: iso } : null);
const viDate = (iso: string | null) => (iso ? formatViDate(iso) : "");

export function agencyReportWorkbook(
  master: TrackingWorkbook,
  a: AgencyAssignment,
  o: AgencyReportOptions
): { spec: WorkbookSpec; identity: ReportIdentity } {
  const identity: ReportIdentity = {
    templateVersion: REPORT_TEMPLATE_VERSION,
    planNumber: master.plan.number ?? "",
    year: o.year,
    agency: a.agency,
    generatedOn: o.generatedOn,
    deadline: o.deadline,
    leadKeys: a.lead.map((r) => r.key),
    partnerKeys: a.partner.map((r) => r.key),
    // What the lead sheet is pre-filled with (nothing for another year than the master's).
    base: Object.fromEntries(
      a.lead.map((r) => [
        r.key,
        printsOf(master.reportYear === o.year ? rowTexts(r) : emptyTexts()),
      ])
    ),
  };
  const titleLines: TitleLines = [
    `Đơn vị: ${a.agency}`,
    `Kế hoạch số ${identity.planNumber}${master.plan.title ? ` – ${master.plan.title}` : ""}`,
  ];
  return {
    identity,
    spec: {
      sheets: [
        guideSheet(master, a, o, identity),
        // The master's values are for its own report year: pre-filled only for that year.
        leadSheet(a.lead, o.year, titleLines, master.reportYear === o.year),
        partnerSheet(a, o.year, titleLines),
        identitySheet(identity),
      ],
      defaultFont: FONT,
    },
  };
}

function guideSheet(
  master: TrackingWorkbook,
  a: AgencyAssignment,
  o: AgencyReportOptions,
  id: ReportIdentity
): SheetSpec {
  const out = new SheetBuilder(2);
  out.across(out.addRow([`BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM ${o.year}`]), 0, 1);
  out.across(out.addRow([`Kế hoạch số ${id.planNumber}`]), 0, 1);
  out.row++;
  const firstField = out.addRow(["Đơn vị báo cáo", a.agency]);
  out.addRow(["Kế hoạch", [id.planNumber, master.plan.title].filter(Boolean).join(" – ")]);
  out.addRow(["Cơ quan ban hành", master.plan.issuer ?? ""]);
  out.addRow(["Năm báo cáo", o.year]);
  const deadlineRow = out.addRow(["Hạn gửi báo cáo", date(o.deadline)]);
  const dateRow = out.addRow([REPORT_DATE_LABEL]);
  out.addRow(["Số nhiệm vụ chủ trì", a.lead.length]);
  const lastField = out.addRow(["Số nhiệm vụ phối hợp", a.partner.length]);
  out.row++;
  const helpTitle = out.addRow(["Cách điền"]);
  const help = [
    `1. Trang "${REPORT_SHEETS.lead}": mỗi dòng là một nhiệm vụ đơn vị chủ trì trong năm ${o.year}. Điền các ô màu vàng: Trạng thái (chọn trong danh sách), Ngày hoàn thành (khi đã hoàn thành), Tiến độ (%), Kết quả thực hiện, Văn bản/minh chứng, Khó khăn, Đề xuất.`,
    `2. Trang "${REPORT_SHEETS.partner}": các nhiệm vụ đơn vị phối hợp thực hiện; ghi nội dung đơn vị đã phối hợp và văn bản liên quan.`,
    `3. Ghi "${REPORT_DATE_LABEL}" ở ô màu vàng phía trên (ngày ký báo cáo, dạng dd/mm/yyyy).`,
    "4. Các cột của kế hoạch (mã, STT, nội dung nhiệm vụ, thời gian) được khoá để giữ đúng mã nhiệm vụ; không cần mật khẩu, nhưng xin đừng sửa, xoá hay sắp xếp lại các dòng, không đổi tên trang.",
    `5. Lưu tệp dạng Excel (.xlsx) và gửi lại${o.deadline ? ` trước ngày ${viDate(o.deadline)}` : ""}. Có thể đổi tên tệp; Phụ Lục nhận ra báo cáo nhờ mã bên dưới.`,
  ].map((t) => out.addRow([t]));
  for (const r of help) out.across(r, 0, 1);
  out.row++;
  const last = out.addRow([REPORT_CODE_LABEL, identityCode(id)]);
  const sheet: SheetSpec = {
    name: REPORT_SHEETS.guide,
    visibility: "visible",
    columns: [{ width: 26 }, { width: 80 }],
    blocks: [{ address: "A1", values: out.values() }],
    styles: [
      { range: "A1:B1", style: fullStyle(TITLE_STYLE) },
      { range: "A2:B2", style: fullStyle({ horizontal: "center", font: { italic: true } }) },
      {
        range: `A${firstField}:A${lastField}`,
        style: fullStyle({ font: { bold: true }, vertical: "top" }),
      },
      {
        range: `B${firstField}:B${lastField}`,
        style: fullStyle({ wrap: true, vertical: "top", horizontal: "left" }),
      },
      {
        range: `B${deadlineRow}`,
        style: fullStyle({ numberFormat: DATE_FORMAT, horizontal: "left", font: { bold: true } }),
      },
      {
        range: `B${dateRow}`,
        style: fullStyle(INPUT, { numberFormat: DATE_FORMAT, horizontal: "left", border: "thin" }),
      },
      { range: `A${helpTitle}`, style: fullStyle({ font: { bold: true } }) },
      {
        range: `A${help[0]}:B${help[help.length - 1]}`,
        style: fullStyle(NOTE_STYLE, { font: { italic: false } }),
      },
      { range: `A${last}:B${last}`, style: fullStyle({ font: { size: 10, color: "#595959" } }) },
    ],
    merges: out.merges,
    tables: [],
    validations: [
      {
        kind: "date",
        range: `B${dateRow}`,
        min: DATE_MIN,
        max: DATE_MAX,
        allowBlank: true,
        prompt: { title: REPORT_DATE_LABEL, message: "Ngày ký báo cáo, dạng dd/mm/yyyy." },
        error: { title: "Ngày không hợp lệ", message: "Cần một ngày dạng dd/mm/yyyy." },
      },
    ],
    conditionalFormats: [],
    protect: true,
    pageLayout: printLayout(),
  };
  return onePageWide(readableSheet(sheet));
}

/**
 * A file sent to an agency prints on A4 landscape, one page wide (its header row repeated on
 * every page): agencies print it to sign and send back, and a table cut across pages is
 * unreadable there. Row heights stay as fitted for the sheet's own widths.
 */
function onePageWide(sheet: SheetSpec): SheetSpec {
  if (!sheet.pageLayout) return sheet;
  return {
    ...sheet,
    pageLayout: { ...sheet.pageLayout, orientation: "landscape", fitToPagesWide: 1 },
  };
}

type Col = {
  header: string;
  width: number;
  value: (r: TrackingRow) => CellValue;
  input?: boolean;
  kind?: "date" | "center";
};

/** The two lines under a sheet's title: the agency, then the plan. */
type TitleLines = [agency: string, plan: string];

function tableSheet(
  name: string,
  title: string,
  titleLines: TitleLines,
  cols: Col[],
  rows: TrackingRow[],
  validations: (letter: (h: string) => string, first: number, last: number) => ValidationSpec[]
): SheetSpec {
  const h = REPORT_HEADER_ROW;
  const first = h + 1;
  // At least one data row so validations and the table shape exist even for an empty list.
  const last = h + Math.max(rows.length, 1);
  const lastLetter = columnLetter(cols.length);
  const letter = (header: string) => columnLetter(cols.findIndex((c) => c.header === header) + 1);
  // The title block spans about one printed page's width (the table prints several pages wide),
  // wrapped, so it is read on the first page instead of being cut across pages.
  let span = 0;
  let titleCols = 0;
  for (const c of cols) {
    if (span >= TITLE_WIDTH) break;
    span += c.width;
    titleCols++;
  }
  const titleLetter = columnLetter(titleCols);
  const styles = [
    { range: `A1:${titleLetter}1`, style: fullStyle(TITLE_STYLE) },
    {
      range: `A2:${titleLetter}3`,
      style: fullStyle({
        horizontal: "center",
        wrap: true,
        vertical: "top",
        font: { italic: true },
      }),
    },
    { range: `A${h}:${lastLetter}${h}`, style: fullStyle(HEADER_STYLE) },
    { range: `A${first}:${lastLetter}${last}`, style: fullStyle(BODY_STYLE) },
  ];
  cols.forEach((c, i) => {
    const l = columnLetter(i + 1);
    const parts: StyleSpec[] = [BODY_STYLE];
    if (c.kind === "date") parts.push({ numberFormat: DATE_FORMAT, horizontal: "center" });
    if (c.kind === "center") parts.push({ horizontal: "center" });
    if (c.input) parts.push(INPUT);
    if (parts.length > 1)
      styles.push({ range: `${l}${first}:${l}${last}`, style: fullStyle(...parts) });
  });
  const sheet: SheetSpec = {
    name,
    visibility: "visible",
    columns: cols.map((c) => ({ width: c.width })),
    blocks: [
      { address: "A1", values: [[title], [titleLines[0]], [titleLines[1]]] },
      {
        address: `A${h}`,
        values: [cols.map((c) => c.header), ...rows.map((r) => cols.map((c) => c.value(r)))],
      },
    ],
    styles,
    merges: [`A1:${titleLetter}1`, `A2:${titleLetter}2`, `A3:${titleLetter}3`],
    tables: [],
    validations: rows.length ? validations(letter, first, last) : [],
    conditionalFormats: [],
    freeze: { rows: h, columns: 3 },
    protect: true,
    pageLayout: printLayout(`${h}:${h}`, "A:C"),
  };
  return onePageWide(readableSheet(sheet));
}

const deadlineOf = (year: number) => (r: TrackingRow) => date(dueIn(r, year).deadline);

function leadSheet(
  rows: TrackingRow[],
  year: number,
  titleLines: TitleLines,
  prefill: boolean
): SheetSpec {
  const C = LEAD_REPORT_COLUMNS;
  const t = (r: TrackingRow) => (prefill ? trackedCells(r) : trackedCells(emptyTrackingRow()));
  const cols: Col[] = [
    { header: C.key, width: 11, value: (r) => r.key, kind: "center" },
    { header: C.stt, width: 6, value: (r) => r.stt, kind: "center" },
    { header: C.title, width: 50, value: (r) => r.title },
    { header: C.timeText, width: 14, value: (r) => r.timeText },
    { header: C.deadline, width: 12, value: deadlineOf(year), kind: "date" },
    { header: C.partners, width: 24, value: (r) => r.partners.join("; ") },
    { header: C.status, width: 16, value: (r) => t(r).status, input: true, kind: "center" },
    { header: C.completedOn, width: 13, value: (r) => t(r).completedOn, input: true, kind: "date" },
    { header: C.progress, width: 9, value: (r) => t(r).progress, input: true, kind: "center" },
    { header: C.result, width: 40, value: (r) => t(r).result, input: true },
    { header: C.evidence, width: 24, value: (r) => t(r).evidence, input: true },
    { header: C.difficulties, width: 24, value: (r) => t(r).difficulties, input: true },
    { header: C.proposals, width: 24, value: (r) => t(r).proposals, input: true },
    { header: C.updatedOn, width: 13, value: (r) => t(r).updatedOn, input: true, kind: "date" },
  ];
  return tableSheet(
    REPORT_SHEETS.lead,
    `NHIỆM VỤ CHỦ TRÌ – KẾT QUẢ THỰC HIỆN NĂM ${year}`,
    titleLines,
    cols,
    rows,
    (l, first, last) => {
      const range = (h: string) => `${l(h)}${first}:${l(h)}${last}`;
      return [
        statusValidation(range(C.status), C.status),
        progressValidation(range(C.progress), C.progress),
        dateValidation(range(C.completedOn), C.completedOn),
        dateValidation(range(C.updatedOn), C.updatedOn),
      ];
    }
  );
}

function partnerSheet(a: AgencyAssignment, year: number, titleLines: TitleLines): SheetSpec {
  const rows = a.partner;
  const C = PARTNER_REPORT_COLUMNS;
  const cols: Col[] = [
    { header: C.key, width: 11, value: (r) => r.key, kind: "center" },
    { header: C.stt, width: 6, value: (r) => r.stt, kind: "center" },
    { header: C.title, width: 50, value: (r) => r.title },
    {
      header: C.lead,
      width: 24,
      // The agencies answering for the task this year (the plan's own wording is on the master).
      value: (r) => {
        const leads = a.leadsOf[r.key];
        return (leads?.length ? leads : r.allLeads).join("; ") || r.lead;
      },
    },
    { header: C.timeText, width: 14, value: (r) => r.timeText },
    { header: C.deadline, width: 12, value: deadlineOf(year), kind: "date" },
    { header: C.contribution, width: 50, value: () => null, input: true },
    { header: C.evidence, width: 30, value: () => null, input: true },
  ];
  return tableSheet(
    REPORT_SHEETS.partner,
    `NHIỆM VỤ PHỐI HỢP – NĂM ${year}`,
    titleLines,
    cols,
    rows,
    () => []
  );
}
