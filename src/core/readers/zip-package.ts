/**
 * The one door every zip-based input (.docx, .xlsx, any later reader) goes through. A hostile
 * package (a 0.8 MB .docx whose text inflates to 800 MB, a sheet of a million rows, a cell of
 * megabytes) is refused with a "too large" message, not read for seconds and a gigabyte of memory
 * and then called corrupt:
 *  - before inflating: the sizes the central directory declares, part by part and in total;
 *  - while inflating (headers can lie): the bytes actually produced, stopped at the first excess,
 *    and the shape of XML parts (text runs, worksheet rows and cells; see xml-shape.ts).
 */
import JSZip from "jszip";
import { InputError } from "../errors/input-error";
import { INPUT_ERRORS } from "../errors/finding-codes";
import { readZipDirectory, type ZipEntryInfo } from "./zip-directory";
import { XmlShapeScanner, type XmlShapeExceeded, type XmlShapeLimits } from "./xml-shape";
import { unescapeXml } from "./xml-entities";

export interface ZipLimits extends XmlShapeLimits {
  maxEntries: number;
  /** Inflated bytes of one part. */
  maxPartBytes: number;
  /** Inflated bytes of all parts together (as declared, and as read). */
  maxTotalBytes: number;
  /** <c> elements over all worksheet parts. */
  maxCells: number;
}

/**
 * Sized from measurements (docs/BENCHMARKS.md): a 10,000-task plan's document.xml is ~9 MB and
 * its tracking workbook's task sheet ~28 MB (~11,000 rows); reading either peaks at a few hundred
 * MB, as does a plain sheet at the row limit.
 */
export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxTextRunBytes: 1024 * 1024,
  maxSheetRows: 100_000,
  maxCells: 2_000_000,
};

const MB = 1024 * 1024;

interface StreamingFile {
  internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array>;
}
const XML_PART = /\.(xml|rels|vml)$/i;
const WORKSHEET_PART = /^\/?xl\/worksheets\/[^/]+\.xml$/i;

export class ZipPackage {
  private inflated = 0;
  private readonly cellBudget: { used: number; max: number };

  private constructor(
    private readonly zip: JSZip,
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
    if (entries.length > limits.maxEntries)
      throw tooLarge(fileName, `gồm hơn ${fmt(limits.maxEntries)} phần`);
    let total = 0;
    for (const e of entries) {
      if (e.uncompressedSize > limits.maxPartBytes)
        throw tooLarge(fileName, partTooLarge(e.name, limits));
      total += e.uncompressedSize;
    }
    if (total > limits.maxTotalBytes) throw tooLarge(fileName, totalTooLarge(limits));
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch {
      return null;
    }
    return new ZipPackage(zip, new Map(entries.map((e) => [e.name, e])), fileName, limits);
  }

  /** Part names (files only), in package order. */
  names(): string[] {
    return Object.values(this.zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  }

  has(path: string): boolean {
    const f = this.zip.file(path);
    return f !== null && !f.dir;
  }

  /** The part's bytes; throws InputError TOO_LARGE at the first byte over a limit. */
  bytes(path: string): Promise<Uint8Array> {
    const file = this.zip.file(path);
    if (!file) return Promise.reject(new Error(`no part ${path}`));
    const declared = this.directory.get(file.name)?.uncompressedSize ?? this.limits.maxPartBytes;
    const partCap = Math.min(declared, this.limits.maxPartBytes);
    const scanner = XML_PART.test(path)
      ? new XmlShapeScanner(this.limits, WORKSHEET_PART.test(path), this.cellBudget)
      : null;
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let done = false;
      // Public in jszip, missing from its typings: the part inflated chunk by chunk.
      const stream = (file as unknown as StreamingFile).internalStream("uint8array");
      const fail = (e: unknown) => {
        if (done) return;
        done = true;
        stream.pause();
        reject(e);
      };
      stream
        .on("data", (chunk: Uint8Array) => {
          if (done) return;
          size += chunk.length;
          this.inflated += chunk.length;
          if (size > partCap)
            // Over the declared size means the header lied: a zip bomb, not a big document.
            return fail(tooLarge(this.fileName, partTooLarge(path, this.limits)));
          if (this.inflated > this.limits.maxTotalBytes)
            return fail(tooLarge(this.fileName, totalTooLarge(this.limits)));
          const hit = scanner?.push(chunk);
          if (hit) {
            done = true;
            stream.pause();
            void this.sheetTabName(path).then((tab) =>
              reject(tooLarge(this.fileName, shapeTooLarge(hit, tab, path, this.limits)))
            );
            return;
          }
          chunks.push(chunk);
        })
        .on("error", fail)
        .on("end", () => {
          if (done) return;
          done = true;
          resolve(concat(chunks, size));
        })
        .resume();
    });
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
      const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
        .map((m) => m[0])
        .find((r) => {
          const t = /Target="([^"]*)"/.exec(r)?.[1] ?? "";
          return t.replace(/^\/?(xl\/)?/, "") === target;
        });
      const id = rel && /Id="([^"]*)"/.exec(rel)?.[1];
      const workbook = await this.text("xl/workbook.xml");
      for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
        if (id && new RegExp(`:id="${id}"`).test(m[0]))
          return unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? fallback);
      }
    } catch {
      // the label is a courtesy: fall back to the part's name
    }
    return fallback;
  }

  /** Every part, inflated within the limits (for a library that reads the whole package). */
  async all(): Promise<Map<string, Uint8Array>> {
    const parts = new Map<string, Uint8Array>();
    for (const name of this.names()) parts.set(name, await this.bytes(name));
    return parts;
  }
}

export function isTooLarge(e: unknown): e is InputError {
  return e instanceof InputError && e.code === INPUT_ERRORS.TOO_LARGE;
}

function tooLarge(fileName: string, detail: string): InputError {
  return new InputError(
    INPUT_ERRORS.TOO_LARGE,
    fileName,
    `Tệp "${fileName}" quá lớn để đọc an toàn: ${detail}. ` +
      "Hãy chỉ giữ phần phụ lục (hoặc sổ theo dõi) trong một tệp riêng rồi thử lại."
  );
}

function partTooLarge(path: string, l: ZipLimits): string {
  return `phần "${path}" khi giải nén vượt quá ${fmt(l.maxPartBytes / MB)} MB (hoặc lớn hơn kích thước tệp khai báo)`;
}

function totalTooLarge(l: ZipLimits): string {
  return `nội dung khi giải nén vượt quá ${fmt(l.maxTotalBytes / MB)} MB`;
}

function shapeTooLarge(hit: XmlShapeExceeded, tab: string, path: string, l: ZipLimits): string {
  switch (hit.kind) {
    case "text-run":
      return (
        `phần "${path}" có một ô hoặc đoạn văn dài hơn ${fmt(l.maxTextRunBytes / MB)} MB ` +
        "(Excel chỉ cho tối đa 32.767 ký tự trong một ô)"
      );
    case "rows":
      return `trang tính "${tab}" có hơn ${fmt(l.maxSheetRows)} dòng được dùng`;
    case "cells":
      return `các trang tính có hơn ${fmt(l.maxCells)} ô được dùng`;
  }
}

/** 100000 → "100.000", the Vietnamese way. */
function fmt(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
