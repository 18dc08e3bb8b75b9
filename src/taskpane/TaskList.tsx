/**
 * The tasks, group by group. A card per task rather than a 6-column table: the pane is
 * 320–450 px wide, where a table would be unreadable. Each task's element has a stable id
 * (by source row) so a finding can scroll to it and move focus there.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { AgencyRef, Group, Task } from "../core/model";
import { tasksByGroup, yearsText } from "./plan-summary";
import { groupKey, taskElementId } from "./task-ids";
import { plainListStyle } from "./plain-list-style";

const useStyles = makeStyles({
  list: plainListStyle(tokens.spacingVerticalS),
  task: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    scrollMarginTop: "48px",
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  highlighted: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteMarigoldBorderActive}`,
  },
  review: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteDarkOrangeBorderActive}`,
  },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  stt: { flexShrink: 0, minWidth: "2.5em" },
  title: { wordBreak: "break-word" },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: "break-word" },
  unmatched: { color: tokens.colorPaletteDarkOrangeForeground1 },
  groupHeader: { wordBreak: "break-word", fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: "flex", justifyContent: "flex-end" },
  count: {
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    marginLeft: tokens.spacingHorizontalXS,
    whiteSpace: "nowrap",
  },
});

function Agencies({ list }: { list: AgencyRef[] }) {
  const styles = useStyles();
  if (list.length === 0) return <Caption1>—</Caption1>;
  return (
    <Caption1>
      {list.map((a, i) => (
        <React.Fragment key={i}>
          {i > 0 && "; "}
          <span
            className={a.matched ? undefined : styles.unmatched}
            title={
              a.matched
                ? a.written !== a.name
                  ? `Trong kế hoạch: ${a.written}`
                  : undefined
                : "Không có trong danh mục đơn vị"
            }
          >
            {a.name}
          </span>
        </React.Fragment>
      ))}
    </Caption1>
  );
}

function TaskCard({
  task,
  highlighted,
  onEdit,
}: {
  task: Task;
  highlighted: boolean;
  onEdit?: (task: Task) => void;
}) {
  const styles = useStyles();
  const stt = task.stt || task.numbered;
  return (
    <li
      id={taskElementId(task.sourceRow)}
      tabIndex={-1}
      className={mergeClasses(
        styles.task,
        task.needsReview && styles.review,
        highlighted && styles.highlighted
      )}
      aria-label={`Nhiệm vụ ${stt}`}
      aria-current={highlighted ? "true" : undefined}
      data-testid="task-row"
      data-key={task.key}
    >
      <div className={styles.head}>
        <Badge
          className={styles.stt}
          appearance="tint"
          color={task.needsReview ? "warning" : "brand"}
          shape="rounded"
        >
          {stt}
        </Badge>
        <Body1 className={styles.title}>{task.title}</Body1>
        {task.kind === "request" && (
          <Badge appearance="outline" color="informative" data-testid="request-badge">
            Đề nghị
          </Badge>
        )}
      </div>
      <dl className={styles.facts}>
        <dt className={styles.term}>
          <Caption1>Chủ trì</Caption1>
        </dt>
        <dd className={styles.value}>
          <Agencies list={task.lead} />
        </dd>
        <dt className={styles.term}>
          <Caption1>Phối hợp</Caption1>
        </dt>
        <dd className={styles.value}>
          <Agencies list={task.partners} />
        </dd>
        <dt className={styles.term}>
          <Caption1>Thời gian</Caption1>
        </dt>
        <dd className={styles.value}>
          <Caption1>{task.timeText || "—"}</Caption1>
        </dd>
        <dt className={styles.term}>
          <Caption1>Năm</Caption1>
        </dt>
        <dd className={styles.value}>
          <Caption1>{yearsText(task.schedule)}</Caption1>
        </dd>
      </dl>
      {onEdit && (
        <Button
          size="small"
          appearance="subtle"
          onClick={() => onEdit(task)}
          aria-label={`Sửa nhiệm vụ ${stt}`}
          data-testid="edit-task"
        >
          Sửa
        </Button>
      )}
    </li>
  );
}

export interface TaskListProps {
  groups: Group[];
  tasks: Task[];
  highlightedRow: number | null;
  openGroups: string[];
  onOpenGroupsChange: (open: string[]) => void;
  /** When given, each task has a "Sửa" button (tasks read from prose). */
  onEdit?: (task: Task) => void;
}

export function TaskList({
  groups,
  tasks,
  highlightedRow,
  openGroups,
  onOpenGroupsChange,
  onEdit,
}: TaskListProps) {
  const styles = useStyles();
  const sections = tasksByGroup({ groups, tasks });
  const allKeys = sections.map((s) => groupKey(s.group));
  const allOpen = allKeys.every((k) => openGroups.includes(k));
  return (
    <>
      <div className={styles.toolbar}>
        <Button
          size="small"
          appearance="subtle"
          onClick={() => onOpenGroupsChange(allOpen ? [] : allKeys)}
          data-testid="toggle-groups"
        >
          {allOpen ? "Thu gọn tất cả nhóm" : "Mở tất cả nhóm"}
        </Button>
      </div>
      <Accordion
        multiple
        collapsible
        openItems={openGroups}
        onToggle={(_, data) => onOpenGroupsChange(data.openItems.map(String))}
        data-testid="task-groups"
      >
        {sections.map(({ group, tasks: list }) => (
          <AccordionItem key={groupKey(group)} value={groupKey(group)} data-testid="group">
            <AccordionHeader as="h3" size="medium">
              <span className={styles.groupHeader}>
                {group ? `${group.stt}. ${group.title}` : "Nhiệm vụ không thuộc nhóm"}
                <span className={styles.count}>({list.length} nhiệm vụ)</span>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {list.map((task) => (
                  <TaskCard
                    key={task.key}
                    task={task}
                    highlighted={highlightedRow === task.sourceRow}
                    onEdit={onEdit}
                  />
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </>
  );
}
