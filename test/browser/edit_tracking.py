#!/usr/bin/python3
"""Edits a tracking workbook the way officers do, with openpyxl (not exceljs, which wrote it).

Usage: edit_tracking.py <in.xlsx> <out.xlsx>
Types "hoan thanh" in row 5's status, "15/11/2026" AS TEXT in row 5's completion date and an
agency that is in no directory as row 7's lead, and progress 150 (an error) in row 6. Columns are found by header. Prints JSON.
"""
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
wb.save(dst)
print(json.dumps({"status": cols["Trạng thái"], "completedOn": cols["Ngày hoàn thành"], "lead": cols["Đơn vị chủ trì"]}))
