"""Plans written by python-docx in several layouts (and the same plan by reportlab, straight to
PDF), for the PDF import tests: each .docx is printed to PDF by LibreOffice and both are imported.

usage: make_plans.py OUT_DIR  → writes the files, prints their names as JSON.
"""
import json
import sys

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

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
TIMES = ["2025", "Hằng năm", "Quý II/2025", "2025 - 2030", "Năm 2026", "Trước 30/6/2025"]
VERBS = ["Xây dựng", "Triển khai", "Tổ chức", "Rà soát, đánh giá", "Tăng cường", "Hoàn thiện"]
OBJECTS = [
    "kế hoạch chuyển đổi số trong hoạt động của cơ quan nhà nước",
    "cơ sở dữ liệu dùng chung của tỉnh, bảo đảm kết nối, chia sẻ dữ liệu với các bộ, ngành trung ương",
    "công tác tuyên truyền, phổ biến, giáo dục pháp luật",
    "đề án phát triển du lịch bền vững gắn với bảo tồn văn hóa dân tộc",
    "việc thực hiện Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ về quản lý hoạt động thông tin đối ngoại",
    "chương trình đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
]
GROUPS = [
    "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    "HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH",
    "PHÁT TRIỂN HẠ TẦNG SỐ",
    "ĐÀO TẠO NGUỒN NHÂN LỰC",
]
ROMAN = ["I", "II", "III", "IV"]


def tasks(per_group):
    out = []
    k = 0
    for g, name in enumerate(GROUPS):
        rows = []
        for i in range(per_group):
            title = f"{VERBS[k % len(VERBS)]} {OBJECTS[(k * 5) % len(OBJECTS)]}"
            if k % 4 == 1:
                title += " trên địa bàn tỉnh giai đoạn 2025 - 2030"
            rows.append(
                (f"{i + 1}", title, LEADS[k % len(LEADS)], PARTNERS[k % len(PARTNERS)], TIMES[k % len(TIMES)])
            )
            k += 1
        out.append((ROMAN[g], name, rows))
    return out


def letterhead(d):
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    t.cell(1, 0).text = "Số: 1234/KH-UBND"
    t.cell(1, 1).text = "Lâm Đồng, ngày 15 tháng 3 năm 2025"
    for row in t.rows:
        for c in row.cells:
            for p in c.paragraphs:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER


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
    sig = d.add_table(rows=1, cols=2)
    sig.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    sig.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Văn An"
    d.add_page_break()
    p = d.add_paragraph("PHỤ LỤC")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = d.add_paragraph("DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = d.add_paragraph("(Kèm theo Kế hoạch số 1234/KH-UBND ngày 15/3/2025 của UBND tỉnh Lâm Đồng)")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def repeat_header(row):
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def set_cell(cell, text):
    """Lines after the first are their own paragraphs (a list of partners, a bullet)."""
    parts = text.split("\n")
    cell.text = parts[0]
    for extra in parts[1:]:
        cell.add_paragraph(extra)


def plan(name, landscape=False, repeat=False, two_row_header=False, merged_lead=False, borders=True, per_group=8, font=12, split_after=None):
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(font)
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(2))
    letterhead(d)
    body(d)
    data = tasks(per_group)
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
        for c, text in zip(t.rows[0].cells, ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]):
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
    rows = [[Paragraph(h, base) for h in ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]]]
    spans = []
    for roman, gname, items in tasks(8):
        spans.append(len(rows))
        rows.append([Paragraph(roman, base), Paragraph(gname, base), "", "", ""])
        for stt, title, lead, partners, time in items:
            rows.append([Paragraph(x, base) for x in (stt, title, lead, partners, time)])
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style += [("SPAN", (1, r), (4, r)) for r in spans]
    story.append(Table(rows, colWidths=[32, 190, 100, 100, 70], repeatRows=1, style=TableStyle(style)))
    SimpleDocTemplate(f"{OUT}/{name}.pdf", pagesize=A4, title="Kế hoạch").build(story)
    return f"{name}.pdf"


HEADER = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]


def table_rows(per_group):
    rows = []
    for roman, gname, items in tasks(per_group):
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
