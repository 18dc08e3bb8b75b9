#!/usr/bin/python3
"""Independent check of a downloaded tracking workbook with openpyxl (not exceljs, which wrote it).

Usage: check_workbook.py <file.xlsx>; prints a JSON summary for the browser test to assert on.
"""
import json
import sys

import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path)  # formulas as written; we check structure, not values
summary = {"sheets": wb.sheetnames, "tables": {}, "taskHeader": None, "taskRows": 0, "leadsByStt": {}}

ws = wb["Nhiệm vụ"] if "Nhiệm vụ" in wb.sheetnames else None
if ws is not None:
    # openpyxl >= 3.1 maps table names to their ref strings; older versions to Table objects.
    for name, table in ws.tables.items():
        summary["tables"][name] = table if isinstance(table, str) else table.ref
    # Find the header row by its content: officers may insert rows above it.
    header_row = None
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 30)):
        texts = [str(c.value).strip() if c.value is not None else "" for c in row]
        if "STT" in texts and "Đơn vị chủ trì" in texts:
            header_row = row[0].row
            summary["taskHeader"] = [t for t in texts if t]
            break
    if header_row:
        header = summary["taskHeader"]
        cols = {name: i for i, name in enumerate([str(c.value).strip() if c.value is not None else "" for c in ws[header_row]])}
        for row in ws.iter_rows(min_row=header_row + 1, max_row=ws.max_row, values_only=True):
            stt = row[cols["STT"]]
            if stt is None or str(stt).strip() == "":
                continue
            summary["taskRows"] += 1
            lead = row[cols["Đơn vị chủ trì"]]
            summary["leadsByStt"].setdefault(str(stt).strip(), []).append(lead)

print(json.dumps(summary, ensure_ascii=False))
