/** Text for SpreadsheetML parts: escaped for XML, characters XML cannot hold encoded. */

const XML_ESCAPE = /[&<>"]/g;
const XML_ENTITY: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};
// Control characters XML 1.0 forbids (tab, line feed and carriage return are allowed) and lone
// surrogates: Excel's own escape, _xHHHH_, keeps them instead of making the part unreadable.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** An attribute value or element text. */
export function xmlText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s
    .replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(XML_ESCAPE, (c) => XML_ENTITY[c] ?? c); // XML_ESCAPE matches XML_ENTITY's keys
}

/** A <t> element: spaces at either end, tabs and line breaks kept (xml:space="preserve"). */
export function textElement(s: string): string {
  const preserve = /^\s|\s$|[\t\n\r]/.test(s);
  return preserve ? `<t xml:space="preserve">${xmlText(s)}</t>` : `<t>${xmlText(s)}</t>`;
}
