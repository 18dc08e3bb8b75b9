/**
 * The officer's answers to the questions ReachQuestions asks before the workbook is written,
 * apart from the component: the import tab holds them from the start, while the questions'
 * fields (Input, Select) load with the preview, not in the pane's initial bundle.
 */
import type { AgencyKind } from "../core/model";

export interface ReachAnswers {
  /** Collective → member names typed by the officer ("Báo X; Đài Y"), as typed. */
  members: Record<string, string>;
  /** Added agency → kind chosen. */
  agencyKinds: Record<string, AgencyKind>;
}

export const NO_ANSWERS: ReachAnswers = { members: {}, agencyKinds: {} };

/** The answers as buildTrackingWorkbook takes them (empty member lists left out). */
export function answersForWorkbook(a: ReachAnswers): {
  members: Record<string, string[]>;
  agencyKinds: Record<string, AgencyKind>;
} {
  const members: Record<string, string[]> = {};
  for (const [group, typed] of Object.entries(a.members)) {
    const names = typed
      .split(/[;\n]/)
      .map((n) => n.trim())
      .filter(Boolean);
    if (names.length) members[group] = names;
  }
  return { members, agencyKinds: a.agencyKinds };
}
