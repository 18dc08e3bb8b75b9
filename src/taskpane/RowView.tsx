/** File mode: the task row a finding points at, its main cells, the finding's cell highlighted. */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { TrackingRow } from "../core/workbook/tracking-model";
import { rowViewCells } from "./tracking-view";

const useStyles = makeStyles({
  box: {
    margin: 0,
    marginLeft: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    display: "grid",
    gridTemplateColumns: "minmax(6em, 35%) 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  caption: {
    gridColumn: "1 / -1",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  dt: { color: tokens.colorNeutralForeground3, margin: 0 },
  dd: { margin: 0, wordBreak: "break-word" },
  hl: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorderActive}`,
    fontWeight: tokens.fontWeightSemibold,
    paddingLeft: "2px",
    paddingRight: "2px",
  },
  empty: { color: tokens.colorNeutralForeground4, fontStyle: "italic" },
});

export function RowView({ row, column }: { row: TrackingRow; column?: string }) {
  const styles = useStyles();
  const cells = rowViewCells(row, column);
  return (
    <dl className={styles.box} data-testid="row-view" aria-label={`Dòng ${row.sheetRow}`}>
      <div className={styles.caption}>Dòng {row.sheetRow}</div>
      {cells.map((c) => (
        <React.Fragment key={c.header}>
          <dt className={styles.dt}>{c.header}</dt>
          <dd
            className={c.highlighted ? styles.hl : styles.dd}
            data-testid={c.highlighted ? "row-view-cell" : undefined}
          >
            {c.value || <span className={styles.empty}>(trống)</span>}
          </dd>
        </React.Fragment>
      ))}
    </dl>
  );
}
