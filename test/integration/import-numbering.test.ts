/**
 * STT columns numbered by Word itself (w:numPr, no typed number), as most Word-made plans are:
 * written by python-docx with numbering definitions as Word writes them and imported by the CLI.
 * Each row keeps its own task and the number Word shows; groups stay groups.
 */
import path from "node:path";
import { readFileSync } from "node:fs";
import { itWithTools, runPythonFile, sofficeConvertAll, tempDir } from "../helpers/tools";
import { importJson, type JsonResult } from "../helpers/import-json";
import { phuluc } from "../helpers/phuluc-cli";

const MAKE = path.join(__dirname, "numbering", "make_numbered.py");

function importVariant(variant: string): JsonResult {
  const file = runPythonFile<string>(MAKE, [tempDir("numbered"), variant]);
  return importJson(file);
}

const rows = (r: JsonResult) => r.tasks.map((t) => [t.stt, t.group, t.title, t.lead]);
const codes = (r: JsonResult) => r.findings.map((f) => f.code);

describe("Word automatic numbering in the STT column", () => {
  itWithTools(
    ["python3-openpyxl"],
    "'I.', 'II.' groups and '1.', '2.' tasks restarted in each group: numbers as Word shows them",
    async () => {
      const r = importVariant("roman");
      expect(r.groups).toEqual([
        { stt: "I.", title: "TUYÊN TRUYỀN ĐỐI NGOẠI" },
        { stt: "II.", title: "HỢP TÁC QUỐC TẾ" },
      ]);
      expect(rows(r)).toEqual([
        ["1.", "I.", "Nhiệm vụ số 1", ["Sở Ngoại vụ"]],
        ["2.", "I.", "Nhiệm vụ số 2", ["Sở Văn hóa, Thể thao và Du lịch"]],
        ["1.", "II.", "Nhiệm vụ số 3", ["Sở Tài chính"]],
        ["2.", "II.", "Nhiệm vụ số 4", ["Sở Ngoại vụ"]],
      ]);
      expect(r.tasks.map((t) => t.deadline)).toEqual([
        "2026-06-30",
        "2026-06-30",
        "2026-06-30",
        "2026-09-30",
      ]);
      expect(codes(r)).not.toContain("STT_EMPTY");
      expect(codes(r)).not.toContain("STT_DUPLICATE");
    }
  );

  itWithTools(["python3-openpyxl"], "one list '1.' … '4.' down the column", async () => {
    const r = importVariant("flat");
    expect(r.tasks.map((t) => [t.stt, t.title])).toEqual([
      ["1.", "Nhiệm vụ số 1"],
      ["2.", "Nhiệm vụ số 2"],
      ["3.", "Nhiệm vụ số 3"],
      ["4.", "Nhiệm vụ số 4"],
    ]);
    expect(codes(r)).not.toContain("STT_EMPTY");
  });

  itWithTools(
    ["python3-openpyxl"],
    "'%1.%2' levels: groups '1.', '2.' and tasks '1.1', '1.2', '2.1'",
    async () => {
      const file = runPythonFile<string>(MAKE, [tempDir("numbered"), "dotted"]);
      const r = importJson(file);
      expect(r.groups.map((g) => g.stt)).toEqual(["1.", "2."]);
      expect(r.tasks.map((t) => [t.stt, t.group, t.title])).toEqual([
        ["1.1", "1.", "Nhiệm vụ số 1"],
        ["1.2", "1.", "Nhiệm vụ số 2"],
        ["2.1", "2.", "Nhiệm vụ số 3"],
      ]);
      expect(codes(r)).not.toContain("STT_EMPTY");
      // The workbook's own check takes group "1." as the group of "1.1".
      const book = file.replace(/\.docx$/, ".xlsx");
      expect(phuluc(["import", file, "-o", book, "--year", "2026"]).code).toBe(0);
      const v = phuluc(["validate", book, "--year", "2026", "--json"]);
      expect(v.stdout).toContain('"findings"');
      expect(v.stdout).not.toContain("STT_GROUP_MISMATCH");
    }
  );
});

describe("lists numbered through a list style", () => {
  itWithTools(
    ["python3-openpyxl"],
    "a list whose abstractNum only names a list style (numStyleLink) shows that style's numbers",
    async () => {
      const r = importVariant("style-link");
      expect(r.groups.map((g) => [g.stt, g.title])).toEqual([
        ["I.", "TUYÊN TRUYỀN ĐỐI NGOẠI"],
        ["II.", "HỢP TÁC QUỐC TẾ"],
      ]);
      expect(rows(r)).toEqual([
        ["1.", "I.", "Nhiệm vụ số 1", ["Sở Ngoại vụ"]],
        ["2.", "I.", "Nhiệm vụ số 2", ["Sở Tài chính"]],
        ["1.", "II.", "Nhiệm vụ số 3", ["Sở Ngoại vụ"]],
      ]);
      expect(codes(r)).toEqual([]);
    }
  );
});

describe("Word bullets in a task cell", () => {
  itWithTools(
    ["python3-openpyxl"],
    "items bulleted by Word are tasks as typed '- ' bullets are: the introduction and the one lead for each",
    async () => {
      const r = importVariant("bullets");
      expect(r.tasks.map((t) => [t.key, t.stt, t.title, t.lead])).toEqual([
        ["T1a", "1.", "Tuyên truyền trên: Báo in", ["Sở Ngoại vụ"]],
        ["T1b", "1.", "Tuyên truyền trên: Báo điện tử", ["Sở Ngoại vụ"]],
        ["T2", "2.", "Nhiệm vụ số 2", ["Sở Ngoại vụ"]],
      ]);
      // One lead and time for both items: the plan does not say they are two tasks; said so.
      const split = r.findings.filter((f) => f.code === "BULLETS_SPLIT").map((f) => f.message);
      expect(split).toEqual([
        expect.stringMatching(/dòng 2, cột "Nội dung nhiệm vụ".*2 gạch đầu dòng.*\(1a, 1b\)/),
      ]);
    }
  );
});

describe("the numbers as another program shows them", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "every STT and group number read equals what LibreOffice renders, restarts and styles included",
    async () => {
      const variants = ["roman", "style", "style-link"];
      const files = variants.map((v) => runPythonFile<string>(MAKE, [tempDir("numbered"), v]));
      const converted = sofficeConvertAll(files, "txt:Text");
      // Sorted by name ("style-link" before "style"): each file's text by its own name.
      const texts = files.map((f) => {
        const txt = converted.find((c) => path.basename(c) === path.basename(f, ".docx") + ".txt");
        return readFileSync(txt ?? "", "utf8");
      });
      files.forEach((file, i) => {
        // LibreOffice's text export writes a list number at the start of its cell's line.
        const shown = (texts[i] ?? "")
          .split("\n")
          .map((l) => /^\s*([IVX]+\.|\d+\.)\s*$/.exec(l)?.[1])
          .filter((n): n is string => n !== undefined);
        const r = importJson(file);
        // Typed numbers ("I" in the style variant) are no list number: compared where numbered.
        const read = r.groups.flatMap((g) => [
          g.stt,
          ...r.tasks.filter((t) => t.group === g.stt).map((t) => t.stt),
        ]);
        expect(read.filter((n) => /\.$/.test(n))).toEqual(shown);
      });
      expect(importJson(files[1]!).tasks.map((t) => t.stt)).toEqual(["1.", "2.", "3."]);
    },
    180000
  );
});

describe("the same plans saved as web pages", () => {
  itWithTools(
    ["python3-openpyxl", "soffice"],
    "LibreOffice's HTML numbers cells with <ol start type>: the same STTs and groups as the .docx",
    async () => {
      const dir = tempDir("numbered");
      const files = ["roman", "three"].map((v) => runPythonFile<string>(MAKE, [dir, v]));
      const pages = sofficeConvertAll(files, "html");
      const [roman, three] = pages.map(importJson);
      expect(roman!.groups.map((g) => g.stt)).toEqual(["I.", "II."]);
      expect(roman!.tasks.map((t) => [t.stt, t.group, t.title])).toEqual([
        ["1.", "I.", "Nhiệm vụ số 1"],
        ["2.", "I.", "Nhiệm vụ số 2"],
        ["1.", "II.", "Nhiệm vụ số 3"],
        ["2.", "II.", "Nhiệm vụ số 4"],
      ]);
      // "%2)" is "a." in HTML: still the sub-items of "1.", titled under it.
      expect(three!.tasks.map((t) => [t.key, t.stt, t.title])).toEqual([
        ["T1.a", "a.", "Tuyên truyền trên báo chí: Nhiệm vụ số 1"],
        ["T1.b", "b.", "Tuyên truyền trên báo chí: Nhiệm vụ số 2"],
        ["T2", "2.", "Nhiệm vụ số 3"],
        ["T1", "1.", "Nhiệm vụ số 4"],
        ["TII.1.a", "a.", "Nhiệm vụ số 5"],
      ]);
      for (const r of [roman!, three!]) expect(codes(r)).not.toContain("STT_EMPTY");
    },
    180000
  );
});

describe("three levels: groups, tasks and their sub-items", () => {
  itWithTools(
    ["python3-openpyxl"],
    "I / 1 / a): a numbered row without details heads its sub-items, each a task titled under it",
    async () => {
      const r = importVariant("three");
      expect(r.groups.map((g) => g.stt)).toEqual(["I.", "II."]);
      expect(r.tasks.map((t) => [t.key, t.stt, t.group, t.title, t.lead])).toEqual([
        ["T1.a", "a)", "I.", "Tuyên truyền trên báo chí: Nhiệm vụ số 1", ["Sở Ngoại vụ"]],
        [
          "T1.b",
          "b)",
          "I.",
          "Tuyên truyền trên báo chí: Nhiệm vụ số 2",
          ["Đài Phát thanh - Truyền hình Hà Giang"],
        ],
        ["T2", "2.", "I.", "Nhiệm vụ số 3", ["Sở Tài chính"]],
        // A task with details of its own, and its sub-item with its own lead: both tasks.
        ["T1", "1.", "II.", "Nhiệm vụ số 4", ["Sở Ngoại vụ"]],
        ["TII.1.a", "a)", "II.", "Nhiệm vụ số 5", ["Sở Tài chính"]],
      ]);
      expect(codes(r)).not.toContain("LEAD_MISSING");
      expect(codes(r)).not.toContain("STT_DUPLICATE");
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "'1.1', '1.2' under '1.' under Roman groups: the same, numbered as Word shows",
    async () => {
      const r = importVariant("roman-dotted");
      expect(r.tasks.map((t) => [t.key, t.stt, t.title])).toEqual([
        ["T1.1", "1.1", "Tuyên truyền trên báo chí: Nhiệm vụ số 1"],
        ["T1.2", "1.2", "Tuyên truyền trên báo chí: Nhiệm vụ số 2"],
        ["T2", "2.", "Nhiệm vụ số 3"],
      ]);
      expect(codes(r)).not.toContain("LEAD_MISSING");
    }
  );

  itWithTools(
    ["python3-openpyxl"],
    "sub-items with no lead, partner or time of their own are lines of the task above, said so",
    async () => {
      const r = importVariant("lines");
      expect(r.tasks.map((t) => [t.stt, t.title, t.lead, t.timeText])).toEqual([
        [
          "1.",
          "Tuyên truyền trên các phương tiện:\na) Báo in\nb) Báo điện tử",
          ["Sở Ngoại vụ"],
          "Quý II/2026",
        ],
        ["2.", "Nhiệm vụ số 2", ["Sở Tài chính"], "Quý II/2026"],
      ]);
      const told = r.findings.filter((f) => f.code === "SUBITEM_IN_TASK").map((f) => f.message);
      expect(told).toEqual([
        expect.stringMatching(/dòng 4, cột "STT".*"a\)".*nhiệm vụ "1\."/),
        expect.stringMatching(/dòng 5, cột "STT".*"b\)".*nhiệm vụ "1\."/),
      ]);
    }
  );
});
