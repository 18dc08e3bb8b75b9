"""Plans written by python-docx in several layouts (and the same plan by reportlab, straight to
PDF), for the PDF import tests: each .docx is printed to PDF by LibreOffice and both are imported.

usage: make_plans.py OUT_DIR  → writes the files, prints their names as JSON.
"""
import json
import sys

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from plan_docx import HEADER, document, letterhead, repeat_header, set_cell, signature, tasks

OUT = sys.argv[1]

LEADS = [
    "Sở Thông tin và Truyền thông",
    "Sở Kế hoạch và Đầu tư",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Tài nguyên và Môi trường",
    "Văn phòng UBND tỉnh",
    "Sở Giáo dục và Đào tạo",
    "Công an tỉnh",
    "Sở Lao động - Thương binh và Xã hội",
]
PARTNERS = [
    "",
    "Các Sở, ban, ngành, UBND các huyện, thành phố",
    "Sở Tài chính; Sở Nội vụ",
    "Báo Lâm Đồng, Đài Phát thanh - Truyền hình tỉnh",
    "Sở Tư pháp",
]
GROUPS = [
    "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    "HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH",
    "PHÁT TRIỂN HẠ TẦNG SỐ",
    "ĐÀO TẠO NGUỒN NHÂN LỰC",
]


def plan_tasks(per_group):
    """This plan's groups, each with per_group tasks."""
    return tasks(GROUPS, per_group, LEADS, PARTNERS)


def body(d):
    p = d.add_paragraph("KẾ HOẠCH")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = d.add_paragraph("Thực hiện chuyển đổi số tỉnh Lâm Đồng giai đoạn 2025 - 2030")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph(
        "Căn cứ Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành "
        "Kế hoạch thực hiện chuyển đổi số giai đoạn 2025 - 2030 như sau:"
    )
    d.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    d.add_paragraph(
        "Cụ thể hóa các nhiệm vụ, giải pháp; phân công rõ trách nhiệm của các cơ quan, đơn vị trong "
        "việc triển khai thực hiện, bảo đảm hiệu quả, đúng tiến độ."
    )
    d.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    d.add_paragraph(
        "1. Sở Thông tin và Truyền thông chủ trì, theo dõi, đôn đốc việc triển khai Kế hoạch; tổng hợp "
        "kết quả, báo cáo UBND tỉnh."
    )
    d.add_paragraph(
        "2. Sở Tài chính tham mưu bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch theo quy định."
    )
    d.add_paragraph("III. CHẾ ĐỘ BÁO CÁO")
    d.add_paragraph(
        "Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông trước ngày 15/12 hằng năm."
    )
    signature(d)
    d.add_page_break()
    p = d.add_paragraph("PHỤ LỤC")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = d.add_paragraph("DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = d.add_paragraph("(Kèm theo Kế hoạch số 1234/KH-UBND ngày 15/3/2025 của UBND tỉnh Lâm Đồng)")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def plan(name, landscape=False, repeat=False, two_row_header=False, merged_lead=False, borders=True, per_group=8, font=12, split_after=None):
    d = document(font, landscape)
    letterhead(d)
    body(d)
    data = plan_tasks(per_group)
    parts = [data] if split_after is None else [data[:split_after], data[split_after:]]
    for k, part in enumerate(parts):
        if k:
            # The phụ lục goes on in a second table, its header row typed again.
            d.add_paragraph("")
        phu_luc_table(d, part, landscape, repeat, two_row_header, merged_lead, borders)
    d.save(f"{OUT}/{name}.docx")
    return f"{name}.docx"


def phu_luc_table(d, data, landscape, repeat, two_row_header, merged_lead, borders):
    header_rows = 2 if two_row_header else 1
    n = header_rows + sum(1 + len(rows) for _, _, rows in data)
    t = d.add_table(rows=n, cols=5)
    if borders:
        t.style = "Table Grid"
    if two_row_header:
        h0, h1 = t.rows[0].cells, t.rows[1].cells
        h0[0].merge(h1[0]).text = "STT"
        h0[1].merge(h1[1]).text = "Nhiệm vụ"
        h0[2].merge(h0[3]).text = "Đơn vị thực hiện"
        h1[2].text = "Chủ trì"
        h1[3].text = "Phối hợp"
        h0[4].merge(h1[4]).text = "Thời gian thực hiện"
    else:
        for c, text in zip(t.rows[0].cells, HEADER):
            c.text = text
    if repeat:
        for r in range(header_rows):
            repeat_header(t.rows[r])
    r = header_rows
    for roman, gname, rows in data:
        cells = t.rows[r].cells
        cells[0].text = roman
        cells[1].merge(cells[4]).text = gname
        r += 1
        first = r
        for stt, title, lead, partners, time in rows:
            cells = t.rows[r].cells
            cells[0].text = stt
            set_cell(cells[1], title)
            cells[2].text = lead
            set_cell(cells[3], partners.replace("; ", ";\n") if two_row_header else partners)
            cells[4].text = time
            r += 1
        if merged_lead:
            # One lead for the group's first three tasks, written once in a merged cell.
            lead = t.cell(first, 2).text
            for k in range(first, first + 3):
                t.cell(k, 2).text = ""
            t.cell(first, 2).merge(t.cell(first + 2, 2)).text = lead
    widths = [Cm(1.3), Cm(7), Cm(3.5), Cm(3.5), Cm(2.5)] if not landscape else [Cm(1.5), Cm(11), Cm(5), Cm(5), Cm(3.5)]
    for row in t.rows:
        for c, w in zip(row.cells, widths):
            c.width = w


def reportlab_plan(name):
    """The same kind of plan written straight to PDF by reportlab (its own fonts and table code)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("Serif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"))
    base = ParagraphStyle("b", fontName="Serif", fontSize=11, leading=14)
    center = ParagraphStyle("c", parent=base, alignment=1)
    story = [
        Table(
            [[Paragraph("ỦY BAN NHÂN DÂN<br/>TỈNH LÂM ĐỒNG", center), Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc", center)],
             [Paragraph("Số: 1234/KH-UBND", center), Paragraph("Lâm Đồng, ngày 15 tháng 3 năm 2025", center)]],
            colWidths=[200, 280],
        ),
        Spacer(1, 12),
        Paragraph("KẾ HOẠCH", center),
        Paragraph("Thực hiện chuyển đổi số tỉnh Lâm Đồng giai đoạn 2025 - 2030", center),
        Spacer(1, 12),
        Paragraph("PHỤ LỤC", center),
        Paragraph("DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ", center),
        Spacer(1, 6),
    ]
    rows = [[Paragraph(h, base) for h in HEADER]]
    spans = []
    for roman, gname, items in plan_tasks(8):
        spans.append(len(rows))
        rows.append([Paragraph(roman, base), Paragraph(gname, base), "", "", ""])
        for stt, title, lead, partners, time in items:
            rows.append([Paragraph(x, base) for x in (stt, title, lead, partners, time)])
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style += [("SPAN", (1, r), (4, r)) for r in spans]
    story.append(Table(rows, colWidths=[32, 190, 100, 100, 70], repeatRows=1, style=TableStyle(style)))
    SimpleDocTemplate(f"{OUT}/{name}.pdf", pagesize=A4, title="Kế hoạch").build(story)
    return f"{name}.pdf"



def table_rows(per_group):
    rows = []
    for roman, gname, items in plan_tasks(per_group):
        rows.append([roman, gname, "", "", ""])
        rows.extend([list(r) for r in items])
    return rows


def pasted_text(name, per_group):
    """The phụ lục as Excel puts it on the clipboard: tab-separated, the plan's lines before it."""
    def cell(c):
        return '"' + c.replace('"', '""') + '"' if "\n" in c or "\t" in c or '"' in c else c
    lines = ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: 1234/KH-UBND", "Lâm Đồng, ngày 15 tháng 3 năm 2025",
             "KẾ HOẠCH", "Thực hiện chuyển đổi số tỉnh Lâm Đồng giai đoạn 2025 - 2030", "PHỤ LỤC", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ"]
    lines += ["\t".join(cell(c) for c in r) for r in [HEADER] + table_rows(per_group)]
    with open(f"{OUT}/{name}.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return f"{name}.txt"


def workbook(name, per_group):
    """The phụ lục typed in a sheet (openpyxl), group titles merged across."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    ws.append(["DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ"])
    ws.append(["(Kèm theo Kế hoạch số 1234/KH-UBND ngày 15/3/2025 của UBND tỉnh Lâm Đồng)"])
    ws.append(HEADER)
    for r in table_rows(per_group):
        # Numbers typed as numbers (STT, a year), as officers type them.
        ws.append([int(c) if c.isdigit() else c for c in r])
        if r[2] == "" and r[4] == "":
            ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=5)
    wb.save(f"{OUT}/{name}.xlsx")
    return f"{name}.xlsx"


made = {
    "docx": [
        plan("doc-dung"),
        plan("ngang-lap-tieu-de", landscape=True, repeat=True, per_group=12),
        plan("o-gop", two_row_header=True, merged_lead=True, repeat=True),
        plan("khong-ke", borders=False, per_group=5),
        plan("hai-bang", split_after=2, per_group=4),
    ],
    "pdf": [reportlab_plan("reportlab")],
    # The same phụ lục as hai-bang.docx, for the readers that take no .docx.
    "other": [pasted_text("hai-bang", 4), workbook("hai-bang", 4)],
}
print(json.dumps(made))
