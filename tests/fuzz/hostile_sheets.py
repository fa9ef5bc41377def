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

The participants corpus (tests/fuzz/corpus/participants) gets the same from tests/data/track-sheets/
participants.xlsx: not a zip, a zip bomb, a row past 1 048 576, a participant row repeated 1 048 572 times.
With --named FOLDER, the statement workbooks refused past a limit are also written there under their
name (last-row.xlsx, ods-repeated.ods), for the golden and hostile tests.

  python3 tests/fuzz/hostile_sheets.py [OUTPUT_FOLDER]   (Python's standard library only)
  python3 tests/fuzz/hostile_sheets.py --named tests/data/hostile-sheets"""
import hashlib
import io
import re
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
APRIL = HERE.parent / "data" / "track-sheets" / "statements" / "2027-04-net-sport.xlsx"
PARTICIPANTS = HERE.parent / "data" / "track-sheets" / "participants.xlsx"
SHEET = "xl/worksheets/sheet2.xml"  # « Heures » of the statement, « Participants » of the participants
STATEMENT_HEADER = ["lot", "participant", "mois", "modalite", "contrat", "employeur", "heures_travail",
                    "heures_formation"]
STATEMENT_ROW = ["1", "P-0001", "2027-04", "direct", "cdi", "Net Sport", 7, 0]
PARTICIPANTS_HEADER = ["ref", "sex", "birth_year", "criteria", "validated_on", "education_level"]
PARTICIPANT_ROW = ["P-0001", "F", 1990, "deld|qpv", "2027-01-12", 3]


def entry(name, compression=zipfile.ZIP_DEFLATED):
    """A zip entry with a fixed date, so that the same file has the same name (its SHA-1) on every run."""
    info = zipfile.ZipInfo(name, date_time=(2027, 1, 1, 0, 0, 0))
    info.compress_type = compression
    return info


def xlsx(edit, source=APRIL):
    """The April statement (or source) with its data sheet passed through edit (a function of the XML text)."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
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


def past_last_row(s):
    """A participant on row 1 048 577, past the last row of Excel and Calc."""
    row = ''.join(f'<c r="{c}1048577" t="inlineStr"><is><t>{v}</t></is></c>'
                  for c, v in zip("ABCDEF", ["P-0009", "F", "1990", "rsa", "12/01/2027", "3"]))
    return s.replace("</sheetData>", f'<row r="1048577">{row}</row></sheetData>')


def ods_cell(value):
    if isinstance(value, str):
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    return (f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p>'
            "</table:table-cell>")


def ods_repeated(sheet="Heures", header=STATEMENT_HEADER, row=STATEMENT_ROW):
    """An .ods written by hand: its header, then one row repeated 1 048 572 times, up to row 1 048 573."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}"><table:table-row>'
        + "".join(ods_cell(h) for h in header)
        + '</table:table-row><table:table-row table:number-rows-repeated="1048572">'
        + "".join(ods_cell(v) for v in row)
        + "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>")
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


def participant_files():
    yield "not-a-zip", ("<html><body><table><tr><td>ref</td><td>sex</td></tr>"
                        "<tr><td>P-0001</td><td>F</td></tr></table></body></html>\n").encode()
    yield "bomb", xlsx(bomb, PARTICIPANTS)
    yield "last-row", xlsx(past_last_row, PARTICIPANTS)
    yield "ods-repeated", ods_repeated("Participants", PARTICIPANTS_HEADER, PARTICIPANT_ROW)


def write(folder, made):
    for name, data in made:
        path = folder / hashlib.sha1(data).hexdigest()
        path.write_bytes(data)
        print(f"{name}: {path} ({len(data)} octets)")


def main():
    if sys.argv[1:2] == ["--named"]:
        folder = Path(sys.argv[2])
        folder.mkdir(parents=True, exist_ok=True)
        named = dict(files())
        for name, extension in [("last-row", ".xlsx"), ("ods-repeated", ".ods")]:
            (folder / (name + extension)).write_bytes(named[name])
            print(folder / (name + extension))
        return
    if len(sys.argv) > 1:
        write(Path(sys.argv[1]), files())
        return
    write(HERE / "corpus" / "statements", files())
    write(HERE / "corpus" / "participants", participant_files())


if __name__ == "__main__":
    main()
