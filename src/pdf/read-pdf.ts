/**
 * The only place pdfjs-dist is used: PDF bytes → pages of positioned text items and ruling
 * lines (core/readers/pdf-page.ts). Layout (lines, cells, paragraphs) is core's job.
 *
 * - Loaded lazily (CLI and pane), pinned to pdfjs-dist 5.4.624 (its legacy build runs on Node 20).
 * - No worker: the worker module is imported and given to pdfjs as `globalThis.pdfjsWorker`, so
 *   pdfjs runs it on the main thread ("fake worker"). Nothing is fetched, no Worker or blob URL is
 *   made, and the pane's CSP (no eval, scripts from 'self') holds; `isEvalSupported: false` keeps
 *   fonts from being compiled to functions.
 * - Text only: no JavaScript is run (pdfjs runs none without its scripting sandbox, which we
 *   never load), attachments and forms are never read, fonts are never installed.
 */
import type { PdfPage, PdfRule, PdfTextItem } from "../core/readers/pdf-page";
import { pdfCorrupt, pdfEncrypted } from "../core/readers/pdf-errors";
import { INPUT_LIMITS, OVER, tooLargeError } from "../core/readers/input-limits";
import { isInputError } from "../core/errors/input-error";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type Matrix = [number, number, number, number, number, number];

let loading: Promise<PdfJs> | null = null;

/** pdfjs and its worker code, once; the worker runs on this thread (see above). */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const restore = inNode() ? quietNodeLoad() : () => undefined;
    try {
      const [pdfjs, worker] = await Promise.all([
        import("pdfjs-dist/legacy/build/pdf.mjs"),
        import("pdfjs-dist/legacy/build/pdf.worker.mjs"),
      ]);
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return pdfjs;
    } finally {
      restore();
    }
  })();
  return loading;
}

function inNode(): boolean {
  return typeof process !== "undefined" && !!process.versions?.node;
}

/**
 * In Node, pdfjs builds a DOMMatrix when it loads and looks for canvas classes (from its
 * optional @napi-rs/canvas) that only drawing uses; we never draw. Plain stand-ins where Node
 * has none, so loading never fails, and pdfjs' load-time "Warning:" lines (printed with
 * console.log, before any verbosity can be set) kept off standard output, where `--json` goes.
 */
function quietNodeLoad(): () => void {
  const g = globalThis as Record<string, unknown>;
  for (const name of ["DOMMatrix", "ImageData", "Path2D"]) {
    if (g[name] === undefined)
      g[name] = class {
        a = 1;
        b = 0;
        c = 0;
        d = 1;
        e = 0;
        f = 0;
      };
  }
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("Warning:")) return;
    log(...args);
  };
  return () => {
    console.log = log;
  };
}

/** `%PDF-` within the first KB (some producers put a few bytes before it). */
function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

/** "%%EOF" near the end (after it, producers leave at most a few bytes). */
function endsLikePdf(bytes: Uint8Array): boolean {
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 8192)));
  return tail.includes("%%EOF");
}

export async function readPdfPages(bytes: Uint8Array, fileName: string): Promise<PdfPage[]> {
  const limits = INPUT_LIMITS;
  if (bytes.length > limits.maxPdfBytes) throw tooLargeError(fileName, OVER.pdfBytes(limits));
  // A download cut short has no end-of-file mark; pdfjs would read what it can of it.
  if (!looksLikePdf(bytes) || !endsLikePdf(bytes)) throw pdfCorrupt(fileName);
  const pdfjs = await loadPdfJs();
  const opening = openDocument(pdfjs, {
    // pdfjs may take the buffer over: give it a copy, the caller's bytes stay as they were.
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof opening.promise>;
  try {
    doc = await opening.promise;
  } catch (e) {
    await opening.destroy().catch(() => undefined);
    const name = (e as { name?: string } | null)?.name;
    throw name === "PasswordException" ? pdfEncrypted(fileName) : pdfCorrupt(fileName);
  }
  try {
    if (doc.numPages > limits.maxPdfPages)
      throw tooLargeError(fileName, OVER.pdfPages(doc.numPages, limits));
    const pages: PdfPage[] = [];
    const budget = { items: 0, rules: 0 };
    let tableAbove = false;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const view = viewport.transform as Matrix;
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const raw of content.items) {
        if (!("str" in raw) || raw.str === "") continue;
        const m = mul(view, raw.transform as Matrix);
        // Vertical or rotated text (margin stamps, watermarks) is not the plan's text.
        if (Math.abs(m[1]) > 0.01 * Math.abs(m[0]) || m[0] <= 0) continue;
        items.push({
          text: raw.str,
          x: m[4],
          y: m[5],
          width: raw.width * (viewport.scale || 1),
          size: Math.hypot(m[2], m[3]) || Math.abs(m[0]),
        });
      }
      budget.items += items.length;
      // The drawing operators cost as much as the text: read only where a table may be. A
      // table drawn on the page before may go on here with one column of text only (the rest
      // of a long task cut by the page break), which looks like running text.
      const drawn: { rules: PdfRule[]; imageCover: number } =
        tableAbove || mayHoldTable(items)
          ? drawing(pdfjs, await page.getOperatorList(), view, viewport.width, viewport.height)
          : { rules: [], imageCover: 0 };
      tableAbove = drawn.rules.some((r) => r.y2 - r.y1 > r.x2 - r.x1);
      budget.rules += drawn.rules.length;
      if (budget.items > limits.maxPdfTextItems)
        throw tooLargeError(fileName, OVER.pdfTextItems(limits));
      if (budget.rules > limits.maxPdfRules) throw tooLargeError(fileName, OVER.pdfRules(limits));
      pages.push({
        number: n,
        width: viewport.width,
        height: viewport.height,
        items,
        rules: drawn.rules,
        imageCover: drawn.imageCover,
      });
      page.cleanup();
    }
    return pages;
  } catch (e) {
    if (isInputError(e)) throw e;
    throw pdfCorrupt(fileName);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/**
 * A page of running text (justified lines, words a space apart) holds no table; any wide gap
 * between two items on one baseline (cells side by side, the letterhead's two columns) may, and
 * so may a page with little text (a scan's picture is measured from the drawing operators).
 */
function mayHoldTable(items: PdfTextItem[]): boolean {
  if (items.length < 20) return true;
  const byLine = new Map<number, PdfTextItem[]>();
  for (const it of items) {
    const key = Math.round(it.y / 2);
    const list = byLine.get(key);
    if (list) list.push(it);
    else byLine.set(key, [it]);
  }
  for (const list of byLine.values()) {
    list.sort((a, b) => a.x - b.x);
    let prev: PdfTextItem | undefined;
    for (const it of list) {
      if (prev) {
        const gap = it.x - (prev.x + prev.width);
        if (gap > 0.8 * it.size && it.text.trim() && prev.text.trim()) return true;
      }
      prev = it;
    }
  }
  return false;
}

/** pdfjs' loading task (a plain call: not an Office.js proxy, whatever its "get" name says). */
function openDocument(pdfjs: PdfJs, params: Parameters<PdfJs["getDocument"]>[0]) {
  return pdfjs.getDocument(params);
}

const STROKES = new Set([
  "stroke",
  "closeStroke",
  "fillStroke",
  "eoFillStroke",
  "closeFillStroke",
  "closeEOFillStroke",
]);
const FILLS = new Set([
  "fill",
  "eoFill",
  "fillStroke",
  "eoFillStroke",
  "closeFillStroke",
  "closeEOFillStroke",
]);
const IMAGES = new Set([
  "paintImageXObject",
  "paintInlineImageXObject",
  "paintImageMaskXObject",
  "paintImageXObjectRepeat",
  "paintInlineImageXObjectGroup",
]);
/** A filled rectangle this thin (points) is a line drawn as a box (Word, reportlab). */
const THIN = 3;

/**
 * Ruling lines and picture cover from the page's drawing operators: paths are given in user
 * space, so the transformation matrix is followed through save/restore, cm and form XObjects.
 */
function drawing(
  pdfjs: PdfJs,
  ops: { fnArray: number[]; argsArray: unknown[] },
  view: Matrix,
  width: number,
  height: number
): { rules: PdfRule[]; imageCover: number } {
  const name = new Map<number, string>(Object.entries(pdfjs.OPS).map(([k, v]) => [v, k]));
  const rules: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = view;
  let imageArea = 0;
  for (const [i, fn] of ops.fnArray.entries()) {
    const op = name.get(fn) ?? "";
    const args = ops.argsArray[i] as unknown[] | null;
    if (op === "save") stack.push(ctm);
    else if (op === "restore") ctm = stack.pop() ?? view;
    else if (op === "transform" && args) ctm = mul(ctm, args as unknown as Matrix);
    else if (op === "paintFormXObjectBegin" && args) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]))
        ctm = mul(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix);
    } else if (op === "paintFormXObjectEnd") ctm = stack.pop() ?? view;
    else if (IMAGES.has(op)) {
      // An image paints the unit square through the CTM.
      imageArea += Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
    } else if (op === "constructPath" && args) {
      const paint = name.get(args[0] as number) ?? "";
      const data = (args[1] as ArrayLike<number>[] | null)?.[0];
      if (data && (STROKES.has(paint) || FILLS.has(paint)))
        rules.push(...pathRules(data, ctm, STROKES.has(paint)));
    }
  }
  return { rules, imageCover: Math.min(1, imageArea / Math.max(1, width * height)) };
}

/** pdfjs' path buffer (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath). */
function pathRules(data: ArrayLike<number>, ctm: Matrix, stroked: boolean): PdfRule[] {
  const out: PdfRule[] = [];
  let sub: [number, number][] = [];
  let curved = false;
  const flush = () => {
    if (sub.length >= 2 && !curved) {
      const box = thinBox(sub);
      if (box) out.push(box);
      else if (stroked) {
        let prev: [number, number] | undefined;
        for (const point of sub) {
          const r = prev && straight(prev, point);
          if (r) out.push(r);
          prev = point;
        }
      }
    }
    sub = [];
    curved = false;
  };
  for (let i = 0; i < data.length; ) {
    const code = data[i];
    if (code === 0 || code === 1) {
      const x = data[i + 1];
      const y = data[i + 2];
      if (x === undefined || y === undefined) break; // a buffer cut short: no point
      if (code === 0) flush();
      sub.push(apply(ctm, x, y));
      i += 3;
    } else if (code === 2) {
      curved = true;
      i += 7;
    } else if (code === 3) {
      curved = true;
      i += 5;
    } else if (code === 4) {
      const start = sub[0];
      if (start) sub.push(start);
      i += 1;
    } else break;
  }
  flush();
  return out;
}

/** An axis-aligned rectangle thinner than THIN in one direction: its centre line. */
function thinBox(points: [number, number][]): PdfRule | null {
  if (points.length < 4) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x1 = Math.min(...xs);
  const x2 = Math.max(...xs);
  const y1 = Math.min(...ys);
  const y2 = Math.max(...ys);
  const axisAligned = points.every(
    (p) => (near(p[0], x1) || near(p[0], x2)) && (near(p[1], y1) || near(p[1], y2))
  );
  if (!axisAligned) return null;
  if (y2 - y1 <= THIN && x2 - x1 > y2 - y1) {
    const y = (y1 + y2) / 2;
    return { x1, y1: y, x2, y2: y };
  }
  if (x2 - x1 <= THIN && y2 - y1 > x2 - x1) {
    const x = (x1 + x2) / 2;
    return { x1: x, y1, x2: x, y2 };
  }
  return null;
}

function straight(a: [number, number], b: [number, number]): PdfRule | null {
  if (near(a[1], b[1]) && !near(a[0], b[0]))
    return { x1: Math.min(a[0], b[0]), y1: a[1], x2: Math.max(a[0], b[0]), y2: a[1] };
  if (near(a[0], b[0]) && !near(a[1], b[1]))
    return { x1: a[0], y1: Math.min(a[1], b[1]), x2: a[0], y2: Math.max(a[1], b[1]) };
  return null;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.5;
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** m1 × m2 in PDF's convention (m2 applied first). */
function mul(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}
