/**
 * Text an agency writes under its table, after the last task and before the signature block: a
 * note ("Nhiệm vụ 3.2 chuyển sang năm 2027 do chưa có kinh phí"), tasks' reports written out of
 * the table. No task owns it, so it is not merged; reading only the table lost it silently, so
 * it is handed to the officer, block by block, with its rows.
 */
import { cellText } from "../tracking/raw-cell";

export interface NoteBelow {
  /** 1-based sheet rows of the block. */
  from: number;
  to: number;
  /** The block's cells: " | " between cells, " / " between rows (one line for the CLI). */
  text: string;
}

/**
 * Blocks of non-empty rows from `start` (0-based) down, up to the signature block (the first
 * line `isSignature` takes: place and date, "Nơi nhận", "GIÁM ĐỐC"; names and recipients follow it).
 */
export function notesBelow(
  grid: unknown[][],
  start: number,
  isSignature: (line: unknown[]) => boolean
): NoteBelow[] {
  const out: NoteBelow[] = [];
  let block: NoteBelow | undefined;
  for (let r = start; r < grid.length; r++) {
    const line = grid[r] ?? [];
    if (isSignature(line)) break;
    const text = Array.from(line, cellText).filter(Boolean).join(" | ");
    if (text === "") {
      block = undefined;
      continue;
    }
    if (block) {
      block.to = r + 1;
      block.text += ` / ${text}`;
    } else out.push((block = { from: r + 1, to: r + 1, text }));
  }
  return out;
}
