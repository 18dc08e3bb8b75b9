/**
 * What every command that reads a tracking workbook and writes a NEW file shares (not a command
 * itself): the output check (never the input, never an existing file without --force), reading
 * the workbook, writing the result atomically (cli-io: beside, then renamed).
 */
import * as path from "node:path";
import type { CliIo } from "./cli-io";
import { UsageError } from "./args";
import { openTrackingBytes, type OpenedTracking } from "../app/tracking-file";
import { readInputFile } from "./read-input-file";

/** Refuses an output equal to the input (the source is never modified) or an existing file. */
export async function checkOutput(
  io: CliIo,
  input: string,
  output: string | undefined,
  force?: boolean
): Promise<string> {
  if (!output) throw new UsageError("cần -o <tệp-mới.xlsx>: Phụ Lục không bao giờ sửa tệp nguồn.");
  await refuseSameFile(io, input, output);
  if (!force && (await io.exists(output)))
    throw new UsageError(`tệp "${output}" đã có; thêm --force nếu muốn ghi đè.`);
  return output;
}

/**
 * An output naming an input (the same path, or through a symlink or a hard link) is refused:
 * the source is never modified.
 */
export async function refuseSameFile(io: CliIo, input: string, output: string): Promise<void> {
  if (path.resolve(output) === path.resolve(input) || (await io.sameFile?.(input, output)))
    throw new UsageError(
      "tệp kết quả trùng với tệp nguồn; Phụ Lục không bao giờ ghi đè tệp nguồn. Hãy chọn tên khác cho -o."
    );
}

export async function openTracking(io: CliIo, file: string): Promise<OpenedTracking> {
  return openTrackingBytes(await readInputFile(io, file), path.basename(file));
}
