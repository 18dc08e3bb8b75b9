/** The style of a <ul> shown as a plain stack: no bullets, no indent, `gap` between items. */
import type { GriffelStyle } from "@fluentui/react-components";

export function plainListStyle(gap: string): GriffelStyle {
  return {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap,
  };
}
