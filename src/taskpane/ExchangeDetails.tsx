/**
 * What a consolidation found, for the officer to act on: agencies that have not reported (with
 * their task counts), conflicts between two files of one agency (which was kept), rows that
 * matched no task (with the closest task and a button to merge the row into it: nothing below
 * the threshold merges without this click), tasks a file left out.
 */
import * as React from "react";
import { Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { ConsolidationReport, Unmatched } from "../core/exchange/consolidation-model";
import type { ConflictChoice } from "../core/exchange/consolidate";

const useStyles = makeStyles({
  block: { display: "grid", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: "2px" },
  title: { margin: 0 },
});

/** One kind of finding: its title with how many, an optional note, the list, what follows it. */
function Block(p: {
  testId: string;
  title: string;
  count: number;
  note?: React.ReactNode;
  after?: React.ReactNode;
  children: React.ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={styles.block} data-testid={p.testId}>
      <Subtitle2 as="h3" className={styles.title}>
        {p.title} ({p.count})
      </Subtitle2>
      {p.note}
      <ul className={styles.list}>{p.children}</ul>
      {p.after}
    </div>
  );
}

export function ExchangeDetails(p: {
  report: ConsolidationReport;
  disabled: boolean;
  onConfirm: (u: Unmatched) => void;
  /** Consolidate again taking these cells' values as chosen. */
  onChoose: (choices: ConflictChoice[]) => void;
}) {
  const r = p.report;
  return (
    <>
      {r.missing.length > 0 && (
        <Block testId="x-missing" title="Đơn vị chưa gửi" count={r.missing.length}>
          {r.missing.map((m) => (
            <li key={m.agency}>
              {m.agency}: {m.tasks} nhiệm vụ chủ trì
              {m.partnerTasks ? `, ${m.partnerTasks} phối hợp` : ""}
              {m.emptyFiles?.length ? ` (đã nhận, chưa điền gì: ${m.emptyFiles.join(", ")})` : ""}
            </li>
          ))}
        </Block>
      )}
      {r.unassigned.length > 0 && (
        <Block
          testId="x-unassigned"
          title="Nhiệm vụ chưa giao cho đơn vị nào"
          count={r.unassigned.length}
        >
          {r.unassigned.map((u) => (
            <li key={`${u.task}|${u.row}`}>
              {u.stt || u.task} (dòng {u.row}): {u.why}
            </li>
          ))}
        </Block>
      )}
      {r.unmatched.length > 0 && (
        <Block
          testId="x-unmatched"
          title="Dòng chưa khớp nhiệm vụ nào"
          count={r.unmatched.length}
          note={
            <Caption1>
              Các dòng này chưa được gộp. Nếu đúng là nhiệm vụ gần nhất được gợi ý, bấm “Gộp” để xác
              nhận.
            </Caption1>
          }
        >
          {r.unmatched.map((u) => (
            <li key={`${u.file}|${u.sheet}|${u.row}`} data-testid="x-unmatched-row">
              {u.file}, trang “{u.sheet}”, dòng {u.row}: {u.text}
              {u.candidate && (
                <>
                  {" "}
                  — gần nhất: {u.candidate.key} ({Math.round(u.candidate.confidence * 100)}%){" "}
                  <Button
                    size="small"
                    disabled={p.disabled}
                    onClick={() => p.onConfirm(u)}
                    data-testid="x-confirm"
                  >
                    Gộp vào {u.candidate.key}
                  </Button>
                </>
              )}
            </li>
          ))}
        </Block>
      )}
      {r.conflicts.length > 0 && (
        <Block testId="x-conflicts" title="Xung đột" count={r.conflicts.length}>
          {r.conflicts.map((c) => (
            <li key={`${c.agency}|${c.key}`}>
              {c.agency}, nhiệm vụ {c.key}: các tệp {c.files.join(", ")} khác nhau; giữ “{c.kept}”
              (mới hơn).
            </li>
          ))}
        </Block>
      )}
      {r.masterConflicts.length > 0 && (
        <Block
          testId="x-master-conflicts"
          title="Ô đã sửa trong sổ, tệp ghi khác"
          count={r.masterConflicts.length}
          note={
            <Caption1>
              Các ô này được nhập trong sổ sau lần tổng hợp trước. Chọn giá trị giữ lại cho từng ô.
            </Caption1>
          }
          after={
            r.masterConflicts.some((c) => c.kept === "master") && (
              <div>
                <Button
                  size="small"
                  disabled={p.disabled}
                  onClick={() =>
                    p.onChoose(
                      r.masterConflicts.map((c) => ({
                        key: c.key,
                        lead: c.lead,
                        column: c.column,
                        take: "agency" as const,
                      }))
                    )
                  }
                  data-testid="x-take-agency-all"
                >
                  Lấy tất cả giá trị của đơn vị
                </Button>
              </div>
            )
          }
        >
          {r.masterConflicts.map((c) => {
            const choose = (take: ConflictChoice["take"]) =>
              p.onChoose([{ key: c.key, lead: c.lead, column: c.column, take }]);
            return (
              <li key={`${c.key}|${c.lead}|${c.column}`} data-testid="x-master-conflict">
                {c.key} ({c.lead}), “{c.header}”: sổ ghi “{c.master}”, tệp {c.file} ghi “
                {c.reported}”; đang giữ{" "}
                {c.kept === "master" ? "giá trị trong sổ" : "giá trị của đơn vị"}.{" "}
                {c.kept === "master" ? (
                  <Button
                    size="small"
                    disabled={p.disabled}
                    onClick={() => choose("agency")}
                    data-testid="x-take-agency"
                  >
                    Lấy của đơn vị
                  </Button>
                ) : (
                  <Button
                    size="small"
                    disabled={p.disabled}
                    onClick={() => choose("master")}
                    data-testid="x-keep-master"
                  >
                    Giữ giá trị trong sổ
                  </Button>
                )}
              </li>
            );
          })}
        </Block>
      )}
      {r.dropped.length > 0 && (
        <Block testId="x-dropped" title="Nhiệm vụ tệp bỏ sót" count={r.dropped.length}>
          {r.dropped.map((d) => (
            <li key={`${d.file}|${d.key}`}>
              {d.file} ({d.agency}): thiếu nhiệm vụ {d.key}
            </li>
          ))}
        </Block>
      )}
    </>
  );
}
