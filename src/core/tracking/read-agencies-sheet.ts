/** "Đơn vị" read back: the agency directory as officers keep it (columns by header). */
import type { Agency, AgencyKind } from "../model";
import { foldVietnamese } from "../text/fold";
import { AGENCY_KIND_LABELS } from "../workbook/agencies-sheet";
import { AGENCY_COLUMNS } from "../workbook/columns";
import { cellText } from "./raw-cell";
import { dateOf, records, splitList, type TrackingSheetCells } from "./tracking-cells";

const KIND_BY_LABEL = new Map(
  Object.entries(AGENCY_KIND_LABELS).map(([k, label]) => [foldVietnamese(label), k as AgencyKind])
);

export function readAgenciesSheet(s: TrackingSheetCells | undefined): Agency[] {
  const f = (h: string) => foldVietnamese(h);
  return records(s).flatMap((r): Agency[] => {
    const name = cellText(r.get(f(AGENCY_COLUMNS.name)));
    if (!name) return [];
    const kind = KIND_BY_LABEL.get(f(cellText(r.get(f(AGENCY_COLUMNS.kind))))) ?? "other";
    const successor = cellText(r.get(f(AGENCY_COLUMNS.successor)));
    const effective = r.get(f(AGENCY_COLUMNS.effective));
    const memberOf = splitList(cellText(r.get(f(AGENCY_COLUMNS.memberOf))));
    const since = dateOf(r.get(f(AGENCY_COLUMNS.since)));
    return [
      {
        name,
        shortNames: splitList(cellText(r.get(f(AGENCY_COLUMNS.shortNames)))),
        aliases: splitList(cellText(r.get(f(AGENCY_COLUMNS.aliases)))),
        kind,
        ...(kind === "collective" ? { collective: true } : {}),
        ...(successor
          ? { successor: { name: successor, effective: dateOf(effective) ?? "" } }
          : {}),
        ...(memberOf.length > 0 ? { memberOf } : {}),
        ...(since ? { since } : {}),
      },
    ];
  });
}
