"""
Phụ lục tables laid out as other provinces lay them out (two-row headers, extra columns, other
column orders, tables cut at a page, nested tables, vertical merges, headers without
diacritics), written with python-docx: one .docx per variant.
Usage: make_layouts.py <dir> <variant>; prints the path as JSON.
"""
import json
import sys

from docx import Document
from docx.enum.text import WD_BREAK

LETTERHEAD = ["ỦY BAN NHÂN DÂN TỈNH SƠN LA", "Số: 77/KH-UBND", "Sơn La, ngày 15 tháng 01 năm 2026",
              "KẾ HOẠCH", "Thông tin đối ngoại tỉnh Sơn La năm 2026", "PHỤ LỤC",
              "(Kèm theo Kế hoạch số 77/KH-UBND ngày 15/01/2026 của UBND tỉnh Sơn La)"]

# Task texts (title, lead, partners, time), the same in every variant.
T = [
    ("Tuyên truyền tiềm năng của tỉnh trên báo chí", "Sở Văn hóa, Thể thao và Du lịch", "Sở Ngoại vụ", "Quý I/2026"),
    ("Tổ chức hội nghị xúc tiến đầu tư", "Sở Tài chính", "Sở Ngoại vụ, Công an tỉnh", "Tháng 6/2026"),
    ("Quản lý phóng viên nước ngoài đến tỉnh", "Công an tỉnh", "Sở Ngoại vụ", "Quý III/2026"),
    ("Biên soạn tài liệu giới thiệu về tỉnh", "Sở Ngoại vụ", "Sở Tài chính", "Tháng 9/2026"),
]


def fill(cell, value):
    """A string (one paragraph per line), or {"nested": rows}: a table inside the cell."""
    if isinstance(value, dict):
        lines = value.get("text", "").split("\n") if value.get("text") else []
        if lines:
            cell.paragraphs[0].text = lines[0]
            for l in lines[1:]:
                cell.add_paragraph(l)
        inner = cell.add_table(rows=0, cols=len(value["nested"][0]))
        for r in value["nested"]:
            cs = inner.add_row().cells
            for i, v in enumerate(r):
                cs[i].text = v
        # Word keeps a paragraph after a nested table, as the cell must end with one.
        cell.add_paragraph(value.get("after", ""))
        return
    lines = value.split("\n")
    cell.paragraphs[0].text = lines[0]
    for l in lines[1:]:
        cell.add_paragraph(l)


def table(d, rows, merges=()):
    t = d.add_table(rows=0, cols=len(rows[0]))
    t.style = "Table Grid"
    for values in rows:
        cells = t.add_row().cells
        for i, v in enumerate(values):
            if v is not None:
                fill(cells[i], v)
    for r1, c1, r2, c2 in merges:
        first = t.cell(r1, c1).text
        m = t.cell(r1, c1).merge(t.cell(r2, c2))
        for p in m.paragraphs[1:]:
            p._element.getparent().remove(p._element)
        m.paragraphs[0].text = first
    return t


def page_break(d):
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


H5 = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]


def rows5(indices, first=1):
    return [[str(first + k), *T[i]] for k, i in enumerate(indices)]


def two_row_header(d):
    # "Đơn vị thực hiện" over "Chủ trì" / "Phối hợp", "Thời gian" over "Bắt đầu" / "Hoàn thành".
    head = [["STT", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "", "Thời gian", ""],
            ["", "", "Chủ trì", "Phối hợp", "Bắt đầu", "Hoàn thành"]]
    body = [[str(k + 1), t[0], t[1], t[2], "01/2026", t[3]] for k, t in enumerate(T)]
    table(d, head + body, [(0, 2, 0, 3), (0, 4, 0, 5), (0, 0, 1, 0), (0, 1, 1, 1)])


def extra_columns(d):
    head = ["STT", "Nhiệm vụ", "Sản phẩm / Kết quả đầu ra", "Cơ quan chủ trì", "Cơ quan phối hợp",
            "Thời gian hoàn thành", "Kinh phí (triệu đồng)", "Ghi chú"]
    body = [[str(k + 1), t[0], f"Sản phẩm {k + 1}", t[1], t[2], t[3], str(100 * (k + 1)), f"Ghi chú {k + 1}"]
            for k, t in enumerate(T)]
    table(d, [head] + body)


def partners_first(d):
    head = ["TT", "Nội dung công việc", "Đơn vị phối hợp", "Đơn vị chủ trì", "Tiến độ"]
    table(d, [head] + [[str(k + 1), t[0], t[2], t[1], t[3]] for k, t in enumerate(T)])


def deadline_named(d):
    head = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"]
    table(d, [head] + rows5(range(4)))


def split_no_header(d):
    table(d, [H5] + rows5([0, 1]))
    page_break(d)
    table(d, rows5([2, 3], first=3))


def split_header_again(d):
    table(d, [H5, ["1", "2", "3", "4", "5"]] + rows5([0, 1]))
    page_break(d)
    table(d, [H5, ["1", "2", "3", "4", "5"]] + rows5([2, 3], first=3))


def split_two_row_header(d):
    # A two-row header ("Thời gian thực hiện" over "Bắt đầu" / "Hoàn thành") whose first row
    # alone is typed again on the next page.
    head = [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", ""],
            ["", "", "", "", "Bắt đầu", "Hoàn thành"]]
    body = [[str(k + 1), t[0], t[1], t[2], "01/2026", t[3]] for k, t in enumerate(T)]
    table(d, head + body[:2], [(0, 4, 0, 5), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3)])
    page_break(d)
    table(d, [head[0]] + body[2:], [(0, 4, 0, 5)])


def nested_table(d):
    rows = rows5(range(4))
    rows[1][1] = {"text": T[1][0] + ":", "nested": [["Hội nghị tại Hà Nội", "Quý II"],
                                                    ["Hội nghị tại TP. Hồ Chí Minh", "Quý IV"]]}
    table(d, [H5] + rows)


def merged_stt_lead(d):
    # One STT merged over two rows that are two tasks; one lead merged over rows 3-4.
    rows = [["1", T[0][0], T[0][1], T[0][2], T[0][3]],
            ["", T[1][0], T[1][1], T[1][2], T[1][3]],
            ["2", T[2][0], "Sở Ngoại vụ", T[2][2], T[2][3]],
            ["3", T[3][0], "", T[3][2], T[3][3]]]
    table(d, [H5] + rows, [(1, 0, 2, 0), (3, 2, 4, 2)])


def merged_lines(d):
    # One task written over three rows: its STT, lead, partners and time merged down beside
    # the lines of its text (as a cell's paragraphs are spread when pasted from Excel).
    rows = [["1", "Tuyên truyền trên:", T[0][1], T[0][2], T[0][3]],
            ["", "- Báo in;", "", "", ""],
            ["", "- Báo điện tử.", "", "", ""],
            ["2", T[1][0], T[1][1], T[1][2], T[1][3]]]
    table(d, [H5] + rows, [(1, 0, 3, 0), (1, 2, 3, 2), (1, 3, 3, 3), (1, 4, 3, 4)])


def stray_text(d):
    # Text no column takes: a last column with no header, and a note beside a group's title.
    rows = [H5 + [""], ["I", "TUYÊN TRUYỀN", "", "", "", "Ưu tiên hàng đầu"]]
    rows += [[str(k + 1), *t, "Đã bố trí kinh phí" if k == 1 else ""] for k, t in enumerate(T)]
    table(d, rows)


def two_task_columns(d):
    # "Nhiệm vụ" merged down over its activities in "Nội dung thực hiện", each with its lead;
    # a "Kinh phí thực hiện nhiệm vụ" column stays an extra.
    head = ["STT", "Nhiệm vụ", "Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian",
            "Kinh phí thực hiện nhiệm vụ"]
    rows = [["1", "Tuyên truyền đối ngoại", "Đăng tin trên báo", *T[0][1:], "10"],
            ["2", "", "Làm phóng sự", *T[1][1:], "20"],
            ["3", "Xúc tiến đầu tư", "", *T[2][1:], ""]]
    table(d, [head] + rows, [(1, 1, 2, 1)])


def no_diacritics(d):
    head = ["Stt", "Noi dung nhiem vu", "Don vi chu tri", "Don vi phoi hop", "Thoi gian thuc hien"]
    table(d, [head] + rows5(range(4)))


def typos(d):
    head = ["S TT", "Nhiêm vụ", "Đơn vi chủ tri", "Đơn vị phôi hơp", "Thơi gian thưc hiện"]
    table(d, [head] + rows5(range(4)))


VARIANTS = {f.__name__.replace("_", "-"): f for f in [
    two_row_header, extra_columns, partners_first, deadline_named, split_no_header,
    split_header_again, split_two_row_header, nested_table, merged_stt_lead, merged_lines, stray_text, two_task_columns, no_diacritics, typos]}

if __name__ == "__main__":
    out, variant = sys.argv[1], sys.argv[2]
    d = Document()
    for l in LETTERHEAD:
        d.add_paragraph(l)
    VARIANTS[variant](d)
    path = f"{out}/layout-{variant}.docx"
    d.save(path)
    print(json.dumps(path))
