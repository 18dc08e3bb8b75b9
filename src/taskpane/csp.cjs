/**
 * The pane's Content-Security-Policy, in one place: the <meta> in taskpane.html (via the
 * html-webpack-plugin template) and the header sent by `npm start` / the dev server.
 *
 * - script-src: our own bundle and Office.js from Microsoft's CDN (Office requires the CDN copy;
 *   it also loads its host-specific scripts from there). No 'unsafe-eval', no 'unsafe-inline'.
 * - style-src 'unsafe-inline': Fluent UI v9 styles through Griffel, which inserts <style> elements
 *   at run time; a nonce would need a server that rewrites the page per request, and the pane is
 *   served as static files. Office.js' own host scripts also set inline styles (office-js#1687).
 *   Inline *styles* cannot run code, so this is the usual, accepted trade-off.
 * - img-src data: Fluent icons and our own small images.
 * - connect-src: same origin (the dev server's reload socket) plus the Office CDN, from which
 *   Office.js may fetch its locale/host files.
 * - frame-ancestors is not allowed in a <meta> and must not be set as a header either:
 *   Office on the web frames the pane from its own domains.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://appsforoffice.microsoft.com",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

module.exports = { CSP };
