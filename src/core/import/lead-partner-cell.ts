/**
 * One "Cơ quan thực hiện" cell naming both roles, as plans without a partner column write it:
 * "Chủ trì: Sở A\nPhối hợp: Sở B", "- Chủ trì: …;\n- Phối hợp: …", "Sở A chủ trì, phối hợp với
 * Sở B", "Sở A (chủ trì); Sở B (phối hợp)". Read as one lead list, the partners would lead too.
 */

/** "Chủ trì:" / "Đơn vị phối hợp:" labels, each starting its part of the cell. */
const LABEL = /(?:^|[\n;.])\s*[-–+•]?\s*(?:(?:đơn vị|cơ quan)\s+)?(chủ trì|phối hợp)\s*:\s*/giu;
/** "Sở A chủ trì, phối hợp với Sở B" (or "…chủ trì; phối hợp: Sở B"). */
const LEAD_WITH = /^(.+?)\s*\(?\s*chủ trì\s*\)?\s*[,;]?\s*phối hợp(?:\s+với)?\s*:?\s*(.+)$/isu;
/** "Sở A (chủ trì); Sở B (phối hợp)". */
const EACH_NAMED = /^(.+?)\s*\(?\s*chủ trì\s*\)?\s*[,;\n]\s*(.+?)\s*\(?\s*phối hợp\s*\)?$/isu;

/** The lead and partner parts of a cell naming both roles; null when it names one. */
export function splitRoles(cell: string): { lead: string; partners: string } | null {
  const text = cell.normalize("NFC").trim();
  if (!/phối hợp/iu.test(text) || !/chủ trì/iu.test(text)) return null;
  const labels = [...text.matchAll(LABEL)];
  if (labels.length >= 2) {
    const parts = { lead: [] as string[], partners: [] as string[] };
    labels.forEach((m, k) => {
      const end = labels[k + 1]?.index ?? text.length;
      const part = tidy(text.slice((m.index ?? 0) + m[0].length, end));
      if (part) parts[/chủ trì/iu.test(m[1] ?? "") ? "lead" : "partners"].push(part);
    });
    if (parts.lead.length && parts.partners.length)
      return { lead: parts.lead.join("\n"), partners: parts.partners.join("\n") };
    return null;
  }
  const m = LEAD_WITH.exec(text) ?? EACH_NAMED.exec(text);
  const [lead, partners] = [tidy(m?.[1] ?? ""), tidy(m?.[2] ?? "")];
  return lead && partners ? { lead, partners } : null;
}

/** A part without its list marks, closing punctuation and a bracket left open by the cut. */
function tidy(part: string): string {
  const t = part
    .trim()
    .replace(/^[-–+•]\s*/, "")
    .replace(/[\s;,.]+$/, "")
    .trim();
  return t.endsWith(")") && !t.includes("(") ? t.slice(0, -1).trim() : t;
}
