"""
Agency "returned" workbooks made the way officers make them, by openpyxl (independent of
exceljs): filled copies of distributed files, and hand-made sheets that never saw `distribute`
(title block, table not at A1, renamed/reordered columns, statuses without diacritics or in
capitals, dates as text, shortened task texts, an activity in no plan), plus bad inputs.
Usage: returned_workbooks.py <kind> <master.xlsx> <distributed dir> <out.xlsx> [agency]
Prints JSON describing what it wrote (the facts the test asserts against).
"""
import datetime, json, sys
import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

kind, master_path, dist_dir, out = sys.argv[1:5]
agency = sys.argv[5] if len(sys.argv) > 5 else "Sở Y tế"

def master_rows(agency):
    ws = openpyxl.load_workbook(master_path)["Nhiệm vụ"]
    head = {c.value: c.column for c in ws[1]}
    rows = []
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, head["Đơn vị chủ trì"]).value == agency:
            rows.append({"row": r, "key": ws.cell(r, head["Mã nhiệm vụ"]).value,
                         "stt": str(ws.cell(r, head["STT"]).value),
                         "title": ws.cell(r, head["Nhiệm vụ"]).value})
    return rows

TCVN3_U = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
TCVN3_L = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦"
def tcvn3(s):
    # capitals other than Ă Â Đ Ê Ô Ơ Ư share the lowercase codes (the .VnTimeH fonts)
    m = dict(zip(TCVN3_U, TCVN3_L))
    return "".join(m.get(c, m.get(c.lower(), c)) for c in s)

def handmade(tasks, agency_line, title_year=2026, plan="4784/KH-UBND", enc=lambda s: s,
             extra=True, tricks=False):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Báo cáo"
    ws["A1"] = enc("UBND TỈNH LÂM ĐỒNG"); ws["A2"] = enc(agency_line)
    ws["D1"] = enc("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    ws["A3"] = enc(f"BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ {plan} NĂM {title_year}")
    ws.merge_cells("A3:G3"); ws.merge_cells("A1:C1"); ws.merge_cells("A2:C2")
    # table from B6, columns reordered and renamed as officers name them
    heads = ["TT", "Nội dung công việc", "Tình trạng", "Kết quả đạt được", "Thời gian hoàn thành", "Tỷ lệ hoàn thành", "Ghi chú"]
    for j, h in enumerate(heads): ws.cell(6, 2 + j, enc(h))
    for j in range(len(heads)): ws.cell(7, 2 + j, f"({j + 1})")
    statuses = ["HOAN THANH", "dang trien khai", "Hoàn Thành", "chưa triển khai"]
    facts = []
    for i, t in enumerate(tasks):
        words = t["title"].split()
        short = " ".join(words[: max(8, len(words) * 2 // 3)])  # shortened as officers do
        r = 8 + i
        st = statuses[i % len(statuses)]
        ws.cell(r, 2, t["stt"]); ws.cell(r, 3, enc(short)); ws.cell(r, 4, enc(st))
        ws.cell(r, 5, enc(f"Kết quả nhiệm vụ {t['key']}"))
        done = st.lower().replace("à", "a") in ("hoan thanh",)
        ws.cell(r, 6, "05/10/2026" if i % 4 in (0, 2) else None)  # dates typed as text
        ws.cell(r, 7, "100%" if i % 4 in (0, 2) else "60%")
        facts.append({"key": t["key"], "row": t["row"], "status": st, "short": short})
    n = 8 + len(tasks)
    if extra:
        ws.cell(n, 2, str(len(tasks) + 1)); ws.cell(n, 3, enc("Tổ chức giải chạy việt dã vì sức khỏe cộng đồng chào mừng ngày thành lập ngành"))
        ws.cell(n, 4, enc("Hoàn thành")); ws.cell(n, 5, enc("Thu hút 2.000 người"))
        n += 1
    ws.cell(n + 2, 5, enc("Lâm Đồng, ngày 18 tháng 11 năm 2026"))
    if tricks:
        # a whole-column validation (exceljs would expand it to a million cells)
        dv = DataValidation(type="list", formula1='"Hoàn thành,Đang thực hiện"', allow_blank=True)
        dv.add("D1:D1048576"); ws.add_data_validation(dv)
        # 5,000 blank formatted rows below the table
        fill = PatternFill("solid", fgColor="FFF2CC")
        for r in range(n + 5, n + 5005): ws.cell(r, 3).fill = fill
        # a formula and a #REF! in the result column of the last task
        ws.cell(8 + len(tasks) - 1, 5, "=#REF!+1")
        # a chart and a hidden sheet holding an old table
        ch = BarChart(); ch.add_data(Reference(ws, min_col=7, min_row=8, max_row=8 + len(tasks) - 1))
        ws.add_chart(ch, "K2")
        h = wb.create_sheet("Cũ"); h.sheet_state = "hidden"
        h.append(["TT", "Nội dung", "Trạng thái"]); h.append(["1", tasks[0]["title"], "Chưa triển khai"])
    wb.save(out)
    return facts

if kind == "fill":
    # a distributed file filled by the agency: src = the distributed file
    src = dist_dir
    wb = openpyxl.load_workbook(src); ws = wb["Chủ trì"]
    head = {c.value: c.column for c in ws[5]}
    date = sys.argv[6] if len(sys.argv) > 6 else "2026-11-20"
    status = sys.argv[7] if len(sys.argv) > 7 else "hoan thanh"
    rows = [r for r in range(6, ws.max_row + 1) if ws.cell(r, head["Mã nhiệm vụ"]).value]
    filled = []
    for i, r in enumerate(rows):
        ws.cell(r, head["Trạng thái"]).value = status if i % 2 == 0 else "Đang thực hiện"
        ws.cell(r, head["Kết quả thực hiện"]).value = f"Kết quả {ws.cell(r, head['Mã nhiệm vụ']).value} ({date})"
        if i % 2 == 0: ws.cell(r, head["Ngày hoàn thành"]).value = datetime.datetime(2026, 10, 5)
        ws.cell(r, head["Tiến độ (%)"]).value = 100 if i % 2 == 0 else 50
        filled.append(ws.cell(r, head["Mã nhiệm vụ"]).value)
    p = wb["Phối hợp"]; ph = {c.value: c.column for c in p[5]}
    contributed = []
    for r in range(6, p.max_row + 1):
        if p.cell(r, ph["Mã nhiệm vụ"]).value:
            p.cell(r, ph["Nội dung phối hợp đã thực hiện"]).value = "Đã cử cán bộ phối hợp"
            contributed.append(p.cell(r, ph["Mã nhiệm vụ"]).value); break
    g = wb["Hướng dẫn"]
    for r in range(1, 40):
        if g.cell(r, 1).value == "Ngày báo cáo":
            g.cell(r, 2).value = datetime.datetime.fromisoformat(date)
    prot = {s: wb[s].protection.sheet for s in ["Hướng dẫn", "Chủ trì", "Phối hợp"]}
    locked = {"key": ws.cell(rows[0], head["Mã nhiệm vụ"]).protection.locked,
              "title": ws.cell(rows[0], head["Nhiệm vụ"]).protection.locked,
              "status": ws.cell(rows[0], head["Trạng thái"]).protection.locked,
              "result": ws.cell(rows[0], head["Kết quả thực hiện"]).protection.locked}
    dvs = [str(d.sqref) for d in ws.data_validations.dataValidation]
    wb.save(out)
    print(json.dumps({"filled": filled, "contributed": contributed, "protected": prot, "locked": locked,
                      "validations": dvs, "states": {s: wb[s].sheet_state for s in wb.sheetnames}}, ensure_ascii=False))
elif kind == "handmade":
    print(json.dumps(handmade(master_rows(agency), agency.upper()), ensure_ascii=False))
elif kind == "tricky":
    print(json.dumps(handmade(master_rows(agency), agency.upper(), tricks=True), ensure_ascii=False))
elif kind == "tcvn3":
    print(json.dumps(handmade(master_rows(agency), agency.upper(), enc=tcvn3, extra=False), ensure_ascii=False))
elif kind == "other-plan":
    print(json.dumps(handmade(master_rows(agency), agency.upper(), plan="999/KH-UBND"), ensure_ascii=False))
elif kind == "unknown-agency":
    print(json.dumps(handmade(master_rows(agency), "SỞ KHÔNG CÓ TRONG DANH MỤC"), ensure_ascii=False))
