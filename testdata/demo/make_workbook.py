#!/usr/bin/python3
"""Builds the .xlsx fixtures of econcalc's workbook reader with openpyxl, so
that they come from another program than the one econcalc's tests use.

Regenerate them (Debian's openpyxl, 3.0.9 when they were made) from the
repository root with:

    apt-get install -y python3-openpyxl
    /usr/bin/python3 testdata/demo/make_workbook.py

It writes, next to itself:

  报表.xlsx      three sheets holding the tables of three CSV files here:
                 工业 (output_ytd.csv), 投资 (projects.csv) and 月度 (月度.csv,
                 whose periods 2017-10 become the Excel dates 2017-10-01,
                 shown as 2017年10月). Numbers are numbers, shown with the
                 decimals the CSV writes (0.00); text is text.
  formulas.xlsx  formulas, and what else a sheet can hold: sheet "cached",
                 whose formulas carry saved values; sheet "uncached", where
                 C3 has none.

openpyxl saves formulas without their values (a workbook saved by Excel has
them), so the saved values are written into the sheet XML afterwards. Every
zip entry gets a fixed time and the document fixed dates, so running the
script again gives the same bytes.
"""

import csv
import datetime
import io
import os
import re
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime.datetime(2017, 11, 15, 9, 0, 0)


def read_csv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def number(text):
    """A CSV figure as the number a person would type into Excel."""
    return int(text) if re.fullmatch(r"-?\d+", text) else float(text)


def shown_as_written(ws, texts, first):
    """Formats the figures of the last row as the CSV writes them: 15.80 is
    the number 15.8 shown with two decimals (0.00), as a bureau's sheet does."""
    for i, text in enumerate(texts[first:], start=first + 1):
        places = len(text.partition(".")[2])
        if places:
            ws.cell(ws.max_row, i).number_format = "0." + "0" * places


def new_workbook():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def fix_zip(path, edits=None):
    """Rewrites the zip at path with fixed entry times, applying edits (part
    name -> function of the part's text) on the way."""
    with zipfile.ZipFile(path) as z:
        parts = [(info.filename, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            if edits and name in edits:
                data = edits.pop(name)(data.decode("utf-8")).encode("utf-8")
            z.writestr(zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6]), data, zipfile.ZIP_DEFLATED)
    assert not edits, "parts not found: %s" % list(edits)


def report():
    wb = new_workbook()

    ws = wb.create_sheet("工业")
    rows = read_csv("output_ytd.csv")
    ws.append(rows[0])
    for r in rows[1:]:
        ws.append([r[0]] + [number(v) for v in r[1:]])
        shown_as_written(ws, r, 1)

    ws = wb.create_sheet("投资")
    rows = read_csv("projects.csv")
    ws.append(rows[0])
    for r in rows[1:]:
        ws.append(r[:2] + [number(v) for v in r[2:]])
        shown_as_written(ws, r, 2)

    ws = wb.create_sheet("月度")
    rows = read_csv("月度.csv")
    ws.append(rows[0])
    for r in rows[1:]:
        year, month = map(int, r[0].split("-"))
        ws.append([datetime.date(year, month, 1)] + [number(v) for v in r[1:]])
        ws.cell(ws.max_row, 1).number_format = 'yyyy"年"m"月"'
        shown_as_written(ws, r, 1)

    path = os.path.join(HERE, "报表.xlsx")
    wb.save(path)
    fix_zip(path)


def saved_values(values):
    """An edit of a sheet's XML that gives formula cells their saved values:
    values maps a cell reference to its value, or to (type, value)."""

    def edit(xml):
        for ref, value in values.items():
            typ, value = value if isinstance(value, tuple) else (None, value)
            pattern = r'<c r="%s"([^>]*)><f>(.*?)</f><v\s*/>|<c r="%s"([^>]*)><f>(.*?)</f><v></v>' % (ref, ref)
            m = re.search(pattern, xml)
            assert m, "no formula without a value in " + ref
            attrs, formula = (m.group(1), m.group(2)) if m.group(2) is not None else (m.group(3), m.group(4))
            attrs = re.sub(r' t="[^"]*"', "", attrs) + (' t="%s"' % typ if typ else "")
            xml = xml[: m.start()] + '<c r="%s"%s><f>%s</f><v>%s</v>' % (ref, attrs, formula, value) + xml[m.end():]
        return xml

    return edit


def formulas():
    wb = new_workbook()

    ws = wb.create_sheet("cached")
    ws.append(["指标", "本期\n(万元)", "上期\r\n(万元)", "增加", "增速\r(%)"])
    ws.append(["规模工业总产值", 120.2, 91.27, "=B2-C2", "=ROUND(D2/C2*100,1)"])
    ws.append(["规模工业增加值", 24.3, 21.49, "=B3-C3", "=ROUND(D3/C3*100,1)"])
    ws.append(["文本公式", '=A2&""'])
    ws.append(["备注"])
    ws.append([])
    ws.append(["极小极大", 1.2e-05, 1e16])
    ws.append(["逻辑", True, "=1/0"])

    ws = wb.create_sheet("uncached")
    ws.append(["项目", "本期", "翻倍"])
    ws.append(["甲", 10, "=B2*2"])
    ws.append(["乙", 5, "=B3*2"])  # left without its value

    path = os.path.join(HERE, "formulas.xlsx")
    wb.save(path)
    fix_zip(path, {
        "xl/worksheets/sheet1.xml": saved_values({
            "D2": "28.93", "E2": "31.7", "D3": "2.81", "E3": "13.1",
            "B4": ("str", "规模工业总产值"), "C8": ("e", "#DIV/0!"),
        }),
        "xl/worksheets/sheet2.xml": saved_values({"C2": "20"}),
    })


if __name__ == "__main__":
    report()
    formulas()
