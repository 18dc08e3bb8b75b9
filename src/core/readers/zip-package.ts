/**
 * The one door every zip-based input (.docx, .xlsx, any later reader) goes through. A hostile
 * package (a 0.8 MB .docx whose text inflates to 800 MB, a sheet of a million rows, a cell of
 * megabytes) is refused with a "too large" message, not read for seconds and a gigabyte of memory
 * and then called corrupt:
 *  - before inflating: the sizes the central directory declares, part by part and in total;
 *  - while inflating (headers can lie): the bytes actually produced, stopped at the first excess,
 *    and the shape of XML parts (text runs, worksheet rows and cells; see xml-shape.ts).
 * Parts are found through the central directory (zip-directory.ts) and inflated by Node's zlib
 * (bounded by maxOutputLength) where there is one, else by fflate's streaming Inflate fed a slice
 * at a time, so that no slice can inflate past the limits by much. (JSZip did this before: its
 * stream machinery was a tenth of `phuluc import`, its inflate 8× slower than Node's.)
 */
import { Inflate } from "fflate";
import { InputError } from "../errors/input-error";
import { INPUT_ERRORS } from "../errors/finding-codes";
import { rawEntryData, readZipDirectory, type ZipEntryInfo } from "./zip-directory";
import { isOutputTooLarge, nodeZlib } from "./node-zlib";
import { XmlShapeScanner, type XmlShapeExceeded } from "./xml-shape";
import { unescapeXml } from "./xml-entities";
import { columnLetter } from "../spec/a1";
import {
  INPUT_LIMITS,
  OVER,
  pastExcelSheet,
  tooLargeError,
  type InputLimits,
} from "./input-limits";
import { joinBytes } from "./join-bytes";

/** The bounds a package is read within: the one table of core/readers/input-limits.ts. */
export type ZipLimits = InputLimits;
export const ZIP_LIMITS: ZipLimits = INPUT_LIMITS;

const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 1;
/**
 * Compressed bytes fed to the inflater at a time. Deflate packs at most ~1,032:1, so one slice
 * inflates to at most ~16 MB past a limit before the check after it stops the read.
 */
const SLICE = 16 * 1024;
const XML_PART = /\.(xml|rels|vml)$/i;
const WORKSHEET_PART = /^\/?xl\/worksheets\/[^/]+\.xml$/i;

export class ZipPackage {
  private inflated = 0;
  private readonly cellBudget: { used: number; max: number };

  private constructor(
    private readonly zip: Uint8Array,
    private readonly directory: Map<string, ZipEntryInfo>,
    readonly fileName: string,
    private readonly limits: ZipLimits
  ) {
    this.cellBudget = { used: 0, max: limits.maxCells };
  }

  /**
   * Checks the declared sizes and opens the package. Returns null when the bytes are not a zip
   * (the caller says "corrupt" in its own words); throws InputError TOO_LARGE when over a limit.
   */
  static async open(
    bytes: Uint8Array,
    fileName: string,
    limits: ZipLimits = ZIP_LIMITS
  ): Promise<ZipPackage | null> {
    const entries = readZipDirectory(bytes);
    if (!entries) return null;
    if (entries.length > limits.maxEntries) throw tooLarge(fileName, OVER.entries(limits));
    let total = 0;
    for (const e of entries) {
      if (e.uncompressedSize > limits.maxPartBytes)
        throw tooLarge(fileName, OVER.partBytes(e.name, limits));
      total += e.uncompressedSize;
    }
    if (total > limits.maxTotalBytes) throw tooLarge(fileName, OVER.totalBytes(limits));
    // What a zip reader refuses as it opens (as JSZip did): an entry whose local header is not
    // where the directory says, encryption, a compression other than stored or deflated.
    for (const e of entries) {
      if (e.flags & ENCRYPTED || (e.method !== STORED && e.method !== DEFLATED)) return null;
      if (!rawEntryData(bytes, e)) return null;
    }
    return new ZipPackage(bytes, new Map(entries.map((e) => [e.name, e])), fileName, limits);
  }

  /** What the central directory says of a part (where its compressed bytes lie, their CRC). */
  entry(path: string): ZipEntryInfo | undefined {
    return this.directory.get(path);
  }

  /** Part names (files only), in package order. */
  names(): string[] {
    return [...this.directory.keys()].filter((name) => !name.endsWith("/"));
  }

  has(path: string): boolean {
    return !path.endsWith("/") && this.directory.has(path);
  }

  /**
   * The part named `path`, compared exactly but for case (some writers spell "xl/SharedStrings.xml"),
   * or undefined. Never a pattern: names come from the file's own relationships.
   */
  find(path: string): string | undefined {
    const wanted = path.replace(/^\//, "");
    if (this.has(wanted)) return wanted;
    this.byLowerName ??= new Map(this.names().map((n) => [n.toLowerCase(), n]));
    return this.byLowerName.get(wanted.toLowerCase());
  }
  private byLowerName: Map<string, string> | undefined;

  /** The last row and column a worksheet part's r="…" named, once the part has been read. */
  extentOf(path: string): { lastRow: number; lastColumn: number } | undefined {
    return this.extents.get(path);
  }
  private readonly extents = new Map<string, { lastRow: number; lastColumn: number }>();

  /** The part's bytes; throws InputError TOO_LARGE at the first byte over a limit. */
  async bytes(path: string): Promise<Uint8Array> {
    const entry = this.has(path) ? this.directory.get(path) : undefined;
    const data = entry && rawEntryData(this.zip, entry);
    if (!entry || !data) throw new Error(`no part ${path}`);
    const partCap = Math.min(entry.uncompressedSize, this.limits.maxPartBytes);
    const scanner = XML_PART.test(path)
      ? new XmlShapeScanner(this.limits, WORKSHEET_PART.test(path), this.cellBudget)
      : null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    /** Why reading stopped early, once a chunk went over a limit. */
    let stop: (() => Promise<never>) | undefined;
    const take = (chunk: Uint8Array) => {
      if (stop || chunk.length === 0) return;
      size += chunk.length;
      this.inflated += chunk.length;
      if (size > partCap) {
        // Over the declared size means the header lied: a zip bomb, not a big document.
        const e = tooLarge(this.fileName, OVER.partBytes(path, this.limits));
        stop = () => Promise.reject(e);
      } else if (this.inflated > this.limits.maxTotalBytes) {
        const e = tooLarge(this.fileName, OVER.totalBytes(this.limits));
        stop = () => Promise.reject(e);
      } else {
        const hit = scanner?.push(chunk);
        if (hit)
          stop = async () =>
            Promise.reject(this.shapeError(hit, await this.sheetTabName(path), path));
        else chunks.push(chunk);
      }
    };
    const native = entry.method === DEFLATED ? nodeZlib() : undefined;
    if (native) {
      let out: Uint8Array;
      try {
        out = native.inflateRawSync(data, {
          maxOutputLength: partCap + 1,
          // One output buffer the part's size: no chunks joined (a 9 MB document.xml was 20
          // copies). Never more than deflate can make of these bytes (1032:1), so a size
          // the header lies about costs no more than a real part would.
          chunkSize: Math.max(64, Math.min(partCap + 1, data.length * 1032 + 64)),
        });
      } catch (e) {
        if (isOutputTooLarge(e)) throw tooLarge(this.fileName, OVER.partBytes(path, this.limits));
        throw e;
      }
      take(out);
    } else if (entry.method === STORED) {
      for (let at = 0; at < data.length && !stop; at += SLICE) take(data.subarray(at, at + SLICE));
    } else {
      const inflate = new Inflate();
      inflate.ondata = (chunk) => take(chunk);
      for (let at = 0; !stop; at += SLICE) {
        const last = at + SLICE >= data.length;
        // fflate throws on damaged data: the callers say "corrupt" for anything not TOO_LARGE.
        inflate.push(data.subarray(at, at + SLICE), last);
        if (last) break;
      }
    }
    if (stop) return stop();
    if (scanner?.lastRow)
      this.extents.set(path, { lastRow: scanner.lastRow, lastColumn: scanner.lastColumn });
    return joinBytes(chunks);
  }

  async text(path: string): Promise<string> {
    return new TextDecoder().decode(await this.bytes(path));
  }

  /** The tab name of a worksheet part, from workbook.xml and its rels ("sheet3" when not found). */
  private async sheetTabName(path: string): Promise<string> {
    const fallback = path.replace(/^.*\//, "").replace(/\.xml$/i, "");
    try {
      const rels = await this.text("xl/_rels/workbook.xml.rels");
      const target = path.replace(/^\/?xl\//, "");
      const rel = [...rels.matchAll(/<Relationship\b[^<>]*>/g)]
        .map((m) => m[0])
        .find((r) => {
          const t = /Target="([^"]*)"/.exec(r)?.[1] ?? "";
          return t.replace(/^\/?(xl\/)?/, "") === target;
        });
      const id = rel && /Id="([^"]*)"/.exec(rel)?.[1];
      const workbook = await this.text("xl/workbook.xml");
      for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^<>]*>/g)) {
        // Compared as text: the id comes from the file, never into a RegExp.
        if (id && m[0].includes(`:id="${id}"`))
          return unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? fallback);
      }
    } catch {
      // the label is a courtesy: fall back to the part's name
    }
    return fallback;
  }

  private shapeError(hit: XmlShapeExceeded, tab: string, path: string): InputError {
    const l = this.limits;
    switch (hit.kind) {
      case "text-run":
        return tooLarge(this.fileName, OVER.textRun(path, l));
      case "rows":
        return tooLarge(this.fileName, OVER.rows(tab, l));
      case "row-number":
        return tooLarge(this.fileName, OVER.rowNumber(tab, hit.row, l));
      case "cells":
        return tooLarge(this.fileName, OVER.cells(l));
      case "bad-ref":
        return damagedSheet(this.fileName, tab, hit.ref);
      case "grid":
        return tooLarge(this.fileName, OVER.gridCells(tab, columnLetter(hit.column) + hit.row, l));
    }
  }

  /**
   * Every part, inflated within the limits (for a library that reads the whole package).
   * `known`: parts an earlier read of the same bytes already inflated through this guard.
   */
  async all(known?: Map<string, Uint8Array>): Promise<Map<string, Uint8Array>> {
    const parts = new Map<string, Uint8Array>();
    for (const name of this.names()) parts.set(name, known?.get(name) ?? (await this.bytes(name)));
    return parts;
  }
}

export function isTooLarge(e: unknown): e is InputError {
  return e instanceof InputError && e.code === INPUT_ERRORS.TOO_LARGE;
}

const tooLarge = tooLargeError;

/** A package whose sheet names a cell Excel cannot have: damaged, said with the cell. */
function damagedSheet(fileName: string, tab: string, ref: string): InputError {
  return new InputError(
    INPUT_ERRORS.FILE_CORRUPT,
    fileName,
    `Tệp "${fileName}" bị hỏng: trang tính "${tab}" có ${pastExcelSheet(ref)}. ` +
      "Hãy mở tệp trong Excel, lưu lại rồi thử lại."
  );
}
