"""PDFs the importer must refuse or read as text only (reportlab, PIL and hand-written
incremental updates). usage: make_hostile.py OUT_DIR PLAN_PDF → writes the files into OUT_DIR."""
import io
import re
import sys

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.lib import pdfencrypt
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

OUT, PLAN = sys.argv[1], sys.argv[2]
pdfmetrics.registerFont(TTFont("Serif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"))
W, H = A4


def text_pdf(name, lines, pages=1, **kw):
    c = canvas.Canvas(f"{OUT}/{name}", pagesize=A4, **kw)
    for _ in range(pages):
        c.setFont("Serif", 12)
        y = H - 72
        for line in lines:
            c.drawString(72, y, line)
            y -= 16
        c.showPage()
    c.save()


# A scan: each page one picture of a page (no text layer); one with a signing stamp's text on it.
def scan(name, stamp=False):
    c = canvas.Canvas(f"{OUT}/{name}", pagesize=A4)
    for p in range(3):
        img = Image.new("L", (620, 877), 255)
        d = ImageDraw.Draw(img)
        for k in range(40):
            d.line((60, 60 + k * 19, 560, 60 + k * 19), fill=0)
        buf = io.BytesIO()
        img.save(buf, "PNG")
        c.drawImage(ImageReader(buf), 0, 0, W, H)
        if stamp:
            c.setFont("Serif", 7)
            c.drawString(W - 200, H - 20, "Ký bởi: Ủy ban nhân dân tỉnh Lâm Đồng")
        c.showPage()
    c.save()


scan("ban-scan.pdf")
scan("ban-scan-ky-so.pdf", stamp=True)

# Password-protected (a user password is needed to open it).
text_pdf("mat-khau.pdf", ["KẾ HOẠCH", "PHỤ LỤC"], encrypt=pdfencrypt.StandardEncryption("1234", canPrint=1))

# Cut off in the middle (a download that stopped).
plan = open(PLAN, "rb").read()
open(f"{OUT}/cut-ngang.pdf", "wb").write(plan[: len(plan) // 2])

# Not a PDF at all, named .pdf.
open(f"{OUT}/khong-phai-pdf.pdf", "wb").write("Kế hoạch số 12/KH-UBND\n".encode() * 50)

# A plan without a phụ lục and without assignments; and another kind of document.
text_pdf("khong-phu-luc.pdf", ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: 12/KH-UBND", "KẾ HOẠCH",
                               "Tổ chức Hội nghị tổng kết năm 2024", "I. MỤC ĐÍCH, YÊU CẦU",
                               "Đánh giá kết quả đạt được trong năm."])
text_pdf("thong-bao.pdf", ["THÔNG BÁO", "Lịch nghỉ Tết Nguyên đán Ất Tỵ năm 2025",
                           "Cán bộ, công chức được nghỉ từ ngày 25/01/2025 đến hết ngày 02/02/2025."])

# More pages than the bound.
text_pdf("qua-nhieu-trang.pdf", ["Trang"], pages=501)

# Larger than the bound in bytes: a valid PDF with 51 MB of comment lines before its end.
with open(f"{OUT}/qua-lon.pdf", "wb") as f:
    body = plan.rsplit(b"%%EOF", 1)[0]
    f.write(body)
    line = b"%" + b"x" * 1023 + b"\n"
    for _ in range(51 * 1024):
        f.write(line)
    f.write(b"%%EOF\n")


def append_update(data, objects, root_extra, page_extra=None):
    """An incremental update (as signing tools and editors write): new objects, a new catalog
    with `root_extra` entries, a new xref section pointing back with /Prev."""
    text = data.decode("latin1")
    prev = int(re.findall(r"startxref\s+(\d+)", text)[-1])
    root = int(re.search(r"/Root\s+(\d+)\s+0\s+R", text).group(1))
    size = int(re.findall(r"/Size\s+(\d+)", text)[-1])
    cat = re.search(rf"(?s)\n{root} 0 obj\s*<<(.*?)>>\s*endobj", text).group(1)
    out = bytearray(data)
    if not out.endswith(b"\n"):
        out += b"\n"
    offsets = {}
    numbered = []
    for i, body in enumerate(objects):
        numbered.append((size + i, body))
    new_objs = numbered + [(root, f"<<{cat} {root_extra.format(*[n for n, _ in numbered])}>>".encode("latin1"))]
    if page_extra:
        new_objs += page_extra(text, [n for n, _ in numbered])
    for num, body in new_objs:
        offsets[num] = len(out)
        out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for num in sorted(offsets):
        out += f"{num} 1\n{offsets[num]:010d} 00000 n \n".encode()
    new_size = max(size + len(objects), max(offsets) + 1)
    out += f"trailer\n<< /Size {new_size} /Root {root} 0 R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def stream(content, extra=""):
    return f"<< /Length {len(content)} {extra}>>\nstream\n".encode("latin1") + content + b"\nendstream"


def next_num(data):
    return int(re.findall(r"/Size\s+(\d+)", data.decode("latin1"))[-1])


# JavaScript run on opening and an embedded executable: read as text only.
n = next_num(plan)
js = append_update(
    plan,
    [
        b"<< /S /JavaScript /JS (app.alert\\('phuluc-js'\\); this.exportDataObject\\({cName: 'chay.exe', nLaunch: 2}\\);) >>",
        stream(b"MZ this is not a program", "/Type /EmbeddedFile "),
        f"<< /Type /Filespec /F (chay.exe) /EF << /F {n + 1} 0 R >> >>".encode(),
    ],
    "/OpenAction {0} 0 R /Names << /EmbeddedFiles << /Names [(chay.exe) {2} 0 R] >> >>",
)
open(f"{OUT}/co-javascript.pdf", "wb").write(js)


# Digitally signed: a signature field whose widget shows "Ký bởi …" (appearance stream), the
# signature dictionary with its byte range, as an incremental update over the plan.
def signed(data):
    ap_text = "BT /F1 8 Tf 2 20 Td (Ky boi: UBND tinh Lam Dong) Tj 0 -10 Td (Thoi gian ky: 15.03.2025) Tj ET".encode()
    first_page = int(re.search(r"/Kids\s*\[\s*(\d+)\s+0\s+R", data.decode("latin1")).group(1))
    objs = [
        b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 0 0 0] /Contents <" + b"0" * 512 + b"> /M (D:20250315091233+07'00') >>",
        stream(ap_text, "/Type /XObject /Subtype /Form /BBox [0 0 180 40] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> "),
    ]
    text = data.decode("latin1")
    size = int(re.findall(r"/Size\s+(\d+)", text)[-1])
    widget = size + 2
    objs.append(
        f"<< /Type /Annot /Subtype /Widget /FT /Sig /T (Chu ky 1) /V {size} 0 R /Rect [380 760 560 800] /F 132 /P {first_page} 0 R /AP << /N {size + 1} 0 R >> >>".encode()
    )

    def page_with_annot(text, nums):
        body = re.search(rf"(?s)\n{first_page} 0 obj\s*<<(.*?)>>\s*endobj", text).group(1)
        body = re.sub(r"/Annots\s*\[[^\]]*\]", "", body)
        return [(first_page, f"<<{body} /Annots [{widget} 0 R]>>".encode("latin1"))]

    return append_update(data, objs, "/AcroForm << /Fields [{2} 0 R] /SigFlags 3 >>", page_with_annot)


open(f"{OUT}/ky-so.pdf", "wb").write(signed(plan))
