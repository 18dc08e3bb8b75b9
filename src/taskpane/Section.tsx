/** A titled block of the pane; its heading is a real <h2> so screen-reader users can jump between steps. */
import * as React from "react";
import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  title: { margin: 0 },
});

export function Section(props: {
  title: string;
  testId?: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
}) {
  const styles = useStyles();
  const headingId = React.useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={props.testId}>
      <Subtitle2 as="h2" id={headingId} className={styles.title}>
        {props.title}
      </Subtitle2>
      {props.children}
    </section>
  );
}
