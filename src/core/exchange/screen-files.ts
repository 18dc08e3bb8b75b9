/**
 * Consolidation, step 1 — which returned files are reports to merge: lock files, unreadable
 * files, tracking workbooks, files without a task table, another plan or year, identities that
 * contradict themselves, unknown agencies or agencies without tasks this year, files older than
 * what an earlier consolidation merged. Each refusal carries its Vietnamese reason; the accepted
 * files come back newest first (the first file to report a task wins it).
 */
import type { AgencyDirectory } from "../agency/directory";
import { capitalized, placeText } from "../finding-place";
import { formatViDate as vi, localDateTime } from "../text/dates";
import { foldVietnamese } from "../text/fold";
import { INTAKE_OUTCOMES, SHEETS } from "../workbook/columns";
import type { TrackingWorkbook } from "../workbook/tracking-model";
import type { Received, Rejected, RejectCode, ReturnedFile } from "./consolidation-model";
import type { AgencyAssignment } from "./distribution-plan";
import type { IntakeRow } from "./intake-sheet";
import { readReport, type ReportRead } from "./read-report";
import { reportAgency } from "./report-agency";
import {
  identityClash,
  identityNamesText,
  rowsOfAnother,
  trackingWorkbookSheets,
} from "./screen-returned";

/** A file taken for merging: what was read, whose it is, and what it will count for. */
export interface Accepted {
  file: ReturnedFile;
  read: ReportRead;
  agency: string;
  received: Received;
  /** Sort key, newest first: report date, time saved (the file's own, else on disk), time on disk. */
  recency: [string, number, number];
  /** Something in the file differs from what was distributed (or, without that, any value). */
  filled: boolean;
  /** The master rows (lead) and tasks (partner) its rows matched, across files counted once. */
  matchedTasks: Set<string>;
  /** The agency's words that land in no task row, each with where: kept in "Tiếp nhận". */
  outside: string[];
}

/** The master's agencies as this consolidation resolves names (the year's successors). */
export interface ConsolidationAgencies {
  dir: AgencyDirectory;
  resolve: (name: string) => string[];
  /** Agencies with tasks this year (lead or partner). */
  expected: Map<string, AgencyAssignment>;
}

const planKey = (s: string) => foldVietnamese(s).replace(/\s+/g, "");

export function screenFiles(
  master: TrackingWorkbook,
  files: ReturnedFile[],
  o: { year: number; previousIntake: IntakeRow[] },
  { dir, resolve, expected }: ConsolidationAgencies
): { accepted: Accepted[]; rejected: Rejected[] } {
  const expectedNames = new Set(expected.keys());
  const rejected: Rejected[] = [];
  const accepted: Accepted[] = [];
  const previousDate = new Map<string, string>();
  const previousLine = new Map<string, IntakeRow>();
  for (const p of o.previousIntake) {
    if (p.year !== o.year || p.outcome !== INTAKE_OUTCOMES.received) continue;
    if (p.reportDate) previousDate.set(p.agency, p.reportDate);
    previousLine.set(p.agency, p);
  }

  const reject = (file: string, code: RejectCode, message: string, agency?: string) =>
    rejected.push({ file, code, message, ...(agency ? { agency } : {}) });

  for (const f of files) {
    const base = f.file.replace(/^.*[\\/]/, "");
    if (base.startsWith("~$")) {
      reject(
        f.file,
        "LOCK_FILE",
        `Tệp "${f.file}" là tệp khoá tạm của Excel (tệp đang mở), không phải báo cáo: bỏ qua. Hãy đóng Excel rồi dùng tệp gốc.`
      );
      continue;
    }
    if (f.duplicateOf !== undefined) {
      // Counted once: twice would list the agency's file twice and double its matched rows.
      reject(
        f.file,
        "DUPLICATE_FILE",
        f.duplicateOf === f.file
          ? `Tệp "${f.file}" được chọn hai lần: chỉ tổng hợp một lần.`
          : `Tệp "${f.file}" giống hệt tệp "${f.duplicateOf}" (cùng nội dung): chỉ tổng hợp một lần, theo tệp "${f.duplicateOf}".`
      );
      continue;
    }
    if (f.error || !f.cells) {
      const code = (
        ["CORRUPT", "LEGACY_XLS", "OPENDOCUMENT", "ENCRYPTED"].includes(f.error?.code ?? "")
          ? f.error!.code
          : "UNREADABLE"
      ) as RejectCode;
      reject(f.file, code, f.error?.message ?? `Tệp "${f.file}" không đọc được.`);
      continue;
    }
    const tracking = trackingWorkbookSheets(f.cells);
    if (tracking) {
      reject(
        f.file,
        "TRACKING_WORKBOOK",
        `Tệp "${f.file}" là một sổ theo dõi (có các trang ${tracking.map((n) => `"${n}"`).join(", ")}), không phải báo cáo của một đơn vị: không tổng hợp. Nếu đó là bản tổng hợp lần trước, hãy mở nó làm sổ theo dõi thay vì để trong thư mục báo cáo.`
      );
      continue;
    }
    const read = readReport(f.cells, f.file);
    const id = read.identity;
    if (!id && read.rows.length === 0) {
      reject(
        f.file,
        "NOT_A_REPORT",
        `Tệp "${f.file}" không có bảng nhiệm vụ: cần một cột nội dung nhiệm vụ ("Nhiệm vụ", "Nội dung") và ít nhất một cột kết quả ("Trạng thái", "Kết quả thực hiện"…).`
      );
      continue;
    }
    const masterPlan = master.plan.number ?? "";
    const filePlan = id?.planNumber || planInText(read.titleText);
    if (filePlan && masterPlan && planKey(filePlan) !== planKey(masterPlan)) {
      reject(
        f.file,
        "OTHER_PLAN",
        `Tệp "${f.file}" là báo cáo của Kế hoạch ${filePlan}, không phải Kế hoạch ${masterPlan} của sổ này.`
      );
      continue;
    }
    const fileYear = id?.year ?? yearInText(read.titleText, o.year);
    if (fileYear !== null && fileYear !== o.year) {
      reject(
        f.file,
        "OTHER_YEAR",
        `Tệp "${f.file}" là báo cáo năm ${fileYear}, không phải năm ${o.year} đang tổng hợp.`
      );
      continue;
    }
    const clash = identityClash(read, f.file, dir, resolve);
    if (clash) {
      // Set aside for the officer: whichever name is right, merging would put one agency's
      // values into another's rows. The visible names say whose file the officer holds.
      const shown = [clash.line, clash.title, clash.fileName]
        .map((n) => (n ? resolve(n) : []))
        .find((r) => r.length === 1)?.[0];
      reject(
        f.file,
        "IDENTITY_MISMATCH",
        `Tệp "${f.file}" ghi tên đơn vị không khớp nhau (${identityNamesText(clash)}): để riêng, không tổng hợp. Hãy hỏi lại đơn vị gửi tệp đúng của mình.`,
        shown && expected.has(shown) ? shown : undefined
      );
      continue;
    }
    const found = reportAgency(read, f.file, dir, resolve, expectedNames);
    if (!found) {
      reject(
        f.file,
        "UNKNOWN_AGENCY",
        `Tệp "${f.file}": không xác định được đơn vị gửi (không có mã báo cáo, tiêu đề, tên tệp hay cột đơn vị chủ trì nêu một đơn vị trong danh mục "${SHEETS.agencies}"). Hãy ghi tên đơn vị ở đầu trang hoặc trong tên tệp.`
      );
      continue;
    }
    if (!found.known) {
      reject(
        f.file,
        "UNKNOWN_AGENCY",
        `Tệp "${f.file}" ghi đơn vị "${found.agency}", không có trong danh mục "${SHEETS.agencies}" của sổ.`
      );
      continue;
    }
    const another =
      found.from === "title" || found.from === "file"
        ? rowsOfAnother(read, found.agency, master, expected)
        : null;
    if (another) {
      reject(
        f.file,
        "ROWS_OF_ANOTHER_AGENCY",
        `Tệp "${f.file}" mang tên ${found.agency} (${found.from === "file" ? "tên tệp" : "tiêu đề"}) nhưng chỉ ${another.mine}/${another.rows} nhiệm vụ trong bảng là của ${found.agency}; cả ${another.rows} đều là nhiệm vụ của ${another.others.slice(0, 3).join(", ")}${another.others.length > 3 ? ` và ${another.others.length - 3} đơn vị khác` : ""}: có thể là báo cáo của đơn vị khác bị đặt nhầm tên. Để riêng, không tổng hợp; hãy hỏi lại đơn vị gửi tệp đúng của mình.`,
        found.agency
      );
      continue;
    }
    if (!expected.has(found.agency)) {
      reject(
        f.file,
        "AGENCY_NOT_IN_PLAN",
        `Tệp "${f.file}" của ${found.agency}: đơn vị này không chủ trì hay phối hợp nhiệm vụ nào của năm ${o.year} trong sổ.`,
        found.agency
      );
      continue;
    }
    const before = previousDate.get(found.agency);
    if (before && read.reportDate && read.reportDate < before) {
      reject(
        f.file,
        "OLDER_THAN_MERGED",
        `Tệp "${f.file}" của ${found.agency} đề ngày ${vi(read.reportDate)}, cũ hơn báo cáo ngày ${vi(before)} đã tổng hợp trước đây: không dùng.`,
        found.agency
      );
      continue;
    }
    const merged = previousLine.get(found.agency);
    // When the agency last saved it: the time the file itself records (core.xml); the time on
    // disk is only a stand-in (a download, a copy from a USB stick makes it new).
    const saved = savedMs(f);
    const edited = saved ? localStamp(saved) : f.mtime ? localStamp(f.mtime) : "";
    if (
      !read.reportDate &&
      merged &&
      edited &&
      merged.consolidatedAt &&
      edited < merged.consolidatedAt &&
      !merged.file.split("; ").includes(f.file)
    ) {
      // Undated, and last saved before a consolidation that took another file of this agency:
      // that file was the newer report; this one would put older values back over it.
      reject(
        f.file,
        "OLDER_THAN_MERGED",
        `Tệp "${f.file}" của ${found.agency} không ghi ngày báo cáo và ${saved ? "được lưu lần cuối lúc" : "có thời gian trên máy"} ${stampVi(edited)}, trước lần tổng hợp ${stampVi(merged.consolidatedAt)} đã dùng tệp "${merged.file}": không dùng.${saved ? "" : " (Tệp không ghi thời điểm lưu nên dùng thời gian trên máy, có thể là lúc chép hay tải về.)"} Nếu đây là báo cáo mới, hãy ghi "Ngày báo cáo" trong tệp rồi tổng hợp lại.`,
        found.agency
      );
      continue;
    }
    accepted.push({
      file: f,
      read,
      agency: found.agency,
      recency: [read.reportDate ?? "", savedMs(f) ?? f.mtime ?? 0, f.mtime ?? 0],
      filled: false,
      matchedTasks: new Set(),
      outside: read.outside.map(
        (o) =>
          `${capitalized(placeText({ file: f.file, sheet: o.sheet, row: o.from }, { file: true }))}${o.to > o.from ? `–${o.to}` : ""}: ${o.text}`
      ),
      received: {
        file: f.file,
        agency: found.agency,
        agencyFrom: found.from,
        rows: read.rows.length,
        matched: 0,
        method: id ? "identity" : "headers",
        confidence: 1,
        reportDate: read.reportDate,
        warnings: [...read.warnings],
        ignoredColumns: read.ignoredColumns,
        empty: false,
      },
    });
  }

  // Newest first: the first file to report a task wins it.
  accepted.sort((a, b) =>
    a.recency[0] !== b.recency[0]
      ? a.recency[0] < b.recency[0]
        ? 1
        : -1
      : b.recency[1] - a.recency[1] || b.recency[2] - a.recency[2]
  );
  sayWhichFirst(accepted);
  return { accepted, rejected };
}

/** When the agency saved the file, as the file says (core.xml), in ms. */
function savedMs(f: ReturnedFile): number | undefined {
  const ms = f.cells?.savedAt ? Date.parse(f.cells.savedAt) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * An agency that sent several files (the first and a corrected one): which is taken first per
 * task, and why, is said on the first, so the officer can check it is the one the agency meant.
 */
function sayWhichFirst(accepted: Accepted[]) {
  const byAgency = new Map<string, Accepted[]>();
  for (const a of accepted) byAgency.set(a.agency, [...(byAgency.get(a.agency) ?? []), a]);
  for (const [agency, files] of byAgency) {
    if (files.length < 2) continue;
    const why = (a: Accepted) => {
      const saved = savedMs(a.file);
      const tie = files.some((b) => b !== a && savedMs(b.file) === saved);
      const when = [
        saved ? `lưu lần cuối ${stampVi(localStamp(saved))}` : "",
        a.file.mtime && (!saved || tie)
          ? `thời gian tệp trên máy ${stampVi(localStamp(a.file.mtime))}`
          : "",
      ]
        .filter(Boolean)
        .join(", ");
      const parts = [a.read.reportDate ? `ngày báo cáo ${vi(a.read.reportDate)}` : "", when];
      return `"${a.file.file}" (${parts.filter(Boolean).join(", ") || "không rõ thời gian lưu"})`;
    };
    files[0]!.received.warnings.push(
      `${agency} gửi ${files.length} tệp: mỗi nhiệm vụ lấy theo tệp mới hơn (ngày báo cáo ghi trong tệp, rồi thời điểm lưu): ${files.map(why).join(", rồi ")}. Nếu đơn vị muốn dùng tệp khác, hãy bỏ các tệp còn lại rồi tổng hợp lại.`
    );
  }
}

/** A file time as "Thời điểm tổng hợp" is written: local "YYYY-MM-DD HH:MM". */
const localStamp = (ms: number) => localDateTime(new Date(ms));
const stampVi = (stamp: string) => `${vi(stamp.slice(0, 10))}${stamp.slice(10)}`;

/** "Kế hoạch số 4784/KH-UBND" in the title block → "4784/KH-UBND". */
function planInText(lines: string[]): string | null {
  for (const l of lines) {
    const folded = foldVietnamese(l);
    const number = /(?:ke hoach|kh)\s*(?:so)?\s*:?\s*(\d+\s*\/\s*kh[-\s]*[a-z]+)/.exec(folded)?.[1];
    if (number !== undefined) {
      // Give it back as written (same positions: folding keeps lengths).
      const start = folded.indexOf(number);
      return l
        .normalize("NFC")
        .slice(start, start + number.length)
        .replace(/\s+/g, "");
    }
  }
  return null;
}

/** The report year a title block states ("… năm 2025"): null when none; the year when it is among them. */
function yearInText(lines: string[], year: number): number | null {
  const years = new Set<number>();
  for (const l of lines.slice(0, 12)) {
    const f = foldVietnamese(l);
    if (!/bao cao|ket qua/.test(f)) continue;
    for (const m of f.matchAll(/nam\s+(20\d\d)(?!\s*-)/g)) years.add(Number(m[1]));
  }
  const [first] = years;
  if (first === undefined || years.has(year)) return null;
  return first;
}
