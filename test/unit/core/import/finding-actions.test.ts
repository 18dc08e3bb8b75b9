/**
 * The import preview an officer can act on: findings grouped by what to do, and corrections
 * (edit a task, remove it, replace an unknown agency everywhere) that recompute the findings.
 */
import { importPlan } from "../../../../src/core/import/import-plan";
import { FINDINGS } from "../../../../src/core/errors/finding-codes";
import { findingActions } from "../../../../src/core/import/finding-actions";
import { editTask, removeTask, replaceAgency } from "../../../../src/core/import/edit-result";
import { defaultDirectory } from "../../../../src/core/agency/default-directory";

// A bullet-style table without group rows: the unknown "Sở Thông tin Truyền thôn" is written on
// three rows (five tasks), two rows have no STT.
const TABLE = [
  "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện",
  '1\t"- Hội nghị\n- Tập huấn"\tSở Thông tin Truyền thôn\tCông an tỉnh\tHằng năm',
  '\t"- Phóng sự\n- Tọa đàm"\tSở Thông tin Truyền thôn\t\t2025',
  "\tBản tin đối ngoại\tSở Thông tin Truyền thôn\tBan Quản Lý Xyz\tkhi nào xong",
  "4\tTriển lãm ảnh\tSở Tài chính\t\tkhi nào xong",
].join("\n");

test("one line per unknown agency with its count and fix, one for no groups, one for auto STT", async () => {
  const r = await importPlan({ kind: "text", text: TABLE, fileName: "bang.txt" });
  expect(r.findings.filter((f) => f.code === FINDINGS.AGENCY_UNKNOWN).length).toBe(6);
  expect(r.findings.filter((f) => f.code === FINDINGS.TASK_WITHOUT_GROUP).length).toBe(4);
  const actions = findingActions(r.findings);
  const agency = actions.filter((a) => a.agency);
  expect(agency.map((a) => [a.agency!.written, a.agency!.suggestion, a.findings.length])).toEqual([
    ["Sở Thông tin Truyền thôn", "Sở Thông tin và Truyền thông", 5],
    ["Ban Quản Lý Xyz", undefined, 1],
  ]);
  expect(agency[0].message).toContain("5 lần, dòng 2, 4, 6"); // text lines: a quoted cell takes two
  const noGroups = actions.filter((a) => a.id === "no-groups");
  expect(noGroups).toHaveLength(1);
  expect(noGroups[0].message).toContain("nhiệm vụ của 4 dòng");
  const stt = actions.filter((a) => a.id === "stt-empty");
  expect(stt).toHaveLength(1);
  expect(stt[0].rows).toEqual([4, 6]);
  // (No period in a bare table: "Hằng năm" cannot list its years either, one line for both tasks.)
  // Both bullet rows give one lead and time for all: one line says they were split.
  const split = actions.filter((a) => a.id === "bullets-split");
  expect(split.map((a) => [a.rows, a.findings.length])).toEqual([[[2, 4], 2]]);
  expect(split[0].message).toContain("2 dòng có nhiều gạch đầu dòng");
  const time = actions.filter((a) => a.id === "time:khi nào xong");
  expect(time).toHaveLength(1);
  expect(time[0].message).toContain('"khi nào xong" (2 nhiệm vụ');
  // Far fewer lines than findings, and each finding is in exactly one line.
  expect(actions.length).toBeLessThan(r.findings.length / 2);
  expect(actions.reduce((n, a) => n + a.findings.length, 0)).toBe(r.findings.length);
});

test("replace an unknown agency on every row at once; its findings go", async () => {
  const r = await importPlan({ kind: "text", text: TABLE, fileName: "bang.txt" });
  const fixed = replaceAgency(
    r,
    "Sở Thông tin Truyền thôn",
    "Sở Thông tin và Truyền thông",
    defaultDirectory()
  );
  expect(fixed.tasks.slice(0, 5).map((t) => t.lead.map((a) => [a.name, a.matched]))).toEqual(
    Array(5).fill([["Sở Thông tin và Truyền thông", true]])
  );
  const unknown = fixed.findings.filter((f) => f.code === FINDINGS.AGENCY_UNKNOWN);
  expect(unknown.map((f) => f.subject)).toEqual(["Ban Quản Lý Xyz"]);
  expect(r.tasks[0].lead[0].matched).toBe(false); // the original result is untouched
});

test("edit a task: agencies matched again, time parsed, kind set, findings recomputed", async () => {
  const r = await importPlan({ kind: "text", text: TABLE, fileName: "bang.txt" });
  const key = r.tasks.find((t) => t.title === "Triển lãm ảnh")!.key;
  const edited = editTask(
    r,
    key,
    { lead: "Sở VHTTDL; Công an tỉnh", timeText: "Quý III/2026", kind: "request" },
    defaultDirectory()
  );
  const t = edited.tasks.find((x) => x.key === key)!;
  expect(t.lead.map((a) => a.name)).toEqual(["Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh"]);
  expect(t.schedule.finalDeadline).toBe("2026-09-30");
  expect(t.kind).toBe("request");
  const row = t.sourceRow;
  expect(
    edited.findings.filter((f) => f.location.row === row && f.code === FINDINGS.SCHEDULE_UNPARSED)
  ).toEqual([]);
  const removed = removeTask(edited, key);
  expect(removed.tasks.some((x) => x.key === key)).toBe(false);
  expect(removed.findings.some((f) => f.location.row === row)).toBe(false);
});
