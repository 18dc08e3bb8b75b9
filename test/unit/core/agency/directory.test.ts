import { AgencyDirectory } from "../../../../src/core/agency/directory";
import { defaultAgencies, defaultDirectory } from "../../../../src/core/agency/default-directory";

const dir = defaultDirectory();

describe("AgencyDirectory.get: spellings seen in plans resolve to one canonical name", () => {
  it.each([
    ["Sở TT&TT", "Sở Thông tin và Truyền thông"],
    ["Sở TT-TT", "Sở Thông tin và Truyền thông"],
    ["Sở Thông tin Truyền thông", "Sở Thông tin và Truyền thông"],
    ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở Thông tin và Truyền thông"],
    ["Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở Văn hóa Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"], // old tone placement
    ["Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"],
    ["Sở Kế hoạch Đầu tư", "Sở Kế hoạch và Đầu tư"],
    ["Sở Công thương", "Sở Công Thương"],
    ["Đài PT-TH tỉnh", "Đài Phát thanh - Truyền hình tỉnh"],
    ["Đài PTTH tỉnh", "Đài Phát thanh - Truyền hình tỉnh"],
    ["Đài PT&TH tỉnh", "Đài Phát thanh - Truyền hình tỉnh"],
    ["Đài PTTH Đồng Nai", "Đài Phát thanh - Truyền hình tỉnh"],
    ["Bộ CHQS tỉnh", "Bộ Chỉ huy quân sự tỉnh"],
    ["Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy quân sự tỉnh"],
    ["Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"],
    ["Ủy ban nhân dân các huyện, thị xã, thành phố", "UBND các huyện, thành phố"],
    ["Sở Lao động, Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"],
    ["Báo Lâm Đồng", "Báo tỉnh"],
    ["Báo Bắc Giang", "Báo tỉnh"],
    ["Báo Đồng Nai", "Báo tỉnh"],
    ["Ủy ban MTTQVN tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"],
    ["Liên minh HTX tỉnh", "Liên minh Hợp tác xã tỉnh"],
    ["Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường"],
    ["Sở Dân tộc và Tôn giáo", "Sở Dân tộc và Tôn giáo"],
  ])("%s -> %s", (spelling, canonical) => {
    expect(dir.get(spelling)?.name).toBe(canonical);
    expect(dir.get(spelling.normalize("NFD"))?.name).toBe(canonical);
  });

  it("does not confuse Sở Nội vụ with Sở Ngoại vụ, nor know names it was not given", () => {
    expect(dir.get("Sở Ngoại vụ")?.name).toBe("Sở Ngoại vụ");
    expect(dir.get("Sở Nội vụ")?.name).toBe("Sở Nội vụ");
    expect(dir.get("Hội Nông dân tỉnh")).toBeUndefined();
    expect(dir.get("")).toBeUndefined();
  });

  it("includes the departments, forces, boards and collectives a provincial plan names", () => {
    const names = dir.all().map((a) => a.name);
    for (const n of [
      "Văn phòng UBND tỉnh",
      "Sở Nội vụ",
      "Sở Tư pháp",
      "Sở Tài chính",
      "Sở Kế hoạch và Đầu tư",
      "Sở Công Thương",
      "Sở Nông nghiệp và Phát triển nông thôn",
      "Sở Tài nguyên và Môi trường",
      "Sở Giao thông vận tải",
      "Sở Xây dựng",
      "Sở Thông tin và Truyền thông",
      "Sở Khoa học và Công nghệ",
      "Sở Giáo dục và Đào tạo",
      "Sở Y tế",
      "Sở Lao động - Thương binh và Xã hội",
      "Sở Văn hóa, Thể thao và Du lịch",
      "Sở Ngoại vụ",
      "Sở Nông nghiệp và Môi trường",
      "Sở Dân tộc và Tôn giáo",
      "Ban Dân tộc",
      "Công an tỉnh",
      "Bộ Chỉ huy quân sự tỉnh",
      "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
      "Đài Phát thanh - Truyền hình tỉnh",
      "Báo tỉnh",
      "Trung tâm xúc tiến đầu tư, thương mại và du lịch",
      "Ban quản lý các khu công nghiệp",
      "Thanh tra tỉnh",
      "Liên minh Hợp tác xã tỉnh",
      "UBND các huyện, thành phố",
      "UBND các xã, phường",
      "Ủy ban MTTQ Việt Nam tỉnh",
      "Các Sở, ban, ngành",
    ]) {
      expect(names).toContain(n);
    }
    expect(dir.get("Các Sở, ban, ngành")?.collective).toBe(true);
    expect(dir.get("UBND các huyện, thành phố")?.collective).toBe(true);
  });

  it("all() returns copies: callers cannot change the directory", () => {
    dir.all()[0].aliases.push("Sở Xyz");
    expect(dir.get("Sở Xyz")).toBeUndefined();
  });
});

describe("defaultAgencies(province)", () => {
  it("names the newspaper and the broadcaster after the province, generic names as spellings", () => {
    const lamDong = defaultDirectory("Lâm Đồng");
    expect(lamDong.get("Báo Lâm Đồng")?.name).toBe("Báo Lâm Đồng");
    expect(lamDong.get("Báo tỉnh")?.name).toBe("Báo Lâm Đồng");
    // Was "Đài Phát thanh - Truyền hình tỉnh": the broadcaster is the province's own agency,
    // like its newspaper (both merged in 2025 into the province's press agency, DOMAIN.md).
    for (const written of [
      "Đài PTTH Lâm Đồng",
      "Đài PT-TH tỉnh",
      "Đài Phát thanh - Truyền hình tỉnh",
    ])
      expect(lamDong.get(written)?.name).toBe("Đài Phát thanh - Truyền hình Lâm Đồng");
    expect(lamDong.successorOn("Đài PT-TH tỉnh", "2026-01-01")?.name).toBe(
      "Báo và Phát thanh, Truyền hình Lâm Đồng"
    );
    const nghe = defaultDirectory("Nghệ An");
    expect(nghe.get("Đài PT-TH Nghệ An")?.name).toBe("Đài Phát thanh - Truyền hình Nghệ An");
    expect(nghe.get("Đài PT-TH Nghệ An")?.shortNames).toEqual(["Đài PT-TH Nghệ An"]);
    // Another province's newspaper is not this one's.
    expect(lamDong.get("Báo Bắc Giang")).toBeUndefined();
    expect(defaultAgencies("Bắc Giang").map((a) => a.name)).toContain("Báo Bắc Giang");
  });
});

describe("successorOn: the agency that answers for a task in a given year", () => {
  it.each([
    ["Sở Thông tin và Truyền thông", "2024-12-31", "Sở Thông tin và Truyền thông"],
    ["Sở Thông tin và Truyền thông", "2025-03-01", "Sở Khoa học và Công nghệ"],
    ["Sở TT&TT", "2026-06-30", "Sở Khoa học và Công nghệ"],
    ["Sở Kế hoạch và Đầu tư", "2026-01-01", "Sở Tài chính"],
    ["Sở Tài nguyên và Môi trường", "2026-01-01", "Sở Nông nghiệp và Môi trường"],
    ["Sở Nông nghiệp và Phát triển nông thôn", "2026-01-01", "Sở Nông nghiệp và Môi trường"],
    ["Sở Giao thông vận tải", "2026-01-01", "Sở Xây dựng"],
    ["Sở Lao động - Thương binh và Xã hội", "2026-01-01", "Sở Nội vụ"],
    ["Ban Dân tộc", "2026-01-01", "Sở Dân tộc và Tôn giáo"],
    ["Báo tỉnh", "2026-01-01", "Báo và Phát thanh, Truyền hình tỉnh"],
    ["Đài PTTH tỉnh", "2026-01-01", "Báo và Phát thanh, Truyền hình tỉnh"],
    ["UBND các huyện, thành phố", "2025-06-30", "UBND các huyện, thành phố"],
    ["UBND các huyện, thành phố", "2025-07-01", "UBND các xã, phường"],
    ["Công an tỉnh", "2026-01-01", "Công an tỉnh"],
  ])("%s on %s -> %s", (name, date, expected) => {
    expect(dir.successorOn(name, date)?.name).toBe(expected);
  });

  it("follows chains and survives cycles; unknown names give undefined", () => {
    const chain = new AgencyDirectory([
      {
        name: "Sở A",
        shortNames: [],
        aliases: [],
        kind: "department",
        successor: { name: "Sở B", effective: "2025-03-01" },
      },
      {
        name: "Sở B",
        shortNames: [],
        aliases: [],
        kind: "department",
        successor: { name: "Sở C", effective: "2026-01-01" },
      },
      {
        name: "Sở C",
        shortNames: [],
        aliases: [],
        kind: "department",
        successor: { name: "Sở A", effective: "2026-01-01" },
      },
    ]);
    expect(chain.successorOn("Sở A", "2025-06-01")?.name).toBe("Sở B");
    expect(["Sở A", "Sở B", "Sở C"]).toContain(chain.successorOn("Sở A", "2027-01-01")?.name);
    expect(chain.successorOn("Sở Z", "2027-01-01")).toBeUndefined();
  });
});

describe("withDefinitions", () => {
  it("adds a plan's short form to the agency it abbreviates", () => {
    const local = dir.withDefinitions([{ short: "STTTT", full: "Sở Thông tin và Truyền thông" }]);
    expect(local.get("STTTT")?.name).toBe("Sở Thông tin và Truyền thông");
    expect(dir.get("STTTT")).toBeUndefined(); // the base directory is unchanged
  });

  it("adds an agency the directory did not know, with its short name", () => {
    const local = dir.withDefinitions([
      { short: "BCĐ TTĐN", full: "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh" },
    ]);
    expect(local.get("BCĐ TTĐN")?.name).toBe("Ban Chỉ đạo công tác thông tin đối ngoại tỉnh");
    expect(local.get("Ban Chỉ đạo công tác thông tin đối ngoại tỉnh")?.kind).toBe("board");
  });

  it("never lets a short form steal a name the directory already has", () => {
    const local = dir.withDefinitions([{ short: "Sở Nội vụ", full: "Sở Tư pháp" }]);
    expect(local.get("Sở Nội vụ")?.name).toBe("Sở Nội vụ");
  });
});
