/**
 * What the importer noticed, errors first. A finding that points at a row is a button:
 * it shows that task in the preview (and, in Excel, selects the source cell).
 */
import * as React from "react";
import {
  Badge,
  Body1,
  Caption1,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Finding, Severity } from "../core/model";
import { formatLocation, groupFindings } from "./findings-view";

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

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
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorderActive },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground3Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  location: { color: tokens.colorNeutralForeground3 },
  message: { wordBreak: "break-word" },
});

export function FindingsPanel({
  findings,
  onSelect,
}: {
  findings: Finding[];
  onSelect: (f: Finding) => void;
}) {
  const styles = useStyles();
  const groups = groupFindings(findings);
  if (groups.length === 0) {
    return <Caption1 data-testid="no-findings">Không có lỗi hay cảnh báo nào.</Caption1>;
  }
  return (
    <>
      {groups.map((g) => {
        const headingId = `findings-${g.severity}`;
        return (
          <div key={g.severity} className={styles.group} data-testid={`findings-${g.severity}`}>
            <h3 id={headingId} className={styles.heading}>
              {g.label}
              <Badge size="small" color={BADGE_COLOR[g.severity]} appearance="filled">
                {g.findings.length}
              </Badge>
            </h3>
            <ul className={styles.list} aria-labelledby={headingId}>
              {g.findings.map((f, i) => {
                const where = formatLocation(f.location);
                const content = (
                  <>
                    <Body1 className={styles.message}>{f.message}</Body1>
                    {where && <Caption1 className={styles.location}>{where}</Caption1>}
                  </>
                );
                const cls = mergeClasses(styles.item, styles[g.severity]);
                return (
                  <li key={`${f.code}-${i}`} data-testid="finding">
                    {f.location.row ? (
                      <button
                        type="button"
                        className={mergeClasses(cls, styles.clickable)}
                        onClick={() => onSelect(f)}
                        aria-label={`${g.label}: ${f.message}${where ? `. ${where}` : ""}. Bấm để xem nhiệm vụ.`}
                      >
                        {content}
                      </button>
                    ) : (
                      <div className={cls}>{content}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </>
  );
}
