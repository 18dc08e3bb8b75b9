"""What the python-docx plan builders share (make_plans.py, make_unruled.py): the generated tasks,
the page, the letterhead and signature tables, a repeated header row, a cell of several lines.
The scripts run as files (tools.ts runPythonFile), so this module sits on their import path."""
import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HEADER = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]
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
ROMAN = ["I", "II", "III", "IV"]


def tasks(groups, per_group, leads, partners):
    """[(roman, group title, [(stt, title, lead, partners, time)])]: the plan's k-th task takes the
    k-th verb, lead, partners and time of the lists, going round each."""
    out = []
    k = 0
    for g, name in enumerate(groups):
        rows = []
        for i in range(per_group):
            title = f"{VERBS[k % len(VERBS)]} {OBJECTS[(k * 5) % len(OBJECTS)]}"
            if k % 4 == 1:
                title += " trên địa bàn tỉnh giai đoạn 2025 - 2030"
            rows.append((f"{i + 1}", title, leads[k % len(leads)], partners[k % len(partners)], TIMES[k % len(TIMES)]))
            k += 1
        out.append((ROMAN[g], name, rows))
    return out


def document(font, landscape):
    """An A4 page (turned when landscape) with 2 cm margins, Times New Roman of the given size."""
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
    return d


def letterhead(d):
    """The two-column head: issuer and số hiệu left, national motto and place, date right."""
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    t.cell(1, 0).text = "Số: 1234/KH-UBND"
    t.cell(1, 1).text = "Lâm Đồng, ngày 15 tháng 3 năm 2025"
    for row in t.rows:
        for c in row.cells:
            for p in c.paragraphs:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def signature(d):
    """"Nơi nhận" left, the signer's titles and name right, in a table of one row."""
    sig = d.add_table(rows=1, cols=2)
    sig.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    sig.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Văn An"


def repeat_header(row):
    """The row is repeated at the top of every page the table runs onto."""
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def set_cell(cell, text, breaks=False):
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
