/**
 * Renderers may replace a cell's font or alignment as a whole rather than merge it, so every
 * StyledRange we emit carries the full style: base font, then the parts layered on top.
 */
import type { StyleSpec } from "../spec/sheet-spec";
import { FONT } from "./styles";

export function fullStyle(...parts: StyleSpec[]): StyleSpec {
  return parts.reduce<StyleSpec>((acc, p) => ({ ...acc, ...p, font: { ...acc.font, ...p.font } }), {
    font: { ...FONT },
  });
}
