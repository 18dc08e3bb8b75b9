/**
 * Plans written by a test's Python generator (python-docx .docx, reportlab .pdf), the .docx
 * also printed to PDF by LibreOffice beside them, and the tasks each file was written with.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openPlanFile } from "../../src/app/open-plan-file";
import { importPlan } from "../../src/core/import/import-plan";
import { importResultToJson } from "../../src/cli/import-json";
import type { JsonResult } from "./import-json";
import { runPythonFile, sofficeConvertAll, tempDir } from "./tools";

/** A task as the generator wrote it. */
export interface WrittenTask {
  stt: string;
  title: string;
  lead: string;
  partners: string;
  time: string;
}

export interface GeneratedPlans {
  dir: string;
  /** By file name without extension. */
  written: Record<string, WrittenTask[]>;
}

/** Runs `script` with a new folder named after `name`; prints its .docx to PDF there. */
export function generatePlans(script: string, name: string): GeneratedPlans {
  const dir = tempDir(name);
  const made = runPythonFile<{ files: string[]; tasks: Record<string, WrittenTask[]> }>(script, [
    dir,
  ]);
  const docs = made.files.map((f) => path.join(dir, f));
  for (const pdf of sofficeConvertAll(docs, "pdf"))
    writeFileSync(path.join(dir, path.basename(pdf)), readFileSync(pdf));
  return { dir, written: made.tasks };
}

/** A .docx imported in-process, as `phuluc import --json` prints it. */
export async function importDocx(file: string): Promise<JsonResult> {
  const input = await openPlanFile(new Uint8Array(readFileSync(file)), path.basename(file));
  return JSON.parse(JSON.stringify(importResultToJson(await importPlan(input)))) as JsonResult;
}
