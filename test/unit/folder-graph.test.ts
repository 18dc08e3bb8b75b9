/**
 * The folders of src/ import one way only: a test builds the folder graph from the sources (every
 * import, export-from, import() and `import type`; core is split into its subfolders) and fails on
 * any cycle, naming the files that close it.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { SRC_DIR } from "../helpers/repo-paths";

const SRC = SRC_DIR;

/** The folder node of a file: `core/<sub>` inside core (files in core itself: `core`), else `<top>`. */
export function folderOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  if (parts[0] === "core" && parts.length > 2) return `core/${parts[1]}`;
  return parts[0].replace(/\.(tsx?|cjs|mjs|js)$/, "");
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  throw new Error(`${path.relative(SRC, from)}: import "${spec}" not found`);
}

type Edge = { from: string; to: string; file: string; target: string };

/** Folder → folder edges, each with one file import that makes it. */
export function folderEdges(files: string[]): Map<string, Map<string, Edge>> {
  const graph = new Map<string, Map<string, Edge>>();
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    for (const ref of info.importedFiles) {
      const target = resolveLocal(file, ref.fileName);
      if (!target) continue;
      const from = folderOf(file);
      const to = folderOf(target);
      if (from === to) continue;
      const out = graph.get(from) ?? new Map<string, Edge>();
      if (!out.has(to)) out.set(to, { from, to, file, target });
      graph.set(from, out);
    }
  }
  return graph;
}

/** Every elementary cycle is overkill: one cycle per strongly connected component names the fault. */
export function findCycles(graph: Map<string, Map<string, Edge>>): Edge[][] {
  const cycles: Edge[][] = [];
  const done = new Set<string>();
  const nodes = [...graph.keys()].sort();
  for (const start of nodes) {
    // DFS keeping the path; report the first back edge to a node on the path.
    const onPath: string[] = [];
    const pathEdges: Edge[] = [];
    const visited = new Set<string>();
    const visit = (node: string): void => {
      onPath.push(node);
      visited.add(node);
      for (const edge of [...(graph.get(node)?.values() ?? [])].sort((a, b) =>
        a.to.localeCompare(b.to)
      )) {
        const i = onPath.indexOf(edge.to);
        if (i >= 0) {
          const cycle = [...pathEdges.slice(i), edge];
          const key = cycle
            .map((e) => e.from)
            .sort()
            .join(" ");
          if (!done.has(key)) {
            done.add(key);
            cycles.push(cycle);
          }
        } else if (!visited.has(edge.to)) {
          pathEdges.push(edge);
          visit(edge.to);
          pathEdges.pop();
        }
      }
      onPath.pop();
    };
    visit(start);
  }
  return cycles;
}

function describeCycle(cycle: Edge[]): string {
  const names = [...cycle.map((e) => e.from), cycle[0].from].join(" → ");
  const why = cycle
    .map((e) => `  ${path.relative(SRC, e.file)} imports ${path.relative(SRC, e.target)}`)
    .join("\n");
  return `${names}\n${why}`;
}

describe("folder import graph of src/", () => {
  const files = sourceFiles(SRC);
  const graph = folderEdges(files);

  it("reads the real imports (core/workbook → core/spec, taskpane → core/model)", () => {
    expect(graph.get("core/workbook")?.has("core/spec")).toBe(true);
    expect(graph.get("taskpane")?.has("core")).toBe(true);
    expect(graph.get("cli")?.has("app")).toBe(true);
  });

  it("finds a cycle when one is there", () => {
    const edge = (from: string, to: string): Edge => ({ from, to, file: from, target: to });
    const g = new Map([
      ["a", new Map([["b", edge("a", "b")]])],
      ["b", new Map([["c", edge("b", "c")]])],
      ["c", new Map([["a", edge("c", "a")]])],
      ["d", new Map([["a", edge("d", "a")]])],
    ]);
    const cycles = findCycles(g);
    expect(cycles.map((c) => c.map((e) => e.from))).toEqual([["a", "b", "c"]]);
    expect(findCycles(new Map([["a", new Map([["b", edge("a", "b")]])]]))).toEqual([]);
  });

  it("has no cycle", () => {
    const cycles = findCycles(graph).map(describeCycle);
    expect(cycles).toEqual([]);
  });
});
