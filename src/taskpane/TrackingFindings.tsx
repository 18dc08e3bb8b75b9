/**
 * Findings of "Kiểm tra", grouped by severity (Lỗi / Cảnh báo / Thông tin) with counts. Each
 * finding is a button: in Excel it selects its cell, in file mode it opens the row view below
 * it. Findings whose fix is a choice (an agency → its suggestion / successor) get their own
 * fix button; safe fixes go through "Sửa tất cả lỗi an toàn".
 */
import * as React from "react";
import { useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Finding, Severity } from "../core/model";
import type { TrackingRow } from "../core/tracking/tracking-model";
import { groupFindings } from "./findings-view";
import { choiceFixLabel, findingId, findingPlace, findingText, isChoiceFix } from "./tracking-view";
import { RowView } from "./RowView";

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** Per group, this many are shown before "Hiện thêm" (55 agency warnings are common in 2026). */
const FIRST = 8;

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  li: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    width: "100%",
    boxSizing: "border-box",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: "none",
    borderLeft: `${tokens.strokeWidthThickest} solid transparent`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontFamily: "inherit",
    color: tokens.colorNeutralForeground1,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground3Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  current: {
    backgroundColor: tokens.colorBrandBackground2,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  place: { color: tokens.colorNeutralForeground3 },
  message: { wordBreak: "break-word" },
  fix: { alignSelf: "flex-start", marginLeft: tokens.spacingHorizontalS, maxWidth: "100%" },
  fixText: { whiteSpace: "normal", textAlign: "left" },
  more: { alignSelf: "flex-start" },
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
  const [expanded, setExpanded] = useState<Severity[]>([]);
  const groups = groupFindings(p.findings);
  if (groups.length === 0)
    return (
      <Caption1 data-testid="t-no-findings">Không có lỗi, cảnh báo hay thông tin nào.</Caption1>
    );
  return (
    <>
      {groups.map((g) => {
        const headingId = `t-findings-${g.severity}`;
        const all = expanded.includes(g.severity);
        const shown = all ? g.findings : g.findings.slice(0, FIRST);
        return (
          <div key={g.severity} className={styles.group} data-testid={`t-findings-${g.severity}`}>
            <h3 id={headingId} className={styles.heading}>
              {g.label}
              <Badge
                size="small"
                color={BADGE_COLOR[g.severity]}
                appearance="filled"
                aria-label={`${g.findings.length} ${g.label.toLowerCase()}`}
              >
                {g.findings.length}
              </Badge>
            </h3>
            <ul className={styles.list} aria-labelledby={headingId}>
              {shown.map((f, i) => {
                const id = findingId(f, i);
                const place = findingPlace(f);
                const text = findingText(f);
                const current = p.selectedId === id;
                const cls = mergeClasses(styles.item, styles[g.severity]);
                const row = current && !p.inExcel ? p.rowOf(f) : undefined;
                const content = (
                  <>
                    <Body1 className={styles.message}>{text}</Body1>
                    {place && <Caption1 className={styles.place}>{place}</Caption1>}
                  </>
                );
                return (
                  <li
                    key={id}
                    className={styles.li}
                    data-testid="t-finding"
                    data-code={f.code}
                    data-row={f.location.row ?? ""}
                    data-column={f.location.column ?? ""}
                  >
                    {f.location.row ? (
                      <button
                        type="button"
                        className={mergeClasses(
                          cls,
                          styles.clickable,
                          current ? styles.current : undefined
                        )}
                        aria-current={current ? "true" : undefined}
                        aria-label={`${g.label}: ${text}. ${place}. ${
                          p.inExcel ? "Bấm để chọn ô trong Excel." : "Bấm để xem dòng."
                        }`}
                        onClick={() => p.onSelect(f, id)}
                      >
                        {content}
                      </button>
                    ) : (
                      <div className={cls}>{content}</div>
                    )}
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
              })}
            </ul>
            {g.findings.length > FIRST && (
              <Button
                size="small"
                appearance="subtle"
                className={styles.more}
                onClick={() =>
                  setExpanded((e) => (all ? e.filter((s) => s !== g.severity) : [...e, g.severity]))
                }
                aria-expanded={all}
              >
                {all
                  ? `Thu gọn ${g.label.toLowerCase()}`
                  : `Hiện thêm ${g.findings.length - FIRST} ${g.label.toLowerCase()}`}
              </Button>
            )}
          </div>
        );
      })}
    </>
  );
}
