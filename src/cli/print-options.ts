/**
 * The options every printing command shares (`print`, `report`, `remind`, `texts`): the printed
 * texts and the output format. CLI-only, so here and not in a command.
 */
import * as path from "node:path";
import { UsageError } from "./args";
import type { PaperFormat } from "../app/papers";
import type { PrintTextEdits } from "../core/papers/print-texts";

/** Options that change the printed texts, shared with `phuluc report`. */
export const TEXT_OPTIONS = {
  heading: { type: "string" },
  title: { type: "string" },
  attached: { type: "string" },
  signer: { type: "string" },
  "signer-title": { type: "string", multiple: true },
  recipient: { type: "string", multiple: true },
} as const;

/** The options of a command that writes a paper file (`print`, `report`). */
export const PAPER_OPTIONS = {
  output: { type: "string", short: "o" },
  format: { type: "string" },
  year: { type: "string" },
  date: { type: "string" },
  force: { type: "boolean" },
  ...TEXT_OPTIONS,
} as const;

export function textEdits(values: {
  heading?: string;
  title?: string;
  attached?: string;
  signer?: string;
  "signer-title"?: string[];
  recipient?: string[];
}): PrintTextEdits {
  return {
    heading: values.heading,
    title: values.title,
    attachedTo: values.attached,
    signerName: values.signer,
    signerTitles: values["signer-title"],
    recipients: values.recipient,
  };
}

/** The format from --format or the output's extension. */
export function paperFormat(output: string, format: string | undefined): PaperFormat {
  const ext = path.extname(output).slice(1).toLowerCase();
  const f = (format ?? ext).toLowerCase();
  if (format && (ext === "xlsx" || ext === "docx") && ext !== f)
    throw new UsageError(`--format ${format} không khớp đuôi của tệp "${output}".`);
  if (f === "xlsx" || f === "docx") return f;
  throw new UsageError(
    `không biết ghi tệp "${output}" dạng nào: dùng đuôi .xlsx hoặc .docx (hoặc --format xlsx|docx).`
  );
}
