/**
 * One error base class (core/errors/phuluc-error): every error meant for the officer extends it,
 * the CLI gives exit code 2 for each and lets anything else through as a bug.
 */
import { isPhuLucError, PhuLucError } from "../../../../src/core/errors/phuluc-error";
import { InputError } from "../../../../src/core/errors/input-error";
import { INPUT_ERRORS } from "../../../../src/core/errors/finding-codes";
import { XlsxReadError, sniffWorkbook } from "../../../../src/xlsx/read-errors";
import { RolloverRefused } from "../../../../src/core/tracking/rollover-rules";
import { ChangesError } from "../../../../src/render/office/changes-error";
import { RenderError } from "../../../../src/render/office/render-workbook";
import { UsageError } from "../../../../src/cli/args";
import { OutputError, StoppedError, type CliIo } from "../../../../src/cli/cli-io";
import { reportInputError } from "../../../../src/cli/read-input-file";

function io(): CliIo & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdout: () => {},
    stderr: (t) => void err.push(t),
    readFile: () => Promise.reject(new Error("unused")),
    readStdin: () => Promise.reject(new Error("unused")),
    exists: () => Promise.resolve(false),
    writeFileAtomic: () => Promise.resolve(),
    today: () => "2026-12-03",
  };
}

const thrownBy = (f: () => void): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
};

describe("PhuLucError", () => {
  const userErrors: [string, PhuLucError][] = [
    [
      "InputError",
      new InputError(INPUT_ERRORS.NO_TABLE, "kh.docx", 'Tệp "kh.docx" không có bảng.'),
    ],
    [
      "XlsxReadError",
      thrownBy(() => sniffWorkbook(new Uint8Array([1, 2, 3]), "a.xlsx")) as XlsxReadError,
    ],
    ["RolloverRefused", new RolloverRefused({ code: "SAME_YEAR", message: "Sổ đã ở năm 2027." })],
    ["ChangesError", new ChangesError("Không ghi được; sổ đã trả lại như cũ.", true, null)],
    ["RenderError", new RenderError("Không tạo được sổ; chưa có gì được ghi.", true, null)],
    ["UsageError", new UsageError("thiếu tệp kế hoạch.")],
    ["OutputError", new OutputError('không ghi được "x.xlsx": thư mục không tồn tại.')],
  ];

  test.each(userErrors)("%s is one, with a code, its name and instanceof intact", (name, e) => {
    expect(isPhuLucError(e)).toBe(true);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(name);
    expect(e.code).toMatch(/^[A-Z_]+$/);
    expect(e.message).toMatch(/[ăâđêôơưạ-ỹ]/i);
  });

  test.each(userErrors)("the CLI gives exit 2 and the sentence for %s", (_, e) => {
    const out = io();
    expect(reportInputError("validate", e, out)).toBe(2);
    expect(out.err).toEqual([`phuluc validate: ${e.message}\n`]);
  });

  test("a corrupt .xlsx keeps what caused it", () => {
    const e = thrownBy(() => sniffWorkbook(new Uint8Array([1, 2, 3]), "a.xlsx")) as XlsxReadError;
    expect(e.code).toBe("CORRUPT");
    expect(e.message).toContain('"a.xlsx"');
  });

  test("an InputError names its file in its place", () => {
    const e = new InputError(INPUT_ERRORS.EMPTY_TABLE, "kh.docx", "…", { table: 1, row: 3 });
    expect(e.place).toEqual({ file: "kh.docx", table: 1, row: 3 });
    expect(e.file).toBe("kh.docx");
  });

  test("an error merely named like one, a bug and a stop are not user errors", () => {
    const named = Object.assign(new Error("x"), { name: "InputError", code: "NO_TABLE" });
    for (const e of [named, new TypeError("boom"), new StoppedError("a.xlsx")]) {
      expect(isPhuLucError(e)).toBe(false);
      expect(() => reportInputError("validate", e, io())).toThrow(e);
    }
  });
});
