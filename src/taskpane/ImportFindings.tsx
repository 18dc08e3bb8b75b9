/**
 * The import preview's findings grouped by what the officer must do (core/import/
 * finding-actions.ts): one line per unknown agency with its count and one "replace on every
 * row" button, one line for a table without groups, one for auto-numbered rows. Choosing a
 * line shows its first task.
 */
import * as React from "react";
import { Badge, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../core/model";
import { findingActions } from "../core/import/finding-actions";
import { FindingCard } from "./FindingCard";
import { SEVERITY_LABEL, formatLocation } from "./findings-view";
import { plainListStyle } from "./plain-list-style";

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  list: plainListStyle(tokens.spacingVerticalXS),
  item: { display: "flex", flexDirection: "column", gap: "2px" },
  fix: { alignSelf: "flex-start" },
  summary: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface ImportFindingsProps {
  findings: Finding[];
  onSelect: (f: Finding) => void;
  /** Replace an unknown agency, as written, by a directory name on every row. */
  onReplaceAgency: (written: string, name: string) => void;
  busy?: boolean;
}

export function ImportFindings({ findings, onSelect, onReplaceAgency, busy }: ImportFindingsProps) {
  const styles = useStyles();
  const actions = findingActions(findings);
  if (actions.length === 0)
    return <Caption1 data-testid="no-findings">Không có lỗi hay cảnh báo nào.</Caption1>;
  const counts = (["error", "warning", "info"] as Severity[])
    .map((s) => [s, actions.filter((a) => a.severity === s).length] as const)
    .filter(([, n]) => n > 0);
  return (
    <>
      <div className={styles.summary} aria-hidden="true">
        {counts.map(([s, n]) => (
          <Badge key={s} color={BADGE_COLOR[s]} appearance="tint">
            {n} {SEVERITY_LABEL[s].toLowerCase()}
          </Badge>
        ))}
      </div>
      <ul className={styles.list} data-testid="import-findings">
        {actions.map((a) => {
          const [first] = a.findings;
          const place = a.rows.length > 1 || !first ? "" : formatLocation(first.location);
          const suggestion = a.agency?.suggestion;
          return (
            <li key={a.id} className={styles.item} data-testid="finding" data-action={a.id}>
              <FindingCard
                severity={a.severity}
                text={a.message}
                place={place}
                label={`${SEVERITY_LABEL[a.severity]}: ${a.message} Bấm để xem nhiệm vụ.`}
                onSelect={first?.location.row ? () => onSelect(first) : undefined}
              />
              {a.agency && suggestion && (
                <Button
                  size="small"
                  className={styles.fix}
                  disabled={busy}
                  onClick={() => onReplaceAgency(a.agency!.written, suggestion)}
                  data-testid="replace-agency"
                >
                  {`Thay "${a.agency.written}" bằng "${suggestion}" (${a.findings.length} chỗ)`}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
