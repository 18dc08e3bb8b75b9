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

export function ExchangeDetails(p: {
  report: ConsolidationReport;
  disabled: boolean;
  onConfirm: (u: Unmatched) => void;
  /** Consolidate again taking these cells' values as chosen. */
  onChoose: (choices: ConflictChoice[]) => void;
}) {
  const styles = useStyles();
  const r = p.report;
  return (
    <>
      {r.missing.length > 0 && (
        <div className={styles.block} data-testid="x-missing">
          <Subtitle2 as="h3" className={styles.title}>
            Đơn vị chưa gửi ({r.missing.length})
          </Subtitle2>
          <ul className={styles.list}>
            {r.missing.map((m) => (
              <li key={m.agency}>
                {m.agency}: {m.tasks} nhiệm vụ chủ trì
                {m.partnerTasks ? `, ${m.partnerTasks} phối hợp` : ""}
                {m.emptyFiles?.length ? ` (đã nhận, chưa điền gì: ${m.emptyFiles.join(", ")})` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.unassigned.length > 0 && (
        <div className={styles.block} data-testid="x-unassigned">
          <Subtitle2 as="h3" className={styles.title}>
            Nhiệm vụ chưa giao cho đơn vị nào ({r.unassigned.length})
          </Subtitle2>
          <ul className={styles.list}>
            {r.unassigned.map((u) => (
              <li key={`${u.task}|${u.row}`}>
                {u.stt || u.task} (dòng {u.row}): {u.why}
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.unmatched.length > 0 && (
        <div className={styles.block} data-testid="x-unmatched">
          <Subtitle2 as="h3" className={styles.title}>
            Dòng chưa khớp nhiệm vụ nào ({r.unmatched.length})
          </Subtitle2>
          <Caption1>
            Các dòng này chưa được gộp. Nếu đúng là nhiệm vụ gần nhất được gợi ý, bấm “Gộp” để xác
            nhận.
          </Caption1>
          <ul className={styles.list}>
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
          </ul>
        </div>
      )}
      {r.conflicts.length > 0 && (
        <div className={styles.block} data-testid="x-conflicts">
          <Subtitle2 as="h3" className={styles.title}>
            Xung đột ({r.conflicts.length})
          </Subtitle2>
          <ul className={styles.list}>
            {r.conflicts.map((c) => (
              <li key={`${c.agency}|${c.key}`}>
                {c.agency}, nhiệm vụ {c.key}: các tệp {c.files.join(", ")} khác nhau; giữ “{c.kept}”
                (mới hơn).
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.masterConflicts.length > 0 && (
        <div className={styles.block} data-testid="x-master-conflicts">
          <Subtitle2 as="h3" className={styles.title}>
            Ô đã sửa trong sổ, tệp ghi khác ({r.masterConflicts.length})
          </Subtitle2>
          <Caption1>
            Các ô này được nhập trong sổ sau lần tổng hợp trước. Chọn giá trị giữ lại cho từng ô.
          </Caption1>
          <ul className={styles.list}>
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
          </ul>
          {r.masterConflicts.some((c) => c.kept === "master") && (
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
          )}
        </div>
      )}
      {r.dropped.length > 0 && (
        <div className={styles.block} data-testid="x-dropped">
          <Subtitle2 as="h3" className={styles.title}>
            Nhiệm vụ tệp bỏ sót ({r.dropped.length})
          </Subtitle2>
          <ul className={styles.list}>
            {r.dropped.map((d) => (
              <li key={`${d.file}|${d.key}`}>
                {d.file} ({d.agency}): thiếu nhiệm vụ {d.key}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
