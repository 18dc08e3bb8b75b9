import { readFileSync } from "node:fs";
import { readPdfPages } from "../src/pdf/read-pdf.ts";
import { readPdfLayout } from "../src/core/readers/pdf-layout.ts";
const f = process.argv[2];
const pages = await readPdfPages(new Uint8Array(readFileSync(f)), "x.pdf");
const c = readPdfLayout(pages, "x.pdf");
console.log(c.bodyText);
