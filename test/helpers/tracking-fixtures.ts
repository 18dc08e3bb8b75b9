/**
 * Tracking rows taken from the Lâm Đồng plan 4784/KH-UBND (seeds/004), plan period 2024–2030,
 * as the workbook builder lays them out (one row per task × lead agency).
 */
import type { Agency } from "../../src/core/model";
import {
  emptyTrackingRow,
  type TrackingRow,
  type TrackingWorkbook,
} from "../../src/core/workbook/tracking-model";

const ALL = "Các Sở, ban, ngành, UBND các huyện, thành phố";
const TTTT = "Sở Thông tin và Truyền thông";
const PERIOD = "2024, 2025, 2026, 2027, 2028, 2029, 2030";
const years = (s: string) => s.split(",").map(Number);

/**
 * The schedule code the builder writes (workbook/schedule-code.ts): ";2024=20241231;2026=20261231;"
 * by default (31/12 of each due year); `deadline` ("20301231", or "00000000" for none) for all.
 */
export function codeFor(ys: number[], deadline?: string): string {
  return ";" + ys.map((y) => `${y}=${deadline ?? `${y}1231`};`).join("");
}

/** A multi-year task ("2024 - 2030", "Đến năm 2030") is due each year toward its final 31/12. */
function seedCode(timeText: string, ys: number[]): string {
  if (timeText === "Thường xuyên") return codeFor(ys, "00000000");
  if (/ - |Đến năm/.test(timeText)) return codeFor(ys, `${ys[ys.length - 1]}1231`);
  return codeFor(ys);
}

type Seed = [
  key: string,
  stt: string,
  title: string,
  lead: string,
  partners: string[],
  time: string,
  yearsCell: string,
];
const GROUPS: Record<string, string> = {
  "1": "Quán triệt, phổ biến thông tin và triển khai thực hiện Nghị quyết",
  "2": "Hoàn thiện cơ chế, chính sách về thông tin đối ngoại",
  "3": "Đổi mới tư duy, nội dung, phương thức thông tin đối ngoại",
  "4": "Đẩy mạnh đấu tranh phản bác thông tin sai trái",
};
const SEEDS: Seed[] = [
  ["T1.1", "1.1", "Phổ biến, quán triệt nội dung Nghị quyết", ALL, [], "2024", "2024"],
  [
    "T1.2",
    "1.2",
    "Tuyên truyền, phổ biến, giáo dục chính sách, pháp luật về thông tin đối ngoại",
    ALL,
    [],
    "Hằng năm",
    PERIOD,
  ],
  ["T2.1", "2.1", "Tổng kết, đánh giá Nghị định số 72/2015/NĐ-CP", TTTT, [ALL], "2024", "2024"],
  ["T2.2", "2.2", "Triển khai thực hiện Chỉ thị số 07/CT-TTg", TTTT, [ALL], "Hằng năm", PERIOD],
  [
    "T2.3",
    "2.3",
    "Triển khai thực hiện Nghị định số 152/2020/NĐ-CP",
    "Sở Lao động - Thương binh và Xã hội",
    [TTTT, "Báo Lâm Đồng", "Đài PTTH tỉnh"],
    "Hằng năm",
    PERIOD,
  ],
  [
    "T2.6",
    "2.6",
    "Xây dựng Quy chế phối hợp trong công tác thông tin đối ngoại (khi có hướng dẫn)",
    TTTT,
    [ALL],
    "Đến năm 2030",
    PERIOD,
  ],
  ["T2.7", "2.7", "Cung cấp thông tin cho báo chí", TTTT, [ALL], "Thường xuyên", PERIOD],
  [
    "T3.1",
    "3.1",
    "Phối hợp triển khai thực hiện Chương trình thương hiệu quốc gia Việt Nam",
    "Sở Công Thương",
    [ALL],
    "2024, 2026, 2028, 2030",
    "2024, 2026, 2028, 2030",
  ],
  [
    "T3.2",
    "3.2",
    "Triển khai Chiến lược phát triển các ngành công nghiệp văn hóa đến năm 2030",
    "Sở Văn hóa, Thể thao và Du lịch",
    [ALL],
    "2024 - 2030",
    PERIOD,
  ],
  [
    "T4.1",
    "4.1",
    "Triển khai Đề án truyền thông về quyền con người ở Việt Nam",
    TTTT,
    ["Công an tỉnh"],
    "2024 - 2025",
    "2024, 2025",
  ],
  [
    "T4.3",
    "4.3",
    "Thực hiện các chiến lược, đề án về bảo vệ chủ quyền biển, đảo",
    "Công an tỉnh",
    [ALL],
    "2024 - 2030",
    PERIOD,
  ],
  [
    "T4.3",
    "4.3",
    "Thực hiện các chiến lược, đề án về bảo vệ chủ quyền biển, đảo",
    "Bộ Chỉ huy quân sự tỉnh",
    [ALL],
    "2024 - 2030",
    PERIOD,
  ],
  [
    "T4.4",
    "4.4",
    "Triển khai Quyết định số 1719/QĐ-TTg",
    "Ban Dân tộc",
    [ALL],
    "2024 - 2030",
    PERIOD,
  ],
];

/** Fresh rows (first sheet row 5), tracking columns empty. */
export function seedRows(): TrackingRow[] {
  return SEEDS.map(([key, stt, title, lead, partners, timeText, yearsCell], i) => {
    const group = stt.split(".")[0];
    const leads = SEEDS.filter((s) => s[0] === key).map((s) => s[3]);
    return emptyTrackingRow({
      key,
      stt,
      group,
      groupTitle: GROUPS[group],
      title,
      lead,
      allLeads: leads,
      partners,
      timeText,
      years: years(yearsCell),
      scheduleCode: seedCode(timeText, years(yearsCell)),
      sheetRow: 5 + i,
    });
  });
}

/** The row for `key` (and lead, when the task has several). */
export function rowOf(rows: TrackingRow[], key: string, lead?: string): TrackingRow {
  const r = rows.find((x) => x.key === key && (!lead || x.lead === lead));
  if (!r) throw new Error(`no row ${key}`);
  return r;
}

const agency = (name: string, successor?: string, effective = "2025-03-01"): Agency => ({
  name,
  shortNames: [],
  aliases: [],
  kind: "department",
  ...(successor ? { successor: { name: successor, effective } } : {}),
});

/** The 2025 reorganization as a province would record it (DOMAIN.md). */
export const AGENCIES: Agency[] = [
  { ...agency(TTTT, "Sở Khoa học và Công nghệ"), shortNames: ["Sở TT&TT"], aliases: ["Sở TT-TT"] },
  agency("Sở Khoa học và Công nghệ"),
  agency("Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"),
  agency("Sở Nội vụ"),
  agency("Ban Dân tộc", "Sở Dân tộc và Tôn giáo"),
  agency("Sở Dân tộc và Tôn giáo"),
  { ...agency("Sở Công Thương"), aliases: ["Sở Công thương"] },
  { ...agency("Sở Văn hóa, Thể thao và Du lịch"), shortNames: ["Sở VHTTDL"] },
  agency("Công an tỉnh"),
  agency("Bộ Chỉ huy quân sự tỉnh"),
  agency("Báo Lâm Đồng"),
  agency("Đài PTTH tỉnh"),
  { ...agency(ALL), kind: "collective", collective: true },
];

export function seedWorkbook(rows: TrackingRow[] = seedRows()): TrackingWorkbook {
  return {
    source: "theo-doi-4784.xlsx",
    plan: { number: "4784/KH-UBND", province: "Lâm Đồng", period: { from: 2024, to: 2030 } },
    reportYear: 2026,
    reportDate: "2026-12-15",
    dueSoonDays: 15,
    templateVersion: 1,
    taskSheet: "Nhiệm vụ",
    rows,
    extraColumns: [],
    agencies: AGENCIES,
    history: [],
  };
}
