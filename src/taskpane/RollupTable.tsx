/**
 * "Tổng hợp": per lead agency, every status the total is made of (as the "Tổng hợp" sheet
 * counts them) and the completion rate (hoàn thành ÷ (hoàn thành + quá hạn)), computed by core
 * rollup. At 400 px the table scrolls sideways with the agency column kept in view; short
 * column heads carry their full meaning in <abbr title> and the legend.
 */
import * as React from "react";
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Rollup } from "../core/tracking/rollup";
import { rollupLines, unreadStatusNote, type RollupLine } from "./tracking-view";
import { formatViDate } from "../core/text/dates";

const useStyles = makeStyles({
  wrap: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontVariantNumeric: "tabular-nums",
  },
  caption: {
    textAlign: "left",
    color: tokens.colorNeutralForeground3,
    paddingBottom: tokens.spacingVerticalXS,
    captionSide: "top",
  },
  th: {
    textAlign: "right",
    fontWeight: tokens.fontWeightSemibold,
    padding: "4px 4px",
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: "bottom",
    // Heads wrap between words, never inside one.
    whiteSpace: "normal",
    wordBreak: "keep-all",
    minWidth: "3.2em",
  },
  td: {
    textAlign: "right",
    padding: "4px 4px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
    whiteSpace: "nowrap",
  },
  name: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: "normal",
    overflowWrap: "break-word",
    minWidth: "9em",
    maxWidth: "11em",
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `1px 0 0 ${tokens.colorNeutralStroke2}`,
  },
  total: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  totalName: { backgroundColor: tokens.colorNeutralBackground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  abbr: { textDecorationLine: "none", cursor: "help" },
  legend: { color: tokens.colorNeutralForeground3 },
});

type CountKey = Exclude<keyof RollupLine, "agency" | "rate" | "rateValue">;

/** Every count the total is made of, in the order of the "Tổng hợp" sheet. */
const ROLLUP_HEADS: { key: CountKey | "rate"; short: string; full: string; data: string }[] = [
  { key: "total", short: "Tổng", full: "Tổng số nhiệm vụ trong năm báo cáo", data: "total" },
  { key: "onTime", short: "Đúng hạn", full: "Hoàn thành đúng hạn", data: "on-time" },
  { key: "late", short: "Trễ hạn", full: "Hoàn thành quá hạn", data: "late" },
  {
    key: "undated",
    short: "Chưa rõ ngày",
    full: "Hoàn thành chưa ghi ngày (đã quá hạn, không biết đúng hạn hay trễ)",
    data: "undated",
  },
  { key: "overdue", short: "Quá hạn", full: "Chưa hoàn thành, đã quá hạn", data: "overdue" },
  {
    key: "inProgress",
    short: "Đang làm",
    full: "Đang thực hiện, còn trong hạn",
    data: "in-progress",
  },
  { key: "notDue", short: "Chưa đến hạn", full: "Chưa đến hạn", data: "not-due" },
  {
    key: "noDeadline",
    short: "Thường xuyên",
    full: "Thường xuyên (không có hạn)",
    data: "no-deadline",
  },
  { key: "notDone", short: "Không làm", full: "Không thực hiện", data: "not-done" },
  {
    key: "rate",
    short: "Tỷ lệ",
    full: "Tỷ lệ hoàn thành = hoàn thành ÷ (hoàn thành + quá hạn)",
    data: "rate",
  },
];

export function RollupTable({ data }: { data: Rollup }) {
  const styles = useStyles();
  const { agencies, total, requests } = rollupLines(data);
  const unread = unreadStatusNote(data);
  const row = (l: RollupLine, isTotal: boolean, kind: "" | "request-" = "") => {
    const counts = Object.fromEntries(
      ROLLUP_HEADS.filter((h) => h.key !== "rate").map((h) => [
        `data-${h.data}`,
        String(l[h.key as CountKey]),
      ])
    );
    return (
      <tr
        key={l.agency}
        className={isTotal ? styles.total : undefined}
        data-testid={isTotal ? `rollup-${kind}total` : `rollup-${kind}row`}
        data-agency={l.agency}
        {...counts}
        data-rate={l.rateValue === null ? "" : String(l.rateValue)}
      >
        <th
          scope="row"
          className={mergeClasses(styles.td, styles.name, isTotal && styles.totalName)}
        >
          {l.agency}
        </th>
        {ROLLUP_HEADS.map((h) =>
          h.key === "rate" ? (
            <td key={h.key} className={styles.td}>
              {l.rate}
            </td>
          ) : (
            <td
              key={h.key}
              className={mergeClasses(
                styles.td,
                h.key === "overdue" && l.overdue > 0 && styles.overdue
              )}
            >
              {l[h.key]}
            </td>
          )
        )}
      </tr>
    );
  };
  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col" className={mergeClasses(styles.th, styles.name)}>
          {first}
        </th>
        {ROLLUP_HEADS.map((h) => (
          <th key={h.key} scope="col" className={styles.th}>
            <abbr title={h.full} className={styles.abbr}>
              {h.short}
            </abbr>
          </th>
        ))}
      </tr>
    </thead>
  );
  const day = formatViDate(data.date);
  return (
    <>
      <div className={styles.wrap} tabIndex={0} aria-label="Bảng tổng hợp, cuộn ngang để xem hết">
        <table className={styles.table} data-testid="rollup-table">
          <caption className={styles.caption}>
            Theo đơn vị chủ trì, năm {data.year}, tính đến ngày {day}
            {requests ? " (không gồm các đề nghị)" : ""}
          </caption>
          {head("Đơn vị chủ trì")}
          <tbody>{agencies.map((l) => row(l, false))}</tbody>
          <tfoot>{row(total, true)}</tfoot>
        </table>
      </div>
      {requests && (
        <div
          className={styles.wrap}
          tabIndex={0}
          aria-label="Bảng các đề nghị, cuộn ngang để xem hết"
        >
          <table className={styles.table} data-testid="rollup-requests">
            <caption className={styles.caption}>
              Đề nghị (nhiệm vụ dưới mục “Đề nghị …” của kế hoạch: cơ quan được đề nghị phối hợp,
              không phải giao), tính riêng, không cộng vào Toàn tỉnh
            </caption>
            {head("Cơ quan được đề nghị")}
            <tbody>{requests.agencies.map((l) => row(l, false, "request-"))}</tbody>
            <tfoot>{row(requests.total, true, "request-")}</tfoot>
          </table>
        </div>
      )}
      {unread && (
        <Caption1 className={styles.legend} data-testid="rollup-unread-status">
          {unread}
        </Caption1>
      )}
      <Caption1 className={styles.legend}>
        Bảng rộng hơn khung: cuộn ngang để xem các cột còn lại. Tổng = Đúng hạn + Trễ hạn + Chưa rõ
        ngày + Quá hạn + Đang làm + Chưa đến hạn + Thường xuyên + Không làm. “Chưa rõ ngày”: đã Hoàn
        thành nhưng chưa ghi ngày khi hạn đã qua. Tỷ lệ = hoàn thành (ba cột đầu) ÷ (hoàn thành +
        quá hạn); “—” khi chưa có nhiệm vụ đến hạn.
      </Caption1>
    </>
  );
}
