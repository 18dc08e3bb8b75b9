/**
 * One finding as a card edged in its severity's colour: its text and, below, where it is.
 * With onSelect it is a button (the finding points at a row); otherwise plain text.
 */
import * as React from "react";
import { Body1, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Severity } from "../core/model";

const useStyles = makeStyles({
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
  current: {
    backgroundColor: tokens.colorBrandBackground2,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  place: { color: tokens.colorNeutralForeground3 },
  message: { wordBreak: "break-word" },
});

export interface FindingCardProps {
  severity: Severity;
  text: string;
  /** Where the finding is ("Hàng 12, cột Chủ trì"); "" when nowhere in particular. */
  place: string;
  /** The button's accessible name. */
  label: string;
  /** The finding the officer chose last (highlighted, aria-current). */
  current?: boolean;
  onSelect?: () => void;
}

export function FindingCard({ severity, text, place, label, current, onSelect }: FindingCardProps) {
  const styles = useStyles();
  const content = (
    <>
      <Body1 className={styles.message}>{text}</Body1>
      {place && <Caption1 className={styles.place}>{place}</Caption1>}
    </>
  );
  const cls = mergeClasses(styles.item, styles[severity]);
  if (!onSelect) return <div className={cls}>{content}</div>;
  return (
    <button
      type="button"
      className={mergeClasses(cls, styles.clickable, current ? styles.current : undefined)}
      aria-current={current ? "true" : undefined}
      aria-label={label}
      onClick={onSelect}
    >
      {content}
    </button>
  );
}
