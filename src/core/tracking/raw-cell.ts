import { utcIso } from "../text/dates";
/**
 * Raw cell values as spreadsheet adapters hand them over (exceljs shapes, Office.js values):
 * strings, numbers, booleans, Dates, { formula, result }, { richText }, { text, hyperlink },
 * { error }. Everything here turns them into what tracking needs without guessing meaning.
 */

/** The value a cell shows: formula cells give their cached result (may be absent). */
export function cellValue(raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date || typeof raw !== "object") return raw;
  const o = raw as Record<string, unknown>;
  if ("value" in o) return cellValue(o.value); // src/xlsx CellData { value, formula? }
  if ("formula" in o || "sharedFormula" in o) return cellValue(o.result);
  if (Array.isArray(o.richText))
    return o.richText.map((r: { text?: string }) => r.text ?? "").join("");
  if (typeof o.text === "string") return o.text;
  if ("error" in o) return null;
  return null;
}

/** A number the file shows as a percentage (src/xlsx CellData `percent`): 1 shows "100%". */
export function isPercentCell(raw: unknown): boolean {
  return typeof raw === "object" && raw !== null && (raw as { percent?: unknown }).percent === true;
}

/** True when the cell holds a formula (not a literal value). */
export function isFormulaCell(raw: unknown): boolean {
  if (typeof raw !== "object" || raw === null || raw instanceof Date) return false;
  const o = raw as Record<string, unknown>;
  // sharedFormula first: a shared formula's text is translated only when read (src/xlsx).
  return Boolean(o.sharedFormula || o.formula);
}

/** The cell as text, trimmed; numbers in plain form; Dates as ISO (callers that care read cellValue). */
export function cellText(raw: unknown): string {
  const v = cellValue(raw);
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return utcIso(v) ?? "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v)
    .replace(/\u00a0/g, " ")
    .trim();
}
