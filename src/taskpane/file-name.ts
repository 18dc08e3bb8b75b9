/**
 * The name of the downloaded tracking workbook: "theo-doi-<số hiệu>.xlsx".
 * Số hiệu such as "4784/KH-UBND" holds "/" (not allowed in file names) and Vietnamese letters
 * (which some mail gateways and old Windows shares mangle), so it is folded to ASCII.
 */

/** "Đ/đ" do not decompose under NFD, so they are mapped by hand. */
function toAscii(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

export function sanitizeForFileName(text: string): string {
  return toAscii(text)
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

export function trackingFileName(planNumber: string, fallback = "ke-hoach"): string {
  const part = sanitizeForFileName(planNumber) || sanitizeForFileName(fallback) || "ke-hoach";
  return `theo-doi-${part}.xlsx`;
}
