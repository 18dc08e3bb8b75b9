/** The STT column: "1", "1.1", "01", "I", "II.", "a)" — what kind of number it is. */

export type SttKind = "roman" | "number" | "dotted" | "letter" | "empty" | "other";

export interface Stt {
  kind: SttKind;
  /** As written, trimmed. */
  text: string;
  /** Without leading zeros or trailing dot: "01" -> "1", "1.01." -> "1.1", "II." -> "II". */
  normalized: string;
}

export function parseStt(raw: string): Stt {
  const text = raw.trim();
  const bare = text.replace(/[.)]$/, "").trim();
  if (bare === "") return { kind: "empty", text, normalized: "" };
  if (/^[IVXLC]+$/.test(bare)) return { kind: "roman", text, normalized: bare };
  if (/^\d+$/.test(bare)) return { kind: "number", text, normalized: String(Number(bare)) };
  if (/^\d+(\.\d+)+$/.test(bare)) {
    return {
      kind: "dotted",
      text,
      normalized: bare
        .split(".")
        .map((p) => String(Number(p)))
        .join("."),
    };
  }
  if (/^[a-zđ]$/.test(bare)) return { kind: "letter", text, normalized: bare };
  return { kind: "other", text, normalized: bare };
}

/** "I. QUÁN TRIỆT…" or "1. Nhóm nhiệm vụ…" typed in a merged STT cell: the number and the title. */
export function splitNumberedTitle(raw: string): { stt: Stt; title: string } | null {
  const m = /^([IVXLC]+|\d+)[.)]\s+(\S[\s\S]*)$/.exec(raw.trim());
  if (!m) return null;
  const [, number = "", title = ""] = m;
  return { stt: parseStt(number), title: title.trim() };
}
