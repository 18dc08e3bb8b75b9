/**
 * The pane's spoken status: a visually hidden aria-live region. Screen readers announce each
 * new text (import done, workbook ready…) without moving the user's focus.
 */
import * as React from "react";
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

export function LiveStatus({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <div
      className={styles.hidden}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="live-status"
    >
      {text}
    </div>
  );
}
