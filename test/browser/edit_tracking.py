#!/usr/bin/python3
"""Edits a tracking workbook the way officers do, with openpyxl (not exceljs, which wrote it).

Usage: edit_tracking.py <in.xlsx> <out.xlsx>
Row 5: "hoan thanh" as status and "15/11/2026" AS TEXT as completion date (safe fixes).
Row 6: progress 150 (an error: 0..100).
Row 7: an agency that is in no directory as lead.
Row 8: the plan's old agency typed back as lead ("Sở Thông tin và Truyền thông", merged in 2025).
Row 9: its lead retyped in capitals, one tone mark lost (the same agency, another spelling).
Row 10: "Hoàn thành" on 15/01/2030, a date after any report date (an error).
Columns are found by header. Prints JSON: the column numbers and row 9's lead as typed.
"""
import datetime
import json
import sys

import openpyxl

src, dst = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
ws = wb["Nhiệm vụ"]
cols = {c.value: c.column for c in ws[1] if c.value}
ws.cell(5, cols["Trạng thái"]).value = "hoan thanh"
date = ws.cell(5, cols["Ngày hoàn thành"])
date.value = "15/11/2026"
date.number_format = "@"
ws.cell(7, cols["Đơn vị chủ trì"]).value = "Sở Xyz Không Có"
ws.cell(6, cols["Tiến độ (%)"]).value = 150  # an error: progress is 0..100
ws.cell(8, cols["Đơn vị chủ trì"]).value = "Sở Thông tin và Truyền thông"
lead9 = ws.cell(9, cols["Đơn vị chủ trì"])
lead9.value = lead9.value.upper().replace("Ộ", "Ô").replace("Ế", "Ê").replace("Ụ", "U")
ws.cell(10, cols["Trạng thái"]).value = "Hoàn thành"
ws.cell(10, cols["Ngày hoàn thành"]).value = datetime.datetime(2030, 1, 15)
wb.save(dst)
print(json.dumps({"status": cols["Trạng thái"], "completedOn": cols["Ngày hoàn thành"], "lead": cols["Đơn vị chủ trì"], "lead9": lead9.value}, ensure_ascii=False))
