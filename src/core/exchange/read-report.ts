/**
 * A returned workbook → its report rows, whichever way it was made: a file from `distribute`
 * (stored identity; rows by "Mã nhiệm vụ" on "Chủ trì" / "Phối hợp") or the agency's own sheet
 * (report-headers.ts finds the table; rows matched to tasks later, by STT and text). Legacy
 * TCVN3/VNI text is converted first. Formula cells give their computed value; error values
 * (#REF!, #N/A…) are read as empty and reported.
 */
import { foldVietnamese } from "../text/fold";
import { capitalized, placeText } from "../finding-place";
import type { TrackingCells } from "../tracking/read-tracking";
import { cellText, cellValue, isFormulaCell } from "../tracking/raw-cell";
import { columnLetter } from "../spec/a1";
import { normalizeDate } from "../tracking/normalize-input";
import { readStatus } from "../tracking/status-wording";
import { detectLegacyEncoding, fromLegacy, type LegacyEncoding } from "../text/legacy-encoding";
import {
  findHeader,
  PLAN_FIELDS,
  ROW_FIELDS,
  withStatusByContent,
  type HeaderMatch,
  type ReportField,
} from "./report-headers";
import {
  readHiddenIdentity,
  readVisibleIdentity,
  REPORT_META_SHEET,
  type ReportIdentity,
} from "./report-identity";
import { REPORT_DATE_LABEL, REPORT_SHEETS } from "./report-columns";
import { SHEETS } from "../workbook/columns";
import { isSignatureLine, joinContinuation, TEXT_FIELDS } from "./report-continuation";
import { SameTaskRows } from "./same-task-rows";
import { notesBelow } from "./report-notes-below";
import { spreadMerged } from "./report-merges";

export interface ReportRow {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** "lead" rows report a task; "partner" rows a contribution. */
  kind: "lead" | "partner";
  key: string;
  stt: string;
  title: string;
  /** The lead agency the row names, when the table has that column. */
  lead: string;
  /** Raw cells of the reported fields present in the table. */
  values: Partial<Record<ReportField, unknown>>;
}

/** A column of a returned table holding values that have no place in the master. */
export interface IgnoredColumn {
  sheet: string;
  /** Column letter ("H"). */
  column: string;
  /** Its header as written ("" when it has none). */
  header: string;
}

export interface ReportRead {
  /** The hidden identity, else the visible "Mã báo cáo" line. */
  identity: ReportIdentity | null;
  /** Each of the two, for comparing them with the title and the file name. */
  hiddenIdentity: ReportIdentity | null;
  visibleIdentity: ReportIdentity | null;
  rows: ReportRow[];
  /** Columns with values on task rows that no field takes (named per file to the officer). */
  ignoredColumns: IgnoredColumn[];
  /** ISO date the agency signed the report ("Ngày báo cáo", "…, ngày 20 tháng 11 năm 2026"). */
  reportDate: string | null;
  /** Text above the table (title block) and below it, for the agency / plan / year. */
  titleText: string[];
  legacy: LegacyEncoding | null;
  warnings: string[];
  /**
   * What the agency wrote that lands in no task row (a note under the table, a text between
   * tasks): kept in "Tiếp nhận" so the officer still has the words after consolidating.
   */
  outside: Outside[];
}

/** Text of a returned sheet that belongs to no task row: where, and its words. */
export interface Outside {
  sheet: string;
  /** 1-based sheet rows. */
  from: number;
  to: number;
  text: string;
}

type Sheet = TrackingCells["sheets"][number];
const gridOf = (s: Sheet): unknown[][] => s.rows ?? s.cells ?? [];
const ERROR_TEXT = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;

/** Cells with legacy text converted (a new grid only when something changed). */
function convertCells(cells: TrackingCells): {
  cells: TrackingCells;
  legacy: LegacyEncoding | null;
} {
  const strings = function* () {
    for (const s of cells.sheets)
      for (const r of gridOf(s))
        for (const c of r ?? []) {
          const v = cellValue(c);
          if (typeof v === "string" && /[\u00a0-\u00ff]/.test(v)) yield v;
        }
  };
  const legacy = detectLegacyEncoding(strings());
  if (!legacy) return { cells, legacy: null };
  const conv = (c: unknown): unknown => {
    const v = cellValue(c);
    return typeof v === "string" ? fromLegacy(v, legacy) : c;
  };
  return {
    legacy,
    cells: {
      ...cells,
      sheets: cells.sheets.map((s) => ({
        name: fromLegacy(s.name, legacy),
        state: s.state,
        rows: gridOf(s).map((r) => Array.from(r ?? [], conv)),
        ...(s.merges ? { merges: s.merges } : {}),
      })),
    },
  };
}

export function readReport(input: TrackingCells, file: string): ReportRead {
  const { cells, legacy } = convertCells(input);
  const warnings: string[] = [];
  if (legacy)
    warnings.push(
      `Tệp "${file}" gõ bằng bảng mã cũ ${legacy === "tcvn3" ? "TCVN3 (.VnTime)" : "VNI"}: đã chuyển sang Unicode để đọc; nên lưu lại tệp bằng Unicode.`
    );
  const hiddenIdentity = readHiddenIdentity(cells.sheets);
  const visibleIdentity = readVisibleIdentity(cells.sheets);
  const identity = hiddenIdentity ?? visibleIdentity;
  const rows: ReportRow[] = [];
  const ignoredColumns: IgnoredColumn[] = [];
  const titleText: string[] = [];
  const outside: Outside[] = [];
  let reportDate: string | null = null;

  const visible = cells.sheets.filter(
    (s) => (s.state ?? "visible") === "visible" && foldVietnamese(s.name) !== REPORT_META_SHEET
  );
  const hidden = cells.sheets.filter(
    (s) => (s.state ?? "visible") !== "visible" && foldVietnamese(s.name) !== REPORT_META_SHEET
  );
  const guide = visible.find((s) => foldVietnamese(s.name) === foldVietnamese(REPORT_SHEETS.guide));
  if (guide) reportDate = labelledDate(gridOf(guide), REPORT_DATE_LABEL);

  for (const s of visible) {
    // Earlier sheets' rows by kind and key, the first of each (sheet names are unique).
    const earlier = new Map<string, ReportRow>();
    for (const x of rows) if (!earlier.has(kindKey(x))) earlier.set(kindKey(x), x);
    const sheetGrid = gridOf(s);
    const found = findHeader(sheetGrid);
    if (!found) continue;
    const h = withStatusByContent(found, sheetGrid, isStatusWord, isSureStatus);
    const isPartner =
      foldVietnamese(s.name) === foldVietnamese(REPORT_SHEETS.partner) ||
      (h.col.contribution !== undefined &&
        h.col.status === undefined &&
        h.col.result === undefined);
    for (let r = 0; r < h.headerRow - 1; r++) titleText.push(rowText(sheetGrid[r]));
    const placed: [ReportField, number][] = [
      ...(Object.entries(h.col) as [ReportField, number][]),
      ...h.extra
        .filter((e) => TEXT_FIELDS.includes(e.field))
        .map((e): [ReportField, number] => [e.field, e.col]),
    ];
    const reportedCols = new Set(
      placed
        .filter(([f]) => !ROW_FIELDS.includes(f) && !(PLAN_FIELDS as readonly string[]).includes(f))
        .map(([, c]) => c)
    );
    const named = (line: unknown[], f: "title" | "key") =>
      h.col[f] !== undefined && cellText(line[h.col[f]!]) !== "";
    const { grid, spread } = spreadMerged(
      sheetGrid,
      s.merges ?? [],
      reportedCols,
      h.firstDataRow,
      (line) => named(line, "title") || named(line, "key")
    );
    for (const m of spread)
      warnings.push(
        `${capitalized(placeText({ file, sheet: s.name, row: m.rows[0] }, { file: true }))}: ô ${m.range} gộp qua ${m.rows.length} dòng nhiệm vụ (dòng ${m.rows.join(", ")}): đã ghi "${headerOf(sheetGrid, h, placed.find(([, c]) => c === m.col)![0])}" = "${clip(m.text)}" cho từng nhiệm vụ.`
      );
    const taskLines: unknown[][] = [];
    const orphans: { row: number; place: string; values: ReportRow["values"] }[] = [];
    let lastData = h.headerRow;
    /** This sheet's task rows, and the one the last data line belongs to. */
    const mine = new SameTaskRows<ReportRow>();
    let current: ReportRow | undefined;
    /** Keys of tasks this sheet reports again after an earlier sheet of the file. */
    const copied: string[] = [];
    /** Past the first signature line: rows naming no task are the signature block. */
    let signing = false;
    for (let r = h.firstDataRow - 1; r < grid.length; r++) {
      const line = grid[r] ?? [];
      const at = (f: ReportField) => (h.col[f] === undefined ? null : line[h.col[f]!]);
      const title = cellText(at("title"));
      const key = cellText(at("key"));
      const values: ReportRow["values"] = {};
      const notes: string[] = [];
      const where = capitalized(placeText({ file, sheet: s.name }, { file: true }));
      for (const [f, c] of placed) {
        if ((PLAN_FIELDS as readonly string[]).includes(f)) continue;
        const raw = line[c];
        // A formula written by a program that does not calculate (openpyxl, a script) has no
        // saved result: its value is unknown, not empty.
        if (isFormulaCell(raw) && cellValue(raw) === null && !isErrorFormula(raw)) {
          notes.push(
            `${where}, ô ${columnLetter(c + 1)}${r + 1} ("${cellText(grid[h.headerRow - 1]?.[c]) || f}"): công thức "=${formulaOf(raw)}" chưa có kết quả lưu trong tệp (tệp được ghi bằng chương trình không tính công thức), nên chưa lấy được giá trị. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi tổng hợp lại.`
          );
          continue;
        }
        if (ROW_FIELDS.includes(f)) continue;
        const text = cellText(raw);
        if (ERROR_TEXT.test(text) || isErrorFormula(raw)) {
          notes.push(
            `${capitalized(placeText({ file, sheet: s.name, row: r + 1 }, { file: true }))}: ô có lỗi công thức (${text || "#REF!"}), coi như để trống.`
          );
          continue;
        }
        if (text === "") continue;
        // A second column of a text field adds to the first ("Kết quả" and "Tình hình thực
        // hiện", "Khó khăn" and "Vướng mắc"): every text lands.
        const before = values[f];
        values[f] = before === undefined ? raw : `${cellText(before)}\n${text}`;
      }
      // No task text and no key: a note or signature line around the table, not a task (unless
      // its text is a formula nobody calculated: then the officer must hear of it), or the
      // rest of the report of the task above (report-continuation.ts).
      const uncalculated = notes.some((n) => n.includes("chưa có kết quả lưu"));
      // The signature block ("Nơi nhận:", "- Như trên;" typed in the key column, "GIÁM ĐỐC"):
      // no task, even where its text sits in a task's columns, so the notes above it count as
      // under the table.
      // Asked only where it decides (the whole row folded is costly on a long return), and
      // for a keyed row after its key and title, which are not signature text on a task row.
      const signature = () => isSignatureLine(line, viDate);
      const signed = (t: string) => !t || isSignatureLine([t], viDate);
      if (key && (signing ? !title : signed(key) && signed(title) && signature())) {
        signing = true;
        continue;
      }
      if (!title && !key && signature()) signing = true;
      if (!title && !key) {
        if (uncalculated) warnings.push(...notes);
        if (Object.keys(values).length === 0 || isSignatureLine(line, viDate)) continue;
        const prev = current;
        const place = capitalized(placeText({ file, sheet: s.name, row: r + 1 }, { file: true }));
        if (prev && lastData === r && !cellText(at("stt"))) {
          const kept = joinContinuation(prev.values, values, (f) => headerOf(grid, h, f));
          warnings.push(
            `${place}: dòng không ghi nhiệm vụ, ngay dưới nhiệm vụ ${prev.key || prev.stt || prev.title.slice(0, 40)} (dòng ${prev.row}): coi là phần tiếp của báo cáo nhiệm vụ đó, đã ghép nội dung vào.${kept.length ? ` Giữ giá trị dòng ${prev.row}: ${kept.join("; ")}.` : ""}`
          );
          taskLines.push(line);
          lastData = r + 1;
        } else orphans.push({ row: r + 1, place, values });
        continue;
      }
      warnings.push(...notes);
      taskLines.push(line);
      lastData = r + 1;
      const row: ReportRow = {
        sheet: s.name,
        row: r + 1,
        kind: isPartner ? "partner" : "lead",
        key,
        stt: cellText(at("stt")),
        title,
        lead: cellText(at("lead")),
        values,
      };
      // The task's row copied (to write more, or again): one task has one report. Matching
      // gave the copy to no task (its task was taken) and its text was lost.
      // The sheet copied to write the report in ("Báo cáo chi tiết", "Sheet2"), the first left
      // as distributed or filled too: the task's rows of both sheets are one report. Keyed rows
      // only: an agency's own sheets without keys may be other years' tables.
      const elsewhere = row.key ? earlier.get(kindKey(row)) : undefined;
      if (elsewhere) {
        const kept = joinContinuation(elsewhere.values, values, (f) => headerOf(grid, h, f));
        copied.push(row.key);
        if (kept.length)
          warnings.push(
            `${capitalized(placeText({ file, sheet: s.name, row: r + 1 }, { file: true }))}: nhiệm vụ ${row.key} cũng có ở trang "${elsewhere.sheet}" (dòng ${elsewhere.row}); giữ giá trị trang "${elsewhere.sheet}": ${kept.join("; ")}.`
          );
        current = elsewhere;
        continue;
      }
      const first = mine.first(row);
      if (first) {
        const kept = joinContinuation(first.values, values, (f) => headerOf(grid, h, f));
        warnings.push(
          `${capitalized(placeText({ file, sheet: s.name, row: r + 1 }, { file: true }))}: dòng lặp lại nhiệm vụ ${first.key || first.stt || first.title.slice(0, 40)} của dòng ${first.row}: đã ghép nội dung vào báo cáo của nhiệm vụ đó (chữ trùng chỉ lấy một lần).${kept.length ? ` Giữ giá trị dòng ${first.row}: ${kept.join("; ")}.` : ""}`
        );
        current = first;
        continue;
      }
      rows.push(row);
      mine.add(row);
      current = row;
    }
    if (copied.length)
      warnings.push(
        `${capitalized(placeText({ file, sheet: s.name }, { file: true }))} ghi lại ${copied.length} nhiệm vụ đã có ở trang khác của tệp (${copied.join(", ")}): mỗi nhiệm vụ đã ghép nội dung của các trang vào một báo cáo (chữ trùng chỉ lấy một lần). Nên kiểm tra với đơn vị trang nào là báo cáo chính thức.`
      );
    // Inside the table but under no task (a blank row between): whose report it is, nobody
    // can say; below the last task it is a note under the table.
    for (const o of orphans)
      if (o.row < lastData) {
        outside.push({
          sheet: s.name,
          from: o.row,
          to: o.row,
          text: Object.values(o.values).map(cellText).filter(Boolean).join(" | "),
        });
        warnings.push(
          `${o.place}: có nội dung ở cột ${Object.keys(o.values)
            .map((f) => `"${headerOf(grid, h, f as ReportField)}"`)
            .join(
              ", "
            )} nhưng không ghi nhiệm vụ (không có "Nhiệm vụ" hay "Mã nhiệm vụ") và không nằm ngay dưới một nhiệm vụ: CHƯA được tổng hợp vào nhiệm vụ nào (đã chép nguyên văn vào trang "${SHEETS.intake}"). Hãy ghi nhiệm vụ cho dòng này (hoặc chuyển nội dung vào dòng của nhiệm vụ) rồi tổng hợp lại.`
        );
      }
    for (const n of notesBelow(grid, lastData, (l) => isSignatureLine(l, viDate))) {
      outside.push({ sheet: s.name, ...n });
      warnings.push(
        `${capitalized(placeText({ file, sheet: s.name, row: n.from }, { file: true }))}${n.to > n.from ? `–${n.to}` : ""}: dưới bảng có ghi "${clip(n.text)}", không thuộc dòng nhiệm vụ nào: CHƯA được tổng hợp vào nhiệm vụ nào (đã chép nguyên văn vào trang "${SHEETS.intake}"). Hãy đọc; nếu là báo cáo của một nhiệm vụ, chép vào dòng của nhiệm vụ đó rồi tổng hợp lại.`
      );
    }
    ignoredColumns.push(...unplaced(h, placed, taskLines, s.name));
    // Signature lines under the table: "Lâm Đồng, ngày 20 tháng 11 năm 2026".
    const below = grid.slice(lastData, lastData + 15).map(rowText);
    titleText.push(...below);
    reportDate ??= [...titleText].map(viDate).find(Boolean) ?? null;
  }
  if (hidden.some((s) => findHeader(gridOf(s))))
    warnings.push(
      `Tệp "${file}" có trang ẩn chứa bảng nhiệm vụ; chỉ các trang đang hiện được đọc.`
    );
  return {
    identity,
    hiddenIdentity,
    visibleIdentity,
    rows,
    ignoredColumns,
    reportDate,
    titleText: titleText.filter(Boolean),
    legacy,
    warnings,
    outside,
  };
}

/**
 * A cell holding a status and nothing else, in the agency's words or ambiguous ("Đã xong",
 * "Chưa hoàn thành", "Đang làm (80%)"): a sentence that starts like one ("Đã hoàn thành việc
 * mở 3 lớp") is a result, so a result column is not taken for the status.
 */
function isStatusWord(v: unknown): boolean {
  const s = readStatus(v);
  return (s.value !== null || s.how === "ambiguous") && s.rest === "";
}

/** A status word naming one status ("Xong"), not one that could be two ("Đã thực hiện"). */
function isSureStatus(v: unknown): boolean {
  const s = readStatus(v);
  return s.value !== null && s.rest === "";
}

function isErrorFormula(raw: unknown): boolean {
  if (raw === null || typeof raw !== "object" || raw instanceof Date) return false;
  const o = raw as { formula?: string; value?: unknown; error?: unknown };
  return (
    Boolean(o.error) || (Boolean(o.formula) && /#REF!/.test(o.formula ?? "") && o.value == null)
  );
}

function kindKey(row: ReportRow): string {
  return `${row.kind}\u0000${row.key.trim()}`;
}

/** A field's header as the table writes it (the field's name when it has none). */
function headerOf(grid: unknown[][], h: HeaderMatch, f: ReportField): string {
  const c = h.col[f];
  return (c === undefined ? "" : cellText(grid[h.headerRow - 1]?.[c]) || h.headers[c]) || f;
}

/** Columns with a value on some task row that neither a field nor the plan's columns explain. */
function unplaced(
  h: HeaderMatch,
  placed: [ReportField, number][],
  lines: unknown[][],
  sheet: string
): IgnoredColumn[] {
  const known = new Set(placed.map(([, c]) => c));
  for (const f of PLAN_FIELDS) if (h.col[f] !== undefined) known.add(h.col[f]!);
  const width = Math.max(0, ...lines.map((l) => l.length));
  const out: IgnoredColumn[] = [];
  for (let c = 0; c < width; c++) {
    if (known.has(c) || !lines.some((l) => cellText(l[c]) !== "")) continue;
    out.push({ sheet, column: columnLetter(c + 1), header: h.headers[c] ?? "" });
  }
  return out;
}

function formulaOf(raw: unknown): string {
  const o = raw as { formula?: string; sharedFormula?: string };
  return (o.formula ?? o.sharedFormula ?? "").replace(/^=/, "");
}

/** A long note shown in full would bury the other lines: its start, and how long it is. */
const clip = (t: string) => (t.length > 300 ? `${t.slice(0, 300)}… (${t.length} ký tự)` : t);

const rowText = (r: unknown[] | undefined) =>
  Array.from(r ?? [], cellText)
    .filter(Boolean)
    .join(" ");

/** "ngày 20 tháng 11 năm 2026" or "Ngày báo cáo: 20/11/2026" in a line → ISO. */
function viDate(line: string): string | null {
  const f = foldVietnamese(line);
  const m = /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/.exec(f);
  if (m) return normalizeDate(`${m[1]}/${m[2]}/${m[3]}`).value;
  const d = /ngay bao cao\s*:?\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})/.exec(f);
  return d ? normalizeDate(d[1]).value : null;
}

/** The value beside a label in column A (a real date or a date typed as text). */
function labelledDate(grid: unknown[][], label: string): string | null {
  const k = foldVietnamese(label);
  for (const r of grid) {
    if (foldVietnamese(cellText(r?.[0])) !== k) continue;
    return normalizeDate(r?.[1] ?? null).value;
  }
  return null;
}
