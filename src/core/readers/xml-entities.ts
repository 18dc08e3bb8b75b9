/**
 * XML's own escapes in an attribute or text we read with a regular expression rather than a
 * parser (sheet and defined names in workbook.xml): the five named entities and character
 * references, decimal and hex. "&amp;" last, so "&amp;lt;" stays "&lt;".
 */
export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}
