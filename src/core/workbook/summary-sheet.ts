/**
 * "Tổng hợp": live rollup of the task table for the reporting year: the province, then each
 * lead agency, each partner agency, each group. Every count is a SUMPRODUCT over bounded
 * ranges of "Tình trạng" (exact comparisons: no wildcard or locale surprises in LibreOffice),
 * so it follows what officers type. Counts are of rows, i.e. assignments (task × lead agency),
 * except for partners: once per task (formulas.ts partnerStatusFormula).
 */
import type { Agency, Group } from "../model";
import { countingSpellings, spellingPattern } from "../agency/counting-spelling";
import { resolverOn } from "../agency/resolve-agency";
import type { CellValue, SheetSpec } from "../spec/sheet-spec";
import { SheetBuilder } from "../spec/sheet-builder";
import { DERIVED_STATUS, KIND_LABELS, NAMES, SHEETS } from "./columns";
import { countStatus, joinedListContains, rateFormula } from "./formulas";
import { fullStyle } from "./sheet-style";
import { readableSheet } from "./print-width";
import { BODY_STYLE, COLORS, HEADER_STYLE, NOTE_STYLE, TITLE_STYLE, printLayout } from "./styles";
import type { TaskLayout } from "./task-layout";

/** Count columns D…K, in this order; L = come due (D+E+F+G), M = rate. */
export const SUMMARY_STATUSES = [
  DERIVED_STATUS.doneOnTime,
  DERIVED_STATUS.doneLate,
  DERIVED_STATUS.doneUndated,
  DERIVED_STATUS.overdue,
  DERIVED_STATUS.inProgress,
  DERIVED_STATUS.notDue,
  DERIVED_STATUS.noDeadline,
  DERIVED_STATUS.notDone,
] as const;

const SUMMARY_HEADER_ROW = 6;
const COUNT_LETTERS = ["D", "E", "F", "G", "H", "I", "J", "K"];
const LAST = "M";

const RATE_DEFINITION =
  "Tỷ lệ hoàn thành = số đã hoàn thành (đúng hạn + quá hạn + chưa ghi ngày) ÷ (số đã hoàn thành + Quá hạn), " +
  "tức là số đã hoàn thành trên số nhiệm vụ đã đến hạn (cách tính theo Quyết định 42/2014/QĐ-TTg). " +
  '"Hoàn thành chưa ghi ngày": đã quá hạn mà chưa ghi ngày hoàn thành, nên không biết đúng hạn hay quá hạn. ' +
  "Nhiệm vụ thường xuyên, không thực hiện, còn trong hạn không tính vào tỷ lệ; để trống khi chưa có nhiệm vụ nào đến hạn.";

const COUNTING_NOTE =
  "Mỗi dòng ở trang Nhiệm vụ là một lượt giao (nhiệm vụ × đơn vị chủ trì); số liệu đếm theo lượt giao trong năm báo cáo " +
  "(không tính nhiệm vụ không thuộc năm báo cáo, nhiệm vụ đã hoàn thành từ năm trước). " +
  "Phần theo đơn vị phối hợp đếm theo nhiệm vụ, mỗi nhiệm vụ một lần dù có nhiều đơn vị chủ trì; tình trạng của nhiệm vụ là tình trạng chậm nhất trong các đơn vị chủ trì. " +
  'Các đề nghị (Loại nhiệm vụ "Đề nghị") được đếm riêng ở phần V, không tính vào tỷ lệ hoàn thành.';

export interface SummaryInputs {
  /** Lead and partner agencies of assignments (requests are not counted with them). */
  leads: string[];
  partners: string[];
  /** Bodies the plan sends requests to ("Đề nghị …"): their own section, outside the rate. */
  requestLeads?: string[];
  groups: Group[];
  /** Whether some tasks sit outside any group (then a "(Không thuộc nhóm)" line is added). */
  ungrouped: boolean;
  /**
   * The directory: an agency's line also counts rows naming it in another spelling that fits
   * (counting-spelling.ts), so "Sở Y tê" counts for "Sở Y tế" here as in `phuluc rollup`.
   */
  directory?: readonly Agency[];
  /**
   * The report date the workbook is built for: an agency's line also counts rows still naming
   * an agency it succeeded by then (an old name typed back into a current row), as `phuluc
   * rollup` does (successorOn); validate flags such rows with the successor as the fix.
   * Collective partners are expanded into their members existing on that date.
   */
  reportDate?: string;
}

/**
 * The partner lines: each agency named as partner, a collective ("Các Sở, ban, ngành") replaced
 * by its members on the report date, each member's line also counting rows naming the
 * collective (except rows it leads), as `rollup` and `phuluc distribute` count them.
 */
function partnerLines(inputs: SummaryInputs): { name: string; collectives: string[] }[] {
  const agencies = inputs.reportDate
    ? resolverOn(inputs.directory ?? [], inputs.reportDate)
    : undefined;
  const lines = new Map<string, string[]>();
  for (const name of inputs.partners) {
    const members = agencies?.membersOf(name) ?? [];
    if (!members.length) {
      if (!lines.has(name)) lines.set(name, []);
      continue;
    }
    for (const m of members) {
      const l = lines.get(m) ?? [];
      if (!l.includes(name)) l.push(name);
      lines.set(m, l);
    }
  }
  return [...lines].map(([name, collectives]) => ({ name, collectives }));
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Rows whose single-name cell (`range`) is the line's agency: the exact name or a fitting spelling. */
function nameCondition(range: string, nameCell: string, spellings: string[]): string {
  const fits = spellings.map(
    (s) => `ISNUMBER(SEARCH(${q(`;${spellingPattern(s)};`)},";"&TRIM(${range})&";"))`
  );
  const exact = `(TRIM(${range})=${nameCell})`;
  return fits.length ? `((${[exact, ...fits].join("+")})>0)` : exact;
}

/** Rows whose "; "-joined cell names the line's agency, exactly or in a fitting spelling. */
function listCondition(range: string, nameCell: string, spellings: string[]): string {
  const exact = joinedListContains(range, nameCell);
  const fits = spellings.map(
    (s) => `ISNUMBER(SEARCH(${q(`; ${spellingPattern(s)};`)},"; "&TRIM(${range})&";"))`
  );
  return fits.length ? `((${[exact, ...fits].join("+")})>0)` : exact;
}

/**
 * A partner line: rows naming the agency, or naming one of its collectives (in any fitting
 * spelling), except rows of a task it leads (this row's lead, or one of "Các đơn vị chủ trì"):
 * an agency leading a task is not also its partner, as `rollup` and `distribute` count it.
 */
function memberCondition(
  partners: string,
  lead: string,
  allLeads: string,
  nameCell: string,
  spellings: Map<string, string[]>,
  name: string,
  collectives: string[]
): string {
  const own = listCondition(partners, nameCell, spellings.get(name) ?? []);
  const via = collectives.map((c) => listCondition(partners, q(c), spellings.get(c) ?? []));
  const named = via.length ? `((${[own, ...via].join("+")})>0)` : own;
  const leads =
    `((${nameCondition(lead, nameCell, spellings.get(name) ?? [])}+` +
    `${listCondition(allLeads, nameCell, spellings.get(name) ?? [])})>0)`;
  return `${named}*(1-${leads})`;
}

export function summarySheet(layout: TaskLayout, inputs: SummaryInputs): SheetSpec {
  const derived = layout.range("derived");
  const kind = layout.range("kind");
  // Sections I–IV count assignments only; section V counts requests.
  const assignment = `(${kind}<>${JSON.stringify(KIND_LABELS.request)})`;
  const request = `(${kind}=${JSON.stringify(KIND_LABELS.request)})`;
  const out = new SheetBuilder();

  const line = (
    stt: string,
    label: string,
    condition: (row: number) => string | undefined,
    kindFilter = assignment,
    statusRange = derived
  ): void => {
    const r = out.row;
    const counts = SUMMARY_STATUSES.map(
      (s): CellValue => ({
        formula: countStatus(statusRange, s, [kindFilter, condition(r)].filter(Boolean).join("*")),
      })
    );
    out.addRow([
      stt,
      label,
      { formula: `SUM(D${r}:K${r})` },
      ...counts,
      { formula: `D${r}+E${r}+F${r}+G${r}` },
      { formula: rateFormula([`D${r}`, `E${r}`, `F${r}`], `G${r}`) },
    ]);
  };
  const section = (title: string): void => {
    const r = out.row;
    out.addRow([title]);
    out.merges.push(`A${r}:${LAST}${r}`);
    out.styles.push({
      range: `A${r}:${LAST}${r}`,
      style: fullStyle(BODY_STYLE, { font: { bold: true }, fill: "#F2F2F2" }),
    });
  };

  out.addRow([{ formula: `"TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM "&${NAMES.reportYear}` }]);
  out.addRow([
    {
      formula: `"(Số liệu tính đến ngày "&DAY(${NAMES.reportDate})&"/"&MONTH(${NAMES.reportDate})&"/"&YEAR(${NAMES.reportDate})&")"`,
    },
  ]);
  out.addRow([RATE_DEFINITION]);
  out.addRow([COUNTING_NOTE]);
  out.addRow([]);
  out.addRow([
    "STT",
    "Đơn vị / nhóm nhiệm vụ",
    "Tổng số trong năm",
    ...SUMMARY_STATUSES,
    "Đã đến hạn",
    "Tỷ lệ hoàn thành",
  ]);
  [1, 2, 3, 4].forEach((r) => out.merges.push(`A${r}:${LAST}${r}`));

  const firstBody = out.row;
  section("I. TOÀN TỈNH");
  line("", "Toàn tỉnh", () => undefined);
  const provinceRow = out.row - 1;

  const spellings = withPredecessors(
    countingSpellings(inputs.directory ?? []),
    inputs,
    new Set([...inputs.leads, ...inputs.partners, ...(inputs.requestLeads ?? [])])
  );
  section("II. THEO ĐƠN VỊ CHỦ TRÌ");
  const lead = layout.range("lead");
  inputs.leads.forEach((name, i) =>
    line(String(i + 1), name, (r) => nameCondition(lead, `$B${r}`, spellings.get(name) ?? []))
  );

  section("III. THEO ĐƠN VỊ PHỐI HỢP");
  const partners = layout.range("partners");
  // Counted per task: the task's status for partners sits on its first row only.
  const partnerStatus = layout.range("partnerStatus");
  partnerLines(inputs).forEach(({ name, collectives }, i) =>
    line(
      String(i + 1),
      name,
      (r) =>
        memberCondition(
          partners,
          lead,
          layout.range("allLeads"),
          `$B${r}`,
          spellings,
          name,
          collectives
        ),
      assignment,
      partnerStatus
    )
  );

  section("IV. THEO NHÓM NHIỆM VỤ");
  const group = layout.range("group");
  inputs.groups.forEach((g) => line(g.stt, g.title, (r) => `(${group}=$A${r})`));
  if (inputs.ungrouped) line("", "(Không thuộc nhóm)", () => `(${group}="")`);
  const requestLeads = inputs.requestLeads ?? [];
  if (requestLeads.length > 0) {
    section("V. CÁC ĐỀ NGHỊ (theo dõi riêng, không tính vào các phần trên)");
    line("", "Tổng số đề nghị", () => undefined, request);
    requestLeads.forEach((name, i) =>
      line(
        String(i + 1),
        name,
        (r) => nameCondition(lead, `$B${r}`, spellings.get(name) ?? []),
        request
      )
    );
  }
  const lastBody = out.row - 1;

  out.styles.unshift(
    { range: `A1:${LAST}1`, style: fullStyle(TITLE_STYLE) },
    { range: `A2:${LAST}2`, style: fullStyle({ font: { italic: true }, horizontal: "center" }) },
    { range: `A3:${LAST}4`, style: fullStyle(NOTE_STYLE) },
    {
      range: `A${SUMMARY_HEADER_ROW}:${LAST}${SUMMARY_HEADER_ROW}`,
      style: fullStyle(HEADER_STYLE),
    },
    { range: `A${firstBody}:${LAST}${lastBody}`, style: fullStyle(BODY_STYLE) },
    { range: `A${firstBody}:A${lastBody}`, style: fullStyle(BODY_STYLE, { horizontal: "center" }) },
    {
      range: `C${firstBody}:L${lastBody}`,
      style: fullStyle(BODY_STYLE, { horizontal: "center", numberFormat: "0" }),
    },
    {
      range: `M${firstBody}:M${lastBody}`,
      style: fullStyle(BODY_STYLE, { horizontal: "center", numberFormat: "0.0%" }),
    }
  );
  out.styles.push({
    range: `A${provinceRow}:${LAST}${provinceRow}`,
    style: fullStyle(BODY_STYLE, { font: { bold: true } }),
  });
  out.styles.push({
    range: `M${provinceRow}`,
    style: fullStyle(BODY_STYLE, {
      font: { bold: true },
      horizontal: "center",
      numberFormat: "0.0%",
    }),
  });

  return readableSheet({
    name: SHEETS.summary,
    visibility: "visible",
    columns: [
      { width: 6 },
      { width: 36 },
      { width: 10 },
      // 10: the sheet prints one A4 landscape page wide (12 pt text at 9 pt or more).
      ...COUNT_LETTERS.map(() => ({ width: 10 })),
      { width: 10 },
      { width: 12 },
    ],
    blocks: [{ address: "A1", values: out.values() }],
    styles: out.styles,
    merges: out.merges,
    tables: [],
    validations: [],
    conditionalFormats: [
      { kind: "dataBar", range: `M${firstBody}:M${lastBody}`, color: COLORS.dataBar },
    ],
    freeze: { rows: SUMMARY_HEADER_ROW, columns: 2 },
    pageLayout: printLayout(`${SUMMARY_HEADER_ROW}:${SUMMARY_HEADER_ROW}`),
    // Rows 3–4 (the notes) and long agency or group names get their heights from their text.
    rowHeights: { 1: 30, [SUMMARY_HEADER_ROW]: 48 },
    tabColor: COLORS.tab.summary,
  });
}

/**
 * Each agency's counting spellings plus those of the agencies it succeeded by the report date
 * (not themselves a line of the sheet, which would count them twice).
 */
function withPredecessors(
  spellings: Map<string, string[]>,
  inputs: SummaryInputs,
  lines: Set<string>
): Map<string, string[]> {
  if (!inputs.reportDate || !inputs.directory?.length) return spellings;
  const agencies = resolverOn(inputs.directory, inputs.reportDate);
  const out = new Map(spellings);
  for (const a of inputs.directory) {
    const now = agencies.agencyOf(a.name);
    if (!now || now.name === a.name || lines.has(a.name)) continue;
    const own = spellings.get(a.name) ?? [a.name];
    out.set(now.name, [...(out.get(now.name) ?? [now.name]), ...own]);
  }
  return out;
}
