/**
 * Which Office.js members the code uses, and the requirement set each needs, read from the
 * JSDoc of @types/office-js ("[Api set: ExcelApi 1.13]") through the TypeScript type checker.
 * A member above the manifest's minimum must be used under a runtime check:
 * `if (Office.context.requirements.isSetSupported("ExcelApi", "1.13"))` (directly, through a
 * const holding that call, or as the left side of `&&`/`?:`).
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import ts from "typescript";

export interface ApiUse {
  file: string;
  line: number;
  member: string;
  set: string;
  /** ExcelApi version needed as major × 1000 + minor (1.13 → 1013); Infinity without one (Online, BETA). */
  version: number;
  guarded: boolean;
}

const ROOT = path.resolve(__dirname, "..", "..");
const API_SET = /\[Api set: (ExcelApi(?:Online|Desktop)?)\s*([0-9.]*|BETA[^\]]*)?\s*\]/;
const GUARD = /isSetSupported\(\s*["'`]ExcelApi["'`]\s*,\s*["'`](\d+\.\d+)["'`]\s*\)/g;

/** "1.13" → 1013: versions compare by minor number (1.13 is above 1.9). */
export function versionKey(v: string): number {
  const [major, minor] = v.split(".").map(Number);
  return major * 1000 + (minor ?? 0);
}

/** The manifest's minimum ExcelApi version, as versionKey. */
export function manifestMinimum(manifest = path.join(ROOT, "manifest.xml")): number {
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(readFileSync(manifest, "utf8"));
  if (!m) throw new Error("manifest.xml declares no ExcelApi minimum");
  return versionKey(m[1]);
}

export function sourceFiles(dir = path.join(ROOT, "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** Every use of an ExcelApi member in `files` (plus `virtual` files: path → text, for tests). */
export function excelApiUses(files: string[], virtual: Record<string, string> = {}): ApiUse[] {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const host = ts.createCompilerHost(options);
  const base = { ...host };
  host.fileExists = (f) => f in virtual || base.fileExists(f);
  host.readFile = (f) => virtual[f] ?? base.readFile(f);
  host.getSourceFile = (f, lang, ...rest) =>
    f in virtual
      ? ts.createSourceFile(f, virtual[f], lang, true)
      : base.getSourceFile(f, lang, ...rest);
  const program = ts.createProgram([...files, ...Object.keys(virtual)], options, host);
  const checker = program.getTypeChecker();
  const wanted = new Set([...files, ...Object.keys(virtual)].map((f) => path.resolve(f)));
  const uses: ApiUse[] = [];

  const apiSetOf = (symbol: ts.Symbol | undefined): { set: string; version: number } | null => {
    if (!symbol) return null;
    const fromOfficeJs = (symbol.declarations ?? []).some((d) =>
      d.getSourceFile().fileName.includes("@types/office-js")
    );
    if (!fromOfficeJs) return null;
    const doc = [
      ts.displayPartsToString(symbol.getDocumentationComment(checker)),
      ...symbol.getJsDocTags(checker).map((t) => ts.displayPartsToString(t.text)),
    ].join("\n");
    const m = API_SET.exec(doc);
    if (!m) return null;
    const version =
      m[1] === "ExcelApi" && /^\d+\.\d+$/.test(m[2] ?? "") ? versionKey(m[2]) : Infinity;
    return { set: `${m[1]} ${m[2] ?? ""}`.trim(), version };
  };

  const guardVersions = (condition: ts.Node): number[] => {
    let text = condition.getText();
    // A const holding the check: `const canReadMerges = ….isSetSupported("ExcelApi", "1.13")`.
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) {
        const decl = checker.getSymbolAtLocation(n)?.valueDeclaration;
        if (decl && ts.isVariableDeclaration(decl) && decl.initializer)
          text += ` ${decl.initializer.getText()}`;
      }
      n.forEachChild(visit);
    };
    visit(condition);
    return [...text.matchAll(GUARD)].map((g) => versionKey(g[1]));
  };

  const isGuarded = (node: ts.Node, version: number): boolean => {
    for (let child = node, p = node.parent; p; child = p, p = p.parent) {
      let condition: ts.Node | undefined;
      if (ts.isIfStatement(p) && child === p.thenStatement) condition = p.expression;
      else if (ts.isConditionalExpression(p) && child === p.whenTrue) condition = p.condition;
      else if (
        ts.isBinaryExpression(p) &&
        p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
        child === p.right
      )
        condition = p.left;
      if (condition && guardVersions(condition).some((v) => v >= version)) return true;
    }
    return false;
  };

  const record = (sf: ts.SourceFile, node: ts.Node, member: string, symbol?: ts.Symbol) => {
    const api = apiSetOf(symbol);
    if (!api) return;
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
    uses.push({
      file: path.relative(ROOT, sf.fileName),
      line: line + 1,
      member,
      ...api,
      guarded: isGuarded(node, api.version),
    });
  };

  for (const sf of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        if (symbol) record(sf, node, checker.getFullyQualifiedName(symbol), symbol);
      } else if (ts.isObjectLiteralExpression(node)) {
        // `dv.rule = { list: { inCellDropDown: true } }`: the members of the contextual type.
        const type = checker.getContextualType(node);
        if (type)
          for (const prop of node.properties) {
            if (!prop.name || !ts.isIdentifier(prop.name)) continue;
            const symbol = type.getProperty(prop.name.text);
            if (symbol) record(sf, prop, checker.getFullyQualifiedName(symbol), symbol);
          }
      }
      node.forEachChild(visit);
    };
    visit(sf);
  }
  return uses;
}
