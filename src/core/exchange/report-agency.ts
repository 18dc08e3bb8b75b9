/**
 * Which agency sent a file: its stored identity, else its title block ("SỞ Y TẾ", "Đơn vị báo
 * cáo: Sở Y tế"), else its file name ("BC 2026 - So Y te.xlsx"), else the lead column's most
 * frequent agency. Names resolve through the master's directory (diacritics and abbreviations
 * folded); among several names in a title block, one expected to report wins.
 */
import type { AgencyDirectory } from "../agency/directory";
import { matchAgencyList } from "../agency/match-agencies";
import { foldVietnamese } from "../text/fold";
import type { Received } from "./consolidation-model";
import type { ReportRead } from "./read-report";

export interface AgencyFound {
  /** Canonical name, or as written when the directory does not know it. */
  agency: string;
  known: boolean;
  from: Received["agencyFrom"];
}

export function reportAgency(
  read: ReportRead,
  file: string,
  dir: AgencyDirectory,
  resolve: (name: string) => string[],
  expected: Set<string>
): AgencyFound | null {
  const canonical = (name: string) => {
    const r = resolve(name);
    return r.length === 1 ? r[0] : undefined;
  };
  if (read.identity) {
    const a = canonical(read.identity.agency);
    return {
      agency: a ?? read.identity.agency,
      known: Boolean(dir.get(read.identity.agency)),
      from: "identity",
    };
  }
  const inText = (text: string): string[] =>
    matchAgencyList(text, dir)
      .filter((r) => r.matched)
      .map((r) => canonical(r.name))
      .filter((n): n is string => Boolean(n));
  // The sender among the names of the title block: one expected to report wins over the
  // superior body above it ("UBND TỈNH …" over "SỞ Y TẾ"); the addressee never counts.
  const titled = read.titleText
    .slice(0, 12)
    .filter((line) => !/^\s*k[ií]nh g[uử]i/i.test(line))
    .flatMap((line) => inText(line.replace(/^[^:]*(đơn vị|don vi|cơ quan)[^:]*:\s*/i, "")));
  const fromTitle = titled.find((n) => expected.has(n));
  if (fromTitle) return { agency: fromTitle, known: true, from: "title" };
  const name = file
    .replace(/^.*[\\/]/, "")
    .replace(/\.[a-z0-9]+$/i, "")
    .replace(/[_.]+/g, " ");
  const fromName = name
    .split(/\s+-\s+|\s*[()[\]]\s*/)
    .flatMap(inText)
    .find((n) => expected.has(n));
  if (fromName) return { agency: fromName, known: true, from: "file" };
  const counts = new Map<string, number>();
  for (const r of read.rows) {
    const a = r.lead ? canonical(r.lead) : undefined;
    if (a && dir.get(a)) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
  if (top) return { agency: top[0], known: true, from: "lead" };
  // A known agency that is not expected this year: named, so the refusal can say who.
  // The province's own People's Committee heads every title block: never the sender by itself.
  const other = titled.find((n) => !/^(ubnd|uy ban nhan dan) tinh/.test(foldVietnamese(n)));
  return other ? { agency: other, known: true, from: "title" } : null;
}
