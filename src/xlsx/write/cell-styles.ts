/**
 * Cell styles of a workbook being written: each distinct look a cell can have is a small
 * integer (a "state"), turned into one <xf> of styles.xml when a cell uses it. A cell's look is
 * a chain: where it starts (no value, a value, a date), then each of its sheet's style ranges
 * that covers it, in order; each step (state, range) → state is computed once, so 50,000 cells
 * cost 50,000 integer lookups, not 50,000 style objects.
 *
 * Meaning, as the spec says (core/spec/sheet-spec.ts): fonts merge field by field over the
 * workbook's default font; fill, number format and borders replace; alignment merges;
 * `locked: false` unlocks the cell for a protected sheet.
 */
import type { BorderWeight, FontSpec, StyleSpec } from "../../core/spec/sheet-spec";
import { DATE_FORMAT } from "../../core/spec/cell-values";
import { xmlText } from "./xml-text";

interface CellStyle {
  font: FontSpec;
  fill?: string;
  horizontal?: StyleSpec["horizontal"];
  vertical?: StyleSpec["vertical"];
  wrap?: boolean;
  numFmt?: string;
  border?: { top?: BorderWeight; bottom?: BorderWeight; left?: BorderWeight; right?: BorderWeight };
  locked?: boolean;
}

/** Excel's built-in number formats we may meet (others get ids from 164 on). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

/** "#RRGGBB" → "FFRRGGBB", refusing anything else (a bad colour would corrupt the part). */
export function argb(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new RangeError(`Màu không hợp lệ: "${color}"`);
  return `FF${hex}`;
}

function fontXml(f: FontSpec): string {
  return (
    "<font>" +
    (f.bold ? "<b/>" : "") +
    (f.italic ? "<i/>" : "") +
    (f.underline ? "<u/>" : "") +
    (f.size !== undefined ? `<sz val="${f.size}"/>` : "") +
    (f.color ? `<color rgb="${argb(f.color)}"/>` : "") +
    (f.name !== undefined ? `<name val="${xmlText(f.name)}"/>` : "") +
    "</font>"
  );
}

function solidFillXml(color: string): string {
  const c = argb(color);
  // Both colours: cell fills read fgColor, conditional-format (dxf) fills read bgColor.
  return `<fill><patternFill patternType="solid"><fgColor rgb="${c}"/><bgColor rgb="${c}"/></patternFill></fill>`;
}

function mergeStyle(current: CellStyle, spec: StyleSpec): CellStyle {
  const next: CellStyle = { ...current };
  if (spec.font) next.font = { ...current.font, ...spec.font };
  if (spec.fill) next.fill = spec.fill;
  if (spec.horizontal) next.horizontal = spec.horizontal;
  if (spec.vertical) next.vertical = spec.vertical;
  if (spec.wrap !== undefined) next.wrap = spec.wrap;
  if (spec.numberFormat) next.numFmt = spec.numberFormat;
  if (spec.border)
    next.border = { top: spec.border, bottom: spec.border, left: spec.border, right: spec.border };
  if (spec.borderBottom) next.border = { ...(next.border ?? {}), bottom: spec.borderBottom };
  if (spec.locked !== undefined) next.locked = spec.locked;
  return next;
}

/** The workbook's styles: states for cells, and styles.xml once every sheet is written. */
export class StyleBook {
  /** A cell that exists with no style of its own: Excel's default (xf 0, the default font). */
  static readonly EMPTY = 0;
  /** A cell holding a value: the default font. */
  static readonly BASE = 1;
  /** A cell holding a date: the default font, dd/mm/yyyy. */
  static readonly DATE = 2;

  private readonly states: CellStyle[] = [];
  private readonly stateXf: number[] = [];
  private readonly steps = new Map<StyleSpec, Map<number, number>>();
  private readonly fonts = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly borders = new Map<string, number>();
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Map<string, number>();
  private readonly dxfs = new Map<string, number>();

  constructor(private readonly defaultFont: FontSpec) {
    const base: CellStyle = { font: { ...defaultFont } };
    this.states.push(base, base, { ...base, numFmt: DATE_FORMAT });
    this.stateXf.push(0);
    // Index 0 of each list is Excel's default; fills 0 and 1 are reserved by the format.
    this.fonts.set(this.defaultFontXml(), 0);
    this.fills.set('<fill><patternFill patternType="none"/></fill>', 0);
    this.fills.set('<fill><patternFill patternType="gray125"/></fill>', 1);
    this.borders.set("<border><left/><right/><top/><bottom/><diagonal/></border>", 0);
    this.xfs.set('numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"', 0);
  }

  /** The state of a cell in `state` once the style range `spec` covering it is applied. */
  apply(state: number, spec: StyleSpec): number {
    let steps = this.steps.get(spec);
    if (!steps) this.steps.set(spec, (steps = new Map()));
    let next = steps.get(state);
    if (next === undefined) {
      next = this.states.length;
      this.states.push(mergeStyle(this.style(state), spec));
      steps.set(state, next);
    }
    return next;
  }

  /** The <xf> index of a state (0 for EMPTY). */
  xf(state: number): number {
    let xf = this.stateXf[state];
    if (xf === undefined) {
      xf = this.xfFor(this.style(state));
      this.stateXf[state] = xf;
    }
    return xf;
  }

  /** A state's look; states are only handed out by apply (and the three built in). */
  private style(state: number): CellStyle {
    const s = this.states[state];
    if (s === undefined) throw new Error(`no cell style state ${state}`);
    return s;
  }

  /** A conditional format's look (font colour, bold, fill) as a <dxf> index. */
  dxf(style: { fill?: string; fontColor?: string; bold?: boolean }): number {
    const font =
      style.fontColor || style.bold
        ? `<font>${style.bold ? "<b/>" : ""}${style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : ""}</font>`
        : "";
    const xml = `<dxf>${font}${style.fill ? solidFillXml(style.fill) : ""}</dxf>`;
    return this.indexIn(this.dxfs, xml);
  }

  toXml(): string {
    const list = (tag: string, m: Map<string, number>, extra = "") =>
      `<${tag} count="${m.size}"${extra}>${[...m.keys()].join("")}</${tag}>`;
    const numFmts = [...this.numFmts]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
      .join("");
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (this.numFmts.size ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : "") +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      list("borders", this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.size}">${[...this.xfs.keys()].map(xfElement).join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.dxfs) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }

  /**
   * Font 0, the "Normal" style every unstyled cell shows: the spec's default font, without the
   * theme's font scheme (which would make Excel show the theme font whatever the name says).
   */
  private defaultFontXml(): string {
    const f = this.defaultFont;
    return (
      "<font>" +
      (f.bold ? "<b/>" : "") +
      (f.italic ? "<i/>" : "") +
      (f.underline ? "<u/>" : "") +
      `<sz val="${f.size ?? 11}"/>` +
      (f.color ? `<color rgb="${argb(f.color)}"/>` : '<color theme="1"/>') +
      `<name val="${xmlText(f.name ?? "Times New Roman")}"/>` +
      `<family val="${/times|serif/i.test(f.name ?? "Times") ? 1 : 2}"/>` +
      "</font>"
    );
  }

  private xfFor(s: CellStyle): number {
    const numFmtId = s.numFmt === undefined ? 0 : this.numFmtId(s.numFmt);
    const fontId = this.indexIn(this.fonts, fontXml(s.font));
    const fillId = s.fill ? this.indexIn(this.fills, solidFillXml(s.fill)) : 0;
    const b = s.border;
    const edge = (name: string, w?: BorderWeight) => (w ? `<${name} style="${w}"/>` : `<${name}/>`);
    const borderId = b
      ? this.indexIn(
          this.borders,
          `<border>${edge("left", b.left)}${edge("right", b.right)}${edge("top", b.top)}${edge("bottom", b.bottom)}<diagonal/></border>`
        )
      : 0;
    const align =
      (s.horizontal ? ` horizontal="${s.horizontal}"` : "") +
      (s.vertical ? ` vertical="${s.vertical}"` : "") +
      (s.wrap ? ' wrapText="1"' : "");
    let key =
      `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      ' applyFont="1"' +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (align ? ' applyAlignment="1"' : "") +
      (s.locked !== undefined ? ' applyProtection="1"' : "");
    // The children, after a "|": rendered by xfElement.
    if (align || s.locked !== undefined)
      key +=
        "|" +
        (align ? `<alignment${align}/>` : "") +
        (s.locked !== undefined ? `<protection locked="${s.locked ? 1 : 0}"/>` : "");
    return this.indexIn(this.xfs, key);
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) this.numFmts.set(code, (id = 164 + this.numFmts.size));
    return id;
  }

  private indexIn(m: Map<string, number>, key: string): number {
    let i = m.get(key);
    if (i === undefined) m.set(key, (i = m.size));
    return i;
  }
}

function xfElement(key: string): string {
  const bar = key.indexOf("|");
  return bar < 0 ? `<xf ${key}/>` : `<xf ${key.slice(0, bar)}>${key.slice(bar + 1)}</xf>`;
}
