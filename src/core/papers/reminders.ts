/**
 * The công văn đôn đốc (DOMAIN.md, "Reminders"): who is late — agencies whose report the last
 * consolidation of the year did not receive ("Tiếp nhận": not received, or rejected) and
 * agencies leading tasks overdue on the date — and one letter each (or one letter to all, with
 * the list attached): issuer, "Số:      /UBND-VX", "V/v đôn đốc …", national header, place and
 * date, "Kính gửi:", a body naming the plan, what is late and the new deadline, the signature
 * and "Nơi nhận".
 */
import { readIntake } from "../exchange/intake-sheet";
import type { TrackingCells } from "../tracking/read-tracking";
import { DERIVED_STATUS, INTAKE_OUTCOMES } from "../workbook/columns";
import { dueIn } from "../tracking/derive-status";
import type { Letter, LetterPara } from "./letter";
import { committeeHead, issuerName, numberLine } from "./letterhead";
import { nameResolver } from "./narrative";
import type { Paper } from "./paper";
import { PAPER_SIZES } from "./paper";
import { viDate } from "./paper-year";
import { dateInWords, type PrintTexts } from "./print-texts";
import { signingYear } from "./province-letter";
import type { ReportContext } from "./report-context";
import { planLine } from "./agency-report";

export interface ReminderTask {
  /** "Mã nhiệm vụ". */
  key: string;
  stt: string;
  title: string;
  /** ISO deadline in the year; null when none. */
  deadline: string | null;
  progress: number | null;
}

export type ReminderReason = "not_reported" | "overdue";

export interface ReminderTarget {
  agency: string;
  /** "not_reported" when its report was not received (its overdue tasks are listed too). */
  reason: ReminderReason;
  tasks: ReminderTask[];
  /** The rejected file's name when its report came but could not be consolidated. */
  rejectedFile?: string;
}

/** Who gets a công văn, by agency name (Vietnamese order). */
export function reminderTargets(ctx: ReportContext, cells: TrackingCells): ReminderTarget[] {
  const name = nameResolver(ctx);
  const overdue = new Map<string, ReminderTask[]>();
  for (const { row, status } of ctx.due) {
    if (status !== DERIVED_STATUS.overdue || row.kind === "request" || !row.lead) continue;
    const agency = name(row.lead);
    const list = overdue.get(agency) ?? [];
    list.push({
      key: row.key,
      stt: row.stt,
      title: row.title,
      deadline: dueIn(row, ctx.year).deadline,
      progress: row.progress,
    });
    overdue.set(agency, list);
  }
  const targets = new Map<string, ReminderTarget>();
  const lines = readIntake(cells).filter((l) => l.year === ctx.year);
  const latest = lines.reduce((m, l) => (l.consolidatedAt > m ? l.consolidatedAt : m), "");
  for (const l of lines) {
    if (l.consolidatedAt !== latest || l.outcome === INTAKE_OUTCOMES.received) continue;
    const agency = name(l.agency);
    targets.set(agency, {
      agency,
      reason: "not_reported",
      tasks: overdue.get(agency) ?? [],
      ...(l.outcome === INTAKE_OUTCOMES.rejected && l.file ? { rejectedFile: l.file } : {}),
    });
  }
  for (const [agency, tasks] of overdue)
    if (!targets.has(agency)) targets.set(agency, { agency, reason: "overdue", tasks });
  return [...targets.values()].sort((a, b) => a.agency.localeCompare(b.agency, "vi"));
}

export interface ReminderOptions {
  /** The new deadline (ISO); blank for the office to fill when unset. */
  deadline?: string | null;
  texts: Pick<PrintTexts, "signerTitles" | "signerName">;
  /** The number's code after "/" ("UBND-VX"). */
  code?: string;
}

const para = (text: string): LetterPara => ({ kind: "para", text });

function aboutLine(ctx: ReportContext, targets: ReminderTarget[]): string {
  const plan = `Kế hoạch số ${ctx.wb.plan.number?.trim() || "…"}`;
  const late = targets.some((t) => t.reason === "not_reported");
  const tasks = targets.some((t) => t.tasks.length > 0);
  if (late && tasks) return `V/v đôn đốc báo cáo và thực hiện nhiệm vụ tại ${plan}`;
  if (late) return `V/v đôn đốc báo cáo kết quả thực hiện ${plan}`;
  return `V/v đôn đốc thực hiện nhiệm vụ tại ${plan}`;
}

const deadlineWords = (ctx: ReportContext, iso: string | null | undefined) =>
  iso ? `ngày ${viDate(iso)}` : `${dateInWords(null).trim()} ${signingYear(ctx)}`.trim();

function taskItem(t: ReminderTask): LetterPara {
  const progress = t.progress === null ? "" : `; tiến độ ${t.progress}%`;
  return {
    kind: "item",
    text: `- ${t.title} (hạn ${t.deadline ? viDate(t.deadline) : "không ghi"}${progress})`,
  };
}

const RECIPIENTS = ["- Như trên;", "- Lưu: VT."];
/** Only the signer: a công văn goes to its addressees ("Như trên"), not the plan's recipients. */
const signer = (o: ReminderOptions) => ({
  signerTitles: o.texts.signerTitles,
  signerName: o.texts.signerName,
});

function head(ctx: ReportContext, targets: ReminderTarget[], o: ReminderOptions) {
  return committeeHead(
    ctx.wb.plan,
    numberLine(o.code ?? "UBND-VX"),
    signingYear(ctx),
    aboutLine(ctx, targets)
  );
}

/** One công văn to one agency. */
export function reminderLetter(ctx: ReportContext, t: ReminderTarget, o: ReminderOptions): Letter {
  const committee = issuerName(ctx.wb.plan);
  const body: LetterPara[] = [
    para(
      `Thực hiện ${planLine(ctx)}, các đơn vị được giao nhiệm vụ báo cáo kết quả thực hiện năm ${ctx.year} về ${committee}.`
    ),
  ];
  if (t.reason === "not_reported")
    body.push(
      para(
        t.rejectedFile
          ? `Đến ngày ${viDate(ctx.date)}, báo cáo của ${t.agency} (tệp ${t.rejectedFile}) không tổng hợp được do không đúng mẫu hoặc không khớp sổ theo dõi.`
          : `Đến ngày ${viDate(ctx.date)}, ${committee} chưa nhận được báo cáo kết quả thực hiện năm ${ctx.year} của ${t.agency}.`
      )
    );
  if (t.tasks.length) {
    body.push(
      para(
        `Đến ngày ${viDate(ctx.date)}, các nhiệm vụ sau do ${t.agency} chủ trì đã quá hạn nhưng chưa hoàn thành:`
      ),
      ...t.tasks.map(taskItem)
    );
  }
  const asks = [
    ...(t.tasks.length ? ["khẩn trương hoàn thành các nhiệm vụ nêu trên"] : []),
    `gửi báo cáo kết quả thực hiện năm ${ctx.year} về ${committee} trước ${deadlineWords(ctx, o.deadline)}`,
  ];
  body.push(para(`${committee} đề nghị ${t.agency} ${asks.join(" và ")}./.`));
  return {
    title: `Đôn đốc ${t.agency}`,
    head: head(ctx, [t], o),
    addressees: [t.agency],
    body,
    signature: { kind: "signature", recipients: RECIPIENTS, ...signer(o) },
    appendices: [],
  };
}

/** One công văn to every late agency, the list attached. */
export function oneReminderLetter(
  ctx: ReportContext,
  targets: ReminderTarget[],
  o: ReminderOptions
): Letter {
  const committee = issuerName(ctx.wb.plan);
  const code = o.code ?? "UBND-VX";
  const late = targets.filter((t) => t.reason === "not_reported");
  const withTasks = targets.filter((t) => t.tasks.length);
  const body: LetterPara[] = [
    para(
      `Thực hiện ${planLine(ctx)}, các đơn vị được giao nhiệm vụ báo cáo kết quả thực hiện năm ${ctx.year} về ${committee}.`
    ),
  ];
  if (late.length)
    body.push(
      para(
        `Đến ngày ${viDate(ctx.date)}, ${committee} chưa nhận được (hoặc không tổng hợp được) báo cáo của ${late.length} đơn vị (danh sách kèm theo).`
      )
    );
  if (withTasks.length)
    body.push(
      para(
        `Đến ngày ${viDate(ctx.date)}, ${withTasks.length} đơn vị có nhiệm vụ quá hạn nhưng chưa hoàn thành (danh sách kèm theo).`
      )
    );
  body.push(
    para(
      `${committee} đề nghị các đơn vị có tên tại danh sách kèm theo khẩn trương hoàn thành các nhiệm vụ quá hạn và gửi báo cáo kết quả thực hiện năm ${ctx.year} về ${committee} trước ${deadlineWords(ctx, o.deadline)}./.`
    )
  );
  const list: Paper = {
    name: "Danh sách đôn đốc",
    title: "Danh sách đơn vị được đôn đốc",
    grid: [6, 36, 56, 20],
    blocks: [
      { kind: "text", text: "DANH SÁCH", bold: true, size: PAPER_SIZES.heading, align: "center" },
      {
        kind: "text",
        text: `ĐƠN VỊ CHƯA BÁO CÁO, CÓ NHIỆM VỤ QUÁ HẠN NĂM ${ctx.year}`,
        bold: true,
        size: PAPER_SIZES.title,
        align: "center",
      },
      {
        kind: "text",
        text: `(Kèm theo Công văn số      /${code} ngày      tháng      năm ${signingYear(ctx)} của ${committee})`,
        italic: true,
        size: PAPER_SIZES.title,
        align: "center",
        ruleBelow: true,
      },
      {
        kind: "table",
        columns: [
          { header: "STT", align: "center" },
          { header: "Đơn vị" },
          { header: "Nội dung chậm" },
          { header: "Hạn", align: "center" },
        ],
        // One row a task (its deadline beside it); the agency named on its first row.
        rows: targets.flatMap((t, i) => {
          const lines: [string, string][] = [
            ...(t.reason === "not_reported"
              ? [
                  [
                    t.rejectedFile
                      ? `Báo cáo không tổng hợp được (tệp ${t.rejectedFile})`
                      : `Chưa gửi báo cáo năm ${ctx.year}`,
                    "",
                  ] as [string, string],
                ]
              : []),
            ...t.tasks.map(
              (k) =>
                [`Nhiệm vụ quá hạn: ${k.title}`, k.deadline ? viDate(k.deadline) : ""] as [
                  string,
                  string,
                ]
            ),
          ];
          return lines.map(([what, when], j) => ({
            cells: [j === 0 ? String(i + 1) : "", j === 0 ? t.agency : "", what, when],
          }));
        }),
        repeatHeader: true,
      },
    ],
  };
  return {
    title: "Đôn đốc các đơn vị",
    head: head(ctx, targets, o),
    addressees: targets.map((t) => t.agency),
    body,
    signature: {
      kind: "signature",
      recipients: ["- Như trên (kèm danh sách);", "- Lưu: VT."],
      ...signer(o),
    },
    appendices: [list],
  };
}
