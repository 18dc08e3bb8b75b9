/** What a fix changed, cell by cell: before → after, and why. */
import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { CellChange } from "../core/tracking/changes";
import { changeLine } from "./tracking-view";
import { plainListStyle } from "./plain-list-style";

const useStyles = makeStyles({
  list: plainListStyle(tokens.spacingVerticalXS),
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
  },
  values: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: "6px" },
  before: {
    textDecorationLine: "line-through",
    color: tokens.colorNeutralForeground3,
    wordBreak: "break-word",
  },
  after: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorPaletteGreenForeground1,
    wordBreak: "break-word",
  },
  place: { color: tokens.colorNeutralForeground3 },
});

export function ChangeList({ changes, label }: { changes: CellChange[]; label: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label} data-testid="changes-list">
      {changes.map((c) => {
        const l = changeLine(c);
        return (
          <li key={`${l.cell}-${l.after}`} className={styles.item} data-testid="change">
            <Caption1 className={styles.place}>
              {l.cell} · {l.place}
            </Caption1>
            <span className={styles.values}>
              <span className={styles.before} aria-label={`Trước: ${l.before}`}>
                {l.before}
              </span>
              <span aria-hidden="true">→</span>
              <span className={styles.after} aria-label={`Sau: ${l.after}`}>
                {l.after}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
