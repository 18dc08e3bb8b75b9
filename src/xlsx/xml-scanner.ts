/**
 * The tokens of an XML part, one at a time, as positions in the text: no match array, no
 * substring and no token object per tag, so reading an 18,000-row sheet allocates little more
 * than the values it keeps (a RegExp walk allocated ~40 bytes of garbage per byte of XML and
 * kept the collector busy). Tokens are exactly those of the pattern
 *   <(\/?)(?:[\w.-]+:)?([\w.-]+)([^<>]*)>  |  <[^<>]*>?  |  ([^<]+)
 * (a tag with its local name and attributes; anything else starting with "<": comments,
 * declarations, a broken tag; text up to the next "<"). Every token ends at or before the
 * next "<" or ">", so a hostile part costs one linear scan.
 */
/** A tag, anything else from "<", or text. */
type TokenKind = "tag" | "other" | "text";

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const COLON = 58;
const DQ = 34;
const SQ = 39;

/** [\w.-] */
function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || // a-z
    (c >= 65 && c <= 90) || // A-Z
    (c >= 48 && c <= 57) || // 0-9
    c === 95 || // _
    c === 46 || // .
    c === 45 // -
  );
}

/** RegExp's \s. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export class XmlScanner {
  /** "" before the first token and after the last. */
  kind: TokenKind | "" = "";
  /** The token's place in the text: [start, end). */
  start = 0;
  end = 0;
  /** A tag: "</…>". */
  close = false;
  /** A tag whose attributes end with "/". */
  selfClosing = false;
  private nameStart = 0;
  private nameEnd = 0;
  /** A tag's attributes: the text between its name and its ">". */
  private attrEnd = 0;

  constructor(private readonly xml: string) {}

  /** Moves to the next token; false at the end. */
  next(): boolean {
    const xml = this.xml;
    const n = xml.length;
    const at = this.end;
    if (at >= n) {
      this.kind = "";
      return false;
    }
    this.start = at;
    if (xml.charCodeAt(at) !== LT) {
      const lt = xml.indexOf("<", at);
      this.kind = "text";
      this.end = lt < 0 ? n : lt;
      return true;
    }
    let i = at + 1;
    const close = xml.charCodeAt(i) === SLASH;
    if (close) i++;
    let j = i;
    while (j < n && isNameChar(xml.charCodeAt(j))) j++;
    if (j > i) {
      let nameStart = i;
      let nameEnd = j;
      // A prefix: a name, ":" and a name (the pattern's optional "[\w.-]+:").
      if (xml.charCodeAt(j) === COLON && j + 1 < n && isNameChar(xml.charCodeAt(j + 1))) {
        let k = j + 1;
        while (k < n && isNameChar(xml.charCodeAt(k))) k++;
        nameStart = j + 1;
        nameEnd = k;
      }
      let k = nameEnd;
      let c = 0;
      while (k < n && (c = xml.charCodeAt(k)) !== LT && c !== GT) k++;
      if (k < n && c === GT) {
        this.kind = "tag";
        this.close = close;
        this.nameStart = nameStart;
        this.nameEnd = nameEnd;
        this.attrEnd = k;
        this.selfClosing = k > nameEnd && xml.charCodeAt(k - 1) === SLASH;
        this.end = k + 1;
        return true;
      }
    }
    // Anything else from "<": up to the next "<" or just past the next ">".
    let k = at + 1;
    let c = 0;
    while (k < n && (c = xml.charCodeAt(k)) !== LT && c !== GT) k++;
    this.kind = "other";
    this.end = k < n && c === GT ? k + 1 : k;
    return true;
  }

  /** The tag's local name is `name`. */
  is(name: string): boolean {
    return (
      this.nameEnd - this.nameStart === name.length && this.xml.startsWith(name, this.nameStart)
    );
  }

  /** A text token's text (as written, entities not decoded). */
  text(): string {
    return this.xml.slice(this.start, this.end);
  }

  /**
   * A tag's attribute as /\sname=(?:"([^"]*)"|'([^']*)')/ finds it in the attributes (the
   * first such place, entities not decoded).
   */
  attr(name: string): string | undefined {
    const xml = this.xml;
    const to = this.attrEnd;
    const len = name.length;
    for (let k = this.nameEnd; k + len + 2 < to; k++) {
      if (!isSpace(xml.charCodeAt(k)) || !xml.startsWith(name, k + 1)) continue;
      const eq = k + 1 + len;
      if (xml.charCodeAt(eq) !== 61) continue; // =
      const q = xml.charCodeAt(eq + 1);
      if (q !== DQ && q !== SQ) continue;
      let e = eq + 2;
      while (e < to && xml.charCodeAt(e) !== q) e++;
      if (e < to) return xml.slice(eq + 2, e);
    }
    return undefined;
  }
}
