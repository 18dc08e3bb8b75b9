/**
 * A small, forgiving HTML tokenizer for what officers paste and save: Word's clipboard and
 * "Web Page" HTML (conditional comments, <o:p>, unquoted attributes, <![if …]> marks),
 * LibreOffice's export, web portals. Pure code: the same in the pane and the CLI (Node has no
 * DOMParser). Tokens only; html-reader.ts gives them meaning.
 */
import { present } from "./present";

export type HtmlToken =
  | { type: "open"; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: "close"; name: string }
  | { type: "text"; text: string };

/** Elements whose content is not text of the page. */
const RAW = new Set(["script", "style", "title", "xml", "template", "noscript"]);

export function tokenizeHtml(html: string): HtmlToken[] {
  const out: HtmlToken[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      pushText(out, html.slice(i));
      break;
    }
    if (lt > i) pushText(out, html.slice(i, lt));
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html.startsWith("<!", lt) || html.startsWith("<?", lt)) {
      // <!DOCTYPE>, Word's <![if !supportLists]> / <![endif]>: marks, their content stays.
      const end = html.indexOf(">", lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][\w:.-]*)/.exec(html.slice(lt, lt + 64));
    if (!m) {
      pushText(out, "<");
      i = lt + 1;
      continue;
    }
    const { end, attrs, selfClosing } = readAttributes(html, lt + m[0].length);
    const name = present(m[2], "tag name").toLowerCase();
    i = end;
    if (m[1]) {
      out.push({ type: "close", name });
      continue;
    }
    out.push({ type: "open", name, attrs, selfClosing });
    if (RAW.has(name) && !selfClosing) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const after = close < 0 ? -1 : html.indexOf(">", close);
      i = after < 0 ? n : after + 1;
      out.push({ type: "close", name });
    }
  }
  return out;
}

function readAttributes(
  html: string,
  from: number
): { end: number; attrs: Record<string, string>; selfClosing: boolean } {
  const attrs: Record<string, string> = {};
  const re = /\s*(?:([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|(\/)|(>))/y;
  re.lastIndex = from;
  let selfClosing = false;
  for (;;) {
    const m = re.exec(html);
    if (!m) {
      // Broken markup: skip to the next ">" (or the end).
      const gt = html.indexOf(">", from);
      return { end: gt < 0 ? html.length : gt + 1, attrs, selfClosing };
    }
    if (m[6]) return { end: re.lastIndex, attrs, selfClosing };
    if (m[5]) {
      selfClosing = true;
      continue;
    }
    if (m[1]) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
}

function pushText(out: HtmlToken[], raw: string): void {
  if (raw) out.push({ type: "text", text: decodeEntities(raw) });
}

const NAMED: Record<string, string> = {
  nbsp: "\u00A0",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  bull: "•",
  middot: "·",
  laquo: "«",
  raquo: "»",
  deg: "°",
  shy: "",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  zwnj: "",
  zwj: "",
};
// Latin-1 letters by name (Word's windows-1252 "Web Page" writes à, É … this way).
const LATIN1 =
  "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml".split(
    " "
  );
LATIN1.forEach((name, k) => (NAMED[name] = String.fromCharCode(0xc0 + k)));

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/gi, (all, body: string) => {
    if (body[0] === "#") {
      const code =
        body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : all;
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? all;
  });
}
