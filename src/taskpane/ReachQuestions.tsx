/**
 * Before the workbook is written, what the import cannot decide alone (tracking-workbook.ts
 * importQuestions): who receives the tasks of a collective that has no members ("Các cơ quan
 * báo chí tỉnh": its members, or one recipient), and the kind of each agency the directory did
 * not know (added to "Đơn vị"). Unanswered, a collective's tasks stay one shared row that
 * `distribute` lists as reaching nobody; the answers go into the workbook's directory.
 */
import * as React from "react";
import { useEffect, useState } from "react";
import { Caption1, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { AgencyKind, ImportResult } from "../core/model";
import type { ImportQuestions } from "../core/workbook/tracking-workbook";
import { isValidIsoDate } from "./report-date";
import { plainListStyle } from "./plain-list-style";
import type { ReachAnswers } from "./reach-answers";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: plainListStyle(tokens.spacingVerticalS),
  hint: { color: tokens.colorNeutralForeground3 },
});

async function questions(
  result: ImportResult,
  reportYear: number,
  reportDate: string
): Promise<{ q: ImportQuestions; labels: Record<AgencyKind, string> }> {
  const [{ importQuestions }, { defaultAgencies }, { AGENCY_KIND_LABELS }] = await Promise.all([
    import(/* webpackChunkName: "workbook" */ "../core/workbook/tracking-workbook"),
    import(/* webpackChunkName: "workbook" */ "../core/agency/default-directory"),
    import(/* webpackChunkName: "workbook" */ "../core/workbook/agencies-sheet"),
  ]);
  const directory = defaultAgencies(result.plan.province || undefined);
  return {
    q: importQuestions(result, { reportYear, reportDate, directory }),
    labels: AGENCY_KIND_LABELS,
  };
}

export function ReachQuestions(p: {
  result: ImportResult;
  reportYear: string;
  reportDate: string;
  answers: ReachAnswers;
  onAnswers: (a: ReachAnswers) => void;
}) {
  const styles = useStyles();
  const [asked, setAsked] = useState<{
    q: ImportQuestions;
    labels: Record<AgencyKind, string>;
  } | null>(null);
  useEffect(() => {
    let live = true;
    if (!isValidIsoDate(p.reportDate)) return;
    void questions(p.result, Number(p.reportYear), p.reportDate).then((a) => live && setAsked(a));
    return () => {
      live = false;
    };
  }, [p.result, p.reportYear, p.reportDate]);
  if (!asked || (asked.q.collectives.length === 0 && asked.q.added.length === 0)) return null;
  const { q, labels } = asked;
  const kinds = Object.keys(labels) as AgencyKind[];
  return (
    <div className={styles.box} data-testid="reach-questions">
      {q.collectives.length > 0 && (
        <>
          <h3 className={styles.heading}>Nhiệm vụ chưa đến được đơn vị nào</h3>
          <Caption1 className={styles.hint}>
            Danh mục chưa có đơn vị thành viên của các nhóm dưới đây. Ghi các đơn vị thành viên
            (cách nhau bằng dấu ;), hoặc một đơn vị nhận báo cáo; để trống thì nhiệm vụ giữ một dòng
            chung và chưa gửi được cho ai.
          </Caption1>
          <ul className={styles.list}>
            {q.collectives.map((c) => (
              <li key={c.name} data-testid="reach-collective">
                <Field
                  label={`“${c.name}” — ${c.tasks.length} nhiệm vụ (${c.tasks.join(", ")})`}
                  hint={
                    p.answers.members[c.name]?.trim()
                      ? `Mỗi đơn vị ghi ở đây nhận một dòng của từng nhiệm vụ.`
                      : undefined
                  }
                >
                  <Input
                    value={p.answers.members[c.name] ?? ""}
                    placeholder="Ví dụ: Báo Lâm Đồng; Đài PT-TH Lâm Đồng"
                    data-testid="reach-members"
                    onChange={(_e, d) =>
                      p.onAnswers({
                        ...p.answers,
                        members: { ...p.answers.members, [c.name]: d.value },
                      })
                    }
                  />
                </Field>
              </li>
            ))}
          </ul>
        </>
      )}
      {q.added.length > 0 && (
        <>
          <h3 className={styles.heading}>Đơn vị chưa có trong danh mục</h3>
          <Caption1 className={styles.hint}>
            Các đơn vị này sẽ được thêm vào trang “Đơn vị” để gửi và nhận báo cáo. Kiểm tra loại của
            từng đơn vị (tên sửa được ở bước 2 hoặc trong trang “Đơn vị”).
          </Caption1>
          <ul className={styles.list}>
            {q.added.map((a) => (
              <li key={a.name} data-testid="reach-added">
                <Field
                  label={`“${a.name}”${a.spellings.length > 1 ? ` (cũng viết: ${a.spellings.filter((s) => s !== a.name).join("; ")})` : ""}`}
                >
                  <Select
                    value={p.answers.agencyKinds[a.name] ?? a.kind}
                    data-testid="reach-kind"
                    onChange={(_e, d) =>
                      p.onAnswers({
                        ...p.answers,
                        agencyKinds: { ...p.answers.agencyKinds, [a.name]: d.value as AgencyKind },
                      })
                    }
                  >
                    {kinds.map((k) => (
                      <option key={k} value={k}>
                        {labels[k]}
                      </option>
                    ))}
                  </Select>
                </Field>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
