/**
 * Rows of the phụ lục -> groups and tasks. Handles "1 / 1.1" and "I / 1..n" numbering, leading
 * zeros, group rows (title only, Roman numeral, or merged across), rows with an empty STT
 * (numbered automatically, flagged, never dropped) and bullet rows holding several tasks.
 * Three levels (I / 1 / a) or 1.1): a numbered row without details heads its sub-items, each a
 * task titled under it; sub-items without details of their own are lines of the task above.
 */
import type { Finding, Group } from "../model";
import { foldVietnamese, normalizeText } from "../text/fold";
import { alignBullets, splitBullets } from "./bullets";
import { splitRoles } from "./lead-partner-cell";
import { FINDINGS } from "../errors/finding-codes";
import type { ColumnMap } from "./header-columns";
import type { LocatedTable, TableRow } from "./locate-table";
import { Stt, parseStt, splitNumberedTitle } from "./stt";
import { lostTexts, type LostText } from "./text-accounting";

/** A task before its agencies and schedule are interpreted. */
export interface DraftTask {
  key: string;
  stt: string;
  numbered: string;
  group: string;
  title: string;
  leadText: string;
  partnersText: string;
  timeText: string;
  extra: Record<string, string>;
  table: number;
  sourceRow: number;
  needsReview?: boolean;
}

export interface Structure {
  groups: Group[];
  tasks: DraftTask[];
  findings: Finding[];
}

/** Each line normalized (NFC, odd spaces, single spaces), empty lines dropped; "\n" kept between lines. */
function cleanCell(s: string | undefined): string {
  // One line (most cells): normalizeText alone, no split and join.
  if (s === undefined || !s.includes("\n")) return normalizeText(s ?? "");
  return s
    .split(/\r?\n/)
    .map((l) => normalizeText(l))
    .filter((l) => l !== "")
    .join("\n");
}

export function buildStructure(located: LocatedTable, fileName: string): Structure {
  const col = located.columns;
  const rows = located.rows.map((r) => {
    const cells = r.cells.map(cleanCell);
    return { ...r, cells, stt: parseStt(cells[col.stt] ?? "") };
  });
  const sections = sectionRows(rows.map((r) => r.stt));
  // Tasks numbered 1..n under "A", "B" sections are numbered as under Roman groups.
  const hasRoman = sections.size > 0 || rows.some((r) => r.stt.kind === "roman");
  const hasDotted = rows.some((r) => r.stt.kind === "dotted");

  const groups: Group[] = [];
  const tasks: DraftTask[] = [];
  const findings: Finding[] = [];
  const keys = new Set<string>();
  const seenNumbers = new Set<string>();
  let group: { stt: string; numbered: string } | null = null;
  let inGroup = 0; // tasks so far in the current group, for automatic numbers
  let lastFlat = 0; // last top-level task number, for automatic numbers without groups
  let unnumbered = 0; // group rows without a number, numbered (1), (2)…
  // The numbered row above sub-items "a)" or "1.1" (three levels: I / 1 / a): their parent.
  let parent: Parent | null = null;

  const at = (row: TableRow, column: number) => ({
    file: fileName,
    table: row.table,
    row: row.sourceRow,
    column: col.headers[column] ?? "",
  });

  // Lines of a sub-item carried into the task above: what its row became.
  let carried: string | null = null;
  const place = (row: (typeof rows)[number], i: number): void => {
    const cell = (c: number) => (c >= 0 ? (row.cells[c] ?? "") : "");
    let stt = row.stt;
    let title = withDetail(cell(col.title), col.detail === undefined ? "" : cell(col.detail));
    const detailsEmpty = !cell(col.lead) && !cell(col.partners) && !cell(col.time);
    const mergedAcross = row.spans.some(
      (s) =>
        (s.left <= col.title && s.right >= col.lead) || (s.left <= col.stt && s.right >= col.title)
    );
    // "Nhóm nhiệm vụ 1: …" typed in the STT cell of a row merged across (or a note typed
    // there): a title, no number.
    const noteInStt =
      stt.kind === "other" && (NOTE.test(foldVietnamese(stt.text)) || looksLikeGroup(stt.text));
    if (
      stt.kind === "other" &&
      !title &&
      detailsEmpty &&
      (mergedAcross || noteInStt) &&
      !sttIsNumbered(stt)
    ) {
      title = stt.text;
      stt = parseStt("");
    }

    // "I. TITLE" typed in the STT cell of a merged row, or as a line across a sheet that
    // holds the whole plan: a heading either way.
    let heading = false;
    if (stt.kind === "other" && !title && detailsEmpty) {
      const split = splitNumberedTitle(cell(col.stt));
      if (split) {
        stt = split.stt;
        title = split.title;
        heading = true;
      }
    }
    if (!title && detailsEmpty && stt.kind !== "empty") {
      title = row.cells.find((c, k) => k !== col.stt && c !== "") ?? "";
    }

    // "Ghi chú: …", "Tổng cộng: 25 nhiệm vụ" under the tasks: not a task, said so.
    if (stt.kind === "empty" && detailsEmpty && NOTE.test(foldVietnamese(title))) {
      findings.push({
        code: FINDINGS.NOTE_ROW,
        severity: "info",
        message: `dòng "${title.replace(/\n/g, " ")}" là ghi chú hoặc dòng tổng cộng, không phải nhiệm vụ: không nhập.`,
        location: at(row, col.title),
      });
      return;
    }
    // A line of text alone in the STT column ("(tiếp theo)" between two pages of a sheet
    // holding the whole plan): no task to track, said so.
    if (stt.kind === "other" && !title && detailsEmpty) {
      findings.push({
        code: FINDINGS.NOTE_ROW,
        severity: "info",
        message: `dòng "${stt.text.replace(/\n/g, " ")}" chỉ có chữ ở cột "${col.headers[col.stt] ?? ""}", không có nội dung nhiệm vụ: không nhập.`,
        location: at(row, col.stt),
      });
      return;
    }

    const next = rows[i + 1]?.stt;
    const isGroup =
      sections.has(i) ||
      stt.kind === "roman" ||
      (stt.kind === "number" &&
        !hasRoman &&
        (mergedAcross || heading || (detailsEmpty && (hasDotted || (next && isSubItem(next)))))) ||
      (stt.kind === "empty" && detailsEmpty && !!title && (mergedAcross || looksLikeGroup(title)));
    if (isGroup && stt.kind === "empty") {
      unnumbered++;
      stt = { kind: "number", text: "", normalized: `(${unnumbered})` };
    }
    // In "1 / 1.1" numbering, a top-level row that has its own lead is a group with one task
    // (itself): it must not fall into the group above it.
    const selfGroup = stt.kind === "number" && !hasRoman && hasDotted && !isGroup;
    if (isGroup || selfGroup) {
      // A group without a number is known by its automatic one, "(1)".
      const groupStt = stt.text || stt.normalized;
      groups.push({ stt: groupStt, title, sourceRow: row.sourceRow });
      group = { stt: groupStt, numbered: stt.normalized };
      inGroup = 0;
      parent = null;
      if (isGroup) return;
    }

    // Three levels (I / 1 / a) or 1.1): a numbered row with no details of its own whose next
    // row is its sub-item heads its sub-items, each a task titled under it (as a bullet row's
    // introduction is); a sub-item with no details of its own is a line of the task above.
    const child = parent && isChildOf(stt, parent.numbered) ? parent : null;
    if (stt.kind === "number") {
      const heads = hasRoman && detailsEmpty && !!next && isChildOf(next, stt.normalized);
      parent = { stt: stt.text, numbered: stt.normalized, title, heads, firstTask: tasks.length };
      if (heads) {
        lastFlat = Number(stt.normalized);
        return;
      }
    } else if (child && !child.heads && detailsEmpty && tasks.length > child.firstTask) {
      const above = tasks[tasks.length - 1];
      if (above) {
        carried = `${stt.text} ${title}`;
        above.title += `\n${carried}`;
        findings.push({
          code: FINDINGS.SUBITEM_IN_TASK,
          severity: "info",
          message:
            `mục "${stt.text}" không có đơn vị chủ trì, phối hợp hay thời gian riêng nên được ` +
            `ghi vào nội dung nhiệm vụ "${child.stt}" ở trên, không thành nhiệm vụ riêng.`,
          location: at(row, col.stt),
        });
        return;
      }
    }

    // A task row.
    inGroup++;
    let numbered = stt.normalized;
    if (stt.kind === "empty") {
      numbered = hasDotted && group ? `${group.numbered}.(${inGroup})` : `(${lastFlat + 1})`;
      if (!(hasDotted && group)) lastFlat++;
      findings.push({
        code: FINDINGS.STT_EMPTY,
        severity: "warning",
        message: `nhiệm vụ không có số thứ tự, đã tự đánh số ${numbered}. Hãy kiểm tra lại.`,
        location: at(row, col.stt),
      });
    } else if (stt.kind === "number") {
      lastFlat = Number(stt.normalized);
    } else if (stt.kind === "letter" && child) {
      numbered = `${child.numbered}.${stt.normalized}`;
      if (child.heads) title = underHeading(child.title, title);
    } else if (child?.heads) {
      title = underHeading(child.title, title);
    } else if (stt.kind === "letter" && group) {
      numbered = `${group.numbered}.${stt.normalized}`;
    } else if (isSubItem(stt) && group) {
      numbered = `${group.numbered}.(${inGroup})`;
    }

    // One STT merged down over rows of their own (a Word table): 1a, 1b as a bullet row's.
    const sharedStt = row.shared?.[col.stt];
    if (sharedStt && stt.kind !== "empty") numbered += letter(sharedStt.index);

    const scope = `${group?.numbered ?? ""}|${numbered}`;
    if (stt.kind !== "empty" && seenNumbers.has(scope)) {
      findings.push({
        code: FINDINGS.STT_DUPLICATE,
        severity: "warning",
        message: `số thứ tự "${stt.text}" bị trùng với một nhiệm vụ phía trên.`,
        location: at(row, col.stt),
      });
    }
    seenNumbers.add(scope);

    if (!group) {
      findings.push({
        code: FINDINGS.TASK_WITHOUT_GROUP,
        severity: "warning",
        message: `nhiệm vụ "${stt.text || numbered}" không thuộc nhóm nhiệm vụ nào.`,
        location: at(row, col.stt),
      });
    }

    for (const t of splitRow(row, col, stt, numbered, title, findings, at)) {
      const base = `T${t.numbered}`;
      // Numbering restarted in each Roman group ("II" / "1"): qualify with the group.
      let key =
        keys.has(base) && group && !t.numbered.startsWith(`${group.numbered}.`)
          ? `T${group.numbered}.${t.numbered}`
          : base;
      for (let k = 2; keys.has(key); k++) key = `${base}-${k}`;
      keys.add(key);
      tasks.push({ ...t, key, group: group?.stt ?? "" });
    }
  };
  // What each row became, checked against its cells: no word dropped without a finding.
  const placed = rows.map((row, i) => {
    const before = { tasks: tasks.length, groups: groups.length, findings: findings.length };
    carried = null;
    place(row, i);
    return [
      ...tasks
        .slice(before.tasks)
        .flatMap((t) => [
          t.stt,
          t.numbered,
          t.title,
          t.leadText,
          t.partnersText,
          t.timeText,
          ...Object.values(t.extra),
        ]),
      ...groups.slice(before.groups).flatMap((g) => [g.stt, g.title]),
      ...findings.slice(before.findings).flatMap((f) => [f.message, f.subject ?? ""]),
      ...(carried === null ? [] : [carried]),
    ];
  });
  for (const lost of lostTexts(rows, placed)) {
    const row = rows[lost.row];
    if (row) findings.push(textNotImported(lost, at(row, lost.column), col));
  }
  return { groups, tasks, findings };
}

type TaskPart = Omit<DraftTask, "key" | "group">;

/**
 * Rows of "A", "B", "C"… sections (above Roman groups or numbered tasks): the letters in order
 * from "A", at least two of them, so "C" there is not a Roman hundred and "I" stays Roman.
 */
function sectionRows(stts: Stt[]): Set<number> {
  const found = new Set<number>();
  let expected = "A";
  stts.forEach((stt, i) => {
    if (stt.normalized === expected && /^[A-Z][.)]?$/.test(stt.text)) {
      found.add(i);
      expected = String.fromCharCode(expected.charCodeAt(0) + 1);
    }
  });
  return found.size >= 2 ? found : new Set();
}

/** A sub-item's STT: "a)" or a dash; the row above it that has no details is its group. */
function isSubItem(stt: Stt): boolean {
  return stt.kind === "letter" || (stt.kind === "other" && /^[-–+•*]$/.test(stt.normalized));
}

/** A numbered task row that sub-items "a)", "1.1" may follow. */
interface Parent {
  stt: string;
  numbered: string;
  title: string;
  /** No details of its own, its sub-items follow: a heading, not a task. */
  heads: boolean;
  /** Index of its first task among the tasks (none when it heads). */
  firstTask: number;
}

/** "a)" under any numbered row; "1.2" under "1". */
function isChildOf(stt: Stt, parentNumber: string): boolean {
  return (
    stt.kind === "letter" ||
    (stt.kind === "dotted" && stt.normalized.split(".").slice(0, -1).join(".") === parentNumber)
  );
}

/** A sub-item's title under its heading: "Tuyên truyền trên báo chí: Báo in". */
function underHeading(heading: string, title: string): string {
  if (!heading) return title;
  return /[:.]$/.test(heading) ? `${heading} ${title}` : `${heading}: ${title}`;
}

/**
 * The task column's text with the second task column's under it ("Tuyên truyền đối ngoại:
 * Đăng tin trên báo"); bullets there stay bullets under the first as their introduction.
 */
function withDetail(title: string, detail: string): string {
  if (!detail) return title;
  if (!title) return detail;
  return /^[-–—+•]/.test(detail) ? `${title}\n${detail}` : underHeading(title, detail);
}

/** "I. …" / "1. …" typed in the STT cell (splitNumberedTitle reads those). */
function sttIsNumbered(stt: Stt): boolean {
  return splitNumberedTitle(stt.text) !== null;
}

/** A note or total under the tasks ("Ghi chú: …", "Tổng cộng"): never a group. */
const NOTE = /^(ghi chu|luu y|tong cong|tong so)\b/;

/** A title-only row without a number that names a group: "Nhóm nhiệm vụ …", or in capitals. */
function looksLikeGroup(title: string): boolean {
  const folded = foldVietnamese(title);
  if (/^(nhom|linh vuc|phan|chuong|muc)\b/.test(folded)) return true;
  return /\p{L}{3}/u.test(title) && title === title.toLocaleUpperCase("vi");
}

/** One row -> one task, or several when the title holds bullets. */
function splitRow(
  row: TableRow,
  col: ColumnMap,
  stt: Stt,
  numbered: string,
  title: string,
  findings: Finding[],
  at: (row: TableRow, column: number) => Finding["location"]
): TaskPart[] {
  const cell = (c: number) => (c >= 0 ? (row.cells[c] ?? "") : "");
  const extraOf = (values: (c: number) => string) =>
    Object.fromEntries(col.extras.map((e) => [e.header, values(e.index)]));
  const whole: TaskPart = {
    stt: stt.text,
    numbered,
    title,
    leadText: cell(col.lead),
    partnersText: cell(col.partners),
    timeText: cell(col.time),
    extra: extraOf(cell),
    table: row.table,
    sourceRow: row.sourceRow,
  };
  // No partner given apart: the lead cell may name both roles ("Chủ trì: …; Phối hợp: …").
  const roles = whole.partnersText ? null : splitRoles(whole.leadText);
  if (roles) {
    whole.leadText = roles.lead;
    whole.partnersText = roles.partners;
  }
  const shared = col.partners >= 0 ? row.shared?.[col.partners] : undefined;
  if (shared) {
    // One partner cell merged over several tasks: one line per task, or one value for all;
    // any other count cannot be divided without guessing (DOMAIN.md): flagged, none given.
    const lines = agencyLines(whole.partnersText);
    const own = lines.length === shared.count ? lines[shared.index] : undefined;
    if (own !== undefined) whole.partnersText = own;
    else if (lines.length > 1) {
      if (shared.index === 0)
        findings.push({
          code: FINDINGS.BULLET_MISMATCH,
          severity: "warning",
          message:
            `ô "${col.headers[col.partners]}" gộp cho ${shared.count} nhiệm vụ ` +
            `ghi ${lines.length} dòng (${lines.map((l) => `"${l}"`).join("; ")}): không rõ đơn vị ` +
            `nào phối hợp nhiệm vụ nào, nên chưa giao cho nhiệm vụ nào. Hãy ghi đơn vị phối hợp ` +
            `cho từng nhiệm vụ.`,
          location: at(row, col.partners),
        });
      whole.partnersText = "";
      whole.needsReview = true;
    }
  }
  const bullets = splitBullets(title);
  const n = bullets.items.length;
  if (n < 2) return [whole];

  // Each other cell: one bullet per task, or one value for all; otherwise keep it whole.
  const others = [col.lead, col.partners, col.time, ...col.extras.map((e) => e.index)].filter(
    (c) => c >= 0
  );
  const aligned = new Map<number, string[]>();
  const mismatched: number[] = [];
  for (const c of others) {
    const values = alignBullets(cell(c), n);
    if (values) aligned.set(c, values);
    else mismatched.push(c);
  }
  // Partners that cannot be divided among the tasks are given to none (never all to all).
  const partnersUndivided = mismatched.includes(col.partners);
  const kept = mismatched.filter((c) => c !== col.partners);
  const firstKept = kept[0];
  if (firstKept !== undefined) {
    findings.push({
      code: FINDINGS.BULLET_MISMATCH,
      severity: "warning",
      message:
        `cột Nhiệm vụ có ${n} gạch đầu dòng nhưng cột ` +
        kept.map((c) => `"${col.headers[c]}"`).join(", ") +
        ` có số gạch đầu dòng khác. Đã tách thành ${n} nhiệm vụ và giữ nguyên cả ô cho từng nhiệm vụ; cần rà soát lại.`,
      location: at(row, firstKept),
    });
  }
  if (partnersUndivided) {
    const lines = agencyLines(cell(col.partners));
    findings.push({
      code: FINDINGS.BULLET_MISMATCH,
      severity: "warning",
      message:
        `cột Nhiệm vụ có ${n} gạch đầu dòng nhưng ô ` +
        `"${col.headers[col.partners]}" ghi ${lines.length} dòng (${lines.map((l) => `"${l}"`).join("; ")}): ` +
        `không rõ đơn vị nào phối hợp nhiệm vụ nào, nên chưa giao cho nhiệm vụ nào. Hãy ghi ` +
        `đơn vị phối hợp cho từng nhiệm vụ.`,
      location: at(row, col.partners),
    });
  }
  // No other column has one bullet per item (one lead, one time for all): the plan does not
  // say these are several tasks; a Word list of points of one task reads the same. Said so.
  const confirmed = others.some((c) => splitBullets(cell(c)).items.length === n);
  if (!confirmed && mismatched.length === 0) {
    findings.push({
      code: FINDINGS.BULLETS_SPLIT,
      severity: "info",
      message:
        `ô "${col.headers[col.title] ?? ""}" có ${n} gạch đầu dòng, các cột khác ghi chung: đã ` +
        `tách thành ${n} nhiệm vụ (${bullets.items.map((_, k) => numbered + letter(k)).join(", ")}) ` +
        `cùng đơn vị và thời gian. Nếu đây là các ý của một nhiệm vụ, hãy gộp lại.`,
      location: at(row, col.title),
    });
  }
  const valueOf = (c: number, k: number) =>
    c < 0 || (c === col.partners && partnersUndivided) ? "" : (aligned.get(c)?.[k] ?? cell(c));
  return bullets.items.map((item, k) => ({
    ...whole,
    numbered: numbered + letter(k),
    title: bullets.intro ? `${bullets.intro} ${item}` : item,
    leadText: valueOf(col.lead, k),
    partnersText: valueOf(col.partners, k),
    timeText: valueOf(col.time, k),
    extra: extraOf((c) => valueOf(c, k)),
    ...(mismatched.length ? { needsReview: true } : {}),
  }));
}

/**
 * The agencies of a cell one per line: its bullets, else its lines, a line starting in lower
 * case continuing the one above ("Sở Văn hóa, Thể thao\nvà Du lịch" is one name).
 */
function agencyLines(cellText: string): string[] {
  const b = splitBullets(cellText);
  if (b.items.length > 0) return b.items;
  const out: string[] = [];
  for (const line of cellText.split("\n").map((l) => l.trim().replace(/[;,.]$/, ""))) {
    if (!line) continue;
    const c = line.charAt(0);
    if (out.length && c === c.toLowerCase() && c !== c.toUpperCase())
      out[out.length - 1] += ` ${line}`;
    else out.push(line);
  }
  return out;
}

/** a, b, … z, then aa, ab … for the rare very long bullet list. */
function letter(k: number): string {
  const a = "abcdefghijklmnopqrstuvwxyz";
  return k < 26 ? a.charAt(k) : a.charAt(Math.floor(k / 26) - 1) + a.charAt(k % 26);
}

/** Words of a cell that reached no task, group or finding: said, with the cell, never lost. */
function textNotImported(lost: LostText, location: Finding["location"], col: ColumnMap): Finding {
  const text = lost.text.replace(/\s+/g, " ").trim();
  const shown = text.length > 120 ? `${text.slice(0, 117)}…` : text;
  const header = col.headers[lost.column] ?? "";
  return {
    code: FINDINGS.TEXT_NOT_IMPORTED,
    severity: "warning",
    message:
      `chữ "${shown}" trong bảng ${header ? `(cột "${header}") ` : "(cột không có tiêu đề) "}` +
      `không vào nhiệm vụ, nhóm hay ghi chú nào khi nhập (thiếu: ${lost.words.join(" ")}). ` +
      "Hãy kiểm tra và ghi vào nhiệm vụ nếu cần.",
    location,
    subject: text,
  };
}
