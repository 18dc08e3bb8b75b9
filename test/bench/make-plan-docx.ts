/**
 * Writes a realistic large plan as .docx with the `docx` library (an independent writer, not our
 * reader's code): national header, body text, and a phụ lục of `groups × tasksPerGroup` tasks whose
 * cells use the vocabulary of the real plans (agency lists with commas, "Hằng năm", ranges…).
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

const LEADS = [
  "Sở Thông tin và Truyền thông",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Công an tỉnh, Bộ Chỉ huy quân sự tỉnh",
  "Sở Công Thương",
  "Văn phòng UBND tỉnh",
  "Sở Nông nghiệp và Phát triển nông thôn",
  "Sở Giáo dục và Đào tạo",
];
const PARTNERS = [
  "Các Sở, ban, ngành, UBND các huyện, thành phố",
  "Sở Thông tin và Truyền thông, Báo Lâm Đồng, Đài PTTH tỉnh",
  "Sở Công Thương, Văn phòng UBND tỉnh, Trung tâm xúc tiến đầu tư, thương mại và du lịch",
  "",
];
const TIMES = [
  "Hằng năm",
  "2024 - 2030",
  "2024, 2026, 2028, 2030",
  "Đến năm 2030",
  "2025",
  "Thường xuyên",
  "Quý III",
];

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: text
      .split("\n")
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
  });
}

export async function makePlanDocx(groups: number, tasksPerGroup: number): Promise<Uint8Array> {
  const header = new TableRow({
    tableHeader: true,
    children: ["STT", "NHIỆM VỤ", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ PHỐI HỢP", "THỜI GIAN THỰC HIỆN"].map(
      (h) => cell(h, true)
    ),
  });
  const rows = [header];
  for (let g = 1; g <= groups; g++) {
    rows.push(
      new TableRow({
        children: [
          cell(String(g), true),
          cell(`Nhóm nhiệm vụ số ${g} về thông tin đối ngoại`, true),
          cell(""),
          cell(""),
          cell(""),
        ],
      })
    );
    for (let t = 1; t <= tasksPerGroup; t++) {
      const i = g * 31 + t;
      rows.push(
        new TableRow({
          children: [
            cell(`${g}.${t}`),
            cell(
              `Triển khai nhiệm vụ ${g}.${t}: tuyên truyền, quảng bá hình ảnh, con người của tỉnh; tổ chức sự kiện xúc tiến đầu tư, thương mại, du lịch`
            ),
            cell(LEADS[i % LEADS.length]),
            cell(PARTNERS[i % PARTNERS.length]),
            cell(TIMES[i % TIMES.length]),
          ],
        })
      );
    }
  }
  const p = (text: string, bold = false) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] });
  const doc = new Document({
    sections: [
      {
        children: [
          p("ỦY BAN NHÂN DÂN"),
          p("TỈNH LÂM ĐỒNG", true),
          p("Số: 9999/KH-UBND"),
          p("Lâm Đồng, ngày 13 tháng 6 năm 2024"),
          p("KẾ HOẠCH", true),
          p("Triển khai công tác thông tin đối ngoại đến năm 2030", true),
          new Paragraph("Căn cứ Nghị quyết số 47/NQ-CP ngày 15/4/2024 của Chính phủ…"),
          p("PHỤ LỤC", true),
          p("DANH MỤC NHIỆM VỤ", true),
          p(
            "(Ban hành kèm theo Kế hoạch số 9999/KH-UBND ngày 13 tháng 6 năm 2024 của UBND tỉnh Lâm Đồng)"
          ),
          new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
