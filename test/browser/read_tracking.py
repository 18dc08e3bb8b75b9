#!/usr/bin/python3
"""Reads back what the pane wrote, with openpyxl: cells of the task sheet by header, and the
history sheet's years. Usage: read_tracking.py <file.xlsx> <row> [<row>…]; prints JSON."""
import datetime
import json
import sys

import openpyxl

path, rows = sys.argv[1], [int(r) for r in sys.argv[2:]]
wb = openpyxl.load_workbook(path)
ws = wb["Nhiệm vụ"]
cols = {c.value: c.column for c in ws[1] if c.value}


def show(v):
    if isinstance(v, datetime.datetime):
        return {"date": v.date().isoformat()}
    if isinstance(v, datetime.date):
        return {"date": v.isoformat()}
    return v


out = {"sheets": wb.sheetnames, "rows": {}, "history": {}, "info": {}}
for r in rows:
    out["rows"][r] = {h: show(ws.cell(r, c).value) for h, c in cols.items()}
if "Lịch sử" in wb.sheetnames:
    hs = wb["Lịch sử"]
    head = [c.value for c in hs[1]]
    if "Năm" in head:
        yi = head.index("Năm")
        for line in hs.iter_rows(min_row=2, values_only=True):
            if line[yi] is not None:
                y = str(line[yi])
                out["history"][y] = out["history"].get(y, 0) + 1
if "Thông tin" in wb.sheetnames:
    for line in wb["Thông tin"].iter_rows(values_only=True):
        if line and line[0] in ("Năm báo cáo", "Ngày báo cáo"):
            out["info"][line[0]] = show(line[1])
print(json.dumps(out, ensure_ascii=False, default=str))
