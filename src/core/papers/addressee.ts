/**
 * Whom a proposal asks, read from its own words ("Đề nghị Bộ Y tế …", "Kiến nghị UBND tỉnh bố
 * trí kinh phí …", "đề nghị Sở Tài chính …"): the first body it names decides. Nothing named →
 * "unnamed" (the report says so rather than guess). "bổ sung" is not "Bộ": letters are compared
 * with their marks, and a name must stand as a word.
 */
export type Addressee = "central" | "province" | "agencies" | "unnamed";

const W = "(?<!\\p{L})";
const E = "(?!\\p{L})";
const PATTERNS: [Addressee, RegExp][] = [
  ["central", new RegExp(`${W}(chính phủ|thủ tướng|quốc hội|trung ương|bộ|các bộ)${E}`, "iu")],
  [
    "province",
    new RegExp(
      `${W}((ủy|uỷ) ban nhân dân tỉnh|ubnd tỉnh|hội đồng nhân dân tỉnh|hđnd tỉnh|tỉnh ủy|tỉnh uỷ|chủ tịch ubnd tỉnh)${E}`,
      "iu"
    ),
  ],
  [
    "agencies",
    new RegExp(
      `${W}(sở|các sở|ban quản lý|ngành|ubnd các (xã|phường|huyện)|ubnd (xã|phường|huyện)|ủy ban nhân dân (các )?(xã|phường|huyện))${E}`,
      "iu"
    ),
  ],
];

export function addresseeOf(text: string): Addressee {
  const t = text.normalize("NFC");
  let best: Addressee = "unnamed";
  let at = Infinity;
  for (const [who, re] of PATTERNS) {
    const m = re.exec(t);
    if (m && m.index < at) {
      at = m.index;
      best = who;
    }
  }
  return best;
}

/** Subheads of "Đề xuất, kiến nghị", in the order a report gives them. */
export const ADDRESSEE_TITLES: Record<Addressee, string> = {
  central: "Đối với Chính phủ, các bộ, ngành Trung ương",
  province: "Đối với Ủy ban nhân dân tỉnh",
  agencies: "Đối với các sở, ngành, địa phương",
  unnamed: "Đề xuất, kiến nghị chưa nêu cơ quan giải quyết",
};
