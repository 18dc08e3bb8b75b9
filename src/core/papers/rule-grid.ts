/**
 * The decree's short rule under "(Kèm theo …)", on a sheet: a bottom border under a merged
 * range centred on the page. The paper's grid seldom has columns there (the appendix's task
 * column runs across the middle), so the grid is cut at the rule's two ends and every table
 * column spans the pieces of the columns it spanned: the printed page does not change.
 */
import { RULE_CHARS, isTable, type Paper } from "./paper";

/** The paper on a grid with column edges at both ends of the centred rule, and where they are. */
export function withRuleColumns(paper: Paper): { paper: Paper; rule?: [number, number] } {
  if (!paper.blocks.some((b) => b.kind === "text" && b.ruleBelow)) return { paper };
  const total = paper.grid.reduce((a, b) => a + b, 0);
  const length = Math.min(RULE_CHARS, total);
  const start = Math.round((total - length) / 2);
  const end = Math.round((total + length) / 2);
  const cuts = [start, end];
  const grid: number[] = [];
  const pieces: number[] = []; // new columns per original column
  let at = 0;
  for (const w of paper.grid) {
    const inside = cuts.filter((c) => c > at && c < at + w);
    let from = at;
    for (const c of inside) {
      grid.push(c - from);
      from = c;
    }
    grid.push(at + w - from);
    pieces.push(inside.length + 1);
    at += w;
  }
  // Grid index of the rule's first and last column.
  let edge = 0;
  const columnEdges = grid.map((w) => ({ from: edge, to: (edge += w) }));
  const first = columnEdges.findIndex((c) => c.from === start);
  const last = columnEdges.findIndex((c) => c.to === end);
  const blocks = paper.blocks.map((b) => {
    if (!isTable(b)) return b;
    let col = 0;
    const columns = b.columns.map((c) => {
      const span = c.span ?? 1;
      const widened = pieces.slice(col, col + span).reduce((a, n) => a + n, 0);
      col += span;
      return { ...c, span: widened };
    });
    return { ...b, columns };
  });
  return {
    paper: { ...paper, grid, blocks },
    rule: first >= 0 && last >= first ? [first, last] : undefined,
  };
}
