/**
 * The rows of one sheet of a return already read, found again by task as the next rows arrive:
 * a row that repeats a task joins the first row of it. A scan of the earlier rows made reading a
 * 300-task sheet quadratic (45,000 comparisons); maps give the same first row in one lookup.
 *
 * Two rows are one task when both have a key and the keys agree (spaces around aside); where
 * either has none, when the earlier row has a task text and both have the same STT and the same
 * text folded (two tasks of a plan may share a text, never with the same STT).
 */
import { foldVietnamese } from "../text/fold";

interface TaskRow {
  key: string;
  stt: string;
  title: string;
}

interface Seen<R> {
  row: R;
  order: number;
}

export class SameTaskRows<R extends TaskRow> {
  private readonly rows: R[] = [];
  private readonly byKey = new Map<string, Seen<R>>();
  /** Rows without a key, by STT and text: the only ones a keyed row can match by text. */
  private readonly keylessByText = new Map<string, Seen<R>>();
  /** Every row by STT and text, made when a row without a key first asks (rare). */
  private readonly byText = new Map<string, Seen<R>>();
  private textIndexed = 0;

  add(row: R): void {
    const seen = { row, order: this.rows.length };
    this.rows.push(row);
    if (row.key) setFirst(this.byKey, row.key.trim(), seen);
    else if (row.title !== "") setFirst(this.keylessByText, textKey(row), seen);
  }

  /** The first row added that is the same task as `row`. */
  first(row: R): R | undefined {
    if (!row.key) return this.textIndex().get(textKey(row))?.row;
    const byKey = this.byKey.get(row.key.trim());
    const byText = this.keylessByText.size ? this.keylessByText.get(textKey(row)) : undefined;
    if (!byText) return byKey?.row;
    return byKey && byKey.order < byText.order ? byKey.row : byText.row;
  }

  private textIndex(): Map<string, Seen<R>> {
    for (; this.textIndexed < this.rows.length; this.textIndexed++) {
      const row = this.rows[this.textIndexed]!;
      if (row.title !== "") setFirst(this.byText, textKey(row), { row, order: this.textIndexed });
    }
    return this.byText;
  }
}

function textKey(row: TaskRow): string {
  return `${row.stt}\u0000${foldVietnamese(row.title)}`;
}

function setFirst<R>(map: Map<string, Seen<R>>, key: string, seen: Seen<R>): void {
  if (!map.has(key)) map.set(key, seen);
}
