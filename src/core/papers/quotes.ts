/**
 * The agencies' own words in a report's body: each text whole, attributed to the agencies that
 * wrote it ("Sở Y tế; Sở Tài chính: …"), given once however many rows repeat it (a collective
 * lead's members often paste the same sentence), with every (agency, task) it came from kept as
 * its sources for `report --json` and the pane.
 */
import type { LetterPara, TextSource } from "./letter";

export interface Quote {
  text: string;
  agencies: string[];
  sources: TextSource[];
}

/** Same text, spaces and case aside. */
const keyOf = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

export class QuoteBook {
  private readonly byText = new Map<string, Quote>();

  /**
   * The quote for `text`, or null when empty or when the text was already given (its new
   * source is added to the first occurrence, which names this agency too).
   */
  add(text: string, agency: string, source: TextSource): Quote | null {
    const t = text.trim();
    if (!t) return null;
    const k = keyOf(t);
    const seen = this.byText.get(k);
    if (seen) {
      if (!seen.agencies.includes(agency)) seen.agencies.push(agency);
      seen.sources.push(source);
      return null;
    }
    const q: Quote = { text: t, agencies: [agency], sources: [source] };
    this.byText.set(k, q);
    return q;
  }
}

/**
 * Paragraphs built after every text has been seen: a quote's attribution lists every agency
 * that wrote it, also those met later.
 */
export type Draft = LetterPara | Quote;

export function materialize(drafts: Draft[]): LetterPara[] {
  return drafts.map((d) =>
    "kind" in d
      ? d
      : {
          kind: "quote" as const,
          // "; " between names: names hold commas ("Sở Văn hóa, Thể thao và Du lịch").
          attribution: `${d.agencies.join("; ")}: `,
          text: d.text,
          sources: d.sources,
        }
  );
}
