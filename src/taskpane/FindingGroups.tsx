/**
 * Findings grouped by severity (Lỗi / Cảnh báo / Thông tin, errors first), each group a heading
 * with its count and a list; the caller renders each finding's <li>. With `firstShown`, longer
 * groups show that many and a "Hiện thêm" / "Thu gọn" button.
 */
import * as React from "react";
import { useState } from "react";
import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../core/model";
import { groupFindings, type FindingGroup } from "./findings-view";
import { plainListStyle } from "./plain-list-style";

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
  list: plainListStyle(tokens.spacingVerticalXS),
  more: { alignSelf: "flex-start" },
});

export interface FindingGroupsProps {
  findings: Finding[];
  /** Start of each group's heading id and test id: `${idPrefix}-error`. */
  idPrefix: string;
  /** Shown instead when there are no findings. */
  empty: React.ReactNode;
  /** Per group, this many are shown before "Hiện thêm"; all when absent. */
  firstShown?: number;
  /** Gives the count badge an accessible name ("3 lỗi"). */
  countLabel?: boolean;
  renderFinding: (f: Finding, index: number, group: FindingGroup) => React.ReactNode;
}

export function FindingGroups(p: FindingGroupsProps) {
  const styles = useStyles();
  const [expanded, setExpanded] = useState<Severity[]>([]);
  const groups = groupFindings(p.findings);
  if (groups.length === 0) return <>{p.empty}</>;
  const first = p.firstShown ?? Infinity;
  return (
    <>
      {groups.map((g) => {
        const headingId = `${p.idPrefix}-${g.severity}`;
        const all = expanded.includes(g.severity);
        const shown = all ? g.findings : g.findings.slice(0, first);
        const label = g.label.toLowerCase();
        return (
          <div key={g.severity} className={styles.group} data-testid={headingId}>
            <h3 id={headingId} className={styles.heading}>
              {g.label}
              <Badge
                size="small"
                color={BADGE_COLOR[g.severity]}
                appearance="filled"
                aria-label={p.countLabel ? `${g.findings.length} ${label}` : undefined}
              >
                {g.findings.length}
              </Badge>
            </h3>
            <ul className={styles.list} aria-labelledby={headingId}>
              {shown.map((f, i) => p.renderFinding(f, i, g))}
            </ul>
            {g.findings.length > first && (
              <Button
                size="small"
                appearance="subtle"
                className={styles.more}
                onClick={() =>
                  setExpanded((e) => (all ? e.filter((s) => s !== g.severity) : [...e, g.severity]))
                }
                aria-expanded={all}
              >
                {all ? `Thu gọn ${label}` : `Hiện thêm ${g.findings.length - first} ${label}`}
              </Button>
            )}
          </div>
        );
      })}
    </>
  );
}
