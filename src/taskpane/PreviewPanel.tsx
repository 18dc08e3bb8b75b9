/** Step 2: what was read (plan, groups and tasks) and what needs attention (findings). */
import * as React from "react";
import { Badge, Divider, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, ImportResult } from "../core/model";
import { Section } from "./Section";
import { PlanInfo } from "./PlanInfo";
import { TaskList } from "./TaskList";
import { FindingsPanel } from "./FindingsPanel";
import { countsText } from "./plan-summary";

const useStyles = makeStyles({
  counts: { alignSelf: "flex-start" },
  sub: { margin: 0, fontSize: tokens.fontSizeBase300 },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface PreviewPanelProps {
  result: ImportResult;
  highlightedRow: number | null;
  openGroups: string[];
  onOpenGroupsChange: (open: string[]) => void;
  onFinding: (f: Finding) => void;
}

export function PreviewPanel({
  result,
  highlightedRow,
  openGroups,
  onOpenGroupsChange,
  onFinding,
}: PreviewPanelProps) {
  const styles = useStyles();
  return (
    <Section title="2. Xem trước" testId="preview">
      <PlanInfo plan={result.plan} />
      <Badge
        className={styles.counts}
        appearance="tint"
        color="brand"
        size="large"
        data-testid="counts"
      >
        {countsText(result.groups, result.tasks)}
      </Badge>
      <Divider />
      <div className={styles.block}>
        <Subtitle2 as="h3" className={styles.sub}>
          Kiểm tra
        </Subtitle2>
        <FindingsPanel findings={result.findings} onSelect={onFinding} />
      </div>
      <Divider />
      <div className={styles.block}>
        <Subtitle2 as="h3" className={styles.sub}>
          Nhóm và nhiệm vụ
        </Subtitle2>
        <TaskList
          groups={result.groups}
          tasks={result.tasks}
          highlightedRow={highlightedRow}
          openGroups={openGroups}
          onOpenGroupsChange={onOpenGroupsChange}
        />
      </div>
    </Section>
  );
}
