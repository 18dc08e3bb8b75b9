/** `phuluc import --json` as the reader tests compare it (the shape: src/cli/import-json.ts). */
import path from "node:path";
import { phuluc } from "./phuluc-cli";

export interface JsonTask {
  key: string;
  stt: string;
  group: string;
  title: string;
  lead: string[];
  partners: string[];
  timeText: string;
  years: number[] | null;
  deadline: string | null;
  kind: string;
}

export interface JsonResult {
  plan: Record<string, unknown>;
  origin: string;
  groups: { stt: string; title: string }[];
  tasks: JsonTask[];
  additions?: { tasks: JsonTask[] };
  findings: { code: string; message: string }[];
}

/**
 * The plan file imported by the real CLI, as an officer runs it (and the only way for PDFs: pdfjs
 * is an ES module jest cannot load); a failed import throws with its stderr.
 */
export function importJson(file: string): JsonResult {
  const r = phuluc(["import", file, "--json"]);
  if (r.code !== 0) throw new Error(`phuluc import ${path.basename(file)}: ${r.stderr}`);
  return JSON.parse(r.stdout) as JsonResult;
}
