/** Step 2: what was read (plan, groups and tasks) and what needs attention (findings). */
import * as React from "react";
import {
  Badge,
  Divider,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Finding, ImportResult, Task } from "../core/model";
import { FINDINGS } from "../core/import/finding-codes";
import { Section } from "./Section";
import { PlanInfo } from "./PlanInfo";
import { TaskList } from "./TaskList";
import { ImportFindings } from "./ImportFindings";
import { ProseAdditions } from "./ProseAdditions";
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
  onEdit: (task: Task) => void;
  onReplaceAgency: (written: string, name: string) => void;
  onAddAdditions: (keys: Set<string>) => void;
}

export function PreviewPanel({
  result,
  highlightedRow,
  openGroups,
  onOpenGroupsChange,
  onFinding,
  onEdit,
  onReplaceAgency,
  onAddAdditions,
}: PreviewPanelProps) {
  const styles = useStyles();
  const prose = result.origin === "prose";
  const proseNote = result.findings.find((f) => f.code === FINDINGS.PROSE_READ);
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
      {prose && (
        <MessageBar intent="warning" data-testid="prose-banner">
          <MessageBarBody>
            {proseNote?.message ??
              "Các nhiệm vụ được đọc từ văn bản của kế hoạch, không phải từ bảng phụ lục."}{" "}
            Bấm “Sửa” ở nhiệm vụ cần chỉnh trước khi tạo sổ theo dõi.
          </MessageBarBody>
        </MessageBar>
      )}
      <Divider />
      <div className={styles.block}>
        <Subtitle2 as="h3" className={styles.sub}>
          Kiểm tra
        </Subtitle2>
        <ImportFindings
          findings={result.findings.filter((f) => f.code !== FINDINGS.PROSE_READ)}
          onSelect={onFinding}
          onReplaceAgency={onReplaceAgency}
        />
      </div>
      {result.additions && result.additions.tasks.length > 0 && (
        <>
          <Divider />
          <div className={styles.block}>
            <Subtitle2 as="h3" className={styles.sub}>
              Nhiệm vụ giao thêm trong phần tổ chức thực hiện
            </Subtitle2>
            <ProseAdditions
              key={result.additions.tasks.map((t) => t.key).join()}
              tasks={result.additions.tasks}
              onAdd={onAddAdditions}
            />
          </div>
        </>
      )}
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
          onEdit={prose || result.tasks.some((t) => t.origin === "prose") ? onEdit : undefined}
        />
      </div>
    </Section>
  );
}
