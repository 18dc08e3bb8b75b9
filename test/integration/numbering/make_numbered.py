"""
Phụ lục tables whose STT is Word automatic numbering (w:numPr, no typed number), written with
python-docx and numbering definitions as Word writes them: one .docx per variant, named in argv[2].
Usage: make_numbered.py <dir> <variant>; prints the path as JSON.
"""
import json
import sys

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HEAD = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]


def el(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn("w:" + k), str(v))
    return e


def abstract(numbering, aid, levels, link=None):
    """levels: (numFmt, lvlText, start) per level; link: ("styleLink" or "numStyleLink", style)."""
    a = el("w:abstractNum", abstractNumId=aid)
    a.append(el("w:multiLevelType", val="hybridMultilevel"))
    if link:
        a.append(el("w:" + link[0], val=link[1]))
    for i, (fmt, text, start) in enumerate(levels):
        lvl = el("w:lvl", ilvl=i)
        lvl.append(el("w:start", val=start))
        lvl.append(el("w:numFmt", val=fmt))
        lvl.append(el("w:lvlText", val=text))
        lvl.append(el("w:lvlJc", val="left"))
        a.append(lvl)
    # abstractNum elements come before every num (schema order).
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(a)
    else:
        numbering.append(a)


def num(numbering, nid, aid, restart=None):
    n = el("w:num", numId=nid)
    n.append(el("w:abstractNumId", val=aid))
    if restart is not None:
        o = el("w:lvlOverride", ilvl=0)
        o.append(el("w:startOverride", val=restart))
        n.append(o)
    numbering.append(n)


def numbered(paragraph, nid, ilvl=0):
    pPr = paragraph._p.get_or_add_pPr()
    numPr = el("w:numPr")
    numPr.append(el("w:ilvl", val=ilvl))
    numPr.append(el("w:numId", val=nid))
    pPr.append(numPr)


def make(path, rows, define):
    """rows: (stt, cells) with stt None (typed nothing) or (numId, ilvl) or a typed string."""
    d = Document()
    numbering = d.part.numbering_part.element
    define(numbering, d.styles.element)
    for l in ["ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", "Số: 45/KH-UBND", "Hà Giang, ngày 12 tháng 01 năm 2026",
              "KẾ HOẠCH", "Thông tin đối ngoại tỉnh Hà Giang năm 2026", "PHỤ LỤC",
              "(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/01/2026 của UBND tỉnh Hà Giang)"]:
        d.add_paragraph(l)
    t = d.add_table(rows=1, cols=5)
    for i, h in enumerate(HEAD):
        t.rows[0].cells[i].text = h
    for stt, cells in rows:
        row = t.add_row().cells
        p = row[0].paragraphs[0]
        if isinstance(stt, tuple):
            numbered(p, *stt)
        elif stt and stt.startswith("style:"):
            p.style = d.styles[stt[len("style:"):]]
        elif stt:
            p.text = stt
        for i, v in enumerate(cells):
            lines = v.split("\n")
            row[i + 1].paragraphs[0].text = lines[0]
            for l in lines[1:]:
                # "• " marks a line bulleted by Word's "List Bullet" style, not typed.
                if l.startswith("• "):
                    row[i + 1].add_paragraph(l[2:], style="List Bullet")
                else:
                    row[i + 1].add_paragraph(l)
    d.save(path)


def task(n, lead="Sở Ngoại vụ", partner="Công an tỉnh", time="Quý II/2026"):
    return [f"Nhiệm vụ số {n}", lead, partner, time]


def group(title):
    return [title, "", "", ""]


def roman_groups(numbering, styles=None):
    # Groups I., II.; tasks 1., 2. restarted in each group (a second num with startOverride),
    # sub-items a), b) at level 1 of the tasks' list.
    abstract(numbering, 90, [("upperRoman", "%1.", 1)])
    abstract(numbering, 91, [("decimal", "%1.", 1), ("lowerLetter", "%2)", 1)])
    num(numbering, 90, 90)
    num(numbering, 91, 91)
    num(numbering, 92, 91, restart=1)


def flat(numbering, styles=None):
    # One list "1., 2., 3." down the STT column.
    abstract(numbering, 90, [("decimal", "%1.", 1)])
    num(numbering, 90, 90)


def dotted(numbering, styles=None):
    # Groups "1." and tasks "1.1", "1.2" as levels of one list ("%1.%2").
    abstract(numbering, 90, [("decimal", "%1.", 1), ("decimal", "%1.%2", 1)])
    num(numbering, 90, 90)


def roman_dotted(numbering, styles=None):
    # Groups I., II.; tasks "1.", sub-items "1.1", "1.2" as the second level ("%1.%2").
    abstract(numbering, 90, [("upperRoman", "%1.", 1)])
    abstract(numbering, 91, [("decimal", "%1.", 1), ("decimal", "%1.%2", 1)])
    num(numbering, 90, 90)
    num(numbering, 91, 91)


def style_linked(numbering, styles):
    # A list style ("PhuLucSTT", type numbering) as Word writes one: the abstractNum holding the
    # levels names it in w:styleLink, the style points at that list's num, and the list the
    # cells use is an abstractNum with no levels, only w:numStyleLink to the style.
    abstract(numbering, 80, [("upperRoman", "%1.", 1), ("decimal", "%2.", 1)], ("styleLink", "PhuLucSTT"))
    abstract(numbering, 81, [], ("numStyleLink", "PhuLucSTT"))
    num(numbering, 80, 80)
    num(numbering, 81, 81)
    st = el("w:style", type="numbering", customStyle=1, styleId="PhuLucSTT")
    st.append(el("w:name", val="PhuLucSTT"))
    pPr = el("w:pPr")
    numPr = el("w:numPr")
    numPr.append(el("w:numId", val=80))
    pPr.append(numPr)
    st.append(pPr)
    styles.append(st)


VARIANTS = {
    "roman": (
        roman_groups,
        [
            ((90, 0), group("TUYÊN TRUYỀN ĐỐI NGOẠI")),
            ((91, 0), task(1)),
            ((91, 0), task(2, lead="Sở Văn hóa, Thể thao và Du lịch")),
            ((90, 0), group("HỢP TÁC QUỐC TẾ")),
            ((92, 0), task(3, lead="Sở Tài chính")),
            ((92, 0), task(4, time="Tháng 9/2026")),
        ],
    ),
    "flat": (
        flat,
        [
            ((90, 0), task(1)),
            ((90, 0), task(2)),
            ((90, 0), task(3, lead="Sở Tài chính")),
            ((90, 0), task(4)),
        ],
    ),
    "dotted": (
        dotted,
        [
            ((90, 0), group("Nhóm nhiệm vụ tuyên truyền")),
            ((90, 1), task(1)),
            ((90, 1), task(2)),
            ((90, 0), group("Nhóm nhiệm vụ hợp tác")),
            ((90, 1), task(3)),
        ],
    ),
    "three": (
        roman_groups,
        [
            ((90, 0), group("TUYÊN TRUYỀN ĐỐI NGOẠI")),
            ((91, 0), ["Tuyên truyền trên báo chí", "", "", ""]),
            ((91, 1), task(1)),
            ((91, 1), task(2, lead="Đài Phát thanh - Truyền hình tỉnh")),
            ((91, 0), task(3, lead="Sở Tài chính")),
            ((90, 0), group("HỢP TÁC QUỐC TẾ")),
            ((92, 0), task(4)),
            ((92, 1), task(5, lead="Sở Tài chính")),
        ],
    ),
    # The template's "List Number" style numbers the STT cells (numPr in styles.xml): one list
    # down the table, continued across the typed group rows, as Word shows it.
    "style": (
        lambda numbering, styles: None,
        [
            ("I", group("TUYÊN TRUYỀN ĐỐI NGOẠI")),
            ("style:List Number", task(1)),
            ("style:List Number", task(2)),
            ("II", group("HỢP TÁC QUỐC TẾ")),
            ("style:List Number", task(3)),
        ],
    ),
    # Groups and tasks numbered by a list style (numStyleLink): "I.", "1.", "2.", "II.", "1.".
    "style-link": (
        style_linked,
        [
            ((81, 0), group("TUYÊN TRUYỀN ĐỐI NGOẠI")),
            ((81, 1), task(1)),
            ((81, 1), task(2, lead="Sở Tài chính")),
            ((81, 0), group("HỢP TÁC QUỐC TẾ")),
            ((81, 1), task(3)),
        ],
    ),
    # A task cell whose items are Word bullets, one lead for all: as typed "- " bullets.
    "bullets": (
        flat,
        [
            ((90, 0), ["Tuyên truyền trên:\n• Báo in\n• Báo điện tử", "Sở Ngoại vụ", "", "Năm 2026"]),
            ((90, 0), task(2)),
        ],
    ),
    # Sub-items with no details of their own: lines of the task above them.
    "lines": (
        roman_groups,
        [
            ((90, 0), group("TUYÊN TRUYỀN ĐỐI NGOẠI")),
            ((91, 0), ["Tuyên truyền trên các phương tiện:", "Sở Ngoại vụ", "", "Quý II/2026"]),
            ((91, 1), ["Báo in", "", "", ""]),
            ((91, 1), ["Báo điện tử", "", "", ""]),
            ((91, 0), task(2, lead="Sở Tài chính")),
        ],
    ),
    "roman-dotted": (
        roman_dotted,
        [
            ((90, 0), group("TUYÊN TRUYỀN ĐỐI NGOẠI")),
            ((91, 0), ["Tuyên truyền trên báo chí", "", "", ""]),
            ((91, 1), task(1)),
            ((91, 1), task(2)),
            ((91, 0), task(3, lead="Sở Tài chính")),
        ],
    ),
}

if __name__ == "__main__":
    out, variant = sys.argv[1], sys.argv[2]
    define, rows = VARIANTS[variant]
    path = f"{out}/numbered-{variant}.docx"
    make(path, rows, define)
    print(json.dumps(path))
