/**
 * "Tổng hợp": per lead agency, the four outcomes the Government Office counts and the
 * completion rate (hoàn thành ÷ (hoàn thành + quá hạn)), computed by core rollup. Compact for
 * a 320 px pane: short column heads with their full meaning in <abbr title> and a legend.
 */
import * as React from "react";
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Rollup } from "../core/tracking/rollup";
import { rollupLines, type RollupLine } from "./tracking-view";

const useStyles = makeStyles({
  wrap: { overflowX: "auto", maxWidth: "100%" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
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
    whiteSpace: "nowrap",
  },
  thName: { textAlign: "left", whiteSpace: "normal" },
  td: {
    textAlign: "right",
    padding: "4px 4px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
  },
  name: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    wordBreak: "break-word",
    width: "45%",
  },
  total: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  abbr: { textDecorationLine: "none", cursor: "help" },
  legend: { color: tokens.colorNeutralForeground3 },
});

const HEADS: { key: keyof RollupLine; short: string; full: string }[] = [
  { key: "total", short: "Tổng", full: "Tổng số nhiệm vụ trong năm báo cáo" },
  { key: "onTime", short: "Đúng hạn", full: "Hoàn thành đúng hạn" },
  { key: "late", short: "Trễ", full: "Hoàn thành quá hạn" },
  { key: "overdue", short: "Quá hạn", full: "Chưa hoàn thành, đã quá hạn" },
  { key: "rate", short: "Tỷ lệ", full: "Tỷ lệ hoàn thành = hoàn thành ÷ (hoàn thành + quá hạn)" },
];

export function RollupTable({ data }: { data: Rollup }) {
  const styles = useStyles();
  const { agencies, total } = rollupLines(data);
  const row = (l: RollupLine, isTotal: boolean) => (
    <tr
      key={l.agency}
      className={isTotal ? styles.total : undefined}
      data-testid={isTotal ? "rollup-total" : "rollup-row"}
      data-agency={l.agency}
      data-total={l.total}
      data-on-time={l.onTime}
      data-late={l.late}
      data-overdue={l.overdue}
      data-rate={l.rateValue === null ? "" : String(l.rateValue)}
    >
      <th scope="row" className={mergeClasses(styles.td, styles.name)}>
        {l.agency}
      </th>
      <td className={styles.td}>{l.total}</td>
      <td className={styles.td}>{l.onTime}</td>
      <td className={styles.td}>{l.late}</td>
      <td className={mergeClasses(styles.td, l.overdue > 0 && styles.overdue)}>{l.overdue}</td>
      <td className={styles.td}>{l.rate}</td>
    </tr>
  );
  return (
    <>
      <div className={styles.wrap}>
        <table className={styles.table} data-testid="rollup-table">
          <caption className={styles.caption}>
            Theo đơn vị chủ trì, năm {data.year}, tính đến ngày{" "}
            {data.date.split("-").reverse().join("/")}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.th, styles.thName)}>
                Đơn vị chủ trì
              </th>
              {HEADS.map((h) => (
                <th key={h.key} scope="col" className={styles.th}>
                  <abbr title={h.full} className={styles.abbr}>
                    {h.short}
                  </abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{agencies.map((l) => row(l, false))}</tbody>
          <tfoot>{row(total, true)}</tfoot>
        </table>
      </div>
      <Caption1 className={styles.legend}>
        Đúng hạn / Trễ: đã hoàn thành đúng hạn / quá hạn. Quá hạn: chưa hoàn thành và đã quá hạn. Tỷ
        lệ = hoàn thành ÷ (hoàn thành + quá hạn); “—” khi chưa có nhiệm vụ đến hạn.
      </Caption1>
    </>
  );
}
