/**
 * Before the workbook is written: which agencies the plan names no longer exist on the report
 * date, and who its rows go to (plan-successors.ts: the plan's field decides where a split
 * agency's work went). The officer sees the mapping here and changes it later in the
 * "Đơn vị kế thừa" column of the "Đơn vị" sheet.
 */
import * as React from "react";
import { useEffect, useState } from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ImportResult } from "../core/model";
import type { SuccessorMapping } from "../core/agency/plan-successors";
import { formatIsoDateVi, isValidIsoDate } from "./report-date";
import { plainListStyle } from "./plain-list-style";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: plainListStyle(tokens.spacingVerticalXS),
  item: { overflowWrap: "break-word" },
  hint: { color: tokens.colorNeutralForeground3 },
});

async function mappings(result: ImportResult, date: string): Promise<SuccessorMapping[]> {
  const [{ successorMappings }, { defaultAgencies }] = await Promise.all([
    import(/* webpackChunkName: "workbook" */ "../core/agency/plan-successors"),
    import(/* webpackChunkName: "workbook" */ "../core/agency/default-directory"),
  ]);
  return successorMappings(result, defaultAgencies(result.plan.province || undefined), date);
}

export function SuccessorPreview({
  result,
  reportYear,
  reportDate,
}: {
  result: ImportResult;
  reportYear: string;
  reportDate: string;
}) {
  const styles = useStyles();
  const [list, setList] = useState<SuccessorMapping[]>([]);
  useEffect(() => {
    let live = true;
    if (!isValidIsoDate(reportDate)) return;
    void mappings(result, reportDate).then((m) => live && setList(m));
    return () => {
      live = false;
    };
  }, [result, reportDate]);
  if (list.length === 0) return null;
  return (
    <div className={styles.box} data-testid="successor-preview">
      <h3 className={styles.heading}>Đơn vị đã sắp xếp lại (năm {reportYear})</h3>
      <Caption1 className={styles.hint}>
        Các dòng năm {reportYear} ghi cho đơn vị tồn tại ngày {formatIsoDateVi(reportDate)}; tên
        theo kế hoạch vẫn ở cột “Các đơn vị chủ trì” và “Phối hợp theo kế hoạch”. Đổi đơn vị kế thừa
        ở cột “Đơn vị kế thừa”, trang “Đơn vị”.
      </Caption1>
      <ul className={styles.list}>
        {list.map((m) => (
          <li key={m.from} className={styles.item} data-testid="successor">
            <Caption1>
              {m.from} → <strong>{m.to}</strong>
              {m.field ? ` (lĩnh vực ${m.field})` : ""}: {m.leadTasks} nhiệm vụ chủ trì,{" "}
              {m.partnerTasks} phối hợp
            </Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}
