import { defaultDirectory } from "../../../../src/core/agency/default-directory";
import { extractDefinitions } from "../../../../src/core/agency/definitions";
import { matchAgencyList } from "../../../../src/core/agency/match-agencies";
import { closestAgency } from "../../../../src/core/agency/suggest";

const dir = defaultDirectory();
const names = (text: string) => matchAgencyList(text, dir).map((r) => r.name);

describe("matchAgencyList", () => {
  it.each([
    ["Công an tỉnh, Bộ Chỉ huy quân sự tỉnh", ["Công an tỉnh", "Bộ Chỉ huy quân sự tỉnh"]],
    ["Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]],
    [
      "Các Sở, ban,\nngành, UBND các huyện, thành phố",
      ["Các Sở, ban, ngành", "UBND các huyện, thành phố"],
    ],
    [
      "Sở Nội vụ;\nCác Sở, ban, ngành, UBND các huyện, thành phố",
      ["Sở Nội vụ", "Các Sở, ban, ngành", "UBND các huyện, thành phố"],
    ],
    [
      "Sở TT&TT, Sở VH-TT&DL, Sở KH&ĐT",
      ["Sở Thông tin và Truyền thông", "Sở Văn hóa, Thể thao và Du lịch", "Sở Kế hoạch và Đầu tư"],
    ],
    [
      "Sở Văn hóa Thể thao và Du lịch, Sở Kế hoạch Đầu tư",
      ["Sở Văn hóa, Thể thao và Du lịch", "Sở Kế hoạch và Đầu tư"],
    ],
    ["Đài PT-TH tỉnh và Báo Bắc Giang", ["Đài Phát thanh - Truyền hình tỉnh", "Báo tỉnh"]],
    // An elliptical list after a colon: the directory's names win over "và" and commas.
    [
      "các Sở: Nội vụ, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch",
      ["Sở Nội vụ", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch"],
    ],
    [
      "Các Sở: Tài chính, Kế hoạch và Đầu tư; UBND các huyện",
      ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "UBND các huyện, thành phố"],
    ],
    [
      "Bộ CHQS tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
      ["Bộ Chỉ huy quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"],
    ],
    ["Sở Công thương và các cơ quan liên quan", ["Sở Công Thương", "các cơ quan liên quan"]],
    ["Sở Y tế, các đơn vị liên quan", ["Sở Y tế", "các đơn vị liên quan"]],
    [
      "Sở Tài chính, các đơn vị có liên quan khác",
      ["Sở Tài chính", "các đơn vị có liên quan khác"],
    ],
    ["Các sở, ban, ngành, địa phương", ["Các Sở, ban, ngành", "UBND các huyện, thành phố"]],
    ["- Sở Nội vụ\n- Sở Tài chính", ["Sở Nội vụ", "Sở Tài chính"]],
    // The same agency written twice (with its plan-local short form) is one ref.
    [
      "Sở Thông tin và Truyền thông (Sở TT-TT), Công an tỉnh",
      ["Sở Thông tin và Truyền thông", "Công an tỉnh"],
    ],
    ["Sở Tư pháp (nếu có)", ["Sở Tư pháp"]],
    // The committee itself is not its office, which is a longer name.
    ["UBND tỉnh, Văn phòng UBND tỉnh", ["UBND tỉnh", "Văn phòng UBND tỉnh"]],
    [
      "Các sở, ban, ngành; UBND các huyện, thành phố, thị xã",
      ["Các Sở, ban, ngành", "UBND các huyện, thành phố"],
    ],
    [
      "Ủy ban MTTQVN tỉnh, Các tổ chức CT-XH tỉnh",
      ["Ủy ban MTTQ Việt Nam tỉnh", "Các tổ chức chính trị - xã hội tỉnh"],
    ],
  ])("%j", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  // The elliptical list as officers write it: case, "hoá", spaces around commas, no
  // diacritics, "&" or "-" for "và", ";" between fields, no colon at all.
  const THREE = ["Sở Nội vụ", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch"];
  it.each([
    "các sở: Nội Vụ, Khoa học và công nghệ, Văn hoá, Thể thao và Du lịch",
    "Các Sở : Nội vụ , Khoa học và Công nghệ,Văn hóa,Thể thao và Du lịch",
    "Cac So: Noi vu, Khoa hoc va Cong nghe, Van hoa, The thao va Du lich",
    "các Sở: Nội vu, Khoa hoc và Công nghê, Văn hóa, Thê thao và Du lich",
    "các Sở: Nội vụ, Khoa học & Công nghệ, Văn hóa, Thể thao & Du lịch",
    "các Sở: Nội vụ, Khoa học - Công nghệ, Văn hóa - Thể thao và Du lịch",
    "các Sở: Nội vụ; Khoa học và Công nghệ; Văn hóa, Thể thao và Du lịch",
    "các Sở Nội vụ, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch",
    "các sở Nội vụ, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch",
  ])("an elliptical list officers wrote: %j is three agencies", (text) => {
    expect(names(text)).toEqual(THREE);
  });

  it.each([
    // ";" after the list: what follows is not one of its fields.
    [
      "các Sở: Nội vụ, Tài chính; UBND các huyện",
      ["Sở Nội vụ", "Sở Tài chính", "UBND các huyện, thành phố"],
    ],
    ["các Sở Nội vụ, Tài chính và Công an tỉnh", ["Sở Nội vụ", "Sở Tài chính", "Công an tỉnh"]],
  ])("a list ends where its fields do: %j", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it("without a colon, a phrase that is not a list of fields is left as written", () => {
    const text = "các Sở Y tế chủ trì, phối hợp với các đơn vị";
    expect(matchAgencyList(text, dir).some((r) => r.name === "Sở Chủ trì")).toBe(false);
    expect(names("Các sở, ban, ngành: theo chức năng, nhiệm vụ được giao")).not.toContain(
      "Sở theo chức năng"
    );
  });

  it("reads NFD text with NBSPs the same as clean text, and keeps what was written", () => {
    const refs = matchAgencyList(
      "Sở\u00a0Thông tin và Truyền thông, Đài PTTH tỉnh".normalize("NFD"),
      dir
    );
    expect(refs.map((r) => r.name)).toEqual([
      "Sở Thông tin và Truyền thông",
      "Đài Phát thanh - Truyền hình tỉnh",
    ]);
    expect(refs[1]).toEqual({
      name: "Đài Phát thanh - Truyền hình tỉnh",
      written: "Đài PTTH tỉnh",
      matched: true,
    });
  });

  it("keeps a qualifier with the name it qualifies", () => {
    const refs = matchAgencyList("UBND các huyện, thành phố trực thuộc, Công an tỉnh", dir);
    expect(refs.map((r) => [r.name, r.written])).toEqual([
      ["UBND các huyện, thành phố", "UBND các huyện, thành phố trực thuộc"],
      ["Công an tỉnh", "Công an tỉnh"],
    ]);
  });

  it("keeps unknown names as written, unmatched, without splitting them at their own commas", () => {
    const refs = matchAgencyList(
      "Hội Nông dân tỉnh, Trung tâm Hỗ trợ doanh nghiệp, thương mại và dịch vụ, Sở Y tế",
      dir
    );
    expect(refs).toEqual([
      { name: "Hội Nông dân tỉnh", written: "Hội Nông dân tỉnh", matched: false },
      {
        name: "Trung tâm Hỗ trợ doanh nghiệp, thương mại và dịch vụ",
        written: "Trung tâm Hỗ trợ doanh nghiệp, thương mại và dịch vụ",
        matched: false,
      },
      { name: "Sở Y tế", written: "Sở Y tế", matched: true },
    ]);
  });

  it("a line break before a capitalised line separates names the directory does not know", () => {
    // Cells written one agency per line (Word paragraphs, a PDF cell's lines): two unknown
    // names must stay two, never one unknown "Hội Nông dân tỉnh Liên đoàn Lao động tỉnh".
    expect(names("Hội Nông dân tỉnh\nLiên đoàn Lao động tỉnh")).toEqual([
      "Hội Nông dân tỉnh",
      "Liên đoàn Lao động tỉnh",
    ]);
    expect(names("Hội Nông dân tỉnh\n Hội Cựu chiến binh tỉnh\nSở Y tế")).toEqual([
      "Hội Nông dân tỉnh",
      "Hội Cựu chiến binh tỉnh",
      "Sở Y tế",
    ]);
    // A name broken over lines stays one name: a known one, a lowercase continuation, a
    // line ending in a connector.
    expect(names("Sở Văn hóa, Thể thao\nvà Du lịch")).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
    expect(names("Sở Văn hóa,\nThể thao và Du lịch")).toEqual(["Sở Văn hóa, Thể thao và Du lịch"]);
    expect(names("Ban Quản lý\nCác khu công nghiệp tỉnh")).toEqual([
      "Ban quản lý các khu công nghiệp",
    ]);
  });

  it("suggests the agency meant by a typo, without splitting it at 'và'", () => {
    expect(matchAgencyList("Sở Thông tin và Truyền thôn", dir)).toEqual([
      {
        name: "Sở Thông tin và Truyền thôn",
        written: "Sở Thông tin và Truyền thôn",
        matched: false,
        suggestion: "Sở Thông tin và Truyền thông",
      },
    ]);
  });

  it("keeps an unknown sub-unit whole, suggesting its parent", () => {
    const refs = matchAgencyList("Phòng An ninh chính trị nội bộ - Công an tỉnh, Sở Nội vụ", dir);
    expect(refs[0]).toEqual({
      name: "Phòng An ninh chính trị nội bộ - Công an tỉnh",
      written: "Phòng An ninh chính trị nội bộ - Công an tỉnh",
      matched: false,
      suggestion: "Công an tỉnh",
    });
    expect(refs[1].name).toBe("Sở Nội vụ");
  });

  it("does not find a name inside another name ('Hội Nhà báo tỉnh' is not 'Báo tỉnh')", () => {
    expect(matchAgencyList("Hội Nhà báo tỉnh", dir)).toEqual([
      { name: "Hội Nhà báo tỉnh", written: "Hội Nhà báo tỉnh", matched: false },
    ]);
  });

  it("uses the plan's own abbreviations once the directory knows them", () => {
    const body = "Giao Ban Chỉ đạo công tác thông tin đối ngoại tỉnh (BCĐ TTĐN) chủ trì, phối hợp";
    const local = dir.withDefinitions(extractDefinitions(body));
    expect(matchAgencyList("BCĐ TTĐN, Sở Ngoại vụ", local)).toEqual([
      { name: "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh", written: "BCĐ TTĐN", matched: true },
      { name: "Sở Ngoại vụ", written: "Sở Ngoại vụ", matched: true },
    ]);
  });

  it("returns nothing for an empty cell", () => {
    expect(matchAgencyList("", dir)).toEqual([]);
    expect(matchAgencyList(" \n ", dir)).toEqual([]);
  });
});

describe("extractDefinitions", () => {
  it.each([
    [
      "Giao Sở Thông tin và Truyền thông (Sở TT-TT) chủ trì",
      [{ short: "Sở TT-TT", full: "Sở Thông tin và Truyền thông" }],
    ],
    [
      "phối hợp Ban quản lý các khu công nghiệp (sau đây gọi tắt là BQL các KCN) thực hiện",
      [{ short: "BQL các KCN", full: "Ban quản lý các khu công nghiệp" }],
    ],
    ["Văn phòng UBND tỉnh (VP UBND) tổng hợp", [{ short: "VP UBND", full: "Văn phòng UBND tỉnh" }]],
    [
      "Sở Văn hóa, Thể thao và Du lịch (Sở VHTTDL)",
      [{ short: "Sở VHTTDL", full: "Sở Văn hóa, Thể thao và Du lịch" }],
    ],
  ])("%j", (text, expected) => {
    expect(extractDefinitions(text)).toEqual(expected);
  });

  it("ignores parentheses that do not define an agency", () => {
    const seed004 =
      "thông tin đối ngoại trong tình hình mới (gọi tắt là Nghị quyết số 47/NQ-CP), Ủy ban nhân dân tỉnh; " +
      "Sở Thông tin và Truyền thông (b/c); công tác thông tin đối ngoại (TTĐN); Bộ Thông tin (khi có hướng dẫn)";
    expect(extractDefinitions(seed004)).toEqual([]);
  });
});

describe("closestAgency", () => {
  it.each([
    ["Sở Thông tin và Truyền thôn", "Sở Thông tin và Truyền thông"],
    ["Sở Giáo dục", "Sở Giáo dục và Đào tạo"],
    ["So Noi vu", "Sở Nội vụ"],
    ["Công an tinh", "Công an tỉnh"],
    ["Sở Lao động Thương binh Xã hội", "Sở Lao động - Thương binh và Xã hội"],
  ])("%s -> %s", (name, expected) => {
    expect(closestAgency(name, dir)).toBe(expected);
  });

  it.each([
    "Hội Nông dân tỉnh",
    "Hội Liên hiệp Phụ nữ tỉnh",
    "Ban Nội chính Tỉnh ủy",
    "Hội Cựu chiến binh tỉnh",
    "",
    "Sở",
  ])("%j has nothing close", (name) => {
    expect(closestAgency(name, dir)).toBeUndefined();
  });
});
