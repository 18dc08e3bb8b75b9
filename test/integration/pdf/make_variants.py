"""Plans laid out as signed plans are printed: portrait body pages, then the phụ lục (landscape
in its own section, or portrait), with tasks whose text runs over a page break, for the PDF
import tests (each .docx printed to PDF by LibreOffice and compared with the import of the .docx
and with the tasks written here).

usage: make_variants.py OUT_DIR  → writes the .docx files (and PDFs written by reportlab),
prints {"files": [.docx], "pdfs": [.pdf], "tasks": {name: [{stt, title, lead, partners, time}]}}.
"""
import json
import sys

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from plan_docx import document, letterhead, repeat_header, signature

OUT = sys.argv[1]

HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
GROUPS = [("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"), ("II", "PHÁT TRIỂN HẠ TẦNG SỐ"), ("III", "ĐÀO TẠO NGUỒN NHÂN LỰC")]
LEADS = ["Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Công an tỉnh"]
# Empty partner cells are common: a task one agency does alone.
PARTNERS = ["", "Các sở, ban, ngành; UBND các xã, phường", "Sở Tư pháp", "", "Sở Y tế, Sở Giáo dục và Đào tạo"]
TIMES = ["2026", "Hằng năm", "Quý II/2026", "2026 - 2030", "Tháng 6/2026"]
# A task of ten lines and more in its cell: cut by page breaks wherever it falls.
LONG = (
    "Triển khai đồng bộ các giải pháp bảo đảm an toàn, an ninh mạng cho hệ thống thông tin của các cơ quan "
    "nhà nước trên địa bàn tỉnh, bao gồm: rà soát, phân loại hệ thống thông tin theo cấp độ; xây dựng phương "
    "án bảo đảm an toàn thông tin theo cấp độ; tổ chức diễn tập ứng cứu sự cố an toàn thông tin mạng định kỳ "
    "hằng năm; đào tạo, bồi dưỡng, nâng cao nhận thức về an toàn thông tin cho cán bộ, công chức, viên chức; "
    "kiểm tra, đánh giá an toàn thông tin định kỳ; triển khai giám sát an toàn thông tin tập trung kết nối với "
    "hệ thống của Trung tâm Giám sát an toàn không gian mạng quốc gia; thuê dịch vụ bảo đảm an toàn thông tin "
    "theo mô hình bốn lớp."
)

# A task longer than a page: pages holding nothing but its middle (and the repeated header).
HUGE = "; ".join([LONG.rstrip(".")] + [LONG[0].lower() + LONG[1:].rstrip(".")] * 4) + "."


def plan_groups(huge=False):
    """[(roman, title, [task])]: six tasks a group; every seventh task is the long one; with
    `huge`, the ninth is the huge one."""
    out, k = [], 0
    for roman, title in GROUPS:
        items = []
        for i in range(6):
            text = (
                HUGE
                if huge and k == 8
                else LONG
                if k % 7 == 3
                else f"Nhiệm vụ số {k + 1}: xây dựng và triển khai kế hoạch ứng dụng công nghệ thông tin, "
                "chuyển đổi số trong lĩnh vực phụ trách"
            )
            items.append(dict(stt=str(i + 1), title=text, lead=LEADS[k % 5], partners=PARTNERS[k % 5], time=TIMES[k % 5]))
            k += 1
        out.append((roman, title, items))
    return out


def body(d, paragraphs):
    for text in ["KẾ HOẠCH", "Ứng dụng công nghệ thông tin, chuyển đổi số tỉnh Lâm Đồng năm 2026"]:
        d.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    for _ in range(paragraphs):
        d.add_paragraph(
            "Cụ thể hóa các nhiệm vụ, giải pháp; phân công rõ trách nhiệm của các cơ quan, đơn vị trong việc "
            "triển khai thực hiện, bảo đảm hiệu quả, đúng tiến độ, tiết kiệm và công khai, minh bạch."
        )
    d.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    d.add_paragraph(
        "Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15/12 hằng năm."
    )
    signature(d)


def running_lines(sec):
    """The page number centred in the header, and the e-office signing line in the footer."""
    sec.header.is_linked_to_previous = False
    sec.footer.is_linked_to_previous = False
    p = sec.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    for kind, text in [("begin", None), (None, "PAGE"), ("end", None)]:
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.text = text
        run._r.append(el)
    sec.footer.paragraphs[0].text = (
        "Văn bản được ký số bởi: Ủy ban nhân dân tỉnh Lâm Đồng, Thời gian ký: 15.03.2025 10:12:33 +07:00"
    )


def without_inner_vertical_rules(t):
    """Rules around the table and between its rows, none between its columns."""
    borders = OxmlElement("w:tblBorders")
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"]:
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil" if side == "insideV" else "single")
        if side != "insideV":
            el.set(qn("w:sz"), "4")
        borders.append(el)
    t._tbl.tblPr.append(borders)


def plan(name, landscape=True, repeat=True, body_paragraphs=2, merged_lead=False, footer=False, inner_vertical=True, huge=False):
    d = document(13, False)
    letterhead(d)
    body(d, body_paragraphs)
    if landscape:
        # The phụ lục in a landscape section of its own after the portrait body pages.
        sec = d.add_section(WD_SECTION.NEW_PAGE)
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21)
        if footer:
            running_lines(sec)
    else:
        d.add_page_break()
    for text in [
        "PHỤ LỤC",
        "DANH MỤC NHIỆM VỤ NĂM 2026",
        "(Kèm theo Kế hoạch số 1234/KH-UBND ngày 15/3/2025 của UBND tỉnh Lâm Đồng)",
    ]:
        d.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    groups = plan_groups(huge)
    t = d.add_table(rows=1 + sum(1 + len(items) for _, _, items in groups), cols=5)
    t.style = "Table Grid"
    if not inner_vertical:
        without_inner_vertical_rules(t)
    for c, text in zip(t.rows[0].cells, HEADER):
        c.text = text
    if repeat:
        repeat_header(t.rows[0])
    r, truth = 1, []
    for roman, title, items in groups:
        cells = t.rows[r].cells
        cells[0].text = roman
        cells[1].merge(cells[4]).text = title
        r += 1
        first = r
        for task in items:
            for c, key in zip(t.rows[r].cells, ["stt", "title", "lead", "partners", "time"]):
                c.text = task[key]
            truth.append(task)
            r += 1
        if merged_lead:
            # One lead written once for the group's first four tasks, in a merged cell.
            for k, task in enumerate(items[:4]):
                t.cell(first + k, 2).text = ""
                task["lead"] = items[0]["lead"]
            t.cell(first, 2).merge(t.cell(first + 3, 2)).text = items[0]["lead"]
    widths = [1.2, 12.5, 4.5, 4.5, 3] if landscape else [1.2, 7, 3, 3, 2.5]
    for row in t.rows:
        for c, w in zip(row.cells, widths):
            c.width = Cm(w)
    d.save(f"{OUT}/{name}.docx")
    return name, truth


def page_picture():
    """A scanned page: a picture of ruled lines, no text layer."""
    import io

    from PIL import Image, ImageDraw

    img = Image.new("L", (877, 620), 255)
    draw = ImageDraw.Draw(img)
    for k in range(28):
        draw.line((60, 40 + k * 19, 817, 40 + k * 19), fill=0)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    buf.seek(0)
    return buf


def scanned_appendix(name):
    """The body typed (three text pages), the phụ lục scanned after signing (two pictures)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"))
    c = canvas.Canvas(f"{OUT}/{name}.pdf", pagesize=A4)
    for page in range(3):
        c.setFont("Serif", 12)
        y = A4[1] - 72
        head = ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: 1234/KH-UBND", "KẾ HOẠCH"] if page == 0 else []
        for line in head + [
            "Cụ thể hóa các nhiệm vụ, giải pháp; phân công rõ trách nhiệm của các cơ quan, đơn vị."
        ] * 30:
            c.drawString(72, y, line)
            y -= 18
        c.showPage()
    for _ in range(2):
        c.setPageSize(landscape(A4))
        c.drawImage(ImageReader(page_picture()), 0, 0, *landscape(A4))
        c.showPage()
    c.save()


def reportlab_plan(name, scanned_tail=False):
    """Written straight to PDF by reportlab: the phụ lục on landscape pages, its rows ruled but
    not its columns, a line at the foot of every page, the signature block right under it; and
    with `scanned_tail`, a scanned page after it."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate
    from reportlab.platypus import Image, Paragraph, Spacer, Table

    pdfmetrics.registerFont(TTFont("Serif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"))
    base = ParagraphStyle("b", fontName="Serif", fontSize=12, leading=15)
    center = ParagraphStyle("c", parent=base, alignment=1)

    def foot(canvas, doc):
        canvas.setFont("Serif", 9)
        canvas.drawString(60, 20, f"Kế hoạch số 1234/KH-UBND - Trang {doc.page}")

    wide = landscape(A4)
    doc = BaseDocTemplate(f"{OUT}/{name}.pdf", pagesize=A4)
    doc.addPageTemplates([
        PageTemplate("doc", [Frame(60, 60, A4[0] - 120, A4[1] - 120)], onPage=foot, pagesize=A4),
        PageTemplate("ngang", [Frame(50, 50, wide[0] - 100, wide[1] - 100)], onPage=foot, pagesize=wide),
    ])
    story = [
        Table([[Paragraph("ỦY BAN NHÂN DÂN<br/>TỈNH LÂM ĐỒNG", center),
                Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc", center)],
               [Paragraph("Số: 1234/KH-UBND", center), Paragraph("Lâm Đồng, ngày 15 tháng 3 năm 2025", center)]],
              colWidths=[200, 280]),
        Spacer(1, 12),
        Paragraph("KẾ HOẠCH", center),
        Paragraph("Ứng dụng công nghệ thông tin, chuyển đổi số tỉnh Lâm Đồng năm 2026", center),
        NextPageTemplate("ngang"),
        PageBreak(),
        Paragraph("PHỤ LỤC", center),
        Paragraph("(Kèm theo Kế hoạch số 1234/KH-UBND ngày 15/3/2025 của UBND tỉnh Lâm Đồng)", center),
        Spacer(1, 6),
    ]
    rows, spans, truth = [[Paragraph(h, base) for h in HEADER]], [], []
    for roman, title, items in plan_groups():
        spans.append(("SPAN", (1, len(rows)), (4, len(rows))))
        rows.append([Paragraph(roman, base), Paragraph(title, base), "", "", ""])
        for t in items:
            rows.append([Paragraph(t[k], base) for k in ("stt", "title", "lead", "partners", "time")])
            truth.append(t)
    ruled = [("BOX", (0, 0), (-1, -1), 0.5, colors.black), ("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black)]
    story.append(Table(rows, colWidths=[35, 350, 130, 130, 90], repeatRows=1,
                       style=ruled + spans + [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [
        Spacer(1, 20),
        Table([[Paragraph("Nơi nhận:<br/>- Như trên;<br/>- Lưu: VT.", base),
                Paragraph("TM. ỦY BAN NHÂN DÂN<br/>KT. CHỦ TỊCH<br/>PHÓ CHỦ TỊCH<br/><br/><br/>Nguyễn Văn An", center)]],
              colWidths=[300, 300]),
    ]
    if scanned_tail:
        story += [PageBreak(), Image(page_picture(), wide[0] - 120, wide[1] - 120)]
    doc.build(story)
    return name, truth


made = [
    # Header repeated: the last page holds the header and one column, the rest of a long task.
    plan("ngang-lap-dong-cat"),
    # Portrait, no repeated header, narrow columns: the last page is one column of text.
    plan("doc-o-dai", landscape=False, repeat=False, body_paragraphs=14),
    # A lead merged over four tasks, cut by page breaks: its text printed on the first page only.
    plan("ngang-gop-chu-tri", merged_lead=True),
    # A page number above and a signing line below each page of the phụ lục, no repeated header.
    plan("ngang-chan-trang", repeat=False, merged_lead=True, footer=True),
    # Rows ruled, columns not (read by the columns' text), the header repeated over rows cut.
    plan("ngang-khong-vach-doc", inner_vertical=False),
    # A task over three pages under a repeated header, in a lead merged over it and the next.
    plan("doc-o-qua-trang", landscape=False, merged_lead=True, huge=True),
]
written = [reportlab_plan("reportlab-ke-dong"), reportlab_plan("trang-cuoi-scan", scanned_tail=True)]
scanned_appendix("phu-luc-scan")
print(json.dumps({
    "files": [f"{n}.docx" for n, _ in made],
    "pdfs": [f"{n}.pdf" for n, _ in written],
    "tasks": dict(made + written),
}, ensure_ascii=False))
