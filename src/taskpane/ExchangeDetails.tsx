/**
 * What a consolidation found, for the officer to act on: agencies that have not reported (with
 * their task counts), conflicts between two files of one agency (which was kept), rows that
 * matched no task (with the closest task and a button to merge the row into it: nothing below
 * the threshold merges without this click), tasks a file left out.
 */
import * as React from "react";
import { Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { ConsolidationReport, Unmatched } from "../core/exchange/consolidation-model";

const useStyles = makeStyles({
  block: { display: "grid", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", gap: "2px" },
  title: { margin: 0 },
});

export function ExchangeDetails(p: {
  report: ConsolidationReport;
  disabled: boolean;
  onConfirm: (u: Unmatched) => void;
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
