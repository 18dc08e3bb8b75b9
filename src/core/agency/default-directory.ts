/**
 * The built-in directory: the agencies of a province as plans name them, before and after
 * the 2025 reorganization (see shared/DOMAIN.md). Users edit their own copy; this is the start.
 * Successor links follow the national pattern; a province that did it differently edits them.
 */
import type { Agency, AgencyKind } from "../model";
import { AgencyDirectory, DEPARTMENTS_COLLECTIVE } from "./directory";
import { PROVINCES } from "./provinces";

/** Departments merged or renamed from 1/3/2025 (Nghị quyết 190/2025/QH15 and provincial decisions). */
const MERGED_ON = "2025-03-01";
/** District level abolished from 1/7/2025: its work went to communes and wards. */
export const DISTRICTS_END = "2025-07-01";

const PRESS_AFTER = "Báo và Phát thanh, Truyền hình";

/**
 * "Các Sở, ban, ngành": who the built-in directory counts as a member, so a task led by it gets
 * one row per member. Every department (kind "department") existing on the report date is one,
 * by the directory's rule (AgencyDirectory.membersOn), including those merged in 2025 (after
 * the merger they give way to their successor, once) and Sở Ngoại vụ while it existed. Other
 * bodies join through memberOf (editable in the "Thuộc nhóm" column of the "Đơn vị" sheet):
 * Văn phòng UBND tỉnh, Thanh tra tỉnh, the boards under the UBND (Ban Dân tộc, Ban quản lý các
 * khu công nghiệp), and, as "ngành" in the usual Vietnamese sense of the phrase, Công an tỉnh
 * and Bộ Chỉ huy quân sự tỉnh (plans give them tasks and they report on them, e.g. Lâm Đồng
 * 4784 task 4.3). Not members: Ban quản lý Khu kinh tế, Bộ đội Biên phòng, the press (their
 * own collective), centres, party bodies, HĐND, the Front and mass organisations.
 * Departments only some provinces have (Sở Du lịch, Sở Văn hóa và Thể thao) are
 * `someProvincesOnly`: in a plan's workbook only when the plan names them (plan-agencies.ts).
 * Departments created in 2025 (Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo) carry
 * `since`, so a report dated before 1/3/2025 has no rows for them.
 * "UBND các huyện, thành phố" has no members here: district names vary by province.
 */
export { DEPARTMENTS_COLLECTIVE };
const SBN = [DEPARTMENTS_COLLECTIVE];

interface Options {
  short?: string[];
  aliases?: string[];
  successor?: string;
  effective?: string;
  collective?: boolean;
  memberOf?: string[];
  /** Founding date, for agencies the 2025 reorganization created. */
  since?: string;
  someProvincesOnly?: boolean;
}

function agency(name: string, kind: AgencyKind, o: Options = {}): Agency {
  return {
    name,
    shortNames: o.short ?? [],
    aliases: o.aliases ?? [],
    kind,
    ...(o.successor
      ? { successor: { name: o.successor, effective: o.effective ?? MERGED_ON } }
      : {}),
    ...(o.collective ? { collective: true } : {}),
    ...(o.memberOf?.length ? { memberOf: [...o.memberOf] } : {}),
    ...(o.since ? { since: o.since } : {}),
    ...(o.someProvincesOnly ? { someProvincesOnly: true } : {}),
  };
}

/** Departments (Sở) that exist both before and after 2025, or only after. */
function departments(): Agency[] {
  // Every department is one of "Các Sở, ban, ngành" by its kind (AgencyDirectory.membersOn).
  const so = (name: string, o: Options = {}) => agency(name, "department", o);
  return [
    so("Sở Nội vụ", { short: ["Sở NV"] }),
    so("Sở Tư pháp", { short: ["Sở TP"] }),
    so("Sở Tài chính", { short: ["Sở TC"] }),
    so("Sở Công Thương", { short: ["Sở CT"] }),
    so("Sở Xây dựng", { short: ["Sở XD"] }),
    so("Sở Khoa học và Công nghệ", { short: ["Sở KH&CN"], aliases: ["Sở KHCN", "Sở KH-CN"] }),
    so("Sở Giáo dục và Đào tạo", { short: ["Sở GD&ĐT"], aliases: ["Sở GDĐT", "Sở GD-ĐT"] }),
    so("Sở Y tế", { short: ["Sở YT"] }),
    so("Sở Văn hóa, Thể thao và Du lịch", {
      short: ["Sở VHTTDL"],
      aliases: ["Sở VH-TT&DL", "Sở VH,TT&DL", "Sở VHTT&DL", "Sở VH-TT-DL"],
    }),
    // Only in provinces that split culture and tourism.
    so("Sở Văn hóa và Thể thao", { short: ["Sở VH&TT"], someProvincesOnly: true }),
    so("Sở Du lịch", { short: ["Sở DL"], someProvincesOnly: true }),
    so("Sở Ngoại vụ", {
      short: ["Sở NgV"],
      // Most provinces closed their Sở Ngoại vụ in 2025 and moved its work to the Văn phòng.
      successor: "Văn phòng UBND tỉnh",
    }),
    so("Sở Nông nghiệp và Môi trường", {
      short: ["Sở NN&MT"],
      aliases: ["Sở NNMT", "Sở NN-MT"],
      since: MERGED_ON,
    }),
    so("Sở Dân tộc và Tôn giáo", { short: ["Sở DT&TG"], aliases: ["Sở DTTG"], since: MERGED_ON }),
    // Before 2025 only: each with the department that took its work over.
    so("Sở Thông tin và Truyền thông", {
      short: ["Sở TT&TT"],
      aliases: ["Sở TT-TT", "Sở TTTT", "Sở TT và TT"],
      // Merged into KH&CN; press, publishing and foreign-information work went to VHTTDL.
      successor: "Sở Khoa học và Công nghệ",
    }),
    so("Sở Kế hoạch và Đầu tư", {
      short: ["Sở KH&ĐT"],
      aliases: ["Sở KHĐT", "Sở KH-ĐT"],
      successor: "Sở Tài chính",
    }),
    so("Sở Tài nguyên và Môi trường", {
      short: ["Sở TN&MT"],
      aliases: ["Sở TNMT", "Sở TN-MT"],
      successor: "Sở Nông nghiệp và Môi trường",
    }),
    so("Sở Nông nghiệp và Phát triển nông thôn", {
      short: ["Sở NN&PTNT"],
      aliases: ["Sở NNPTNT", "Sở NN-PTNT"],
      successor: "Sở Nông nghiệp và Môi trường",
    }),
    so("Sở Giao thông vận tải", {
      short: ["Sở GTVT"],
      aliases: ["Sở GT-VT", "Sở Giao thông - Vận tải"],
      successor: "Sở Xây dựng",
    }),
    so("Sở Lao động - Thương binh và Xã hội", {
      short: ["Sở LĐ-TB&XH"],
      aliases: ["Sở LĐTBXH", "Sở LĐ-TBXH", "Sở Lao động Thương binh và Xã hội"],
      successor: "Sở Nội vụ",
    }),
  ];
}

/** Provincial press: the newspaper and the broadcaster, one agency after 2025. */
function press(province?: string): Agency[] {
  const places = province ? [province] : [...PROVINCES];
  const newspaper = province ? `Báo ${province}` : "Báo tỉnh";
  const after = province ? `${PRESS_AFTER} ${province}` : `${PRESS_AFTER} tỉnh`;
  const broadcasterSpellings = (place: string) => [
    `Đài Phát thanh - Truyền hình ${place}`,
    `Đài PT-TH ${place}`,
    `Đài PTTH ${place}`,
    `Đài PT&TH ${place}`,
    `Đài Phát thanh và Truyền hình ${place}`,
  ];
  const broadcaster = `Đài Phát thanh - Truyền hình ${province ?? "tỉnh"}`;
  return [
    agency(newspaper, "media", {
      aliases: ["Báo tỉnh", ...places.map((p) => `Báo ${p}`)].filter((a) => a !== newspaper),
      successor: after,
    }),
    // Named per province like the newspaper ("Đài Phát thanh - Truyền hình Nghệ An"): both are
    // that province's own agencies, merged from 2025 into one press agency (DOMAIN.md).
    agency(broadcaster, "media", {
      short: [`Đài PT-TH ${province ?? "tỉnh"}`],
      aliases: [...broadcasterSpellings("tỉnh"), ...places.flatMap(broadcasterSpellings)].filter(
        (a) => a !== broadcaster && a !== `Đài PT-TH ${province ?? "tỉnh"}`
      ),
      successor: after,
    }),
    agency(after, "media", {
      aliases: [
        `${PRESS_AFTER} tỉnh`,
        ...(province ? [] : PROVINCES.map((p) => `${PRESS_AFTER} ${p}`)),
      ].filter((a) => a !== after),
    }),
  ];
}

/** Agencies that are not departments: office, boards, forces, centres. */
function others(): Agency[] {
  return [
    agency("Văn phòng UBND tỉnh", "office", {
      short: ["VP UBND tỉnh"],
      aliases: ["Văn phòng Ủy ban nhân dân tỉnh", "VPUBND tỉnh"],
      memberOf: SBN,
    }),
    agency("Phòng Ngoại vụ - Văn phòng UBND tỉnh", "office", {
      aliases: ["Phòng Ngoại vụ thuộc Văn phòng UBND tỉnh", "Phòng Ngoại vụ, Văn phòng UBND tỉnh"],
    }),
    agency("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "office", {
      aliases: ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"],
    }),
    agency("Thanh tra tỉnh", "other", { memberOf: SBN }),
    agency("Ban Dân tộc", "board", {
      aliases: ["Ban Dân tộc tỉnh"],
      successor: "Sở Dân tộc và Tôn giáo",
      memberOf: SBN,
    }),
    agency("Ban quản lý các khu công nghiệp", "board", {
      short: ["BQL các KCN"],
      aliases: [
        "Ban Quản lý các KCN",
        "Ban quản lý các khu công nghiệp tỉnh",
        "Ban quản lý các KCN tỉnh",
      ],
      memberOf: SBN,
    }),
    agency("Ban quản lý Khu kinh tế", "board", {
      aliases: ["Ban quản lý Khu kinh tế tỉnh", "BQL KKT"],
    }),
    agency("Công an tỉnh", "police", { short: ["CA tỉnh"], memberOf: SBN }),
    agency("Bộ Chỉ huy quân sự tỉnh", "military", {
      short: ["Bộ CHQS tỉnh"],
      aliases: ["BCH Quân sự tỉnh", "Bộ Chỉ huy QS tỉnh", "BCHQS tỉnh"],
      memberOf: SBN,
    }),
    agency("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "military", {
      short: ["Bộ CH BĐBP tỉnh"],
      aliases: ["Bộ CHBĐBP tỉnh", "BĐBP tỉnh", "Bộ đội Biên phòng tỉnh", "BCH BĐBP tỉnh"],
    }),
    agency("Trung tâm xúc tiến đầu tư, thương mại và du lịch", "center", {
      aliases: [
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh",
        "Trung tâm xúc tiến đầu tư thương mại du lịch",
        "TT XTĐT, TM&DL",
        "Trung tâm XTĐT, TM&DL",
      ],
    }),
    agency("Liên minh Hợp tác xã tỉnh", "other", {
      short: ["Liên minh HTX tỉnh"],
      aliases: ["Liên minh HTX", "Liên minh Hợp tác xã"],
    }),
    agency("Ủy ban MTTQ Việt Nam tỉnh", "other", {
      aliases: [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Ủy ban MTTQVN tỉnh",
        "UBMTTQ tỉnh",
        "UBMTTQVN tỉnh",
        "Ủy ban MTTQ tỉnh",
        "Mặt trận Tổ quốc tỉnh",
      ],
    }),
    agency("UBND tỉnh", "people-committee", {
      aliases: ["Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh"],
    }),
    agency("HĐND tỉnh", "other", { aliases: ["Hội đồng nhân dân tỉnh", "Thường trực HĐND tỉnh"] }),
    agency("Tỉnh ủy", "other", { aliases: ["Thường trực Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"] }),
    agency("Văn phòng Tỉnh ủy", "office"),
    // The party merged its Ban Tuyên giáo and Ban Dân vận in early 2025 (provincial level too).
    agency("Ban Tuyên giáo Tỉnh ủy", "board", {
      aliases: ["Ban Tuyên giáo TU"],
      successor: "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    }),
    agency("Ban Dân vận Tỉnh ủy", "board", { successor: "Ban Tuyên giáo và Dân vận Tỉnh ủy" }),
    agency("Ban Tuyên giáo và Dân vận Tỉnh ủy", "board", { since: MERGED_ON }),
    agency("Tỉnh đoàn", "other", { aliases: ["Tỉnh Đoàn"] }),
  ];
}

/** Collectives: one ref standing for many agencies. */
function collectives(): Agency[] {
  const c = (name: string, kind: AgencyKind, o: Options = {}) =>
    agency(name, kind, { ...o, collective: true });
  return [
    // "Các Sở, ban, ngành, UBND các huyện, thành phố" is read as two collectives: every
    // department, and every district committee (which, unlike departments, ended in 2025).
    c(DEPARTMENTS_COLLECTIVE, "collective", {
      aliases: [
        "Sở, ban, ngành",
        "Các Sở, ngành",
        "Các Sở, ban, ngành tỉnh",
        "Các Sở, ban, ngành liên quan",
        "Các Sở, ban, ngành, đoàn thể",
        "Các Sở, ban, ngành, đoàn thể tỉnh",
        "Các Sở, ngành liên quan",
        "Các Sở, ngành cấp tỉnh",
        "Các Sở, cơ quan, đơn vị thuộc UBND tỉnh",
      ],
    }),
    c("UBND các huyện, thành phố", "people-committee", {
      aliases: [
        "UBND các huyện, thành phố thuộc tỉnh",
        "UBND các huyện, thị xã, thành phố",
        "UBND các huyện, thành phố, thị xã",
        "UBND các huyện, thị xã",
        "UBND các huyện, thị, thành phố",
        "UBND huyện, thành phố",
        "UBND huyện, thị xã, thành phố",
        "UBND cấp huyện",
        "UBND các huyện",
        "Các huyện, thành phố",
        "Các địa phương",
        "Địa phương",
      ],
      successor: "UBND các xã, phường",
      effective: DISTRICTS_END,
    }),
    c("UBND các xã, phường", "people-committee", {
      aliases: [
        "UBND các xã, phường, thị trấn",
        "UBND cấp xã",
        "UBND các xã, phường, đặc khu",
        "UBND xã, phường",
      ],
    }),
    // "Các cơ quan, đơn vị liên quan" names no agency: not a collective (vague-phrase.ts).
    c("Các cơ sở giáo dục, đào tạo", "collective", {
      aliases: [
        "Các cơ sở giáo dục đào tạo",
        "Các cơ sở giáo dục",
        "Các cơ sở đào tạo",
        "Các trường",
      ],
    }),
    c("Các cơ quan báo chí tỉnh", "media", {
      aliases: [
        "Các cơ quan báo chí",
        "Các cơ quan báo chí trong tỉnh",
        "Các cơ quan báo chí của tỉnh",
        "Các cơ quan báo chí, truyền thông",
      ],
    }),
    c("Các tổ chức chính trị - xã hội tỉnh", "collective", {
      aliases: [
        "Các tổ chức chính trị - xã hội",
        "Các tổ chức CT-XH tỉnh",
        "Các đoàn thể",
        "Các đoàn thể tỉnh",
      ],
    }),
  ];
}

/**
 * Provincial agencies before and after the 2025 reorganization, with successor links.
 * With `province` ("Lâm Đồng"), the newspaper is named "Báo Lâm Đồng"; without it, "Báo tỉnh",
 * and "Báo <any province>" is recognised.
 */
export function defaultAgencies(province?: string): Agency[] {
  return [...departments(), ...others(), ...press(province), ...collectives()];
}

export function defaultDirectory(province?: string): AgencyDirectory {
  return new AgencyDirectory(defaultAgencies(province));
}
