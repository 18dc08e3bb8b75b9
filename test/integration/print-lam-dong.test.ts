/**
 * The Lâm Đồng 4784 tracking workbook printed to PDF by LibreOffice, read back with pdftotext:
 * what an officer holding the paper must see. Whole task titles (a row too short clips its
 * text, and clipped lines are not in the PDF), readable text on the task sheet, the header row
 * and the key columns on every page, page numbers from the second page of each sheet.
 */
import { execFileSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { defaultAgencies } from "../../src/core/agency/default-directory";
import { importPlan } from "../../src/core/import/import-plan";
import type { ImportResult } from "../../src/core/model";
import { buildTrackingWorkbook } from "../../src/core/workbook/tracking-workbook";
import { writeWorkbook } from "../../src/xlsx";
import { LAM_DONG_DOCX } from "../helpers/shared-paths";
import { itWithTools, requireTool, sofficeConvert, tempDir } from "../helpers/tools";

/**
 * Text of each page, whitespace collapsed. -raw keeps LibreOffice's drawing order, cell by
 * cell, so a wrapped cell's lines come together.
 */
function pagesOf(pdf: string): string[] {
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]
  );
  return Array.from({ length: pages }, (_, i) =>
    execFileSync("pdftotext", ["-raw", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], {
      encoding: "utf8",
    })
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** Median height of the words on a page, in points (pdftotext -bbox). */
function medianWordHeight(pdf: string, page: number): number {
  const xml = execFileSync("pdftotext", ["-f", `${page}`, "-l", `${page}`, "-bbox", pdf, "-"], {
    encoding: "utf8",
  });
  const heights = [...xml.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
    .map((m) => Number(m[2]) - Number(m[1]))
    .sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)];
}

const lastWords = (text: string, n = 4) =>
  text.replace(/\s+/g, " ").trim().split(" ").slice(-n).join(" ");

describe("the Lâm Đồng tracking workbook printed (LibreOffice → PDF)", () => {
  let pdf = "";
  let pages: string[] = [];
  let plan: ImportResult;
  const ready = ["soffice", "pdftotext"].every((t) => requireTool(t as "soffice"));

  beforeAll(async () => {
    if (!ready) return;
    plan = await importPlan({
      kind: "docx",
      bytes: readFileSync(LAM_DONG_DOCX),
      fileName: "lam-dong.docx",
    });
    const spec = buildTrackingWorkbook(plan, {
      reportYear: 2026,
      reportDate: "2026-11-21",
      directory: defaultAgencies("Lâm Đồng"),
    });
    const file = join(tempDir("print"), "lam-dong.xlsx");
    writeFileSync(file, await writeWorkbook(spec));
    pdf = sofficeConvert(file, "pdf");
    pages = pagesOf(pdf);
  });

  /** Pages of each sheet, found by what its first page starts with. */
  const sheetPages = () => {
    const start = (text: string) => pages.findIndex((p) => p.includes(text));
    const tasks = start("Mã nhiệm vụ");
    const summary = start("TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ");
    const agencies = start("Tên đơn vị Tên viết tắt");
    const history = pages.findIndex(
      (p, i) => i > agencies && p.includes("Tên đơn vị theo kế hoạch")
    );
    return {
      info: pages.slice(0, tasks),
      tasks: pages.slice(tasks, summary),
      summary: pages.slice(summary, agencies),
      agencies: pages.slice(agencies, history),
      first: { tasks, summary, agencies, history },
    };
  };

  itWithTools(
    ["soffice", "pdftotext"],
    "prints a sane number of pages, sheet by sheet",
    async () => {
      const s = sheetPages();
      expect(pages.length).toBeGreaterThanOrEqual(30);
      expect(pages.length).toBeLessThanOrEqual(100);
      expect(s.info).toHaveLength(1); // one A4 portrait page
      expect(s.summary.length).toBeLessThanOrEqual(3);
      // The task sheet prints 4 pages wide: every band of rows as many pages tall.
      expect(s.tasks.length % 4).toBe(0);
      expect(s.tasks.length).toBeGreaterThanOrEqual(8);
      expect(s.agencies.length % 2).toBe(0); // 2 pages wide
    }
  );

  itWithTools(
    ["soffice", "pdftotext"],
    "task titles, groups and agency lists print whole",
    async () => {
      const tasksText = sheetPages().tasks.join(" ");
      for (const t of plan.tasks) {
        expect({ task: t.stt, printed: tasksText.includes(lastWords(t.title)) }).toEqual({
          task: t.stt,
          printed: true,
        });
      }
      for (const g of plan.groups) expect(tasksText).toContain(lastWords(g.title));
      expect(tasksText).toContain("sửa đổi Nghị định số 152/2020/NĐ-CP"); // end of task 2.3
      const info = sheetPages().info.join(" ");
      expect(info).toContain(lastWords(plan.plan.title));
      expect(info).toContain("Không đổi tên các trang và bảng."); // the last instruction
    }
  );

  itWithTools(
    ["soffice", "pdftotext"],
    "the task sheet prints at 9 pt or larger, header row and key columns on every page",
    async () => {
      const s = sheetPages();
      // The info page prints at 100 %: its words measure the 12 pt text as printed.
      const full = medianWordHeight(pdf, 1);
      for (const k of [0, 1, s.tasks.length - 1]) {
        const page = s.first.tasks + k + 1;
        expect((12 * medianWordHeight(pdf, page)) / full).toBeGreaterThanOrEqual(9);
      }
      for (const text of s.tasks) {
        expect(text).toContain("Mã nhiệm vụ");
        expect(text).toContain("STT");
        expect(text).toMatch(/T\d\.\d+ \d\.\d+/); // a task's key and STT
      }
      const bands = s.tasks.length / 4;
      expect(s.tasks[bands]).toContain("Đơn vị phối hợp"); // second band: its own columns
      expect(s.tasks[s.tasks.length - 1]).toContain("Tình trạng nhiệm vụ");
      for (const text of s.summary) expect(text).toContain("Tỷ lệ hoàn thành");
      for (const text of s.agencies) expect(text).toContain("Tên đơn vị");
    }
  );

  itWithTools(
    ["soffice", "pdftotext"],
    "page numbers in the top margin from the second page of each sheet, each sheet from 1",
    async () => {
      const s = sheetPages();
      for (const [name, first] of Object.entries(s.first)) {
        expect({ name, header: /^\d+ /.test(pages[first]) }).toEqual({ name, header: false });
      }
      s.tasks.slice(1, 4).forEach((text, i) => expect(text).toMatch(new RegExp(`^${i + 2} `)));
      expect(s.agencies[1]).toMatch(/^2 /);
      expect(s.summary[1] ?? "2 ").toMatch(/^2 /);
    }
  );
});
