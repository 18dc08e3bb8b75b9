/**
 * Findings of "Kiểm tra", to work through: a filter by agency (each agency fixes its own rows),
 * then per severity (Lỗi / Cảnh báo / Thông tin) the groups of what must be done
 * (finding-kinds.ts), each with its count, the agencies concerned and one action for the group
 * ("Sửa 3 ô này", "Đổi tất cả 12 ô "Sở TT&TT" thành "Sở VHTTDL""). Each finding is a button: in
 * Excel it selects its cell, in file mode it opens the row view below it. A guessed agency
 * (not in the directory) keeps its own button: a guess is confirmed one row at a time.
 */
import * as React from "react";
import { useMemo, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Finding, Severity } from "../core/model";
import type { TrackingRow } from "../core/tracking/tracking-model";
import { findingCountsText, SEVERITY_LABEL, SEVERITY_ORDER } from "./findings-view";
import { choiceFixLabel, findingId, findingPlace, findingText } from "./tracking-view";
import {
  agencyChoices,
  findingAgency,
  groupSummary,
  kindGroups,
  type KindGroup,
} from "./finding-kinds";
import { FindingCard } from "./FindingCard";
import { RowView } from "./RowView";
import { plainListStyle } from "./plain-list-style";

/** Per group, this many are shown before "Hiện thêm". */
const FIRST = 5;

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  severity: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sevHeading: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  groupHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "break-word",
  },
  groupMeta: { color: tokens.colorNeutralForeground3, overflowWrap: "break-word" },
  list: plainListStyle(tokens.spacingVerticalXS),
  li: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  action: { alignSelf: "flex-start", maxWidth: "100%" },
  actionText: { whiteSpace: "normal", textAlign: "left" },
  counts: { fontWeight: tokens.fontWeightSemibold },
  more: { alignSelf: "flex-start" },
});

export interface TrackingFindingsProps {
  findings: Finding[];
  inExcel: boolean;
  busy: boolean;
  selectedId: string | null;
  /** The task row of a finding (its agency; file mode's row view). */
  rowOf: (f: Finding) => TrackingRow | undefined;
  onSelect: (f: Finding, id: string) => void;
  /** One guessed fix, confirmed by the officer. */
  onFix: (f: Finding) => void;
  /** The fixes of a whole group, applied at once (one backup batch / one new file). */
  onFixGroup: (findings: Finding[], what: string) => void;
}

export function TrackingFindings(p: TrackingFindingsProps) {
  const styles = useStyles();
  const [agency, setAgency] = useState("");
  const [expanded, setExpanded] = useState<string[]>([]);
  const choices = useMemo(() => agencyChoices(p.findings, p.rowOf), [p.findings, p.rowOf]);
  const shown = useMemo(
    () => (agency ? p.findings.filter((f) => findingAgency(f, p.rowOf) === agency) : p.findings),
    [agency, p.findings, p.rowOf]
  );
  const groups = useMemo(() => kindGroups(shown, p.rowOf), [shown, p.rowOf]);

  const renderFinding = (g: KindGroup, f: Finding, i: number) => {
    const id = findingId(f, i);
    const place = findingPlace(f);
    const text = findingText(f);
    const current = p.selectedId === id;
    const row = current && !p.inExcel ? p.rowOf(f) : undefined;
    const guess = f.code === "AGENCY_UNKNOWN" && f.fix;
    return (
      <li
        key={id}
        className={styles.li}
        data-testid="t-finding"
        data-code={f.code}
        data-row={f.location.row ?? ""}
        data-column={f.location.column ?? ""}
      >
        <FindingCard
          severity={g.severity}
          text={text}
          place={place}
          label={`${SEVERITY_LABEL[g.severity]}: ${text}. ${place}. ${
            p.inExcel ? "Bấm để chọn ô trong Excel." : "Bấm để xem dòng."
          }`}
          current={current}
          onSelect={f.location.row ? () => p.onSelect(f, id) : undefined}
        />
        {guess && (
          <Button
            size="small"
            appearance="secondary"
            className={styles.action}
            disabled={p.busy}
            onClick={() => p.onFix(f)}
            title={f.fix!.description}
            aria-label={`${f.fix!.description}, ${place}`}
            data-testid="choice-fix"
          >
            <span className={styles.actionText}>{choiceFixLabel(f)}</span>
          </Button>
        )}
        {row && <RowView row={row} column={f.location.column} />}
      </li>
    );
  };

  const renderGroup = (g: KindGroup) => {
    const headingId = `t-kind-${g.id.replace(/[^\p{L}\p{N}]+/gu, "-")}`;
    const all = expanded.includes(g.id);
    const list = all ? g.findings : g.findings.slice(0, FIRST);
    const fixable = g.findings.filter((f) => f.fix);
    return (
      <div
        key={g.id}
        className={styles.group}
        data-testid="t-kind"
        data-code={g.code}
        data-count={g.findings.length}
      >
        <h4 id={headingId} className={styles.groupHeading}>
          {g.label} ({g.findings.length})
        </h4>
        <Caption1 className={styles.groupMeta}>
          {groupSummary(g)}
          {g.agencies.length > 0 && g.agencies.length <= 3 ? `: ${g.agencies.join("; ")}` : ""}
        </Caption1>
        {g.action && (
          <Button
            size="small"
            appearance={g.action.kind === "rename" ? "primary" : "secondary"}
            className={styles.action}
            disabled={p.busy}
            onClick={() => p.onFixGroup(fixable, g.action!.label)}
            data-testid="group-fix"
          >
            <span className={styles.actionText}>{g.action.label}</span>
          </Button>
        )}
        <ul className={styles.list} aria-labelledby={headingId}>
          {list.map((f, i) => renderFinding(g, f, i))}
        </ul>
        {g.findings.length > FIRST && (
          <Button
            size="small"
            appearance="subtle"
            className={styles.more}
            aria-expanded={all}
            onClick={() => setExpanded((e) => (all ? e.filter((x) => x !== g.id) : [...e, g.id]))}
          >
            {all ? "Thu gọn" : `Hiện thêm ${g.findings.length - FIRST}`}
          </Button>
        )}
      </div>
    );
  };

  return (
    <>
      <Body1 className={styles.counts} data-testid="t-counts">
        {p.findings.length === 0
          ? "Không có lỗi hay cảnh báo nào."
          : `Có ${findingCountsText(p.findings)}.`}
      </Body1>
      {choices.length > 1 && (
        <Field label="Lọc theo đơn vị chủ trì (mỗi đơn vị sửa dòng của mình)">
          <Select
            value={agency}
            onChange={(_, d) => setAgency(d.value)}
            data-testid="t-agency-filter"
          >
            <option value="">Tất cả đơn vị ({p.findings.length})</option>
            {choices.map((c) => (
              <option key={c.agency} value={c.agency}>
                {c.agency} ({c.count})
              </option>
            ))}
          </Select>
        </Field>
      )}
      {groups.length === 0 && p.findings.length > 0 && (
        <Caption1>Đơn vị này không có phát hiện nào.</Caption1>
      )}
      {p.findings.length === 0 && (
        <Caption1 data-testid="t-no-findings">Không có lỗi, cảnh báo hay thông tin nào.</Caption1>
      )}
      {SEVERITY_ORDER.map((severity) => {
        const mine = groups.filter((g) => g.severity === severity);
        if (mine.length === 0) return null;
        const count = mine.reduce((n, g) => n + g.findings.length, 0);
        const label = SEVERITY_LABEL[severity];
        return (
          <section
            key={severity}
            className={styles.severity}
            data-testid={`t-findings-${severity}`}
            aria-labelledby={`t-findings-${severity}-h`}
          >
            <h3 id={`t-findings-${severity}-h`} className={styles.sevHeading}>
              {label}
              <Badge
                size="small"
                color={BADGE_COLOR[severity]}
                appearance="filled"
                aria-label={`${count} ${label.toLowerCase()}`}
              >
                {count}
              </Badge>
            </h3>
            {mine.map(renderGroup)}
          </section>
        );
      })}
    </>
  );
}
