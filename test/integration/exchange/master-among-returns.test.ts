/**
 * Files that are no report put among the returns: the master itself in the folder of returns,
 * and a distributed file sent back as it was (openpyxl re-saved, nothing filled). Each named to
 * the officer with what it is; neither counts as a report.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { importLamDong, phuluc } from "../../helpers/phuluc-cli";
import { itWithTools, runPython, tempDir } from "../../helpers/tools";

const YT = "Sở Y tế";

itWithTools(
  ["python3-openpyxl"],
  "the master in the folder of returns and a blank distributed file are named, not counted",
  async () => {
    const dir = tempDir("master-among-returns");
    const back = path.join(dir, "nhan-ve");
    mkdirSync(back);
    const master = importLamDong(path.join(back, "theo-doi.xlsx"));
    const gui = path.join(dir, "gui");
    expect(phuluc(["distribute", master, "--year", "2026", "-o", gui]).code).toBe(0);
    // Opened and saved again by another program, nothing typed.
    runPython(
      `import sys, openpyxl
openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2]); print(1)`,
      [path.join(gui, `2026 - ${YT} - Báo cáo KH 4784.xlsx`), path.join(back, "yte.xlsx")]
    );
    const r = phuluc([
      "consolidate",
      master,
      back,
      "--year",
      "2026",
      "-o",
      path.join(dir, "tong-hop.xlsx"),
      "--json",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      received: { file: string; empty: boolean; warnings: string[] }[];
      rejected: { file: string; code: string; message: string }[];
      missing: { agency: string }[];
    };
    expect(j.rejected).toEqual([
      {
        file: "theo-doi.xlsx",
        code: "TRACKING_WORKBOOK",
        message:
          'Tệp "theo-doi.xlsx" là chính sổ theo dõi đang tổng hợp (tệp đầu tiên của lệnh), không phải báo cáo của một đơn vị: bỏ qua.',
      },
    ]);
    expect(j.received).toEqual([
      expect.objectContaining({
        file: "yte.xlsx",
        empty: true,
        warnings: [
          `Tệp "yte.xlsx" còn nguyên như khi gửi cho ${YT} (chưa điền ô nào): có thể đơn vị gửi nhầm tệp trống hoặc chính tệp đã gửi; chưa tính là ${YT} đã báo cáo.`,
        ],
      }),
    ]);
    expect(j.missing.map((m) => m.agency)).toContain(YT);
  },
  60000
);
