#!/usr/bin/python3
"""Statements as companies send them count exactly what the same rows count in CSV (formats.md 5.1, 5.2).

  sheets_roundtrip.py --bin build/bin examples/espaces-verts

The same statement rows, written four ways into a temporary folder, are counted by clausier-track against
the operation (its tender and participants) at 2027-09-30, with --statements FILE:
- statements.csv: the codes and ISO months (the reference);
- openpyxl.xlsx, written as a script or Excel would (Debian's python3-openpyxl): an instructions sheet
  first, a title above the header, months as date cells shown mmm-yy, lots as numbers, French labels
  (« Embauche directe », « contrat de professionnalisation », « intérim »…), a TOTAL row of formulas;
- calc.ods and calc.xlsx, saved by LibreOffice Calc (soffice --headless --convert-to) from a flat
  spreadsheet whose cells are typed text: months « 09/2027 », « juin 2027 », « avr.-27 », codes in capitals;
- template.xlsx: `clausier-track template 1 --format xlsx`, filled by openpyxl (the rows of lot 1) and
  compared with the same rows in CSV.
For each, the counted hours of every lot and the refused rows (lot, reason, hours) must equal the CSV's,
and the exit code too. Ends with "N passed, M failed"."""
import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

# lot, ref, month (year, month), route code, contract code, employer, work, training. They cover each
# refusal reason and §5.3: P-0001's 1 012,5 hours (a typo) cannot be read; P-0003's two rows of May
# (150 + 80 > 212,57) each get a warning and count.
ROWS = [
    ("1", "P-0001", (2027, 3), "direct", "cdd", "Jardins du Comminges", 35, 0),
    ("1", "p-0002", (2027, 3), "direct", "apprenticeship", "Jardins du Comminges", 21, 7),
    ("2", "P-0004", (2027, 4), "etti", "interim", "Trajectoire Intérim", 70.5, 0),
    ("2", "P-0006", (2027, 4), "geiq", "professionalisation", "GEIQ Propreté", 98, 21),
    ("2", "P-0005", (2027, 6), "ea", "cdd", "Atelier Vert", 14, 0),
    ("3", "P-0007", (2027, 5), "direct", "cddi", "Les Sentiers du Volvestre", 52.5, 0),
    ("3", "P-0008", (2027, 2), "direct", "cddi", "Les Sentiers du Volvestre", 7, 0),
    ("2", "P-0099", (2027, 4), "direct", "cdi", "Verdalia Paysages", 10, 0),
    ("1", "P-0001", (2027, 4), "direct", "cdd", "Jardins du Comminges", 1012.5, 0),
    ("1", "P-0003", (2027, 5), "direct", "cdi-inclusion", "Jardins du Comminges", 150, 0),
    ("2", "P-0003", (2027, 5), "ai", "cdd-usage", "Verdalia Paysages", 80, 0),
    ("3", "P-0007", (2027, 9), "direct", "cddi", "Les Sentiers du Volvestre", 7, 0),
    ("1", "P-0002", (2027, 6), "siae-subcontract", "other", "Jardins du Comminges", 3.5, 0),
    ("2", "P-0004", (2027, 7), "siae-cocontract", "interim", "Trajectoire Intérim", 7, 0),
]
HEADER = ["lot", "participant", "mois", "modalite", "contrat", "employeur", "heures_travail", "heures_formation"]

# French labels, as a person types them (§5.2), for the openpyxl workbook.
LABELS = {
    "direct": "Embauche directe", "etti": "ETTI", "ai": "association intermédiaire", "geiq": "GEIQ",
    "ea": "Entreprise adaptée", "siae-subcontract": "sous-traitance SIAE", "siae-cocontract": "co-traitance",
    "cdd": "CDD", "apprenticeship": "contrat d'apprentissage", "interim": "intérim",
    "professionalisation": "contrat de professionnalisation", "cddi": "CDD d'insertion", "cdi": "CDI",
    "cdi-inclusion": "CDI d'inclusion", "cdd-usage": "CDD d’usage", "other": "Autre",
}
# The labels of the template's drop-down lists (forms_table.cpp: the first label of each code).
DISPLAY = {"direct": "embauche directe", "siae-subcontract": "sous-traitance SIAE", "cdd": "CDD",
           "apprenticeship": "apprentissage", "cdi-inclusion": "CDI inclusion", "other": "autre"}
MONTHS_FR = ["janvier", "février", "mars", "avr.", "mai", "juin", "juillet", "août", "sept.", "octobre", "novembre",
             "décembre"]


def number(v):
    return str(v).replace(".", ",")


def write_csv(path, rows):
    lines = [";".join(HEADER)]
    for lot, ref, (y, m), route, contract, employer, work, training in rows:
        lines.append(";".join([lot, ref, f"{y}-{m:02}", route, contract, employer, number(work), number(training)]))
    lines.append("TOTAL;;;;;;;")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")


def write_openpyxl(path, rows):
    from openpyxl import Workbook
    wb = Workbook()
    help_sheet = wb.active
    help_sheet.title = "Mode d'emploi"
    help_sheet["A1"] = "Relevé mensuel des heures d'insertion"
    help_sheet["A3"] = "Une ligne par salarié, par mois et par modalité."
    ws = wb.create_sheet("Relevé")
    ws["A1"] = "Relevé des heures d'insertion — espaces verts — 2027"
    ws.append([])
    ws.append(["N° lot", "Référence", "Mois", "Modalité", "Contrat", "Employeur", "Heures de travail",
               "Heures de formation"])
    for lot, ref, (y, m), route, contract, employer, work, training in rows:
        ws.append([int(lot), ref, datetime.datetime(y, m, 1), LABELS[route], LABELS[contract], employer, work, training])
        ws.cell(row=ws.max_row, column=3).number_format = "mmm-yy"
    last = ws.max_row
    ws.append(["TOTAL", None, None, None, None, None, f"=SUM(G4:G{last})", f"=SUM(H4:H{last})"])
    wb.save(path)


def month_typed(i, y, m):
    """Months as typed in Calc: 09/2027, juin 2027, avr.-27, 2027-03, in turn."""
    forms = [f"{m:02}/{y}", f"{MONTHS_FR[m - 1]} {y}", f"{MONTHS_FR[m - 1]}-{y % 100:02}", f"{m}/{y}"]
    return forms[i % len(forms)]


def fods(rows):
    def cell(text, kind="string"):
        if kind == "float":
            return f'<table:table-cell office:value-type="float" office:value="{text}"><text:p>{text}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(text))}</text:p></table:table-cell>'

    def row(cells):
        return "<table:table-row>" + "".join(cells) + "</table:table-row>"

    body = [row([cell("Relevé des heures — saisi dans LibreOffice Calc")]), row([cell("")])]
    body.append(row([cell(h) for h in ["Lot", "Participant", "Mois", "Modalité", "Contrat", "Employeur",
                                       "Heures travail", "Heures formation"]]))
    for i, (lot, ref, (y, m), route, contract, employer, work, training) in enumerate(rows):
        body.append(row([cell(lot), cell(ref.upper()), cell(month_typed(i, y, m)), cell(route.upper()),
                         cell(contract.upper()), cell(employer), cell(work, "float"), cell(training, "float")]))
    body.append(row([cell("Total")]))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"><office:body><office:spreadsheet>'
            '<table:table table:name="Heures">' + "".join(body) + '</table:table></office:spreadsheet></office:body></office:document>')


def calc_convert(source, ext, filter_name, tmp):
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                    f"{ext}:{filter_name}", "--outdir", str(tmp / "calc"), str(source)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    return tmp / "calc" / (source.stem + "." + ext)


def fill_template(path, rows):
    from openpyxl import load_workbook
    wb = load_workbook(path)
    ws = wb["Heures"]
    for i, (lot, ref, (y, m), route, contract, employer, work, training) in enumerate(rows):
        r = 5 + i
        ws.cell(row=r, column=2, value=ref)
        ws.cell(row=r, column=3, value=datetime.datetime(y, m, 1))
        ws.cell(row=r, column=4, value=DISPLAY[route])
        ws.cell(row=r, column=5, value=DISPLAY[contract])
        ws.cell(row=r, column=6, value=employer)
        ws.cell(row=r, column=7, value=work)
        ws.cell(row=r, column=8, value=training)
    wb.save(path)


def count(bin_dir, operation, statements):
    run = subprocess.run([str(bin_dir / "clausier-track"), str(operation), "--statements", str(statements),
                          "--as-of", "2027-09-30", "--format", "json"], capture_output=True, text=True,
                         env={**os.environ, "LC_ALL": "C.UTF-8"})
    if not run.stdout:
        return run.returncode, None, run.stderr
    doc = json.loads(run.stdout)
    lots = {l["id"]: l["counted_hours"] for l in doc["lots"]}
    # Each lot's refusals by reason, and every refusal's hours (the lot as written differs: 1, 01).
    by_lot = sorted((l["id"], n["reason"]) for l in doc["lots"] for n in l["not_counted"])
    refused = sorted((n["reason"], n["hours"]) for n in doc["not_counted"])
    return run.returncode, {"counted": lots, "by_lot": by_lot, "refused": refused}, run.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, type=Path)
    parser.add_argument("operation", type=Path)
    args = parser.parse_args()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        write_csv(tmp / "statements.csv", ROWS)
        write_openpyxl(tmp / "openpyxl.xlsx", ROWS)
        (tmp / "calc.fods").write_text(fods(ROWS), encoding="utf-8")
        variants = {
            "openpyxl.xlsx": tmp / "openpyxl.xlsx",
            "calc.ods": calc_convert(tmp / "calc.fods", "ods", "calc8", tmp),
            "calc.xlsx": calc_convert(tmp / "calc.fods", "xlsx", "Calc Office Open XML", tmp),
        }
        code, reference, stderr = count(args.bin, args.operation, tmp / "statements.csv")
        if reference is None or not reference["counted"]:
            print(f"FAIL statements.csv: no result (exit {code})\n{stderr}")
            return 1
        for name, path in variants.items():
            got_code, got, got_stderr = count(args.bin, args.operation, path)
            if got == reference and got_code == code:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {name}: exit {got_code} (CSV {code})\n  got      {got}\n  expected {reference}\n{got_stderr}")

        lot1 = [r for r in ROWS if r[0] == "1"]
        write_csv(tmp / "lot1.csv", lot1)
        template = tmp / "template.xlsx"
        made = subprocess.run([str(args.bin / "clausier-track"), "template", "1", "--operation", str(args.operation),
                               "--format", "xlsx", "--as-of", "2027-09-30", "-o", str(template)],
                              capture_output=True, text=True)
        if made.returncode != 0:
            failed += 1
            print(f"FAIL template: exit {made.returncode}\n{made.stderr}")
        else:
            fill_template(template, lot1)
            expected = count(args.bin, args.operation, tmp / "lot1.csv")
            got = count(args.bin, args.operation, template)
            if got[:2] == expected[:2]:
                passed += 1
            else:
                failed += 1
                print(f"FAIL template.xlsx: exit {got[0]} (CSV {expected[0]})\n  got      {got[1]}\n  expected {expected[1]}\n{got[2]}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
