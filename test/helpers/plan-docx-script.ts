/**
 * A small plan as a python-docx script: the letterhead as paragraphs, then the phụ lục as one
 * table, its header row and the rows given. Tests of the CLI (runPython) and of the pane
 * (Playwright) write their plans with it, so this module uses no test runner's globals.
 * The script: `python3 -c SCRIPT OUT.docx`; it prints 1.
 */

/** Who issued the plan, its number, date (dd/mm/yyyy) and title. */
export interface PlanHead {
  province: string;
  number: string;
  issued: string;
  title: string;
}

/** STT, task, lead cell, partner cell, time, as typed in the plan's table. */
export type PlanRow = readonly [
  stt: string,
  title: string,
  lead: string,
  partners: string,
  time: string,
];

/** Tasks `from`..`to` (by STT) share one merged lead cell and one merged partner cell. */
export interface MergedAgencies {
  from: string;
  to: string;
  lead: string;
  partners: string;
}

/** KH 88/KH-UBND of UBND tỉnh Tuyên Quang (thông tin đối ngoại), issued 10/01 of `year`. */
export const tuyenQuang88 = (year: number): PlanHead => ({
  province: "Tuyên Quang",
  number: "88",
  issued: `10/01/${year}`,
  title: `Thông tin đối ngoại tỉnh Tuyên Quang năm ${year}`,
});

/** KH 281/KH-UBND of UBND tỉnh Đồng Nai, for 2018 (thông tin đối ngoại). */
export const dongNai281: PlanHead = {
  province: "Đồng Nai",
  number: "281",
  issued: "20/12/2017",
  title: "Thông tin đối ngoại năm 2018",
};

const HEADER: PlanRow = [
  "STT",
  "Nhiệm vụ",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Thời gian thực hiện",
];

/** JSON of strings is a python literal too. */
const py = (value: unknown) => JSON.stringify(value);

export function planDocxScript(
  head: PlanHead,
  rows: readonly PlanRow[],
  merged: readonly MergedAgencies[] = []
): string {
  const [day, month, year] = head.issued.split("/");
  const number = `${head.number}/KH-UBND`;
  const letterhead = [
    `ỦY BAN NHÂN DÂN TỈNH ${head.province.toUpperCase()}`,
    `Số: ${number}`,
    `${head.province}, ngày ${day} tháng ${month} năm ${year}`,
    "KẾ HOẠCH",
    head.title,
    "PHỤ LỤC",
    `(Kèm theo Kế hoạch số ${number} ngày ${head.issued} của UBND tỉnh ${head.province})`,
  ];
  const merges = merged.map((m) => [m.from, m.to, m.lead, m.partners]);
  return `
import sys
from docx import Document
d = Document()
for l in ${py(letterhead)}:
    d.add_paragraph(l)
t = d.add_table(rows=0, cols=5)
by_stt = {}
for values in ${py([HEADER, ...rows])}:
    cells = t.add_row().cells
    for i, v in enumerate(values): cells[i].text = v
    by_stt[values[0]] = cells
for first, last, lead, partners in ${py(merges)}:
    by_stt[first][2].merge(by_stt[last][2]).text = lead
    by_stt[first][3].merge(by_stt[last][3]).text = partners
d.save(sys.argv[1]); print("1")
`;
}
