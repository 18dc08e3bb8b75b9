"""Plans whose phụ lục table has no borders, and plans whose agency cells hold explicit line
breaks, written by python-docx for the PDF import tests (printed to PDF by LibreOffice).

usage: make_unruled.py OUT_DIR  → writes the .docx files, prints their names as JSON.
"""
import json
import sys

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from plan_docx import HEADER, document, letterhead, repeat_header, set_cell, signature, tasks

OUT = sys.argv[1]

LEADS = [
    "Sở Khoa học và Công nghệ",
    "Sở Kế hoạch và Đầu tư",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Công an tỉnh",
    "Văn phòng UBND tỉnh",
    "Sở Giáo dục và Đào tạo",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Sở Lao động - Thương binh và Xã hội",
]
PARTNERS = [
    "",
    "Các Sở, ban, ngành; UBND các huyện, thành phố",
    "Sở Tài chính; Sở Nội vụ",
    "Báo Lâm Đồng; Đài Phát thanh - Truyền hình tỉnh",
    "Sở Tư pháp",
    "Sở Công Thương; UBND các huyện, thành phố",
]
# Agency cells typed one agency a line (a paragraph or a line break each), as officers do.
BROKEN_LEADS = ["Công an tỉnh\nSở Nội vụ", "Sở Khoa học và Công nghệ", "Ban Dân tộc tỉnh\nSở Y tế"]
BROKEN_PARTNERS = [
    "Sở Tài chính;\nUBND các huyện, thành phố",
    "Sở Công Thương;\nSở Xây dựng,\nBan Quản lý các khu công nghiệp",
    "Công an tỉnh\nBộ Chỉ huy Quân sự tỉnh\nĐài Phát thanh - Truyền hình tỉnh",
    "Các Sở, ban, ngành\nHội Nông dân tỉnh\nLiên đoàn Lao động tỉnh",
    "Báo Lâm Đồng\nTrường Chính trị tỉnh",
]
GROUPS = ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH", "PHÁT TRIỂN HẠ TẦNG SỐ"]


def front(d):
    letterhead(d)
    for text in ["KẾ HOẠCH", "Thực hiện chuyển đổi số tỉnh Lâm Đồng giai đoạn 2025 - 2030"]:
        d.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph(
        "Căn cứ Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành "
        "Kế hoạch thực hiện chuyển đổi số giai đoạn 2025 - 2030 với các nhiệm vụ tại Phụ lục kèm theo."
    )
    d.add_paragraph("PHỤ LỤC").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("DANH MỤC NHIỆM VỤ").alignment = WD_ALIGN_PARAGRAPH.CENTER


def no_borders(t):
    """Every border off, in the table's own properties (a style with none draws none either)."""
    tbl_pr = t._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def plan(name, landscape=False, repeat=False, ruled=False, per_group=6, font=13, headers=None,
         broken=False, breaks=False, centred=False):
    d = document(font, landscape)
    front(d)
    data = tasks(GROUPS, per_group, BROKEN_LEADS if broken else LEADS, BROKEN_PARTNERS if broken else PARTNERS)
    n = 1 + sum(1 + len(rows) for _, _, rows in data)
    t = d.add_table(rows=n, cols=5)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    if ruled:
        t.style = "Table Grid"
    else:
        no_borders(t)
    for c, text in zip(t.rows[0].cells, headers or HEADER):
        c.text = text
        if centred:
            c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            c.paragraphs[0].runs[0].bold = True
    if repeat:
        repeat_header(t.rows[0])
    r = 1
    for roman, gname, rows in data:
        cells = t.rows[r].cells
        cells[0].text = roman
        cells[1].merge(cells[4]).text = gname
        r += 1
        for stt, title, lead, partners, time in rows:
            cells = t.rows[r].cells
            cells[0].text = stt
            cells[1].text = title
            set_cell(cells[2], lead, breaks)
            set_cell(cells[3], partners, breaks)
            cells[4].text = time
            r += 1
    # Narrow agency columns, as plans have them: a name wraps, several names share a cell.
    widths = [Cm(1.2), Cm(7.6), Cm(2.8), Cm(2.8), Cm(2.6)] if not landscape else [Cm(1.5), Cm(14), Cm(3.6), Cm(3.6), Cm(3)]
    t.autofit = False
    for col, w in zip(t.columns, widths):
        col.width = w
    for row in t.rows:
        for c, w in zip(row.cells, widths):
            c.width = w
    d.add_paragraph("")
    signature(d)
    d.save(f"{OUT}/{name}.docx")
    return f"{name}.docx"


TT_HEADERS = ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"]
print(json.dumps([
    plan("khong-vien-doc", font=14, centred=True),
    plan("khong-vien-ngang", landscape=True, per_group=9, headers=TT_HEADERS),
    plan("khong-vien-lap", per_group=10, repeat=True, font=13),
    plan("khong-vien-tt", per_group=10, headers=TT_HEADERS, font=12),
    plan("xuong-dong-doan", ruled=True, broken=True),
    plan("xuong-dong-ngat", ruled=True, broken=True, breaks=True, landscape=True),
    plan("xuong-dong-khong-vien", broken=True, breaks=True),
]))
