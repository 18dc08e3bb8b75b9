/**
 * The body a report's Word file will hold, before it is written: parts I–V, each agency's text
 * with who wrote it for which task (the sources `phuluc report --json` prints), so the officer
 * sees what the draft quotes and from whom.
 */
import * as React from "react";
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Narrative, NarrativePart } from "../core/papers/narrative";
import type { LetterPara } from "../core/papers/letter";

const useStyles = makeStyles({
  box: {
    maxHeight: "360px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  part: { fontWeight: tokens.fontWeightSemibold },
  quote: { paddingLeft: tokens.spacingHorizontalM },
  source: { color: tokens.colorNeutralForeground3 },
});

function sourcesText(p: LetterPara): string {
  const tasks = [...new Set((p.sources ?? []).map((s) => s.stt || s.task).filter(Boolean))];
  return tasks.length ? `nhiệm vụ ${tasks.join(", ")}` : "";
}

function Paragraph({ p }: { p: LetterPara }) {
  const styles = useStyles();
  if (p.kind === "quote")
    return (
      <div className={styles.quote} data-testid="narrative-quote">
        <Text italic>{p.attribution}</Text>
        <Text>{p.text}</Text> <Caption1 className={styles.source}>({sourcesText(p)})</Caption1>
      </div>
    );
  return <Text weight={p.kind === "subhead" ? "semibold" : "regular"}>{p.text}</Text>;
}

export function NarrativePreview({ narrative }: { narrative: Narrative }) {
  const styles = useStyles();
  return (
    <div className={styles.box} data-testid="narrative-preview">
      {narrative.map((part: NarrativePart) => (
        <React.Fragment key={part.id}>
          <Text className={styles.part}>{`${part.id}. ${part.title}`}</Text>
          {part.paragraphs.map((p, i) => (
            <Paragraph key={i} p={p} />
          ))}
        </React.Fragment>
      ))}
    </div>
  );
}
