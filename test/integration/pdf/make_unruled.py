"""Plans whose phụ lục table has no borders, and plans whose agency cells hold explicit line
breaks, written by python-docx for the PDF import tests (printed to PDF by LibreOffice).

usage: make_unruled.py OUT_DIR  → writes the .docx files, prints their names as JSON.
"""
import json
import sys

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

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
GROUPS = ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH", "PHÁT TRIỂN HẠ TẦNG SỐ"]
ROMAN = ["I", "II", "III"]


def tasks(per_group, broken):
    out = []
    k = 0
    for g, name in enumerate(GROUPS):
        rows = []
        for i in range(per_group):
            title = f"{VERBS[k % len(VERBS)]} {OBJECTS[(k * 5) % len(OBJECTS)]}"
            if k % 4 == 1:
                title += " trên địa bàn tỉnh giai đoạn 2025 - 2030"
            lead = (BROKEN_LEADS if broken else LEADS)[k % (len(BROKEN_LEADS) if broken else len(LEADS))]
            partners = (BROKEN_PARTNERS if broken else PARTNERS)[k % (len(BROKEN_PARTNERS) if broken else len(PARTNERS))]
            rows.append((f"{i + 1}", title, lead, partners, TIMES[k % len(TIMES)]))
            k += 1
        out.append((ROMAN[g], name, rows))
    return out


def front(d):
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    t.cell(1, 0).text = "Số: 1234/KH-UBND"
    t.cell(1, 1).text = "Lâm Đồng, ngày 15 tháng 3 năm 2025"
    for row in t.rows:
        for c in row.cells:
            for p in c.paragraphs:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
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


def repeat_header(row):
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def set_cell(cell, text, breaks):
    """Lines after the first: a line break inside one paragraph, or a paragraph each."""
    parts = text.split("\n")
    if breaks:
        p = cell.paragraphs[0]
        for k, part in enumerate(parts):
            run = p.add_run(part)
            if k < len(parts) - 1:
                run.add_break()
        return
    cell.text = parts[0]
    for extra in parts[1:]:
        cell.add_paragraph(extra)


def plan(name, landscape=False, repeat=False, ruled=False, per_group=6, font=13, headers=None,
         broken=False, breaks=False, centred=False):
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
    front(d)
    data = tasks(per_group, broken)
    n = 1 + sum(1 + len(rows) for _, _, rows in data)
    t = d.add_table(rows=n, cols=5)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    if ruled:
        t.style = "Table Grid"
    else:
        no_borders(t)
    for c, text in zip(t.rows[0].cells, headers or ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]):
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
    sig = d.add_table(rows=1, cols=2)
    sig.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    sig.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Văn An"
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
