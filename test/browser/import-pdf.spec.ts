/**
 * A plan as the signed PDF the document system carries, in the pane (file mode): chosen with
 * the file picker or dropped on the file block, read by pdfjs in its own lazy chunk with no
 * worker and nothing the CSP forbids (no eval, no blob worker), previewed like the .docx.
 */
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { FIXTURE_DOCX, openPane, unexpectedErrors, watchPage } from "./pane-helpers";
import { sofficeConvert } from "../helpers/tools";

let pdf = "";
test.beforeAll(() => {
  pdf = sofficeConvert(FIXTURE_DOCX, "pdf");
});

test("the Lâm Đồng plan as PDF: chosen, 5 groups / 29 tasks, pdfjs loaded only then, CSP kept", async ({
  page,
}) => {
  const seen = await watchPage(page);
  const chunks: string[] = [];
  page.on("request", (r) => chunks.push(r.url()));
  await openPane(page);
  expect(chunks.filter((u) => /pdfjs/.test(u))).toEqual([]);

  await page.getByTestId("file-input").setInputFiles(pdf);
  await expect(page.getByTestId("counts")).toHaveText("5 nhóm, 29 nhiệm vụ");
  const info = page.getByTestId("plan-info");
  await expect(info).toContainText("4784/KH-UBND");
  await expect(info).toContainText("13/06/2024");
  expect(chunks.filter((u) => /chunks\/pdfjs\.[0-9a-f]+\.js$/.test(u))).toHaveLength(1);
  expect(seen.csp).toEqual([]);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});

/**
 * The scripts taskpane.html loads before the pane paints hold no pdfjs, and weigh at most 100 KB
 * gzip (issue 19; counted as 100,000 bytes, the stricter reading). 96.5 KiB on 3 Dec 2026, once
 * the paste box's Textarea loads after the first paint.
 */
test("the pane's initial scripts hold no pdfjs and weigh at most 100 KB gzip", async ({
  page,
}, info) => {
  const html = await (await page.request.get("/taskpane.html")).text();
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src)); // office.js: Microsoft's CDN, not our build
  expect(scripts.length).toBeGreaterThan(0);
  let gzip = 0;
  for (const src of scripts) {
    const body = await (await page.request.get(`/${src.replace(/^\//, "")}`)).body();
    expect(body.toString("latin1")).not.toMatch(/pdfjs-dist|pdfjsWorker|PDFWorker/);
    gzip += gzipSync(body, { level: 9 }).length;
  }
  info.annotations.push({ type: "initial-gzip", description: `${(gzip / 1024).toFixed(1)} KiB` });
  expect(gzip).toBeLessThanOrEqual(100_000);
});

test("a PDF dropped on the file block is read the same", async ({ page }) => {
  const seen = await watchPage(page);
  await openPane(page);
  const bytes = readFileSync(pdf).toString("base64");
  const drop = await page.evaluateHandle((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([data], "ke-hoach-4784.pdf", { type: "application/pdf" }));
    return dt;
  }, bytes);
  await page.getByTestId("file-drop").dispatchEvent("drop", { dataTransfer: drop });
  await expect(page.getByTestId("counts")).toHaveText("5 nhóm, 29 nhiệm vụ");
  expect(seen.csp).toEqual([]);
  expect(unexpectedErrors(seen.errors)).toEqual([]);
});
