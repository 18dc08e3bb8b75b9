// The comparison point of the benchmarks: a process that only opens .xlsx files with exceljs.
// `node test/bench/open-with-exceljs.cjs <file.xlsx>…`
"use strict";
const fs = require("node:fs");
const ExcelJS = require("exceljs");

(async () => {
  for (const f of process.argv.slice(2)) await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(f));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
