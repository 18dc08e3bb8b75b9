/**
 * The layer table of docs/ARCHITECTURE.md is enforced by eslint (eslint.config.mjs): a file that
 * breaks it fails `npm run lint`. Each case lints a one-line file as if it sat in that folder.
 */
import { spawnSync } from "node:child_process";
import { REPO_ROOT } from "../helpers/repo-paths";

const ROOT = REPO_ROOT;

type Case = [file: string, code: string];

/** Lints every case in ONE eslint process (its API), returning the layer-rule hits per case. */
function layerErrors(cases: Case[]): string[][] {
  const script = `
    import { ESLint } from "eslint";
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint();
    const out = [];
    for (const [filePath, code] of cases) {
      const [r] = await eslint.lintText(code, { filePath });
      out.push(r.messages.map((m) => m.ruleId ?? ""));
    }
    console.log(JSON.stringify(out));`;
  const r = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", script, JSON.stringify(cases)],
    { cwd: ROOT, encoding: "utf8" }
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as string[][]).map((ids) =>
    ids.filter((id) =>
      ["no-restricted-imports", "no-restricted-globals", "no-restricted-syntax"].includes(id)
    )
  );
}

const DIRECTORY = 'import { AgencyDirectory } from "../agency/directory";\n';

describe("layers enforced by lint", () => {
  const forbidden: Case[] = [
    ["src/core/import/x.ts", 'import ExcelJS from "exceljs";\nexport const a = ExcelJS;\n'],
    ["src/core/import/x.ts", 'import fs from "node:fs";\nexport const a = fs;\n'],
    ["src/core/tracking/x.ts", 'import { useState } from "react";\nexport const a = useState;\n'],
    ["src/core/tracking/x.ts", 'import { a } from "../../xlsx/index";\nexport const b = a;\n'],
    ["src/core/tracking/x.ts", "export const a = Office;\n"],
    ["src/core/papers/x.ts", 'import { Document } from "docx";\nexport const a = Document;\n'],
    ["src/docx/x.ts", 'import ExcelJS from "exceljs";\nexport const a = ExcelJS;\n'],
    [
      "src/core/readers/x.ts",
      'import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";\nexport const a = OPS;\n',
    ],
    ["src/pdf/x.ts", 'import fs from "node:fs";\nexport const a = fs;\n'],
    ["src/taskpane/x.ts", 'import { Document } from "docx";\nexport const a = Document;\n'],
    [
      "src/xlsx/x.ts",
      'import { a } from "../render/office/render-workbook";\nexport const b = a;\n',
    ],
    ["src/render/office/x.ts", 'import { a } from "../../xlsx/index";\nexport const b = a;\n'],
    ["src/app/x.ts", 'import { a } from "../taskpane/App";\nexport const b = a;\n'],
    ["src/host/x.ts", 'import { a } from "../app/tracking-file";\nexport const b = a;\n'],
    ["src/taskpane/x.ts", 'import { a } from "../cli/main";\nexport const b = a;\n'],
    [
      "src/cli/x.ts",
      'import { a } from "../render/office/render-workbook";\nexport const b = a;\n',
    ],
    // "Which agency answers for this name on this date" stays in core/agency/resolve-agency.ts.
    ["src/core/papers/x.ts", `${DIRECTORY}export const d = new AgencyDirectory([]);\n`],
    ["src/app/x.ts", "export const f = (d: any) => d.successorOn('Sở TT&TT', '2026-12-31');\n"],
    ["src/core/workbook/x.ts", "export const f = (d: any) => d.membersOn('Các Sở, ngành', 'x');\n"],
  ];
  const allowed: Case[] = [
    [
      "src/core/agency/x.ts",
      `${DIRECTORY.replace("../agency/", "./")}export const d = new AgencyDirectory([]);\n`,
    ],
    ["src/core/import/x.ts", 'import { a } from "../model";\nexport const b = a;\n'],
    ["src/render/office/x.ts", 'import { a } from "../../core/model";\nexport const b = a;\n'],
    ["src/taskpane/x.ts", 'import { a } from "../host/detect-host";\nexport const b = a;\n'],
    ["src/cli/x.ts", 'import fs from "node:fs";\nexport const a = fs;\n'],
    ["src/docx/x.ts", 'import { Document } from "docx";\nexport const a = Document;\n'],
    [
      "src/pdf/x.ts",
      'import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";\nexport const a = OPS;\n',
    ],
    ["src/app/x.ts", 'import { a } from "../docx/index";\nexport const b = a;\n'],
  ];
  const hits = layerErrors([...forbidden, ...allowed]);

  it.each(forbidden.map((c, i) => [...c, i] as const))(
    "%s: forbidden import is an error",
    (_file, _code, i) => {
      expect(hits[i].length).toBeGreaterThan(0);
    }
  );

  it.each(allowed.map((c, i) => [...c, forbidden.length + i] as const))(
    "%s: allowed import passes",
    (_file, _code, i) => {
      expect(hits[i]).toEqual([]);
    }
  );
});
