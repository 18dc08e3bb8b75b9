import { readFileSync } from "node:fs";
import { readPdfPages } from "../src/pdf/read-pdf";
import { readPdfLayout } from "../src/core/readers/pdf-layout";
(async () => {
  const f = process.argv[2];
  const pages = await readPdfPages(new Uint8Array(readFileSync(f)), "x.pdf");
  const c = readPdfLayout(pages, "x.pdf");
  console.log(c.bodyText);
})();
