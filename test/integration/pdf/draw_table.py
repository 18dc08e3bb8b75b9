"""A phụ lục table drawn straight onto reportlab canvas pages, line by line, so that a test
chooses exactly what a PDF holds: where a page break cuts a row or a merged cell, which rules
are drawn (all, only between rows, none), a header typed differently on each page, each word
its own text item (as OCR layers and some e-office printers give it), text placed oddly.
Imported by make_nolose.py (the scripts run as files, so this module sits on their path)."""
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "Serif"
pdfmetrics.registerFont(TTFont(FONT, "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"))


class Sheet:
    """Pages of one PDF: y measured DOWN from the top, as the reader's coordinates are."""

    def __init__(self, path, wide=True, size=12, per_word=False):
        self.page = landscape(A4) if wide else A4
        self.c = canvas.Canvas(path, pagesize=self.page)
        self.size, self.lead, self.per_word = size, size * 1.25, per_word
        self.number = 1

    def text(self, x, y, s, align="left", width=0):
        self.c.setFont(FONT, self.size)
        w = pdfmetrics.stringWidth(s, FONT, self.size)
        if align == "center":
            x += (width - w) / 2
        elif align == "right":
            x += width - w
        if not self.per_word:
            self.c.drawString(x, self.page[1] - y, s)
            return
        space = pdfmetrics.stringWidth(" ", FONT, self.size)
        for word in s.split(" "):
            self.c.drawString(x, self.page[1] - y, word)
            x += pdfmetrics.stringWidth(word, FONT, self.size) + space

    def line(self, x1, y1, x2, y2):
        self.c.setLineWidth(0.5)
        self.c.line(x1, self.page[1] - y1, x2, self.page[1] - y2)

    def wrap(self, s, width):
        out = []
        for para in s.split("\n"):
            out += simpleSplit(para, FONT, self.size, width) or [""]
        return out

    def new_page(self):
        self.c.showPage()
        self.number += 1

    def save(self):
        self.c.save()


def draw_table(sheet, top, widths, headers, rows, rules="all", bottom_margin=50, left=50,
               align=None, merges=(), splits=None):
    """Draws the table from `top` down, over as many pages as it takes.

    headers: the header row's texts per page (the last repeated on later pages; None: not
    repeated); rows: [[cell text]], a row of two texts is a row across the table, its STT apart
    ([stt, title], or [stt, title, "center"]); merges: (column, first row, last row) written once at
    the first row; splits: {row index: lines on the first page} cuts a row where the test says
    (else a row that does not fit goes to the next page whole). Returns (page, y) at the end."""
    pad, n = 3, len(widths)
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    align = align or ["left"] * n
    merged = {}
    for col, a, b in merges:
        for r in range(a, b + 1):
            merged[(r, col)] = (a, b)
    y = top
    page_rows = []  # (y top, y bottom, row index or "h") on this page

    def rule_page():
        # Horizontal rules under each row (not inside a merge going on), columns per mode.
        if not page_rows or rules == "none":
            return
        y0, y1 = page_rows[0][0], page_rows[-1][1]
        sheet.line(xs[0], y0, xs[-1], y0)
        for k, (a, b, r) in enumerate(page_rows):
            last = k == len(page_rows) - 1
            for c in range(n):
                span = merged.get((r, c)) if r != "h" else None
                if span and r < span[1] and not last:
                    continue
                sheet.line(xs[c], b, xs[c + 1], b)
        sheet.line(xs[0], y0, xs[0], y1)
        sheet.line(xs[-1], y0, xs[-1], y1)
        if rules == "all":
            for a, b, r in page_rows:
                across = r != "h" and len(rows[r]) in (2, 3)
                for c in range(1, n):
                    if across and c > 1:
                        continue
                    sheet.line(xs[c], a, xs[c], b)

    def cell_lines(r):
        row = rows[r]
        if len(row) in (2, 3):
            return [sheet.wrap(row[0], widths[0] - 2 * pad), sheet.wrap(row[1], xs[-1] - xs[1] - 2 * pad)]
        out = []
        for c, t in enumerate(row):
            span = merged.get((r, c))
            out.append(sheet.wrap(t, widths[c] - 2 * pad) if not span or span[0] == r else [])
        return out

    def draw_header(page_no):
        nonlocal y
        if headers is None:
            return
        hs = headers[min(page_no, len(headers) - 1)] if page_no == 0 or len(headers) > 1 else None
        if page_no > 0 and len(headers) == 1:
            hs = headers[0]
        if hs is None:
            return
        if isinstance(hs[0], list):
            # Two header rows: a top cell followed by None spans those columns ("Đơn vị thực
            # hiện" over "Chủ trì" and "Phối hợp"); None under a top cell: the top cell alone.
            top, under = hs
            h = sheet.lead + 2 * pad
            for c, t in enumerate(top):
                if t is None:
                    continue
                span = 1
                while c + span < n and top[c + span] is None:
                    span += 1
                tall = under[c] is None
                sheet.text(xs[c] + pad, y + pad + (sheet.lead if not tall else 1.5 * sheet.lead) - 3, t,
                           "center", xs[c + span] - xs[c] - 2 * pad)
            for c, t in enumerate(under):
                if t is not None:
                    sheet.text(xs[c] + pad, y + h + pad + sheet.lead - 3, t, "center", widths[c] - 2 * pad)
            page_rows.append((y, y + 2 * h, "h"))
            y += 2 * h
            return
        lines = [sheet.wrap(h, widths[c] - 2 * pad) for c, h in enumerate(hs)]
        h = max(len(l) for l in lines) * sheet.lead + 2 * pad
        for c, ls in enumerate(lines):
            for k, t in enumerate(ls):
                sheet.text(xs[c] + pad, y + pad + (k + 1) * sheet.lead - 3, t, "center", widths[c] - 2 * pad)
        page_rows.append((y, y + h, "h"))
        y += h

    page_no = 0
    draw_header(0)
    limit = sheet.page[1] - bottom_margin
    for r in range(len(rows)):
        lines = cell_lines(r)
        todo = lines
        while True:
            height = max(len(l) for l in todo) * sheet.lead + 2 * pad
            cut = splits.get(r) if splits and todo is lines else None
            if cut is None and y + height <= limit:
                draw_cells(sheet, xs, y, todo, pad, align, across_align(rows[r]))
                page_rows.append((y, y + height, r))
                y += height
                break
            if cut is not None:
                first = [l[:cut] for l in todo]
                rest = [l[cut:] for l in todo]
                h = max(len(l) for l in first) * sheet.lead + 2 * pad
                draw_cells(sheet, xs, y, first, pad, align, across_align(rows[r]))
                page_rows.append((y, y + h, r))
                todo = rest
            rule_page()
            page_rows.clear()
            sheet.new_page()
            page_no += 1
            y = 50
            draw_header(page_no)
            if cut is not None:
                height = max(len(l) for l in todo) * sheet.lead + 2 * pad
                draw_cells(sheet, xs, y, todo, pad, align, across_align(rows[r]))
                page_rows.append((y, y + height, r))
                y += height
                break
    rule_page()
    return y


def across_align(row):
    """A row across the table ([stt, text] or [stt, text, alignment]): how its text is aligned."""
    return row[2] if len(row) == 3 else "left" if len(row) == 2 else None


def draw_cells(sheet, xs, y, lines, pad, align, across):
    for c, ls in enumerate(lines):
        x = xs[c] + pad
        width = (xs[-1] if across and c == 1 else xs[c + 1]) - xs[c] - 2 * pad
        for k, t in enumerate(ls):
            if t:
                sheet.text(x, y + pad + (k + 1) * sheet.lead - 3, t, align[c] if not across else across, width)
