/**
 * What the importer noticed, errors first. A finding that points at a row is a button:
 * it shows that task in the preview (and, in Excel, selects the source cell).
 */
import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import type { Finding } from "../core/model";
import { formatLocation } from "./findings-view";
import { FindingGroups } from "./FindingGroups";
import { FindingCard } from "./FindingCard";

export function FindingsPanel({
  findings,
  onSelect,
}: {
  findings: Finding[];
  onSelect: (f: Finding) => void;
}) {
  return (
    <FindingGroups
      findings={findings}
      idPrefix="findings"
      empty={<Caption1 data-testid="no-findings">Không có lỗi hay cảnh báo nào.</Caption1>}
      renderFinding={(f, i, g) => {
        const where = formatLocation(f.location);
        return (
          <li key={`${f.code}-${i}`} data-testid="finding">
            <FindingCard
              severity={g.severity}
              text={f.message}
              place={where}
              label={`${g.label}: ${f.message}${where ? `. ${where}` : ""}. Bấm để xem nhiệm vụ.`}
              onSelect={f.location.row ? () => onSelect(f) : undefined}
            />
          </li>
        );
      }}
    />
  );
}
