#!/usr/bin/python3
"""Rebuilds the spreadsheets of tests/unit/sheet_test.cpp and the fuzz corpus of fuzz_sheet.cpp.

Made by the real programs: LibreOffice Calc converts statements.fods (written by hand, the source)
to statements-lo.xlsx, statements-lo.ods and statements-lo.xls (Excel 97-2003); openpyxl (Debian's
python3-openpyxl) writes statements-openpyxl.xlsx as a script or Excel would: an instructions sheet
first, a title above the header, months as date cells shown mmm-yy, French labels, a TOTAL row of
formulas never calculated, a hidden row and a hidden sheet. The fuzz corpus (tests/fuzz/corpus/sheet)
is small archives written here by hand, each exercising one corner of the formats.

  /usr/bin/python3 tests/data/sheets/make.py   (needs soffice, and Debian's python3-openpyxl)"""
import datetime
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "fuzz" / "corpus" / "sheet"


def libreoffice():
    with tempfile.TemporaryDirectory() as tmp:
        for ext, name in (("xlsx", "Calc Office Open XML"), ("ods", "calc8"), ("xls", "MS Excel 97")):
            subprocess.run(["soffice", "-env:UserInstallation=file://" + tmp + "/profile", "--headless",
                            "--convert-to", f"{ext}:{name}", "--outdir", tmp, str(HERE / "statements.fods")],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.copy(Path(tmp) / f"statements.{ext}", HERE / f"statements-lo.{ext}")


def openpyxl_workbook():
    from openpyxl import Workbook
    wb = Workbook()
    help_sheet = wb.active
    help_sheet.title = "Mode d'emploi"
    help_sheet["A1"] = "Relevé mensuel des heures d'insertion"
    help_sheet["A3"] = "Une ligne par salarié et par mois ; modalités : embauche directe, ETTI, GEIQ."
    ws = wb.create_sheet("Relevé")
    ws["A1"] = "Colas — lot 2 — relevé du 1er trimestre 2027"
    ws.append([])
    ws.append(["Lot", "Référence", "Mois", "Modalité", "Contrat", "Employeur", "Heures de travail",
               "Heures de formation", "Validé"])
    rows = [
        [2, "R-001", datetime.datetime(2027, 1, 1), "Embauche directe", "CDI", "Colas", 151.67, 0, True],
        [2, "r-002", datetime.datetime(2027, 2, 1), "ETTI", "intérim", "Colas", 120.5, 14, False],
        [2, "R-003", datetime.datetime(2027, 3, 15, 8, 30), "GEIQ", "contrat de professionnalisation",
         "Colas", 98, 21, None],
    ]
    for r in rows:
        ws.append(r)
    for row in range(4, 7):
        ws.cell(row=row, column=3).number_format = "mmm-yy"
        ws.cell(row=row, column=7).number_format = "0.00"
    ws.row_dimensions[5].hidden = True
    ws.append(["TOTAL", None, None, None, None, None, "=SUM(G4:G6)", "=SUM(H4:H6)"])
    ws["K4"] = 0.25
    ws["K4"].number_format = "0%"
    ws["L4"] = datetime.time(1, 30)  # a time of day: a date cell of day 0
    lists = wb.create_sheet("Listes")
    lists["A1"] = "direct"
    lists.sheet_state = "hidden"
    wb.save(HERE / "statements-openpyxl.xlsx")


SPREADSHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx(sheet_xml, workbook_pr="", strings=None, styles=None):
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook {SPREADSHEET_NS} {REL_NS}>{workbook_pr}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{DOC}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{DOC}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{DOC}/styles" Target="/xl/styles.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet {SPREADSHEET_NS}><sheetData>{sheet_xml}</sheetData></worksheet>',
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = f'<sst {SPREADSHEET_NS}>{strings}</sst>'
    if styles is not None:
        parts["xl/styles.xml"] = f'<styleSheet {SPREADSHEET_NS}>{styles}</styleSheet>'
    return parts


def ods(tables, styles=""):
    content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
               'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">'
               f'<office:automatic-styles>{styles}</office:automatic-styles>'
               f'<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>')
    return {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": content}


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)


def corpus():
    CORPUS.mkdir(parents=True, exist_ok=True)
    cells = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r>'
             '<rPh><t>x</t></rPh></is></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#DIV/0!</v></c>'
             '<c r="F1" s="1"><v>46478.5</v></c><c r="G1" t="d"><v>2027-04-15T10:30:00</v></c>'
             '<c r="H1" t="str"><f>A1</f><v>x</v></c><c r="I1"><f>1+1</f></c></row>'
             '<row><c t="n"><v>-1.5E-3</v></c><c><v>7</v></c></row><row r="9"><c r="B9" s="2"><v>1.25</v></c></row>')
    styles = ('<numFmts><numFmt numFmtId="164" formatCode="mmm\\-yy"/><numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>'
              '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>')
    strings = '<si><t>Relevé</t></si><si><r><t>ri</t></r><r><t>ch</t></r></si>'
    write_zip(CORPUS / "cells.xlsx", xlsx(cells, '<workbookPr date1904="1"/>', strings, styles))
    write_zip(CORPUS / "doctype.xlsx", xlsx("") | {"xl/worksheets/sheet1.xml":
              '<!DOCTYPE w [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet ' + SPREADSHEET_NS +
              '><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>'})
    write_zip(CORPUS / "disorder.xlsx", xlsx('<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>2</v></c></row><row r="1"/>'))
    table = ('<table:table table:name="T" table:style-name="ta1"><table:table-row table:number-rows-repeated="3">'
             '<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="2"/>'
             '<table:table-cell office:value-type="date" office:date-value="2027-04-01"/>'
             '<table:table-cell office:value-type="time" office:time-value="PT36H00M00S"/>'
             '<table:table-cell office:value-type="boolean" office:boolean-value="true"/>'
             '<table:table-cell office:value-type="string" calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>'
             '<table:table-cell><text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d</text:p><text:p>e</text:p></table:table-cell>'
             '</table:table-row><table:table-row table:number-rows-repeated="1048570"><table:table-cell '
             'table:number-columns-repeated="1024"/></table:table-row></table:table>'
             '<table:table table:name="U"><table:table-row><table:covered-table-cell office:value-type="percentage" '
             'office:value="0.5"/></table:table-row></table:table>')
    write_zip(CORPUS / "repeats.ods", ods(table, '<style:style style:name="ta1" style:family="table">'
                                                 '<style:table-properties table:display="false"/></style:style>'))
    (CORPUS / "text.csv").write_text("lot;participant\n1;P-0001\n", encoding="utf-8")
    (CORPUS / "ole2.xls").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 56 + "Workbook".encode("utf-16-le"))


if __name__ == "__main__":
    libreoffice()
    openpyxl_workbook()
    corpus()
    print("written:", ", ".join(sorted(p.name for p in HERE.iterdir() if p.suffix in (".xlsx", ".ods", ".xls"))))
