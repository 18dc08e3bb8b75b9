/**
 * A native stacked bar chart of status counts by lead agency on "Tổng hợp", from its section
 * "II. THEO ĐƠN VỊ CHỦ TRÌ" (the live COUNTIFS cells: the chart follows what officers type).
 * A chart of the same name is replaced. 2 syncs: read the sheet; delete + add. Charts are
 * ExcelApi 1.1; removing the "Tổng số" series (ChartSeries.delete) is 1.7, below the manifest's
 * minimum (ExcelApi 1.9), so it needs no runtime check.
 */
import { SHEETS } from "../../core/workbook/columns";
import { SUMMARY_STATUSES } from "../../core/workbook/summary-sheet";

export const STATUS_CHART_NAME = "BieuDoTinhTrang";

export async function insertStatusChart(
  context: Excel.RequestContext
): Promise<{ syncs: number; agencies: number }> {
  const ws = context.workbook.worksheets.getItem(SHEETS.summary);
  const used = ws.getUsedRange(true);
  used.load("values,rowIndex");
  const existing = ws.charts.getItemOrNullObject(STATUS_CHART_NAME);
  await context.sync();
  const labels = used.values.map((r) => String(r[0] ?? ""));
  const start = labels.findIndex((t) => t.startsWith("II."));
  const end = labels.findIndex((t, i) => i > start && t.startsWith("III."));
  if (start < 0 || end < 0 || end - start < 2)
    throw new Error(
      `Trang "${SHEETS.summary}" không có phần "II. THEO ĐƠN VỊ CHỦ TRÌ" có số liệu để vẽ biểu đồ.`
    );
  const first = used.rowIndex + start + 2; // 1-based first agency row
  const last = used.rowIndex + end; // 1-based last agency row

  if (!existing.isNullObject) existing.delete();
  // B = agency (categories), C = Tổng số, D…K = the statuses.
  const chart = ws.charts.add(
    "BarStacked" as Excel.ChartType,
    ws.getRange(`B${first}:K${last}`),
    "Columns" as Excel.ChartSeriesBy
  );
  chart.name = STATUS_CHART_NAME;
  chart.title.text = "Tình trạng nhiệm vụ theo đơn vị chủ trì";
  chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
  SUMMARY_STATUSES.forEach((s, i) => (chart.series.getItemAt(i + 1).name = s));
  chart.series.getItemAt(0).delete();
  chart.setPosition(`N${6}`, `Y${Math.max(30, 6 + (last - first + 1) * 2)}`);
  await context.sync();
  return { syncs: 2, agencies: last - first + 1 };
}
