/**
 * `phuluc` — the command line over the same core as the add-in, for batch work and for tests
 * on real files. Each sub-command lives in its own module under ./commands, loaded only when
 * it runs: `phuluc help` or a usage error never loads exceljs, docx or the importer.
 */
import { CliIo, nodeIo } from "./cli-io";

const HELP = `phuluc — công cụ dòng lệnh của Phụ Lục

Cách dùng:
  phuluc import <kế-hoạch.docx|.xlsx|.txt|-> -o <theo-dõi.xlsx> [--json] [--year NĂM] [--date YYYY-MM-DD] [--no-expand] [--force]
      Đọc bảng phụ lục của kế hoạch và tạo sổ theo dõi (.xlsx). "-" đọc văn bản dán từ đầu vào chuẩn.
      Sổ có một dòng cho mỗi (nhiệm vụ, đơn vị chủ trì); đơn vị chủ trì là một nhóm ("Các Sở, ban, ngành")
      được tách thành một dòng cho mỗi đơn vị thành viên còn tồn tại vào ngày báo cáo (theo danh mục
      có sẵn; cột "Thuộc nhóm" ở trang "Đơn vị" ghi đơn vị nào thuộc nhóm nào).
      --json   in kết quả đọc (kế hoạch, nhóm, nhiệm vụ, phát hiện) dạng JSON ra đầu ra chuẩn.
      --no-expand  không tách nhóm: mỗi nhóm đơn vị giữ một dòng chung như ghi trong kế hoạch.
      --force  cho phép ghi đè tệp kết quả đã có.
  phuluc validate <theo-dõi.xlsx> [--year NĂM] [--date YYYY-MM-DD] [--json]
      Kiểm tra sổ theo dõi; mã thoát 1 khi có lỗi.
  phuluc rollup <theo-dõi.xlsx> --year NĂM [--date YYYY-MM-DD] --json
      Tính số liệu tổng hợp theo đơn vị và theo nhóm nhiệm vụ.
  phuluc fix <theo-dõi.xlsx> -o <tệp-mới.xlsx> [--year NĂM] [--date YYYY-MM-DD] [--json] [--force]
      Sửa các lỗi an toàn (viết lại trạng thái cho đúng, ngày gõ dạng chữ thành ngày) vào một tệp MỚI;
      tệp nguồn giữ nguyên, mọi thay đổi ghi ở trang "Nhật ký sửa".
  phuluc rollover <theo-dõi.xlsx> --to NĂM -o <tệp-mới.xlsx> [--date YYYY-MM-DD] [--json] [--force]
      Chuyển sổ sang năm báo cáo kế tiếp: lưu số liệu năm cũ vào "Lịch sử", làm lại nhiệm vụ hằng năm,
      chuyển tiếp nhiệm vụ nhiều năm chưa xong. Mã thoát 2 nếu NĂM không phải năm kế tiếp hoặc đã chuyển.
  phuluc distribute <theo-dõi.xlsx> --year NĂM -o <thư-mục|tệp.zip> [--deadline YYYY-MM-DD] [--json] [--force]
      Tạo cho mỗi đơn vị một tệp báo cáo: các nhiệm vụ chủ trì cần điền và các nhiệm vụ phối hợp.
  phuluc consolidate <theo-dõi.xlsx> <tệp hoặc thư mục…> --year NĂM -o <tệp-mới.xlsx> [--date YYYY-MM-DD] [--confirm tệp!trang!dòng=MÃ]… [--prefer agency|master] [--json] [--force]
      Tổng hợp các tệp đơn vị gửi lại vào một sổ MỚI: ghi trang "Tiếp nhận", mọi giá trị thay thế ở
      "Nhật ký sửa"; liệt kê đơn vị đã/chưa gửi, lưu ý từng tệp, tệp bị từ chối, xung đột, dòng
      không khớp, nhiệm vụ tệp bỏ sót.
      Dòng khớp chưa chắc (dưới ngưỡng) không được gộp; --confirm xác nhận dòng đó là nhiệm vụ MÃ.
      Ô người tổng hợp đã sửa trong sổ từ lần tổng hợp trước mà tệp ghi khác: liệt kê là xung đột,
      giữ giá trị trong sổ (--prefer master, mặc định) hoặc lấy của đơn vị (--prefer agency).
      Mã thoát 0 khi đã ghi tệp kết quả (kể cả có tệp bị từ chối), 2 khi sổ theo dõi không đọc được.
  phuluc print <theo-dõi.xlsx> -o <phụ-lục.xlsx|.docx> [--year NĂM] [--date YYYY-MM-DD] [--with-status] [--force]
      In phụ lục để ký (Nghị định 30/2020): mỗi nhiệm vụ một dòng, nhóm in đậm, tiêu đề, dòng "Kèm theo",
      chữ ký và "Nơi nhận". --with-status thêm tình trạng và kết quả của NĂM.
      Chữ in: mặc định theo cơ quan ban hành; sửa lâu dài ở trang "Mẫu in" của sổ (Mục | Nội dung),
      hoặc cho lần in này: --heading, --title, --attached, --signer, --signer-title (nhiều lần),
      --recipient (nhiều lần).
  phuluc texts <theo-dõi.xlsx> -o <sổ-mới.xlsx> [--heading …] [--signer …] [--recipient …]… [--force]
      Ghi một sổ MỚI có trang "Mẫu in" (Mục | Nội dung) với chữ in đang dùng để sửa lâu dài;
      tệp nguồn giữ nguyên, trang "Mẫu in" cũ (nếu có) được giữ với tên "Mẫu in (cũ)".
  phuluc report <theo-dõi.xlsx> --year NĂM (--agency TÊN | --all | --province) -o <tệp> [--format xlsx|docx]
                [--date YYYY-MM-DD] [--json] [--force]
      Báo cáo năm của một đơn vị, của mọi đơn vị (tệp .zip, mỗi đơn vị một tệp) hoặc của toàn tỉnh.
      --json   in số liệu (cùng tên trường như rollup --json), phần lời văn báo cáo (narrative: từng
               đoạn với nguồn: đơn vị, nhiệm vụ, cột) và các tệp đã ghi.
      Tệp .docx là văn bản để ký (Nghị định 30/2020): tiêu đề, quốc hiệu, số, trích yếu, phần lời văn
      soạn từ số liệu và lời các đơn vị, chữ ký, "Nơi nhận", các bảng số liệu là phụ lục; .xlsx là các bảng.
  phuluc remind <theo-dõi.xlsx> --year NĂM [--date YYYY-MM-DD] [--deadline YYYY-MM-DD] -o <thư-mục|tệp.zip>
                [--one-letter] [--signer …] [--json] [--force]
      Công văn đôn đốc (.docx) cho mỗi đơn vị chưa gửi báo cáo (theo lần tổng hợp gần nhất, trang
      "Tiếp nhận") hoặc có nhiệm vụ quá hạn; --deadline là hạn mới ghi trong công văn.
      --one-letter  một công văn gửi mọi đơn vị, kèm danh sách.
      --json   in {"year", "agencies": [{"agency", "reason": "not_reported"|"overdue", "tasks"}], "files"}.

Mã thoát: 0 thành công (kể cả có cảnh báo), 1 sổ theo dõi có lỗi, 2 đầu vào không đọc được hoặc sai cú pháp.
`;

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "import":
      return (await import("./commands/import-command")).runImport(rest, io);
    case "validate":
      return (await import("./commands/validate-command")).runValidate(rest, io);
    case "rollup":
      return (await import("./commands/rollup-command")).runRollup(rest, io);
    case "fix":
      return (await import("./commands/fix-command")).runFix(rest, io);
    case "rollover":
      return (await import("./commands/rollover-command")).runRollover(rest, io);
    case "distribute":
      return (await import("./commands/distribute-command")).runDistribute(rest, io);
    case "consolidate":
      return (await import("./commands/consolidate-command")).runConsolidate(rest, io);
    case "print":
      return (await import("./commands/print-command")).runPrint(rest, io);
    case "report":
      return (await import("./commands/report-command")).runReport(rest, io);
    case "texts":
      return (await import("./commands/texts-command")).runTexts(rest, io);
    case "remind":
      return (await import("./commands/remind-command")).runRemind(rest, io);
    case undefined:
    case "-h":
    case "--help":
    case "help":
      io.stdout(HELP);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`phuluc: không có lệnh "${command}".\n\n${HELP}`);
      return 2;
  }
}
