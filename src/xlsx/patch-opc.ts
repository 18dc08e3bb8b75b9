/**
 * An existing .xlsx package held as its parts, for editing in place (patch-workbook.ts): read
 * through the package guard (core/readers/zip-package.ts), relationships resolved whatever the
 * writer's habits (relative or absolute targets, any part names: openpyxl's
 * "/xl/comments/comment1.xml", LibreOffice's, Excel's), content types kept in step. Parts nobody
 * edits keep their bytes exactly.
 */
import { ZipPackage } from "../core/readers/zip-package";
import { rawEntryData } from "../core/readers/zip-directory";
import { sameBytes } from "../core/readers/same-bytes";
import { writeZip, type ZipPart } from "./zip-write";
import { unescapeXml } from "../core/readers/xml-entities";
import { binaryToBytes, bytesToBinary, utf8Binary } from "./binary-text";

export interface Relationship {
  id: string;
  type: string;
  /** Package path without a leading "/" ("xl/tables/table1.xml"); the raw target when external. */
  target: string;
  external: boolean;
}

export const REL = {
  officeDocument:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
};

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
};

const CONTENT_TYPES = "[Content_Types].xml";

/** Attributes of one start tag, by qualified name ("r:id", "name"), entities decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, doubleQuoted, singleQuoted] of tag.matchAll(
    /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
  ))
    if (name !== undefined) out[name] = unescapeXml(doubleQuoted ?? singleQuoted ?? "");
  return out;
}

/** `tag` with attribute `name` set (added before the tag's end when missing). */
export function withAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}

export function withoutAttribute(tag: string, name: string): string {
  return tag.replace(
    new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"[^"]*"|'[^']*')`),
    ""
  );
}

function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

/** A target as a package path: absolute ("/xl/x.xml") or relative to the source part's folder. */
function resolveTarget(sourcePart: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : `${dirOf(sourcePart)}/${target}`;
  const out: string[] = [];
  for (const seg of raw.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return decodeURI(out.join("/"));
}

/** The .rels part describing `part` ("xl/worksheets/_rels/sheet1.xml.rels"). */
export function relsPath(part: string): string {
  const dir = dirOf(part);
  const base = part.slice(dir.length ? dir.length + 1 : 0);
  return `${dir ? dir + "/" : ""}_rels/${base}.rels`;
}

/** An untouched part's compressed bytes in the source file, copied as they are when zipped. */
type RawPart = Extract<ZipPart, { raw: unknown }>["raw"];

export class OpcPackage {
  private readonly texts = new Map<string, string>();
  /**
   * Untouched parts' text, decoded once: an edit reads a sheet, then compares its new text with
   * the old (setText); decoding an 18,000-row sheet twice cost a tenth of a second.
   */
  private readonly decoded = new Map<string, string>();
  /** Untouched parts' bytes as binary strings (binary-text.ts), made once. */
  private readonly binaries = new Map<string, string>();
  /** Parts whose bytes are no longer the source file's (edited, replaced or new). */
  private readonly changed = new Set<string>();

  private constructor(
    /** Part bytes in package order; edited parts are re-encoded when zipped. */
    private readonly parts: Map<string, Uint8Array>,
    readonly fileName: string,
    private readonly raw: (name: string) => RawPart | undefined = () => undefined
  ) {}

  /**
   * Null when the bytes are not a zip; throws InputError TOO_LARGE over the guard's limits.
   * `inflated`: parts an earlier read of these same bytes inflated (read-values `parts`).
   */
  static async open(
    bytes: Uint8Array,
    fileName: string,
    inflated?: Map<string, Uint8Array>
  ): Promise<OpcPackage | null> {
    const zip = await ZipPackage.open(bytes, fileName);
    if (!zip) return null;
    const raw = (name: string): RawPart | undefined => {
      const e = zip.entry(name);
      // Stored or deflated, not encrypted: anything else is written anew from its bytes.
      if (!e || (e.method !== 0 && e.method !== 8) || e.flags & 1) return undefined;
      const data = rawEntryData(bytes, e);
      return data
        ? { data, crc32: e.crc32, uncompressedSize: e.uncompressedSize, method: e.method }
        : undefined;
    };
    return new OpcPackage(await zip.all(inflated), fileName, raw);
  }

  /** A package made from parts' bytes (a spec written by write-workbook), nothing to copy. */
  static fromBytes(parts: Map<string, Uint8Array>, fileName: string): OpcPackage {
    return new OpcPackage(new Map(parts), fileName);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(path: string): boolean {
    return this.parts.has(path);
  }

  bytes(path: string): Uint8Array | undefined {
    const t = this.texts.get(path);
    return t !== undefined ? new TextEncoder().encode(t) : this.parts.get(path);
  }

  text(path: string): string {
    const cached = this.texts.get(path) ?? this.decoded.get(path);
    if (cached !== undefined) return cached;
    const b = this.parts.get(path);
    if (!b) throw new Error(`no part ${path}`);
    const xml = new TextDecoder().decode(b);
    this.decoded.set(path, xml);
    return xml;
  }

  /** Replaces (or adds, at the end) a part's text. Unchanged text keeps the original bytes. */
  setText(path: string, xml: string): void {
    if (this.parts.has(path) && this.texts.get(path) === undefined && this.text(path) === xml)
      return;
    if (!this.parts.has(path)) this.parts.set(path, new Uint8Array());
    this.texts.set(path, xml);
    this.binaries.delete(path);
    this.changed.add(path);
  }

  /**
   * The part as a binary string (one character per byte: binary-text.ts), for an edit that
   * looks only at the markup (a worksheet's cells: patch-cells.ts) without decoding its text.
   */
  binary(path: string): string {
    const t = this.texts.get(path);
    if (t !== undefined) return utf8Binary(t);
    const cached = this.binaries.get(path);
    if (cached !== undefined) return cached;
    const b = this.parts.get(path);
    if (!b) throw new Error(`no part ${path}`);
    const s = bytesToBinary(b);
    this.binaries.set(path, s);
    return s;
  }

  /** Replaces a part by a binary string's bytes. Unchanged bytes keep the original part. */
  setBinary(path: string, s: string): void {
    if (this.parts.has(path) && this.texts.get(path) === undefined && this.binary(path) === s)
      return;
    this.setBytes(path, binaryToBytes(s));
  }

  /** Replaces a part by bytes. Unchanged bytes keep the original part (as setBinary). */
  putBytes(path: string, bytes: Uint8Array): void {
    const had = this.texts.get(path) === undefined ? this.parts.get(path) : undefined;
    if (had && sameBytes(had, bytes)) return;
    this.setBytes(path, bytes);
  }

  setBytes(path: string, bytes: Uint8Array): void {
    this.texts.delete(path);
    this.decoded.delete(path);
    this.binaries.delete(path);
    this.parts.set(path, bytes);
    this.changed.add(path);
  }

  delete(path: string): void {
    this.parts.delete(path);
    this.texts.delete(path);
    this.decoded.delete(path);
    this.binaries.delete(path);
    this.changed.add(path);
    this.removeOverride(path);
  }

  /** True when the part's bytes were replaced (tests and the write's own checks). */
  edited(path: string): boolean {
    return this.texts.has(path);
  }

  relationships(part: string): Relationship[] {
    const rels = relsPath(part);
    if (!this.has(rels)) return [];
    return [...this.text(rels).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
      const a = attributes(m[0]);
      const external = /^external$/i.test(a.TargetMode ?? "");
      return {
        id: a.Id ?? "",
        type: a.Type ?? "",
        target: external ? (a.Target ?? "") : resolveTarget(part, a.Target ?? ""),
        external,
      };
    });
  }

  /** Adds a relationship from `part` to `target` (a package path); → its new id. */
  addRelationship(part: string, type: string, target: string): string {
    const rels = relsPath(part);
    const xml = this.has(rels)
      ? this.text(rels)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const taken = new Set(this.relationships(part).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${type}" Target="/${escapeXml(target)}"/>`;
    this.setText(
      rels,
      /<\/(?:\w+:)?Relationships>\s*$/.test(xml)
        ? xml.replace(/<\/((?:\w+:)?)Relationships>\s*$/, `${rel}</$1Relationships>`)
        : xml.replace(
            /<((?:\w+:)?)Relationships\b([^>]*?)\s*\/>/,
            `<$1Relationships$2>${rel}</$1Relationships>`
          )
    );
    return id;
  }

  removeRelationship(part: string, id: string): void {
    const rels = relsPath(part);
    if (!this.has(rels)) return;
    const xml = this.text(rels);
    this.setText(
      rels,
      xml.replace(/<(?:\w+:)?Relationship\b[^>]*>(?:\s*<\/(?:\w+:)?Relationship>)?/g, (tag) =>
        attributes(tag).Id === id ? "" : tag
      )
    );
  }

  /** The main workbook part (normally "xl/workbook.xml"). */
  workbookPart(): string {
    const main = this.relationships("").find((r) => r.type === REL.officeDocument);
    return main?.target ?? "xl/workbook.xml";
  }

  addOverride(path: string, contentType: string): void {
    const xml = this.text(CONTENT_TYPES);
    if (new RegExp(`PartName="/${escapeRe(escapeXml(path))}"`, "i").test(xml)) return;
    this.setText(
      CONTENT_TYPES,
      xml.replace(
        /<\/((?:\w+:)?)Types>\s*$/,
        `<Override PartName="/${escapeXml(path)}" ContentType="${contentType}"/></$1Types>`
      )
    );
  }

  removeOverride(path: string): void {
    if (!this.parts.has(CONTENT_TYPES) || path === CONTENT_TYPES) return;
    const xml = this.text(CONTENT_TYPES);
    this.setText(
      CONTENT_TYPES,
      xml.replace(/<(?:\w+:)?Override\b[^>]*>/g, (tag) =>
        (attributes(tag).PartName ?? "").replace(/^\//, "").toLowerCase() === path.toLowerCase()
          ? ""
          : tag
      )
    );
  }

  /** A part name not in the package: "xl/worksheets/sheet7.xml" for ("xl/worksheets/sheet", ".xml"). */
  freeName(prefix: string, suffix: string): string {
    const lower = new Set(this.names().map((n) => n.toLowerCase()));
    for (let i = 1; ; i++)
      if (!lower.has(`${prefix}${i}${suffix}`.toLowerCase())) return `${prefix}${i}${suffix}`;
  }

  /**
   * The package as .xlsx bytes: [Content_Types].xml first, then the parts in their order; a part
   * nobody changed is copied compressed as the source holds it (zip-write.ts).
   */
  async zip(): Promise<Uint8Array> {
    const order = [CONTENT_TYPES, ...this.names().filter((n) => n !== CONTENT_TYPES)];
    const parts: ZipPart[] = [];
    for (const name of order) {
      const raw = this.changed.has(name) ? undefined : this.raw(name);
      if (raw) parts.push({ name, raw });
      else {
        const bytes = this.bytes(name);
        if (bytes) parts.push({ name, bytes });
      }
    }
    return await writeZip(parts);
  }
}

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
