"""Plans whose signature blocks officers write in different ways, by python-docx: a borderless
two-column table ("Nơi nhận:" left, titles and name right), the name in a second row, right-aligned
paragraphs, "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", another province.
Each is printed to PDF by LibreOffice in the test; the signer must be the same from both.

usage: make_signers.py OUT_DIR  → writes the .docx files, prints {name: expected signer} as JSON.
"""
import json
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

OUT = sys.argv[1]

RECIPIENTS = "Nơi nhận:\n- Như trên;\n- TT Tỉnh ủy, TT HĐND tỉnh;\n- CT, các PCT UBND tỉnh;\n- Lưu: VT, KGVX."


def lines_in(cell, text, bold_last=False):
    parts = text.split("\n")
    cell.text = parts[0]
    for p in parts[1:]:
        cell.add_paragraph(p)
    for p in cell.paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if bold_last:
        for r in cell.paragraphs[-1].runs:
            r.bold = True


def start(province_caps, province, number):
    d = docx.Document()
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(13)
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21)
    t = d.add_table(rows=2, cols=2)
    lines_in(t.cell(0, 0), f"ỦY BAN NHÂN DÂN\n{province_caps}")
    lines_in(t.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    lines_in(t.cell(1, 0), f"Số: {number}/KH-UBND")
    lines_in(t.cell(1, 1), f"{province}, ngày 20 tháng 5 năm 2025")
    for text in ["KẾ HOẠCH", f"Triển khai cải cách hành chính tỉnh {province} năm 2025"]:
        d.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    d.add_paragraph("Nâng cao chất lượng phục vụ người dân, doanh nghiệp; bảo đảm đúng tiến độ.")
    d.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    d.add_paragraph("Các sở, ban, ngành triển khai các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này.")
    return d


def appendix(d, province, number):
    d.add_page_break()
    for text in ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ", f"(Kèm theo Kế hoạch số {number}/KH-UBND ngày 20/5/2025 của UBND tỉnh {province})"]:
        d.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows = [
        ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"),
        ("1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Các sở, ban, ngành", "Quý II/2025"),
        ("2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Văn phòng UBND tỉnh", "Sở Nội vụ", "2025"),
        ("3", "Đánh giá chỉ số hài lòng của người dân", "Sở Nội vụ", "", "Tháng 12/2025"),
    ]
    t = d.add_table(rows=len(rows), cols=5)
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text


def table_block(d, right, name, name_row=False):
    """The common layout: a borderless 1×2 (or 2×2, the name in its own row) table."""
    t = d.add_table(rows=2 if name_row else 1, cols=2)
    t.cell(0, 0).text = ""
    lines_in(t.cell(0, 0), RECIPIENTS)
    if name_row:
        lines_in(t.cell(0, 1), right + "\n\n\n")
        lines_in(t.cell(1, 1), name, bold_last=True)
    else:
        lines_in(t.cell(0, 1), right + "\n\n\n\n" + name, bold_last=True)


def paragraph_block(d, right, name):
    for text in right.split("\n") + ["", "", "", name]:
        p = d.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text in RECIPIENTS.split("\n"):
        d.add_paragraph(text)


VARIANTS = {
    # name: (province caps, province, signature builder, titles, signer name)
    "ky-bang-kt": ("TỈNH LÂM ĐỒNG", "Lâm Đồng", "table", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Võ Ngọc Hiệp"),
    "ky-bang-tm": ("TỈNH QUẢNG NINH", "Quảng Ninh", "table", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Cao Tường Huy"),
    "ky-bang-tm-kt": ("TỈNH NGHỆ AN", "Nghệ An", "table", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Bùi Đình Long"),
    "ky-bang-hai-dong": ("TỈNH ĐỒNG THÁP", "Đồng Tháp", "name-row", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Phạm Thiện Nghĩa"),
    "ky-doan-van": ("TỈNH BÌNH ĐỊNH", "Bình Định", "paragraphs", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Phạm Anh Tuấn"),
    "ky-doan-van-kt": ("TỈNH LÀO CAI", "Lào Cai", "paragraphs", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Hoàng Quốc Khánh"),
}

expected = {}
for name, (caps, province, how, titles, person) in VARIANTS.items():
    d = start(caps, province, 100 + len(expected))
    right = "\n".join(titles)
    if how == "paragraphs":
        paragraph_block(d, right, person)
    else:
        table_block(d, right, person, name_row=how == "name-row")
    appendix(d, province, 100 + len(expected))
    d.save(f"{OUT}/{name}.docx")
    expected[name] = {"titles": titles, "name": person}
print(json.dumps(expected, ensure_ascii=False))
