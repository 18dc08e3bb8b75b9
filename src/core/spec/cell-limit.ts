/**
 * Excel holds at most 32,767 characters in a cell: a longer text makes Excel "repair" the
 * workbook on opening (and cut it where it likes). Texts put together from several cells (a
 * report joined over rows, notes of several files) are cut here instead, saying where the rest is.
 */
export const CELL_TEXT_LIMIT = 32767;

/**
 * `text` as a cell can hold it: unchanged when it fits, else its start and `tail(dropped)`, the
 * sentence saying how many characters are left out and where to read them.
 */
export function fitCell(text: string, tail: (dropped: number) => string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  // The tail's length with the largest count it can name: the real one is never longer.
  let cut = CELL_TEXT_LIMIT - tail(text.length).length;
  // Never half a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut) + tail(text.length - cut);
}
