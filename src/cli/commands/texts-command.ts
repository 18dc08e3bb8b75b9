/**
 * `phuluc texts <wb.xlsx> -o <new.xlsx> [--heading … --signer … --recipient …]`: a NEW tracking
 * workbook with the "Mẫu in" sheet (the print texts in use, with this run's edits) for the
 * officer to edit; the next `print`/`report` reads it. The input is never modified.
 */
import { CliIo } from "../cli-io";
import { onePositional, parseCommandArgs, UsageError } from "../args";
import { printTextsFile } from "../../app/print-texts-file";
import { PRINT_TEXTS_SHEET } from "../../core/papers/print-texts";
import { reportInputError } from "../read-input-file";
import { checkOutput, openTracking } from "../tracking-io";
import { TEXT_OPTIONS, textEdits } from "../print-options";

export async function runTexts(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, {
      output: { type: "string", short: "o" },
      force: { type: "boolean" },
      ...TEXT_OPTIONS,
    });
    const input = onePositional(positionals, "cần đúng một tệp sổ theo dõi (.xlsx).");
    const output = await checkOutput(io, input, values.output, values.force);
    if (!/\.xlsx$/i.test(output))
      throw new UsageError(`tệp kết quả "${output}" phải có đuôi .xlsx (một sổ theo dõi mới).`);
    const opened = await openTracking(io, input);
    const { bytes, had } = await printTextsFile(opened, opened.workbook, {
      today: io.today(),
      batchPrefix: "phuluc texts",
      edits: textEdits(values),
    });
    await io.writeFileAtomic(output, bytes);
    io.stdout(
      `Đã ghi sổ mới ${output} có trang "${PRINT_TEXTS_SHEET}" (tệp nguồn giữ nguyên): sửa tiêu đề, người ký, nơi nhận ở đó; lần in sau dùng chữ mới.${
        had
          ? ` Trang "${PRINT_TEXTS_SHEET}" cũ được giữ lại với tên "${PRINT_TEXTS_SHEET} (cũ)".`
          : ""
      }\n`
    );
    return 0;
  } catch (err) {
    return reportInputError("texts", err, io);
  }
}
