#!/usr/bin/env python3
"""Reads Lodestone's .xlsx exports back with openpyxl and checks every cell against the CSV of
the same question: the same header, the same number of rows, numbers equal as doubles, text
equal, empty where the CSV is empty. Both the CLI (--format xlsx -o) and the API (format=xlsx).

Usage: check-xlsx.py LODESTONE_BINARY STORE [SERVER_URL]
"""
import csv
import io
import subprocess
import sys
import tempfile
import urllib.request

import openpyxl

QUESTIONS = [
    ("risk", ["--importer", "JPN", "--year", "2024"], "importer=JPN&year=2024"),
    ("suppliers", ["--importer", "USA", "--commodity", "germanium", "--year", "2024"], "importer=USA&commodity=germanium&year=2024"),
    ("concentration", ["--commodity", "gallium", "--years", "2018-2025"], "commodity=gallium&years=2018-2025"),
    ("trace", ["--importer", "JPN", "--commodity", "gallium", "--year", "2024", "--lang", "ja"], "importer=JPN&commodity=gallium&year=2024&lang=ja"),
    ("country", ["JPN"], "country=JPN"),
]


def compare(label, csv_text, workbook_bytes):
    rows = list(csv.reader(io.StringIO(csv_text)))
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes), read_only=True)
    assert book.sheetnames[0] == "Answer" and book.sheetnames[-1] == "About", f"{label}: sheets {book.sheetnames}"
    sheet = [list(r) for r in book["Answer"].iter_rows(values_only=True)]
    about = {r[0]: r[1] for r in book["About"].iter_rows(min_row=2, values_only=True)}
    assert about.get("data version"), f"{label}: the About sheet has no data version"
    assert about.get("question"), f"{label}: the About sheet has no question"
    assert rows[0] == sheet[0][: len(rows[0])], f"{label}: header {rows[0]} vs {sheet[0]}"
    assert len(rows) == len(sheet), f"{label}: {len(rows) - 1} CSV rows, {len(sheet) - 1} in the workbook"
    cells = 0
    for r, (line, xrow) in enumerate(zip(rows[1:], sheet[1:]), start=2):
        xrow = list(xrow) + [None] * (len(line) - len(xrow))
        for c, (text, value) in enumerate(zip(line, xrow)):
            where = f"{label}: row {r} column {rows[0][c]}"
            if text == "":
                assert value is None, f"{where}: CSV empty, workbook {value!r}"
            elif isinstance(value, bool):
                assert text == ("true" if value else "false"), f"{where}: {text!r} vs {value!r}"
            elif isinstance(value, (int, float)):
                assert float(text) == float(value), f"{where}: {text!r} vs {value!r}"
            else:
                assert text == value, f"{where}: {text!r} vs {value!r}"
            cells += 1
    return len(rows) - 1, cells


def main():
    binary, store = sys.argv[1], sys.argv[2]
    server = sys.argv[3] if len(sys.argv) > 3 else None
    total_rows = total_cells = 0
    with tempfile.TemporaryDirectory() as work:
        for name, args, query in QUESTIONS:
            command = [binary, name, "--store", store] + args
            text = subprocess.run(command + ["--format", "csv"], check=True, capture_output=True, text=True).stdout
            path = f"{work}/{name}.xlsx"
            subprocess.run(command + ["--format", "xlsx", "-o", path], check=True, capture_output=True)
            rows, cells = compare("cli " + name, text, open(path, "rb").read())
            total_rows += rows; total_cells += cells
            if server:
                base = f"{server}/api/v1/{name}?{query}"
                text = urllib.request.urlopen(base + "&format=csv").read().decode()
                response = urllib.request.urlopen(base + "&format=xlsx")
                assert "attachment" in response.headers.get("Content-Disposition", ""), f"api {name}: no attachment header"
                rows, cells = compare("api " + name, text, response.read())
                total_rows += rows; total_cells += cells
    print(f"check-xlsx: {total_rows} rows, {total_cells} cells: every workbook cell equals its CSV cell")


if __name__ == "__main__":
    main()
