/**
 * Word automatic numbering as Word shows it. In real plans the STT column is very often a list
 * ("1.", "II.", "a)") whose numbers exist only as formatting (w:numPr), never as text: without
 * them every task row reads as unnumbered and groups as tasks. Counters run in document order,
 * one set per abstract list (lists sharing one continue each other, as in Word); a w:num with a
 * startOverride restarts its levels where it is first used; a level restarts below a higher one.
 */
import { listNumber } from "./list-number";
import { W_NS, XmlNode, wChild, wChildren, wVal } from "./xml-node";

interface Level {
  /** numFmt: "decimal", "upperRoman", "lowerLetter", "bullet", "none"… */
  format: string;
  /** lvlText: "%1.", "%1.%2", "%2)"; for bullets the bullet character. */
  text: string;
  start: number;
  /** isLgl: every level shown in decimal ("1.1" under "I"). */
  legal: boolean;
  /** lvlRestart="0": never restarted by a higher level. */
  neverRestart: boolean;
}

interface NumDef {
  abstractId: string;
  levels: Level[];
  /** startOverride per level, applied the first time this num is used. */
  restarts: Map<number, number>;
}

type ListDefinitions = Map<string, NumDef>;

export function listDefinitions(
  numbering: XmlNode | null,
  styles: XmlNode | null = null
): ListDefinitions {
  const out: ListDefinitions = new Map();
  const root = numbering?.childNodes.find((k) => k.nodeType === 1);
  if (!root) return out;
  const abstracts = new Map<string, Level[]>();
  // w:styleLink (the list defining a list style) and w:numStyleLink (a list using one).
  const defines = new Map<string, string>();
  const uses = new Map<string, string>();
  for (const a of wChildren(root, "abstractNum")) {
    const id = attr(a, "abstractNumId");
    if (id === null) continue;
    const levels: Level[] = [];
    for (const lvl of wChildren(a, "lvl")) {
      const ilvl = levelIndex(attr(lvl, "ilvl"));
      if (ilvl !== null) levels[ilvl] = readLevel(lvl);
    }
    abstracts.set(id, levels);
    const defined = wVal(wChild(a, "styleLink"));
    if (defined !== null && !defines.has(defined)) defines.set(defined, id);
    const used = wVal(wChild(a, "numStyleLink"));
    if (used !== null) uses.set(id, used);
  }
  const numAbstract = new Map<string, string>();
  for (const n of wChildren(root, "num")) {
    const id = attr(n, "numId");
    const abstractId = wVal(wChild(n, "abstractNumId"));
    if (id !== null && abstractId !== null) numAbstract.set(id, abstractId);
  }
  const styleNums = listStyles(styles);
  /**
   * A list using a list style (numStyleLink, Word's "Define new list style") has no levels of
   * its own: they and the counters are those of the list the style points at (its numId in
   * styles.xml, else the abstractNum naming the style in w:styleLink). A few hops at most: a
   * loop in a broken file ends as no list.
   */
  const resolve = (abstractId: string): string => {
    let id = abstractId;
    for (let hop = 0; hop < 5; hop++) {
      const style = uses.get(id);
      if (style === undefined) return id;
      const numId = styleNums.get(style);
      const next = (numId !== undefined ? numAbstract.get(numId) : undefined) ?? defines.get(style);
      if (next === undefined || next === id) return id;
      id = next;
    }
    return id;
  };
  for (const n of wChildren(root, "num")) {
    const id = attr(n, "numId");
    const linked = numAbstract.get(id ?? "");
    if (id === null || linked === undefined) continue;
    const abstractId = resolve(linked);
    const levels = [...(abstracts.get(abstractId) ?? [])];
    const restarts = new Map<number, number>();
    for (const o of wChildren(n, "lvlOverride")) {
      const ilvl = levelIndex(attr(o, "ilvl"));
      if (ilvl === null) continue;
      const lvl = wChild(o, "lvl");
      if (lvl) levels[ilvl] = readLevel(lvl);
      const start = intOf(wVal(wChild(o, "startOverride")));
      if (start !== null) restarts.set(ilvl, start);
      else if (lvl) restarts.set(ilvl, levels[ilvl]?.start ?? 1);
    }
    out.set(id, { abstractId, levels, restarts });
  }
  return out;
}

/** List styles (type "numbering") of styles.xml: styleId → the numId their numPr names. */
function listStyles(styles: XmlNode | null): Map<string, string> {
  const out = new Map<string, string>();
  const root = styles?.childNodes.find((k) => k.nodeType === 1);
  for (const st of root ? wChildren(root, "style") : []) {
    const id = attr(st, "styleId");
    if (id === null || attr(st, "type") !== "numbering") continue;
    const pPr = wChild(st, "pPr");
    const numPr = pPr && wChild(pPr, "numPr");
    const numId = wVal(numPr && wChild(numPr, "numId"));
    if (numId !== null) out.set(id, numId);
  }
  return out;
}

/** numId → the format of each of its levels ("bullet", "decimal"…), list styles resolved. */
export function levelFormats(defs: ListDefinitions): Map<string, string[]> {
  return new Map([...defs].map(([id, d]) => [id, d.levels.map((l) => l.format)]));
}

/** Paragraph styles that number their paragraphs ("List Number"): styleId → list and level. */
type StyleNumbering = Map<string, { numId?: string; ilvl?: string }>;

/** From styles.xml, each style's numPr, what it leaves out taken from the style it is based on. */
export function styleNumbering(styles: XmlNode | null): StyleNumbering {
  const root = styles?.childNodes.find((k) => k.nodeType === 1);
  const own = new Map<string, { numId?: string; ilvl?: string; basedOn?: string }>();
  for (const st of root ? wChildren(root, "style") : []) {
    const id = attr(st, "styleId");
    if (id === null || attr(st, "type") !== "paragraph") continue;
    const pPr = wChild(st, "pPr");
    const numPr = pPr && wChild(pPr, "numPr");
    own.set(id, {
      ...optional("numId", wVal(numPr && wChild(numPr, "numId"))),
      ...optional("ilvl", wVal(numPr && wChild(numPr, "ilvl"))),
      ...optional("basedOn", wVal(wChild(st, "basedOn"))),
    });
  }
  const out: StyleNumbering = new Map();
  for (const [id, style] of own) {
    let { numId, ilvl } = style;
    // A chain of basedOn, bounded: a loop in a broken file ends here.
    let base = style.basedOn;
    for (let depth = 0; base !== undefined && depth < 20; depth++) {
      const b = own.get(base);
      numId ??= b?.numId;
      ilvl ??= b?.ilvl;
      base = b?.basedOn;
    }
    if (numId !== undefined) out.set(id, { numId, ...optional("ilvl", ilvl ?? null) });
  }
  return out;
}

function optional<K extends string>(key: K, v: string | null): { [k in K]?: string } {
  return (v === null ? {} : { [key]: v }) as { [k in K]?: string };
}

function readLevel(lvl: XmlNode): Level {
  return {
    format: wVal(wChild(lvl, "numFmt")) ?? "decimal",
    text: wVal(wChild(lvl, "lvlText")) ?? "",
    start: intOf(wVal(wChild(lvl, "start"))) ?? 1,
    legal: onOff(wChild(lvl, "isLgl")),
    neverRestart: wVal(wChild(lvl, "lvlRestart")) === "0",
  };
}

/** The labels of numbered paragraphs, in document order: one per document read. */
export class ListCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly used = new Set<string>();

  constructor(
    private readonly defs: ListDefinitions,
    private readonly styles: StyleNumbering = new Map()
  ) {}

  /**
   * The label of a paragraph (advancing its list), null when it is not numbered. Its own numPr
   * wins over its style's; each part (list, level) it leaves out comes from the style.
   */
  ofParagraph(p: XmlNode): string | null {
    const pPr = wChild(p, "pPr");
    const numPr = pPr && wChild(pPr, "numPr");
    const style = this.styles.get(wVal(pPr && wChild(pPr, "pStyle")) ?? "");
    const numId = wVal(numPr && wChild(numPr, "numId")) ?? style?.numId;
    const ilvl = levelIndex(wVal(numPr && wChild(numPr, "ilvl")) ?? style?.ilvl ?? "0");
    return numId && ilvl !== null ? this.next(numId, ilvl) : null;
  }

  /**
   * The label Word shows before a paragraph with this numId and level ("1.", "II.", "1.2",
   * "a)"), "-" or "•" for a bullet; null when it shows none (numId 0, an unknown list).
   */
  private next(numId: string, ilvl: number): string | null {
    const def = this.defs.get(numId);
    const level = def?.levels[ilvl];
    if (!def || !level || numId === "0") return null;
    let counts = this.counters.get(def.abstractId);
    if (!counts) this.counters.set(def.abstractId, (counts = []));
    if (!this.used.has(numId)) {
      this.used.add(numId);
      for (const [l, start] of def.restarts) counts[l] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    for (let d = ilvl + 1; d < Math.max(counts.length, def.levels.length); d++) {
      if (!def.levels[d]?.neverRestart) counts[d] = undefined;
    }
    if (level.format === "bullet") return bulletMark(level.text, ilvl);
    return level.text
      .replace(/%([1-9])/g, (_, n: string) => {
        const l = Number(n) - 1;
        const shown = def.levels[l];
        const value = counts[l] ?? shown?.start ?? 1;
        return listNumber(value, level.legal && l < ilvl ? "decimal" : (shown?.format ?? ""));
      })
      .trim();
  }
}

/**
 * A bullet as the table reader knows bullets (core/import/bullets.ts): a dash stays a dash;
 * below the first level a "+" (a sub-item of the line above), else "•". Symbol-font bullets are
 * private-use characters that mean nothing as text.
 */
function bulletMark(text: string, ilvl: number): string {
  if (/^[-–—\uF02D]$/.test(text.trim())) return "-";
  return ilvl > 0 ? "+" : "•";
}

function onOff(node: XmlNode | undefined): boolean {
  return !!node && !/^(0|false|off)$/.test(wVal(node) ?? "");
}

function attr(node: XmlNode, name: string): string | null {
  return node.getAttributeNS?.(W_NS, name) ?? node.getAttribute?.(`w:${name}`) ?? null;
}

/** Word has levels 0–8; anything else (a hostile ilvl of a billion) is no level. */
function levelIndex(v: string | null): number | null {
  const n = intOf(v);
  return n !== null && n >= 0 && n <= 8 ? n : null;
}

function intOf(v: string | null): number | null {
  if (v === null) return null;
  const n = parseInt(v, 10);
  return Number.isFinite(n) ? n : null;
}
