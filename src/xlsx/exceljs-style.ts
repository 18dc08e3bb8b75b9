/** StyleSpec → exceljs style objects. Colors in the spec are "#RRGGBB"; exceljs wants ARGB. */
import type { Alignment, Borders, Fill, Font, Style } from "exceljs";
import type { FontSpec, StyleSpec } from "../core/spec/sheet-spec";

export function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new RangeError(`Màu không hợp lệ: "${color}"`);
  return `FF${hex}`;
}

export function toFont(f: FontSpec): Partial<Font> {
  const out: Partial<Font> = {};
  if (f.name !== undefined) out.name = f.name;
  if (f.size !== undefined) out.size = f.size;
  if (f.bold !== undefined) out.bold = f.bold;
  if (f.italic !== undefined) out.italic = f.italic;
  if (f.underline !== undefined) out.underline = f.underline;
  if (f.color !== undefined) out.color = { argb: argb(f.color) };
  return out;
}

export function solidFill(color: string): Fill {
  // Both colors: cell fills read fgColor, conditional-format (dxf) fills read bgColor.
  return {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: argb(color) },
    bgColor: { argb: argb(color) },
  };
}

/**
 * The style a cell ends up with after `spec` is applied on top of what it has. Fonts merge
 * field by field so a later "bold" range keeps the default font's name and size.
 */
export function mergeStyle(current: Partial<Style>, spec: StyleSpec): Partial<Style> {
  const next: Partial<Style> = { ...current };
  if (spec.font) next.font = { ...(current.font ?? {}), ...toFont(spec.font) };
  if (spec.fill) next.fill = solidFill(spec.fill);
  if (spec.horizontal || spec.vertical || spec.wrap !== undefined) {
    const a: Partial<Alignment> = { ...(current.alignment ?? {}) };
    if (spec.horizontal) a.horizontal = spec.horizontal;
    if (spec.vertical) a.vertical = spec.vertical === "center" ? "middle" : spec.vertical;
    if (spec.wrap !== undefined) a.wrapText = spec.wrap;
    next.alignment = a;
  }
  if (spec.numberFormat) next.numFmt = spec.numberFormat;
  if (spec.border) {
    const edge = { style: spec.border };
    const borders: Partial<Borders> = { top: edge, bottom: edge, left: edge, right: edge };
    next.border = borders;
  }
  if (spec.borderBottom)
    next.border = {
      ...(next.border ?? current.border ?? {}),
      bottom: { style: spec.borderBottom },
    };
  if (spec.locked !== undefined) next.protection = { locked: spec.locked };
  return next;
}
