/**
 * A plan with both a phụ lục table and prose assignments: the table was imported; the prose
 * tasks it lacks are offered here, each with a checkbox, and join only when the officer adds them.
 */
import * as React from "react";
import { useState } from "react";
import { Body1, Button, Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import type { Task } from "../core/model";
import { plainListStyle } from "./plain-list-style";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: plainListStyle(tokens.spacingVerticalXS),
  lead: { color: tokens.colorNeutralForeground3 },
});

export function ProseAdditions({
  tasks,
  onAdd,
}: {
  tasks: Task[];
  onAdd: (keys: Set<string>) => void;
}) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const toggle = (key: string, on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  return (
    <div className={styles.block} data-testid="prose-additions">
      <Caption1>
        Phần tổ chức thực hiện của kế hoạch giao thêm {tasks.length} nhiệm vụ không có trong bảng
        phụ lục. Chọn những nhiệm vụ cần theo dõi:
      </Caption1>
      <ul className={styles.list}>
        {tasks.map((t) => (
          <li key={t.key}>
            <Checkbox
              checked={chosen.has(t.key)}
              onChange={(_, d) => toggle(t.key, d.checked === true)}
              label={
                <>
                  <Body1>{t.title}</Body1>{" "}
                  <Caption1 className={styles.lead}>
                    ({t.lead.map((a) => a.name).join("; ") || "chưa có chủ trì"})
                  </Caption1>
                </>
              }
              data-testid="addition"
            />
          </li>
        ))}
      </ul>
      <div>
        <Button
          disabled={chosen.size === 0}
          onClick={() => onAdd(chosen)}
          data-testid="add-additions"
        >
          Thêm {chosen.size || ""} nhiệm vụ đã chọn
        </Button>
      </div>
    </div>
  );
}
