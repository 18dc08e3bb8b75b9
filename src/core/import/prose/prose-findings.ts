/**
 * What the officer is told about a prose import, once per plan rather than once per task:
 * where the tasks were read, how many got an assumed time, which are requests; the error when
 * nothing can be read; and prose tasks a phụ lục table lacks, offered as additions.
 */
import type { Finding, Group, Task } from "../../model";
import type { ColumnMap } from "../header-columns";
import { INPUT_ERRORS, FINDINGS } from "../../errors/finding-codes";
import { InputError } from "../../errors/input-error";
import { foldVietnamese } from "../../text/fold";
import { ASSUMED_TIME, PROSE_COLUMNS, type ProseDraft, type ProseRead } from "./read-prose";

export function proseReadFinding(prose: ProseRead, fileName: string): Finding {
  return {
    code: FINDINGS.PROSE_READ,
    severity: "info",
    message:
      `Kế hoạch không có bảng phụ lục: đã đọc ${prose.tasks.length} nhiệm vụ của ` +
      `${prose.groups.length} cơ quan từ phần "${prose.sectionTitle}" (dòng ` +
      `${prose.section ? (prose.groups[0]?.sourceRow ?? "") : ""} trở đi). ` +
      "Hãy kiểm tra và sửa đơn vị chủ trì, phối hợp, thời gian trước khi tạo sổ theo dõi.",
    location: { file: fileName, row: prose.groups[0]?.sourceRow },
  };
}

export function proseSummaryFindings(
  tasks: ProseDraft[],
  period: { from: number; to: number } | null,
  fileName: string
): Finding[] {
  const out: Finding[] = [];
  const assumed = tasks.filter((t) => t.timeAssumed);
  const firstAssumed = assumed[0];
  if (firstAssumed) {
    const span = period ? ` trong giai đoạn ${period.from} – ${period.to}` : "";
    out.push({
      code: FINDINGS.PROSE_TIME_ASSUMED,
      severity: "info",
      message:
        `${assumed.length} nhiệm vụ không ghi thời gian: coi là thực hiện "${ASSUMED_TIME}"${span}` +
        ` (nhiệm vụ ${listed(assumed.map((t) => t.numbered))}). Sửa nếu kế hoạch định khác.`,
      location: { file: fileName, row: firstAssumed.sourceRow, column: PROSE_COLUMNS.headers[4] },
    });
  }
  const requests = tasks.filter((t) => t.kind === "request");
  const firstRequest = requests[0];
  if (firstRequest) {
    out.push({
      code: FINDINGS.PROSE_REQUESTS,
      severity: "info",
      message:
        `${requests.length} nhiệm vụ là đề nghị (không phải giao việc) cho ` +
        `${[...new Set(requests.map((t) => t.leadText))].join(", ")}: được theo dõi riêng, ` +
        "không tính vào tổng hợp và tỷ lệ hoàn thành.",
      location: { file: fileName, row: firstRequest.sourceRow },
    });
  }
  return out;
}

/** "1.1, 1.2, 2.1 và 5 nhiệm vụ khác". */
function listed(items: string[], max = 8): string {
  return items.length <= max
    ? items.join(", ")
    : `${items.slice(0, max).join(", ")} và ${items.length - max} nhiệm vụ khác`;
}

export function proseError(prose: ProseRead, fileName: string): Error {
  if (!prose.section) {
    return new InputError(
      INPUT_ERRORS.NO_TABLE,
      fileName,
      `Không tìm thấy bảng phụ lục (cần các cột STT, Nhiệm vụ, Đơn vị chủ trì…) trong tệp "${fileName}", ` +
        'cũng không có phần "TỔ CHỨC THỰC HIỆN" / "PHÂN CÔNG NHIỆM VỤ" giao việc cho từng cơ quan.'
    );
  }
  const at = prose.section.title + 1;
  return new InputError(
    INPUT_ERRORS.PROSE_NO_AGENCIES,
    fileName,
    `Tệp "${fileName}" không có bảng phụ lục; phần "${prose.sectionTitle}" (đoạn thứ ${at}) ` +
      'không có đề mục nào là tên cơ quan (ví dụ "1. Sở Tài chính" hoặc "a) Công an tỉnh:") nên ' +
      "không đọc được nhiệm vụ. Hãy dán bảng phụ lục, hoặc sửa đề mục thành tên cơ quan."
  );
}

/** Word overlap (Dice) of two task titles, on folded words of 2+ letters. */
function similarity(a: string, b: string): number {
  const words = (s: string) =>
    new Set(
      foldVietnamese(s)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 2)
    );
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}

/** A prose task is in the table when a table task's title says mostly the same words. */
const SAME_TASK = 0.5;

type MakeTasks = (
  drafts: ProseDraft[],
  columns: ColumnMap
) => { tasks: Task[]; findings: Finding[] };

/**
 * Prose tasks that no table task matches, renumbered "B<section>.<n>" so they never collide
 * with the table's keys, and one finding offering them.
 */
export function proseAdditions(
  tableTasks: Task[],
  prose: ProseRead,
  make: MakeTasks,
  fileName: string
): { groups: Group[]; tasks: Task[]; findings: Finding[] } {
  const missing = prose.tasks.filter(
    (p) => !tableTasks.some((t) => similarity(t.title, p.title) >= SAME_TASK)
  );
  const firstMissing = missing[0];
  if (!firstMissing) return { groups: [], tasks: [], findings: [] };
  const drafts = missing.map((d) => ({
    ...d,
    key: `TB${d.numbered}`,
    stt: `B${d.numbered}`,
    numbered: `B${d.numbered}`,
    group: `B${d.group}`,
  }));
  const tasks = make(drafts, PROSE_COLUMNS).tasks;
  const used = new Set(missing.map((t) => t.group));
  const groups = prose.groups
    .filter((g) => used.has(g.stt))
    .map((g) => ({
      ...g,
      stt: `B${g.stt}`,
      title: `Bổ sung từ phần tổ chức thực hiện: ${g.title}`,
    }));
  return {
    groups,
    tasks,
    findings: [
      {
        code: FINDINGS.PROSE_ADDITIONS,
        severity: "warning",
        message:
          `Phần "${prose.sectionTitle}" giao thêm ${tasks.length} nhiệm vụ không có trong bảng phụ lục ` +
          `(dòng ${listed(missing.map((t) => String(t.sourceRow)))}). Chưa thêm vào sổ theo dõi: ` +
          "hãy xem và chọn những nhiệm vụ cần theo dõi.",
        location: { file: fileName, row: firstMissing.sourceRow },
      },
    ],
  };
}
