/**
 * Offers bytes as a download through a blob: URL on an <a download>. Allowed by the pane's CSP:
 * navigations/downloads are not governed by default-src, and the blob is same-origin
 * (checked by test/browser/import.spec.ts in Chromium).
 */
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function makeDownloadUrl(bytes: Uint8Array, mime = XLSX_MIME): string {
  // Copy into a fresh ArrayBuffer: the Blob must not alias a buffer that may be reused.
  return URL.createObjectURL(new Blob([bytes.slice()], { type: mime }));
}

export function triggerDownload(url: string, fileName: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** A file made in the pane and offered for download: its blob: URL and the name to save it as. */
export interface DownloadFile {
  url: string;
  fileName: string;
}
