/** "Đơn vị" read back: the agency directory as officers keep it (columns by header). */
import type { Agency, AgencyKind } from "../model";
import { foldVietnamese } from "../text/fold";
import { AGENCY_KIND_LABELS } from "../workbook/agencies-sheet";
import { AGENCY_COLUMNS } from "../workbook/columns";
import { cellText } from "./raw-cell";
import { dateOf, gridOf, records, splitList, type TrackingSheetCells } from "./tracking-cells";
import { defaultDirectory } from "../agency/default-directory";
import { nameKey } from "../agency/name-key";

const KIND_BY_LABEL = new Map(
  Object.entries(AGENCY_KIND_LABELS).map(([k, label]) => [foldVietnamese(label), k as AgencyKind])
);

/**
 * A workbook written before "Thành lập từ" existed: the founding dates the built-in directory
 * knows (agencies created by the 2025 reorganization), so its years before them still do not
 * reach those agencies. A sheet with the column is the officer's: taken as it is.
 */
function knownSince(s: TrackingSheetCells | undefined): (name: string) => string | undefined {
  const header = s ? gridOf(s)[0] : undefined;
  const hasColumn = Array.from(header ?? [], (h) => foldVietnamese(cellText(h))).includes(
    foldVietnamese(AGENCY_COLUMNS.since)
  );
  if (hasColumn) return () => undefined;
  const known = defaultDirectory();
  return (name) => {
    const a = known.get(name);
    return a && nameKey(a.name) === nameKey(name) ? a.since : undefined;
  };
}

export function readAgenciesSheet(s: TrackingSheetCells | undefined): Agency[] {
  const f = (h: string) => foldVietnamese(h);
  const fallbackSince = knownSince(s);
  return records(s).flatMap((r): Agency[] => {
    const name = cellText(r.get(f(AGENCY_COLUMNS.name)));
    if (!name) return [];
    const kind = KIND_BY_LABEL.get(f(cellText(r.get(f(AGENCY_COLUMNS.kind))))) ?? "other";
    const successor = cellText(r.get(f(AGENCY_COLUMNS.successor)));
    const effective = r.get(f(AGENCY_COLUMNS.effective));
    const memberOf = splitList(cellText(r.get(f(AGENCY_COLUMNS.memberOf))));
    const since = dateOf(r.get(f(AGENCY_COLUMNS.since))) ?? fallbackSince(name);
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
