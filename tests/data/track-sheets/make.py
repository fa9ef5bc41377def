#!/usr/bin/python3
"""Rebuilds the files of tests/data/track-sheets, an operation whose files are what companies send.

- participants.xlsx (openpyxl): an instructions sheet first, then the participants, dates as date cells
  and as typed text « 15/02/2027 » (formats.md 5.2).
- statements/2027-04-net-sport.xlsx (openpyxl, as a script or Excel writes it): an instructions sheet
  first, a title above the header, months as date cells shown mmm-yy, French labels, lot 1 for « 01 »,
  refs in lower case, a TOTAL row of formulas, a row of 1 012,5 hours (a typo).
- statements/2027-05-net-sport.ods (LibreOffice Calc, soffice --convert-to from a flat .fods): months
  typed « 05/2027 » and « mai 2027 », codes in capitals, two rows of one person that exceed the legal
  maximum together.
- statements/notice.pdf: a PDF put there by mistake (named in a note, never read).

  /usr/bin/python3 tests/data/track-sheets/make.py   (needs soffice and Debian's python3-openpyxl)"""
import datetime
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent


def participants():
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Lisez-moi"
    ws["A1"] = "Participants de l'opération : des références pseudonymes seulement."
    ws = wb.create_sheet("Participants")
    ws.append(["ref", "sex", "birth_year", "criteria", "validated_on", "education_level"])
    ws.append(["P-0001", "F", 1990, "deld|qpv", datetime.datetime(2027, 1, 12), 3])
    ws.append(["P-0002", "M", 2004, "young", "15/02/2027", 4])
    ws.append(["P-0003", "X", 1975, "rsa", datetime.datetime(2027, 3, 1), None])
    ws.cell(row=2, column=5).number_format = "dd/mm/yyyy"
    ws.cell(row=4, column=5).number_format = "dd/mm/yyyy"
    wb.save(HERE / "participants.xlsx")


def april():
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Mode d'emploi"
    ws["A1"] = "Relevé mensuel des heures d'insertion : une ligne par salarié et par mois."
    ws = wb.create_sheet("Heures")
    ws["A1"] = "Net Sport Services — relevé d'avril 2027"
    ws.append([])
    ws.append(["N° lot", "Référence", "Mois", "Modalité", "Contrat", "Employeur", "Heures de travail",
               "Heures de formation"])
    rows = [
        [1, "p-0001", datetime.datetime(2027, 4, 1), "Embauche directe", "CDI d'inclusion", "Net Sport Services", 120, 0],
        [1, "P-0002", datetime.datetime(2027, 4, 1), "GEIQ", "contrat de professionnalisation", "GEIQ Propreté", 70, 14],
        [1, "P-0003", datetime.datetime(2027, 4, 1), "ETTI", "intérim", "Trajectoire Intérim", 1012.5, 0],
        [1, "P-0004", datetime.datetime(2027, 4, 1), "Embauche directe", "CDD", "Net Sport Services", 35, 0],
        [1, "P-0001", datetime.datetime(2027, 3, 1), "Embauche directe", "profesionalisation", "Net Sport Services", 7, 0],
    ]
    for r in rows:
        ws.append(r)
        ws.cell(row=ws.max_row, column=3).number_format = "mmm-yy"
    ws.append(["TOTAL", None, None, None, None, None, f"=SUM(G4:G{ws.max_row})", f"=SUM(H4:H{ws.max_row})"])
    wb.save(HERE / "statements" / "2027-04-net-sport.xlsx")


def may():
    def cell(v):
        if isinstance(v, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>'
    rows = [["Lot", "Participant", "Mois", "Modalité", "Contrat", "Employeur", "Heures travail", "Heures formation"],
            ["1", "P-0001", "05/2027", "DIRECT", "CDI-INCLUSION", "Net Sport Services", 130, 0],
            ["1", "P-0001", "mai 2027", "ETTI", "INTERIM", "Trajectoire Intérim", 100, 0],
            ["1", "P-0002", "mai 2027", "GEIQ", "PROFESSIONNALISATION", "GEIQ Propreté", 91, 21]]
    body = "".join("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in rows)
    fods = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>'
            f'<table:table table:name="Mai">{body}</table:table></office:spreadsheet></office:body></office:document>')
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "2027-05-net-sport.fods"
        source.write_text(fods, encoding="utf-8")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "ods:calc8", "--outdir", tmp, str(source)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(Path(tmp) / "2027-05-net-sport.ods", HERE / "statements" / "2027-05-net-sport.ods")


if __name__ == "__main__":
    (HERE / "statements").mkdir(exist_ok=True)
    participants()
    april()
    may()
    (HERE / "statements" / "notice.pdf").write_bytes(b"%PDF-1.4\n% a notice sent with the statement\n%%EOF\n")
