"""Plans whose PDF could lose or double a task's text, for pdf-nolose.test.ts: the phụ lục drawn
by reportlab (draw_table.py: where a page break falls, which rules, words as separate items,
text placed oddly, chosen exactly) and python-docx plans printed by LibreOffice (the test
converts them).

usage: make_nolose.py OUT_DIR → writes the files, prints {"files": [.docx], "pdfs": [.pdf],
"tasks": {name: [{stt, title, lead, partners, time}]}}."""
import json
import sys

from draw_table import Sheet, draw_table

OUT = sys.argv[1]

HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]
LEADS = ["Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Công an tỉnh"]
PARTNERS = ["Sở Tư pháp", "Các sở, ban, ngành; UBND các xã, phường", "Sở Y tế, Sở Giáo dục và Đào tạo", "Sở Nội vụ", "Công an tỉnh"]
TIMES = ["2026", "Hằng năm", "Quý II/2026", "2026 - 2030", "Tháng 6/2026"]
WIDE = [40, 330, 140, 140, 90]


def task(k, stt=None, title=None, partners=None):
    return dict(
        stt=stt or str(k + 1),
        title=title or f"Nhiệm vụ số {k + 1}: xây dựng và triển khai kế hoạch ứng dụng công nghệ thông tin, "
        "chuyển đổi số trong lĩnh vực phụ trách",
        lead=LEADS[k % 5],
        partners=PARTNERS[k % 5] if partners is None else partners,
        time=TIMES[k % 5],
    )


def front(s):
    """The phụ lục's heading on the first page; returns where the table starts."""
    for k, line in enumerate([
        "PHỤ LỤC",
        "DANH MỤC NHIỆM VỤ NĂM 2026",
        "(Kèm theo Kế hoạch số 1234/KH-UBND ngày 15/3/2025 của UBND tỉnh Lâm Đồng)",
    ]):
        s.text(50, 60 + k * 18, line, "center", s.page[0] - 100)
    return 130


def rows_of(groups):
    """[(roman, title, [task])] → table rows (a group row across the table) and the tasks."""
    rows, truth = [], []
    for roman, title, items in groups:
        rows.append([roman, title])
        for t in items:
            rows.append([t["stt"], t["title"], t["lead"], t["partners"], t["time"]])
            if t.get("note"):
                rows.append(["", t.pop("note")] + ([t.pop("align")] if "align" in t else []))
            truth.append(t)
    return rows, truth


def drawn(name, groups, wide=True, per_word=False, after=None, **table):
    s = Sheet(f"{OUT}/{name}.pdf", wide=wide, per_word=per_word)
    rows, truth = rows_of(groups)
    table.setdefault("headers", [HEADER])
    y = draw_table(s, front(s), table.pop("widths", WIDE), rows=rows, **table)
    if after:
        after(s, y)
    s.save()
    return name, truth


def groups(per=6, titles=None):
    """Three groups of `per` tasks, numbered 1… in each group."""
    names = ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "PHÁT TRIỂN HẠ TẦNG SỐ", "ĐÀO TẠO NGUỒN NHÂN LỰC"]
    return [
        (roman, name, [task(g * per + i, stt=str(i + 1)) for i in range(per)])
        for g, (roman, name) in enumerate(zip(["I", "II", "III"], names))
    ]


FIRST = "Xây dựng kế hoạch bảo đảm an toàn thông tin mạng cho các hệ thống thông tin của tỉnh."
SECOND = "Tổ chức diễn tập ứng cứu sự cố an toàn thông tin mạng định kỳ hằng năm."


def cut_between_sentences(name, rules):
    """The fourth task is two sentences, and the page break falls between them: the next page
    starts with the second sentence, no STT, the task's other cells left on the page before."""
    gs = groups()
    gs[0][2][3]["title"] = FIRST + "\n" + SECOND
    made = drawn(name, gs, rules=rules, splits={4: 2})
    gs[0][2][3]["title"] = FIRST + " " + SECOND
    return made


def merged_partners(name):
    """python-docx, printed by LibreOffice: partners merged over three tasks down the table;
    where a page break leaves one task of a merge on the next page, its cell there is a
    single empty cell (the text printed above the break only)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from plan_docx import document, letterhead, repeat_header

    d = document(13, True)
    letterhead(d)
    for text in ["PHỤ LỤC", "DANH MỤC NHIỆM VỤ NĂM 2026",
                 "(Kèm theo Kế hoạch số 1234/KH-UBND ngày 15/3/2025 của UBND tỉnh Lâm Đồng)"]:
        d.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER
    shared = ["Sở Tư pháp; Sở Nội vụ", "Sở Y tế, Sở Giáo dục và Đào tạo", "Công an tỉnh"]
    # Columns of equal width (as python-docx leaves them): LibreOffice breaks the pages after
    # tasks 5, 20 and 35, so tasks 6, 21 and 36 are each the one row of a merge on a new page.
    n = 40
    t = d.add_table(rows=1 + n, cols=5)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, HEADER):
        c.text = h
    repeat_header(t.rows[0])
    truth = []
    for i in range(n):
        k = dict(task(i, title=f"Nhiệm vụ số {i + 1}: xây dựng và triển khai kế hoạch ứng dụng công nghệ thông tin"),
                 lead="Sở Tài chính", time="2026", partners=shared[(i // 3) % 3] if i < 39 else "")
        for c, key in zip(t.rows[1 + i].cells, ["stt", "title", "lead", "partners", "time"]):
            c.text = "" if key == "partners" else k[key]
        truth.append(k)
    for i in range(0, 39, 3):
        t.cell(1 + i, 3).merge(t.cell(3 + i, 3)).text = shared[(i // 3) % 3]
    d.save(f"{OUT}/{name}.docx")
    return name, truth


def odd_text(name):
    """Text placed oddly around a ruled table: a time written without a space, wider than its
    narrow column, running past the table's right border; a note in the margin beside the
    last row, in no cell."""
    gs = groups()
    gs[1][2][2]["time"] = "01/2026-12/2026"

    def note(s, y):
        s.text(756, y - 20, "(bổ sung)")

    return drawn(name, gs, rules="all", widths=[40, 330, 140, 140, 50], after=note)


def note_inside(name):
    """A borderless table with a note across its columns, on two lines, between two tasks."""
    gs = groups()
    gs[0][2][2]["note"] = (
        "Ghi chú: các nhiệm vụ dưới đây thực hiện theo hướng dẫn của Bộ Khoa học và Công nghệ, "
        "báo cáo kết quả định kỳ hằng quý về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh."
    )
    return drawn(name, gs, rules="none")


def heading_inside(name):
    """A borderless table with a heading centred across its columns, no STT, between tasks."""
    gs = groups()
    gs[0][2][2]["note"] = "Nhiệm vụ bổ sung theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"
    gs[0][2][2]["align"] = "center"
    return drawn(name, gs, rules="none")


made = [
    # A borderless table on portrait pages, the header repeated, centred over a title column
    # far wider than it: every page's columns read from the text's own x.
    drawn("khong-vien-doc-lap", groups(), wide=False, rules="none", widths=[30, 200, 100, 100, 70]),
    cut_between_sentences("cau-qua-trang-ke", "all"),
    cut_between_sentences("cau-qua-trang-khong-vien", "none"),
    odd_text("chu-lech"),
    note_inside("ghi-chu-giua-bang"),
    heading_inside("tieu-de-giua-bang"),
    # Two header rows: "Đơn vị thực hiện" over "Chủ trì" and "Phối hợp", no borders.
    drawn("hai-dong-tieu-de", groups(), rules="none", headers=[[
        ["STT", "Nhiệm vụ", "Đơn vị thực hiện", None, "Thời gian"],
        [None, None, "Chủ trì", "Phối hợp", None],
    ]]),
    # Group headings typed without their number, in capitals, in a borderless table.
    drawn("nhom-khong-so", [("", name, items) for _, name, items in groups()], rules="none"),
]
docx = [merged_partners("phoi-hop-gop-cat")]

print(json.dumps({
    "files": [f"{n}.docx" for n, _ in docx],
    "pdfs": [f"{n}.pdf" for n, _ in made],
    "tasks": dict(made + docx),
}, ensure_ascii=False))
