/** The report year and report date inputs, each flagged when it is not a plausible value. */
import * as React from "react";
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { formatIsoDateVi, isPlausibleReportYear, isValidIsoDate, parseViDate } from "./report-date";

const useStyles = makeStyles({
  fields: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  year: { width: "7.5em" },
  date: { minWidth: "11em", flexGrow: 1 },
});

/** A Field's validation props: an error message unless `ok`. */
const validation = (ok: boolean, message: string) =>
  ({
    validationState: ok ? "none" : "error",
    validationMessage: ok ? undefined : message,
  }) as const;

export interface ReportDateFieldsProps {
  year: string;
  date: string;
  onYear: (v: string) => void;
  onDate: (v: string) => void;
  /** Put before the inputs' test ids ("report-year", "report-date"). */
  testIdPrefix?: string;
}

export function ReportDateFields(p: ReportDateFieldsProps) {
  const styles = useStyles();
  const prefix = p.testIdPrefix ?? "";
  // The date is typed as dd/mm/yyyy (a browser date input shows the browser's locale, often
  // mm/dd/yyyy); the text is kept while it is being typed, the ISO value goes to the caller.
  const [dateText, setDateText] = React.useState(formatIsoDateVi(p.date));
  React.useEffect(() => {
    if (parseViDate(dateText) !== p.date) setDateText(formatIsoDateVi(p.date));
    // Only when the value changes from outside (a workbook read, a roll-over).
  }, [p.date]);
  return (
    <div className={styles.fields}>
      <Field
        label="Năm báo cáo"
        className={styles.year}
        {...validation(isPlausibleReportYear(Number(p.year)), "Nhập năm từ 2000 đến 2100")}
      >
        <Input
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          value={p.year}
          onChange={(_, d) => p.onYear(d.value)}
          data-testid={`${prefix}report-year`}
        />
      </Field>
      <Field
        label="Ngày báo cáo"
        className={styles.date}
        hint="dd/mm/yyyy"
        {...validation(isValidIsoDate(p.date), "Nhập ngày dạng dd/mm/yyyy, ví dụ 15/11/2026")}
      >
        <Input
          type="text"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          value={dateText}
          onChange={(_, d) => {
            setDateText(d.value);
            p.onDate(parseViDate(d.value) ?? d.value);
          }}
          data-testid={`${prefix}report-date`}
        />
      </Field>
    </div>
  );
}
