/** Every "Thời gian thực hiện" cell of the Lâm Đồng phụ lục (seed 004) is understood. */
import { readFileSync } from "fs";
import { parseSchedule } from "../../../../src/core/schedule/parse-schedule";
import { SEED_LAM_DONG } from "../../../helpers/shared-paths";

/** Task rows of the seed's table: cells end with a line holding only "|", 5 cells a row. */
function timeCells(): Array<[stt: string, time: string]> {
  const text = readFileSync(SEED_LAM_DONG, "utf8");
  const cells: string[] = [];
  let cell: string[] = [];
  for (const line of text.slice(text.indexOf("STT\n|")).split("\n")) {
    if (line.trim() === "|") {
      cells.push(cell.join("\n").trim());
      cell = [];
    } else cell.push(line);
  }
  cells.push(cell.join("\n").trim());
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 4 < cells.length; i += 5)
    if (/^\d+\.\d+$/.test(cells[i])) out.push([cells[i], cells[i + 4]]);
  return out;
}

const PERIOD = { from: 2024, to: 2030 }; // "… ĐẾN NĂM 2030" in the plan's title

describe("seed 004 time cells", () => {
  const cells = timeCells();

  it("reads all 29 task rows", () => expect(cells).toHaveLength(29));

  it.each(cells)("task %s %j is understood", (_stt, time) => {
    const s = parseSchedule(time, PERIOD);
    expect(s.kind).not.toBe("unknown");
    expect(s.years?.length).toBeGreaterThan(0);
  });

  it("reads the typical cells as the design table says", () => {
    const by = Object.fromEntries(cells);
    expect(parseSchedule(by["1.1"], PERIOD)).toMatchObject({
      kind: "year",
      years: [2024],
      finalDeadline: "2024-12-31",
    });
    expect(parseSchedule(by["3.1"], PERIOD).years).toEqual([2024, 2026, 2028, 2030]); // wrapped "2028,\n2030"
    expect(parseSchedule(by["4.1"], PERIOD)).toMatchObject({
      kind: "range",
      multiYear: true,
      finalDeadline: "2025-12-31",
    });
    expect(parseSchedule(by["2.6"], PERIOD)).toMatchObject({
      kind: "until",
      finalDeadline: "2030-12-31",
    });
    expect(parseSchedule(by["5.5"], PERIOD).kind).toBe("annual");
  });
});
