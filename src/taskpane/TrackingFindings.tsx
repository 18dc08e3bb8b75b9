/**
 * Findings of "Kiểm tra": how many of each severity, then grouped by severity (Lỗi / Cảnh báo / Thông tin) with counts. Each
 * finding is a button: in Excel it selects its cell, in file mode it opens the row view below
 * it. Findings whose fix is a choice (an agency → its suggestion / successor) get their own
 * fix button; safe fixes go through "Sửa tất cả lỗi an toàn".
 */
import * as React from "react";
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../core/model";
import type { TrackingRow } from "../core/tracking/tracking-model";
import { findingCountsText } from "./findings-view";
import { choiceFixLabel, findingId, findingPlace, findingText, isChoiceFix } from "./tracking-view";
import { FindingGroups } from "./FindingGroups";
import { FindingCard } from "./FindingCard";
import { RowView } from "./RowView";

/** Per group, this many are shown before "Hiện thêm" (55 agency warnings are common in 2026). */
const FIRST = 8;

const useStyles = makeStyles({
  li: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  fix: { alignSelf: "flex-start", marginLeft: tokens.spacingHorizontalS, maxWidth: "100%" },
  fixText: { whiteSpace: "normal", textAlign: "left" },
  counts: { fontWeight: tokens.fontWeightSemibold },
});

export interface TrackingFindingsProps {
  findings: Finding[];
  inExcel: boolean;
  busy: boolean;
  selectedId: string | null;
  /** The task row of a finding (file mode's row view). */
  rowOf: (f: Finding) => TrackingRow | undefined;
  onSelect: (f: Finding, id: string) => void;
  onFix: (f: Finding) => void;
}

export function TrackingFindings(p: TrackingFindingsProps) {
  const styles = useStyles();
  return (
    <>
      <Body1 className={styles.counts} data-testid="t-counts">
        {p.findings.length === 0
          ? "Không có lỗi hay cảnh báo nào."
          : `Có ${findingCountsText(p.findings)}.`}
      </Body1>
      <FindingGroups
        findings={p.findings}
        idPrefix="t-findings"
        firstShown={FIRST}
        countLabel
        empty={
          <Caption1 data-testid="t-no-findings">Không có lỗi, cảnh báo hay thông tin nào.</Caption1>
        }
        renderFinding={(f, i, g) => {
          const id = findingId(f, i);
          const place = findingPlace(f);
          const text = findingText(f);
          const current = p.selectedId === id;
          const row = current && !p.inExcel ? p.rowOf(f) : undefined;
          return (
            <li
              key={id}
              className={styles.li}
              data-testid="t-finding"
              data-code={f.code}
              data-row={f.location.row ?? ""}
              data-column={f.location.column ?? ""}
            >
              <FindingCard
                severity={g.severity}
                text={text}
                place={place}
                label={`${g.label}: ${text}. ${place}. ${
                  p.inExcel ? "Bấm để chọn ô trong Excel." : "Bấm để xem dòng."
                }`}
                current={current}
                onSelect={f.location.row ? () => p.onSelect(f, id) : undefined}
              />
              {isChoiceFix(f) && (
                <Button
                  size="small"
                  appearance="secondary"
                  className={styles.fix}
                  disabled={p.busy}
                  onClick={() => p.onFix(f)}
                  title={f.fix!.description}
                  aria-label={`${f.fix!.description}, ${place}`}
                  data-testid="choice-fix"
                >
                  <span className={styles.fixText}>{choiceFixLabel(f)}</span>
                </Button>
              )}
              {row && <RowView row={row} column={f.location.column} />}
            </li>
          );
        }}
      />
    </>
  );
}
