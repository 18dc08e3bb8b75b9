/**
 * The plan's signer is read whichever reader produced the signature block: python-docx plans of
 * several provinces whose blocks officers write differently (a borderless table with "Nơi nhận:"
 * left and the titles and name right, the name in a row of its own, right-aligned paragraphs;
 * "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", both), read from the .docx,
 * and from the PDF and web page LibreOffice makes of it: the same signer from each.
 */
import "../helpers/integration-timeout";
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { phuluc } from "../helpers/phuluc-cli";
import { requireTool, runPython, sofficeConvertAll, tempDir } from "../helpers/tools";

const MAKE_SIGNERS = path.join(__dirname, "pdf", "make_signers.py");

type Signer = { titles: string[]; name: string };

function planOf(file: string): Record<string, unknown> & { signer?: Signer } {
  const r = phuluc(["import", file, "--json"]);
  if (r.code !== 0) throw new Error(`phuluc import ${path.basename(file)}: ${r.stderr}`);
  return JSON.parse(r.stdout).plan;
}

const ok = (["soffice", "python3-openpyxl"] as const).every((t) => requireTool(t));
(ok ? describe : describe.skip)("the signer, whichever reader", () => {
  let dir = "";
  let expected: Record<string, Signer> = {};

  beforeAll(() => {
    dir = tempDir("signer-readers");
    expected = runPython<Record<string, Signer>>(readFileSync(MAKE_SIGNERS, "utf8"), [dir]);
    const docs = Object.keys(expected).map((n) => path.join(dir, `${n}.docx`));
    for (const target of ["pdf", "html"])
      for (const f of sofficeConvertAll(docs, target))
        copyFileSync(f, path.join(dir, path.basename(f)));
  });

  it.each([
    "ky-bang-kt",
    "ky-bang-tm",
    "ky-bang-tm-kt",
    "ky-bang-hai-dong",
    "ky-doan-van",
    "ky-doan-van-kt",
  ])("%s: the block's signer from the .docx, the .pdf and the .html", (name) => {
    const docx = planOf(path.join(dir, `${name}.docx`));
    expect(docx.signer).toEqual(expected[name]);
    for (const ext of ["pdf", "html"]) {
      const other = planOf(path.join(dir, `${name}.${ext}`));
      // The whole identity agrees too: number, date, issuer, province, title, period.
      expect({ ext, plan: other }).toEqual({ ext, plan: docx });
    }
  });
});
