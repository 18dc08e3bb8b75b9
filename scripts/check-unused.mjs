#!/usr/bin/env node
// `npm run lint` part: fails on a file of src/ that no entry reaches and on an exported value
// (function, constant, class, component) of src/ that no other file imports (dead code, issue 17). Uses the TypeScript parser only
// (no type checker): imports, re-exports, `import()` and `import("…").T` are read from the
// syntax and resolved with the compiler's module resolution, so it runs in about a second.
// Tests count as users of an export (a helper kept for a test is a choice made on purpose) but
// never keep a file alive: a file no entry reaches is dead even when a test imports it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Files loaded without an import: the bundles' entries and the webpack config's own files. */
export const ENTRIES = ["src/taskpane/index.tsx", "src/cli/run.ts"];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

const compilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: false,
  jsx: ts.JsxEmit.ReactJSX,
};
const host = ts.createCompilerHost(compilerOptions);

function resolve(spec, from) {
  if (!spec.startsWith(".")) return undefined; // a package
  const r = ts.resolveModuleName(spec, from, compilerOptions, host).resolvedModule;
  return r && !r.isExternalLibraryImport ? path.resolve(r.resolvedFileName) : undefined;
}

const hasExport = (node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const hasDefault = (node) =>
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/** Names a binding pattern or identifier declares. */
function boundNames(name) {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : boundNames(e.name)));
}

/**
 * One file read: what it exports (name → line), what it takes from others (file → names, "*"
 * for all), what it passes on (re-exports: exported name → [file, name], and `export *` files).
 */
export function readModule(file, text = readFileSync(file, "utf8")) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const exports = new Map();
  const uses = new Map();
  const reexports = new Map();
  const starExports = [];
  const use = (target, name) => {
    if (!target) return;
    if (!uses.has(target)) uses.set(target, new Set());
    uses.get(target).add(name);
  };
  const line = (node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const target = resolve(st.moduleSpecifier.text, file);
      const clause = st.importClause;
      if (!clause)
        use(target, "*"); // side-effect import
      else {
        if (clause.name) use(target, "default");
        const nb = clause.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) use(target, "*");
        else if (nb) for (const el of nb.elements) use(target, (el.propertyName ?? el.name).text);
      }
    } else if (ts.isExportDeclaration(st)) {
      const target =
        st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)
          ? resolve(st.moduleSpecifier.text, file)
          : undefined;
      if (!st.exportClause) {
        if (target) starExports.push(target);
      } else if (ts.isNamespaceExport(st.exportClause)) {
        exports.set(st.exportClause.name.text, { line: line(st), type: st.isTypeOnly });
        reexports.set(st.exportClause.name.text, [target, "*"]);
      } else
        for (const el of st.exportClause.elements) {
          exports.set(el.name.text, { line: line(el), type: st.isTypeOnly || el.isTypeOnly });
          if (st.moduleSpecifier)
            reexports.set(el.name.text, [target, (el.propertyName ?? el.name).text]);
        }
    } else if (ts.isExportAssignment(st)) exports.set("default", { line: line(st), type: false });
    else if (hasExport(st)) {
      const type = ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st);
      if (hasDefault(st)) exports.set("default", { line: line(st), type });
      else if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations)
          for (const n of boundNames(d.name)) exports.set(n, { line: line(d), type: false });
      else if (st.name && ts.isIdentifier(st.name))
        exports.set(st.name.text, { line: line(st), type });
    }
  }

  // import("…") anywhere, and import("…").T in types.
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) {
        const target = resolve(arg.text, file);
        let p = node.parent;
        while (p && (ts.isAwaitExpression(p) || ts.isParenthesizedExpression(p))) p = p.parent;
        if (p && ts.isPropertyAccessExpression(p) && p.name.text !== "then")
          use(target, p.name.text);
        else if (p && ts.isVariableDeclaration(p) && ts.isObjectBindingPattern(p.name))
          for (const el of p.name.elements)
            use(
              target,
              (el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName : el.name).text
            );
        else use(target, "*");
      }
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "require"
    ) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) use(resolve(arg.text, file), "*");
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const lit = node.argument.literal;
      if (ts.isStringLiteral(lit)) {
        const target = resolve(lit.text, file);
        if (node.qualifier) {
          let q = node.qualifier;
          while (ts.isQualifiedName(q)) q = q.left;
          use(target, q.text);
        } else use(target, "*");
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { exports, uses, reexports, starExports };
}

/**
 * Dead files and unused exports of `files` (absolute paths), given the entries; `users` (tests)
 * import from them without being checked themselves.
 */
export function findUnused(files, entries, users = [], read = (f) => readModule(f)) {
  const mods = new Map(files.map((f) => [f, read(f)]));
  const userMods = users.map(read);
  // Files reached from the entries.
  const reached = new Set();
  const stack = [...entries];
  while (stack.length) {
    const f = stack.pop();
    if (reached.has(f) || !mods.has(f)) continue;
    reached.add(f);
    const m = mods.get(f);
    stack.push(...m.uses.keys(), ...m.starExports, ...[...m.reexports.values()].map(([t]) => t));
  }
  // Names used from each file, following re-exports and `export *` to the defining file.
  const used = new Map(files.map((f) => [f, new Set()]));
  const mark = (file, name, seen = new Set()) => {
    const key = `${file}\0${name}`;
    if (!mods.has(file) || seen.has(key)) return;
    seen.add(key);
    used.get(file).add(name);
    const m = mods.get(file);
    if (name === "*") {
      for (const [n] of m.exports) mark(file, n, seen);
      for (const t of m.starExports) mark(t, "*", seen);
      return;
    }
    const re = m.reexports.get(name);
    if (re) mark(re[0], re[1], seen);
    else if (!m.exports.has(name)) for (const t of m.starExports) mark(t, name, seen);
  };
  for (const [file, m] of [...mods, ...userMods.map((m) => [undefined, m])])
    for (const [target, names] of m.uses)
      if (target !== file) for (const n of names) mark(target, n);
  const deadFiles = files.filter((f) => !reached.has(f));
  const unusedExports = [];
  for (const [file, m] of mods) {
    if (entries.includes(file) || !reached.has(file)) continue;
    const u = used.get(file);
    if (u.has("*")) continue;
    for (const [name, e] of m.exports)
      if (!u.has(name)) unusedExports.push({ file, name, line: e.line, type: e.type });
  }
  return { deadFiles, unusedExports };
}

/** True when `name` stands in `text` once only (its declaration or re-export). */
export function namedOnce(text, name) {
  let n = 0;
  for (const _ of text.matchAll(new RegExp(`(?<![\\w$])${name}(?![\\w$])`, "g"))) n++;
  return n <= 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = walk(path.join(ROOT, "src"));
  const entries = ENTRIES.map((e) => path.join(ROOT, e));
  const tests = walk(path.join(ROOT, "test"));
  const found = findUnused(files, entries, tests);
  const { deadFiles } = found;
  // Types cost nothing at run time and document a module's shape: an exported type nobody else
  // imports is kept while its own file uses it; one named nowhere but its declaration is dead.
  const unusedExports = found.unusedExports.filter(
    (e) => !e.type || namedOnce(readFileSync(e.file, "utf8"), e.name)
  );
  const rel = (f) => path.relative(ROOT, f);
  for (const f of deadFiles)
    console.error(`${rel(f)}: tệp không được dùng (không điểm vào nào của src/ dẫn tới)`);
  for (const e of unusedExports)
    console.error(`${rel(e.file)}:${e.line}: "${e.name}" được export nhưng không tệp nào nhập`);
  const n = deadFiles.length + unusedExports.length;
  if (n) {
    console.error(
      `check-unused: ${deadFiles.length} tệp, ${unusedExports.length} export không dùng.`
    );
    process.exit(1);
  }
  console.log(`check-unused: ${files.length} tệp của src/, không có mã chết.`);
}
