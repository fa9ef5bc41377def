#!/usr/bin/python3
"""Writes hostile workbooks into the statements fuzz corpus (tests/fuzz/corpus/statements), each named by
the SHA-1 of its bytes like the rest of the corpus; fuzz-replay-statements reads them as .csv, .xlsx and
.ods. Each is the real statement of tests/data/track-sheets (openpyxl) with one thing made hostile:

- an .xlsx that is not a zip (a web page saved as a workbook);
- a sheet dimension of A1:XFD1048576 (Excel's whole grid) for a sheet of 9 rows;
- hours as formulas: a cached value, no cached value, an error value #DIV/0!;
- hours as a date cell;
- a statement row on row 1 048 576 (Excel's last), and one past it (1 048 577);
- a zip bomb: 4 000 000 empty rows, 24 MB in 24 kB (and past row 1 048 576);
- an .ods whose statement row is repeated 1 048 572 times (table:number-rows-repeated): 1 048 573 rows.

  python3 tests/fuzz/hostile_sheets.py [OUTPUT_FOLDER]   (Python's standard library only)"""
import hashlib
import io
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
APRIL = HERE.parent / "data" / "track-sheets" / "statements" / "2027-04-net-sport.xlsx"
SHEET = "xl/worksheets/sheet2.xml"


def entry(name, compression=zipfile.ZIP_DEFLATED):
    """A zip entry with a fixed date, so that the same file has the same name (its SHA-1) on every run."""
    info = zipfile.ZipInfo(name, date_time=(2027, 1, 1, 0, 0, 0))
    info.compress_type = compression
    return info


def xlsx(edit):
    """The April statement with its sheet « Heures » passed through edit (a function of the XML text)."""
    out = io.BytesIO()
    with zipfile.ZipFile(APRIL) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == SHEET:
                data = edit(data.decode()).encode()
            dst.writestr(entry(info.filename), data)
    return out.getvalue()


def cell(ref, xml):
    """Replaces the cell ref (e.g. G4) of the sheet by xml."""
    return lambda s: re.sub(rf'<c r="{ref}"[^>]*>.*?</c>', xml, s, count=1)


def chain(*edits):
    def run(s):
        for e in edits:
            s = e(s)
        return s
    return run


def last_rows(s):
    row = ('<row r="{n}"><c r="A{n}" t="n"><v>1</v></c><c r="B{n}" t="inlineStr"><is><t>P-0002</t></is></c>'
           '<c r="C{n}" t="inlineStr"><is><t>2027-04</t></is></c><c r="D{n}" t="inlineStr"><is><t>direct</t></is></c>'
           '<c r="E{n}" t="inlineStr"><is><t>cdi</t></is></c><c r="F{n}" t="inlineStr"><is><t>Net Sport</t></is></c>'
           '<c r="G{n}" t="n"><v>7</v></c><c r="H{n}" t="n"><v>0</v></c></row>')
    return s.replace("</sheetData>", row.format(n=1048576) + row.format(n=1048577) + "</sheetData>")


def bomb(s):
    """After the rows of the statement, 4 000 000 empty rows without a number: 24 MB in 24 kB."""
    return s.replace("</sheetData>", "<row/>" * 4000000 + "</sheetData>")


def ods_repeated():
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        '<office:body><office:spreadsheet><table:table table:name="Heures"><table:table-row>'
        + "".join(f'<table:table-cell office:value-type="string"><text:p>{h}</text:p></table:table-cell>'
                  for h in ["lot", "participant", "mois", "modalite", "contrat", "employeur", "heures_travail",
                            "heures_formation"])
        + '</table:table-row><table:table-row table:number-rows-repeated="1048572">'
        + "".join(f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
                  for v in ["1", "P-0001", "2027-04", "direct", "cdi", "Net Sport"])
        + '<table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>'
        '<table:table-cell office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell>'
        "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(entry("mimetype", zipfile.ZIP_STORED), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(entry("content.xml"), content)
        z.writestr(entry("META-INF/manifest.xml"), manifest)
    return out.getvalue()


def files():
    yield "not-a-zip", ("<html><body><table><tr><td>lot</td><td>participant</td></tr>"
                        "<tr><td>1</td><td>P-0001</td></tr></table></body></html>\n").encode()
    yield "dimension", xlsx(lambda s: s.replace('<dimension ref="A1:H9"/>', '<dimension ref="A1:XFD1048576"/>'))
    yield "formulas", xlsx(chain(cell("G4", '<c r="G4"><f>G5*2</f><v>140</v></c>'),
                                 cell("G5", '<c r="G5"><f>1/0</f></c>'),
                                 cell("G7", '<c r="G7" t="e"><f>1/0</f><v>#DIV/0!</v></c>')))
    yield "date-hours", xlsx(cell("G5", '<c r="G5" s="1" t="n"><v>46478</v></c>'))
    yield "last-row", xlsx(last_rows)
    yield "bomb", xlsx(bomb)
    yield "ods-repeated", ods_repeated()


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "corpus" / "statements"
    for name, data in files():
        path = folder / hashlib.sha1(data).hexdigest()
        path.write_bytes(data)
        print(f"{name}: {path} ({len(data)} octets)")


if __name__ == "__main__":
    main()
