/**
 * The texts around a printed paper that officers sign (Nghị định 30/2020, Phụ lục I): heading,
 * title, the "(Kèm theo …)" line, the signer's titles and name, "Nơi nhận". Defaults come from
 * the plan's issuer; officers change them (1) on an optional sheet "Mẫu in" of the tracking
 * workbook (two columns, Mục | Nội dung, one line per row or lines in one cell), kept from year
 * to year, or (2) per run, by CLI options or the pane's fields. Later sources win.
 */
import { DISTRICTS_END } from "../agency/default-directory";
import { foldVietnamese } from "../text/fold";
import { cellText } from "../tracking/raw-cell";
import type { TrackingCells } from "../tracking/read-tracking";
import type { TrackingPlanInfo } from "../workbook/tracking-model";
import type { CellValue, SheetSpec } from "../spec/sheet-spec";
import { fitRowHeights } from "../workbook/row-heights";
import { fullStyle } from "../workbook/sheet-style";

export interface PrintTexts {
  /** "Phụ lục" (+ a Roman number when the plan has several). */
  heading: string;
  /** The appendix title, printed in capitals. */
  title: string;
  /** "(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm … của …)". */
  attachedTo: string;
  signerTitles: string[];
  signerName: string;
  /** Lines of "Nơi nhận", each "- …;" and the last "- Lưu: VT, …". */
  recipients: string[];
}

/** The sheet officers may add to keep their texts, and its keys (column "Mục"). */
export const PRINT_TEXTS_SHEET = "Mẫu in";
const PRINT_TEXT_KEYS: Record<keyof PrintTexts, string> = {
  heading: "Tiêu đề phụ lục",
  title: "Tên phụ lục",
  attachedTo: "Dòng kèm theo",
  signerTitles: "Chức danh người ký",
  signerName: "Người ký",
  recipients: "Nơi nhận",
};

/** "UBND tỉnh Lâm Đồng" → "Ủy ban nhân dân tỉnh Lâm Đồng" (abbreviations are not used in the line). */
export function issuerInFull(issuer: string): string {
  return issuer
    .replace(/^\s*UBND\b/i, "Ủy ban nhân dân")
    .replace(/\bHĐND\b/, "Hội đồng nhân dân")
    .trim();
}

/** "ngày 05 tháng 02 năm 2024": days below 10 and months 1–2 take a leading zero (Nghị định 30/2020). */
export function dateInWords(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return "ngày    tháng    năm     ";
  const day = Number(m[3]);
  const month = Number(m[2]);
  const dd = day < 10 ? `0${day}` : `${day}`;
  const mm = month <= 2 ? `0${month}` : `${month}`;
  return `ngày ${dd} tháng ${mm} năm ${m[1]}`;
}

/** The issuer's signing titles: a UBND signs on behalf of its committee, by a vice-chair. */
function defaultSignerTitles(issuer: string): string[] {
  if (/^\s*(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)/i.test(issuer))
    return ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"];
  return ["THỦ TRƯỞNG CƠ QUAN"];
}

/**
 * Defaults from the plan's issuer. `asOf` is the paper's date: from 1/7/2025 the district level
 * no longer exists, so a paper signed then is not sent to "UBND các huyện, thành phố".
 */
export function defaultPrintTexts(plan: TrackingPlanInfo, asOf?: string | null): PrintTexts {
  const localCommittees =
    asOf && asOf >= DISTRICTS_END ? "- UBND các xã, phường;" : "- UBND các huyện, thành phố;";
  const issuer = plan.issuer?.trim() || "UBND tỉnh";
  const number = plan.number?.trim() || "      /KH-UBND";
  return {
    heading: "Phụ lục",
    title: (plan.appendixTitle?.trim() || "DANH MỤC NHIỆM VỤ").toLocaleUpperCase("vi"),
    attachedTo: `(Kèm theo Kế hoạch số ${number} ${dateInWords(plan.issuedOn)} của ${issuerInFull(issuer)})`,
    // The plan's own signer when the import read one; else the issuer's usual titles.
    signerTitles: plan.signer?.titles.length ? plan.signer.titles : defaultSignerTitles(issuer),
    signerName: plan.signer?.name ?? "",
    recipients: ["- Các Sở, ban, ngành;", localCommittees, "- Lưu: VT."],
  };
}

export type PrintTextEdits = Partial<PrintTexts>;

/** Later edits win field by field; empty lists and undefined fields leave the earlier value. */
export function withEdits(base: PrintTexts, ...edits: (PrintTextEdits | undefined)[]): PrintTexts {
  let out = base;
  for (const e of edits) {
    if (!e) continue;
    const next = { ...out };
    for (const k of Object.keys(PRINT_TEXT_KEYS) as (keyof PrintTexts)[]) {
      const v = e[k];
      if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      (next as Record<string, unknown>)[k] = v;
    }
    out = next;
  }
  return out;
}

/** The officer's texts from the "Mẫu in" sheet, if the workbook has one (rows: Mục | Nội dung). */
export function readPrintTexts(cells: TrackingCells): PrintTextEdits {
  const sheet = cells.sheets.find(
    (s) => foldVietnamese(s.name) === foldVietnamese(PRINT_TEXTS_SHEET)
  );
  if (!sheet) return {};
  const byKey = new Map(
    (Object.entries(PRINT_TEXT_KEYS) as [keyof PrintTexts, string][]).map(([id, label]) => [
      foldVietnamese(label),
      id,
    ])
  );
  const lines: Partial<Record<keyof PrintTexts, string[]>> = {};
  let current: keyof PrintTexts | undefined;
  for (const row of sheet.rows ?? sheet.cells ?? []) {
    const key = cellText(row?.[0]);
    const value = String(row?.[1] === null || row?.[1] === undefined ? "" : cellText(row[1]));
    // A row with no key continues the one above (one recipient per row).
    if (key) current = byKey.get(foldVietnamese(key));
    if (!current || !value) continue;
    (lines[current] ??= []).push(
      ...value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    );
  }
  const out: PrintTextEdits = {};
  for (const [id, v] of Object.entries(lines) as [keyof PrintTexts, string[]][]) {
    if (id === "signerTitles" || id === "recipients") out[id] = v;
    else out[id] = v.join(" ");
  }
  return out;
}

/**
 * The "Mẫu in" sheet holding `texts`, for the officer to edit in Excel: Mục | Nội dung, one row
 * per line of the lists (the key on the first). readPrintTexts reads it back.
 */
export function printTextsSheet(texts: PrintTexts): SheetSpec {
  const rows: CellValue[][] = [["Mục", "Nội dung"]];
  for (const [id, label] of Object.entries(PRINT_TEXT_KEYS) as [keyof PrintTexts, string][]) {
    const v = texts[id];
    const lines = Array.isArray(v) ? (v.length ? v : [""]) : [v];
    lines.forEach((line, i) => rows.push([i === 0 ? label : null, line]));
  }
  const last = rows.length;
  return fitRowHeights({
    name: PRINT_TEXTS_SHEET,
    visibility: "visible",
    columns: [{ width: 24 }, { width: 80 }],
    blocks: [
      { address: "A1", values: rows },
      {
        address: "A" + (last + 2),
        values: [
          [
            "Ghi chú",
            "Phụ Lục dùng các dòng trên khi in phụ lục và báo cáo toàn tỉnh. Thêm dòng (để trống cột Mục) cho thêm chức danh hoặc nơi nhận.",
          ],
        ],
      },
    ],
    styles: [
      { range: "A1:B1", style: fullStyle({ font: { bold: true }, border: "thin" }) },
      { range: `A2:B${last}`, style: fullStyle({ wrap: true, vertical: "top", border: "thin" }) },
      {
        range: `A2:A${last}`,
        style: fullStyle({ font: { bold: true }, vertical: "top", border: "thin" }),
      },
      {
        range: `A${last + 2}:B${last + 2}`,
        style: fullStyle({ font: { italic: true }, wrap: true, vertical: "top" }),
      },
    ],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
  });
}
