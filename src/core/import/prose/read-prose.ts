/**
 * Tasks assigned in prose: in the section "TỔ CHỨC THỰC HIỆN", each agency heading starts a
 * group; each paragraph or bullet under it is a task led by that agency (a paragraph starting
 * in lowercase continues the task above: page-wrapped text). Partners and time come from the
 * task's words (task-words.ts). "Đề nghị …" headings give requests, not assignments.
 * Drafts go through the same agency matching and schedule parsing as table rows.
 */
import type { Finding, Group, TaskKind } from "../../model";
import type { Paragraph } from "../../readers/paragraph";
import type { AgencyDirectory } from "../../agency/directory";
import { foldVietnamese, normalizeText } from "../../text/fold";
import { FINDINGS } from "../../errors/finding-codes";
import type { ColumnMap } from "../header-columns";
import type { DraftTask } from "../structure";
import { classifyProseLine, type ProseLine } from "./prose-heading";
import { findProseSections, isClosing, type ProseSection } from "./prose-section";
import { readTaskWords, timeWords } from "./task-words";

/** The column names prose tasks are reported under, as if they had been a table. */
export const PROSE_COLUMNS: ColumnMap = {
  stt: 0,
  title: 1,
  lead: 2,
  partners: 3,
  time: 4,
  extras: [],
  headers: ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
};

/** Written when a task names no time: recurring over the plan's period. */
export const ASSUMED_TIME = "Hằng năm";

export interface ProseDraft extends DraftTask {
  kind: TaskKind;
  /** No time words in the task: ASSUMED_TIME was given. */
  timeAssumed: boolean;
}

export interface ProseRead {
  /** The section read (or the first found, when none had agency headings); null: none. */
  section: ProseSection | null;
  /** Title of that section as written ("IV. TỔ CHỨC THỰC HIỆN"). */
  sectionTitle: string;
  groups: Group[];
  tasks: ProseDraft[];
  findings: Finding[];
}

type HeadingKind = "num" | "dotted" | "letter" | "list" | "bold" | "plain";

interface Open {
  group: Group;
  agency: string;
  request: boolean;
  kind: HeadingKind;
  tasks: ProseDraft[];
}

export function readProse(
  paragraphs: Paragraph[],
  dir: AgencyDirectory,
  fileName: string
): ProseRead {
  const sections = findProseSections(paragraphs);
  let fallback: ProseRead | null = null;
  for (const section of sections) {
    const read = readSection(paragraphs, section, dir, fileName);
    if (read.groups.length > 0) return read;
    fallback ??= read;
  }
  return fallback ?? { section: null, sectionTitle: "", groups: [], tasks: [], findings: [] };
}

function readSection(
  paragraphs: Paragraph[],
  section: ProseSection,
  dir: AgencyDirectory,
  fileName: string
): ProseRead {
  const groups: Group[] = [];
  const tasks: ProseDraft[] = [];
  const findings: Finding[] = [];
  const at = (p: Paragraph, column = 1) => ({
    file: fileName,
    row: p.line,
    column: PROSE_COLUMNS.headers[column],
  });
  let open: Open | null = null;
  let skipped: { under: string; paragraphs: Paragraph[] } = { under: "", paragraphs: [] };

  const flushSkipped = () => {
    const ps = skipped.paragraphs;
    const head = ps[0];
    if (head) {
      const first = normalizeText(head.text).slice(0, 80);
      findings.push({
        code: FINDINGS.PROSE_TEXT_SKIPPED,
        severity: "info",
        message:
          `${ps.length} đoạn (từ dòng ${head.line}, "${first}…") ` +
          (skipped.under
            ? `dưới đề mục "${skipped.under}" (không phải tên cơ quan)`
            : "ở đầu phần tổ chức thực hiện, trước tên cơ quan đầu tiên,") +
          " không được coi là nhiệm vụ.",
        location: at(head),
      });
    }
    skipped = { under: "", paragraphs: [] };
  };
  const close = () => {
    if (open && open.tasks.length === 0) {
      findings.push({
        code: FINDINGS.PROSE_HEADING_EMPTY,
        severity: "warning",
        message: `Mục "${open.group.title}" (dòng ${open.group.sourceRow}) không có nhiệm vụ nào bên dưới.`,
        location: { file: fileName, row: open.group.sourceRow, column: "Nhiệm vụ" },
      });
    }
    open = null;
  };
  const addTask = (o: Open, text: string, p: Paragraph) => {
    const n = o.tasks.length + 1;
    const numbered = `${o.group.stt}.${n}`;
    const words = readTaskWords(text, dir);
    const swapped = words.leadInstead.length > 0;
    const time = timeWords(text);
    const task: ProseDraft = {
      key: `T${numbered}`,
      stt: numbered,
      numbered,
      group: o.group.stt,
      title: text,
      leadText: swapped ? words.leadInstead.join("; ") : o.agency,
      partnersText: (swapped ? [o.agency, ...words.partners] : words.partners).join("; "),
      timeText: time || ASSUMED_TIME,
      extra: {},
      table: 0,
      sourceRow: p.line,
      kind: o.request ? "request" : "assignment",
      timeAssumed: time === "",
    };
    if (swapped) {
      findings.push({
        code: FINDINGS.PROSE_LEAD_SWAPPED,
        severity: "info",
        message:
          `nhiệm vụ ${numbered} ghi "Phối hợp với ${words.leadInstead.join(", ")}" nên ` +
          `${words.leadInstead.join(", ")} chủ trì, ${o.agency} phối hợp. Hãy kiểm tra lại.`,
        location: at(p, 2),
      });
    }
    o.tasks.push(task);
    tasks.push(task);
  };

  let ended: Paragraph | null = null;
  let reporting = false;
  const body = unwrap(paragraphs.slice(section.from, section.to), dir);
  for (const p of body) {
    if (isClosing(p.text)) {
      ended = p;
      break;
    }
    let line: ProseLine = classifyProseLine(p, dir);
    // "3. Chế độ báo cáo: các sở báo cáo … trước ngày 15/12": how results come back, not a
    // task; skipped (and said) up to the next numbered item.
    const reportingTitle = reportingHeading(p.text);
    if (reportingTitle) {
      flushSkipped();
      close();
      skipped.under = reportingTitle;
      skipped.paragraphs.push(p);
      reporting = true;
      continue;
    }
    if (reporting) {
      const numbered = line.type !== "text" ? line.label !== "" : line.label !== "" && !line.bullet;
      if (!numbered) {
        skipped.paragraphs.push(p);
        continue;
      }
      reporting = false;
      flushSkipped();
    }
    const kind = headingKind(p, line);
    // A differently numbered non-agency line inside an agency's part is one of its tasks.
    if (line.type === "other-heading" && open && kind !== open.kind) {
      line = { type: "text", text: line.heading, bullet: false, label: line.label };
    }
    if (line.type === "agency") {
      flushSkipped();
      close();
      const stt = uniqueStt(line.label, groups);
      const group: Group = { stt, title: line.heading, sourceRow: p.line };
      groups.push(group);
      open = { group, agency: line.agency, request: line.request, kind, tasks: [] };
      if (line.inline) addTask(open, capitalise(line.inline), p);
    } else if (line.type === "other-heading") {
      flushSkipped();
      close();
      skipped.under = line.heading;
    } else if (!open) {
      skipped.paragraphs.push(p);
    } else {
      const o: Open = open;
      const last = o.tasks[o.tasks.length - 1];
      const continues =
        last && !line.bullet && !line.label && !p.list && startsLowercase(line.text);
      if (continues) last.title = `${last.title} ${line.text}`;
      else addTask(o, line.text, p);
    }
  }
  flushSkipped();
  close();
  if (ended && groups.length > 0) {
    findings.push({
      code: FINDINGS.PROSE_TEXT_SKIPPED,
      severity: "info",
      message: `Từ dòng ${ended.line} ("${normalizeText(ended.text).slice(0, 60)}…") là phần kết của kế hoạch, không phải nhiệm vụ.`,
      location: at(ended),
    });
  }
  const heading = paragraphs[section.title];
  if (!heading) throw new Error(`readSection: section title ${section.title} outside the text`);
  return {
    section,
    sectionTitle: normalizeText(heading.text.replace(/\*\*/g, "")),
    groups,
    tasks,
    findings,
  };
}

/**
 * Paragraphs joined where the plan's text was wrapped by hand (a PDF or web copy breaks every
 * line): a paragraph continues the one before when it starts in lowercase, or when the one
 * before ends mid-sentence and is not an agency heading on its own. A numbered, bulleted or
 * list paragraph always starts anew.
 */
function unwrap(paragraphs: Paragraph[], dir: AgencyDirectory): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    const text = normalizeText(p.text);
    const starts =
      p.list !== undefined ||
      /^[-–—+•*]/.test(text) ||
      /^(\d{1,2}(\.\d{1,2})*|[a-zđ])\s*[.)]\s/u.test(text) ||
      isClosing(text) ||
      (p.bold === true && prev?.bold !== true);
    const prevText = prev ? normalizeText(prev.text) : "";
    const prevOpen = !/[.;:!?…)"”]$/.test(prevText);
    const prevLine = prev ? classifyProseLine(prev, dir) : null;
    const joins =
      prev !== undefined &&
      !starts &&
      (startsLowercase(text) ||
        // A heading wrapped before its colon: "1. Giám đốc các sở; Chủ tịch" / "UBND các huyện:".
        (prevOpen && text.endsWith(":") && text.split(" ").length <= 12) ||
        (prevOpen &&
          (prevLine?.type === "text" || (prevLine?.type === "agency" && prevLine.inline !== ""))));
    if (joins) out[out.length - 1] = { ...prev, text: `${normalizeText(prev.text)} ${text}` };
    else out.push(p);
  }
  return out;
}

/** "Chế độ báo cáo", "Chế độ thông tin, báo cáo" (numbered or not): the title as written, or null. */
function reportingHeading(text: string): string | null {
  const t = normalizeText(text.replace(/\*\*/g, "")).replace(
    /^(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[IVX]+)\s*[.)]\s*/iu,
    ""
  );
  // Folded, so "CHẾ ĐỘ BÁO CÁO", "Che do bao cao", "Về chế độ báo cáo, thống kê" are one heading.
  const m =
    /^((?:ve )?(?:che do (?:thong tin,?\s*)?bao cao(?:,?\s*(?:thong ke|thong tin))?|thong tin,?\s*bao cao))(?![\p{L}\d])/u.exec(
      foldVietnamese(t)
    );
  // The match is the heading (the group is all of it): as many words of `t`.
  return m ? t.split(" ").slice(0, m[0].split(" ").length).join(" ").replace(/[,:]$/, "") : null;
}

function headingKind(p: Paragraph, line: ProseLine): HeadingKind {
  const label = line.type === "text" ? line.label : line.label;
  // "1.2." under "1. Sở X" is one of its tasks, never a heading of the same level.
  if (label) return label.includes(".") ? "dotted" : /^\d/.test(label) ? "num" : "letter";
  if (p.list === "number" || p.list === "unknown") return "list";
  return p.bold ? "bold" : "plain";
}

/** The heading's own number when it is new, else the next free number. */
function uniqueStt(label: string, groups: Group[]): string {
  const used = new Set(groups.map((g) => g.stt));
  if (label && !used.has(label)) return label;
  let n = groups.length + 1;
  while (used.has(String(n))) n++;
  return String(n);
}

function startsLowercase(s: string): boolean {
  const c = s.charAt(0);
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
