#!/usr/bin/env python3
"""The .xlsx of `clausier report` opens in LibreOffice Calc with its hours as numbers, equal to the JSON's.

  xlsx_calc.py --bin build/bin examples/espaces-verts

For the operation, runs clausier-report twice at 2027-12-31 with --min-cell 1 (nothing hidden): --format xlsx
and --format json. LibreOffice converts the workbook to a flat OpenDocument spreadsheet (.fods, plain XML),
where every cell says its type: office:value-type="float" for a number, "string" for text. Then:
- the workbook has the expected sheets;
- on sheet Lots, the cells "Heures prévues" and "Heures réalisées" of each lot are floats equal to the JSON's
  target_hours and realised_hours (a number written as text would be a string: the test fails);
- on sheet Synthèse, the operation's planned and realised hours likewise;
- on sheet Mois, the realised hours of each month likewise.
--xlsx FILE --json FILE check those files instead of running clausier-report (to try the checker itself).
Ends with "N passed, M failed". LibreOffice Calc comes from scripts/install-deps.sh."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
SHEETS = ["Synthèse", "Lots", "Lots par année", "Titulaires", "Répartitions", "Mois", "Non décomptées", "Règles"]


def q(prefix, name):
    return f"{{{NS[prefix]}}}{name}"


def cell_info(cell):
    """(type, value, text) of a table:table-cell: type is office:value-type ("" for an empty cell)."""
    kind = cell.get(q("office", "value-type"), "")
    value = cell.get(q("office", "value"))
    text = "\n".join("".join(p.itertext()) for p in cell.findall("text:p", NS))
    return kind, value, text


def read_tables(fods):
    """{sheet name: rows}, each row a list of (type, value, text), repeated cells and rows expanded."""
    tables = {}
    root = ET.parse(fods).getroot()
    for table in root.iter(q("table", "table")):
        rows = []
        for row in table.iter(q("table", "table-row")):
            cells = []
            for cell in row:
                if cell.tag not in (q("table", "table-cell"), q("table", "covered-table-cell")):
                    continue
                repeat = int(cell.get(q("table", "number-columns-repeated"), "1"))
                info = cell_info(cell)
                # Empty cells are repeated up to the last column (1024): a few of them are enough.
                cells.extend([info] * (repeat if info != ("", None, "") else min(repeat, 64)))
            repeat = int(row.get(q("table", "number-rows-repeated"), "1"))
            empty = all(info == ("", None, "") for info in cells)
            rows.extend([cells] * (min(repeat, 4) if empty else repeat))
        tables[table.get(q("table", "name"))] = rows
    return tables


class Checker:
    def __init__(self):
        self.passed = self.failed = 0

    def ok(self, message):
        self.passed += 1
        print(f"ok   {message}")

    def fail(self, message):
        self.failed += 1
        print(f"FAIL {message}")

    def number(self, where, info, expected):
        kind, value, text = info
        if kind != "float":
            self.fail(f"{where}: a {kind or 'empty'} cell ({text!r}), a number {expected} was expected")
        elif abs(float(value) - float(expected)) > 1e-6:
            self.fail(f"{where}: {value}, {expected} was expected")
        else:
            self.ok(f"{where}: number {value}")


def column(header, name):
    texts = [text for _, _, text in header]
    return texts.index(name) if name in texts else None


def check(fods, report, checker):
    tables = read_tables(fods)
    if list(tables)[: len(SHEETS)] == SHEETS:
        checker.ok("sheets " + ", ".join(SHEETS))
    else:
        checker.fail(f"sheets {list(tables)}, {SHEETS} expected")
    operation = report["operations"][0] if "operations" in report else report

    summary = {row[0][2]: row[1] for row in tables.get("Synthèse", []) if len(row) > 1}
    for label, key in (("Heures d'insertion prévues", "target_hours"), ("Heures d'insertion réalisées", "realised_hours")):
        if label in summary:
            checker.number(f"Synthèse, {label}", summary[label], operation[key])
        else:
            checker.fail(f"Synthèse: no row {label!r}")

    lots = tables.get("Lots", [])
    if not lots:
        checker.fail("no sheet Lots")
        return
    lot_col, target_col, realised_col = (column(lots[0], n) for n in ("Lot", "Heures prévues", "Heures réalisées"))
    if None in (lot_col, target_col, realised_col):
        checker.fail(f"Lots: header {[t for _, _, t in lots[0]]} lacks Lot, Heures prévues or Heures réalisées")
        return
    by_id = {row[lot_col][2]: row for row in lots[1:] if len(row) > realised_col}
    for lot in operation["lots"]:
        row = by_id.get(str(lot["id"]))
        if row is None:
            checker.fail(f"Lots: no row for lot {lot['id']}")
            continue
        checker.number(f"Lots, lot {lot['id']}, Heures prévues", row[target_col], lot["target_hours"])
        checker.number(f"Lots, lot {lot['id']}, Heures réalisées", row[realised_col], lot["realised_hours"])

    months = tables.get("Mois", [])
    realised_col = column(months[0], "Heures réalisées") if months else None
    if realised_col is None:
        checker.fail("Mois: no column Heures réalisées")
        return
    for i, month in enumerate(operation.get("months", [])):
        if i + 1 >= len(months) or len(months[i + 1]) <= realised_col:
            checker.fail(f"Mois: no row for {month['month']}")
            continue
        checker.number(f"Mois, {month['month']}, Heures réalisées", months[i + 1][realised_col], month["realised"])


def run(command):
    # The example's statements hold unreadable rows on purpose: clausier-report reports them (exit 2,
    # as clausier track does) and counts the other rows, so 2 is accepted here as well as 0.
    result = subprocess.run(command, capture_output=True)
    if result.returncode not in (0, 2):
        raise RuntimeError(f"{' '.join(map(str, command))}: exit {result.returncode}: {result.stderr.decode(errors='replace')}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin")
    parser.add_argument("--xlsx", help="check this workbook instead of running clausier-report")
    parser.add_argument("--json", help="with --xlsx: the report's JSON")
    parser.add_argument("operation", nargs="?")
    args = parser.parse_args()
    office = shutil.which("libreoffice") or shutil.which("soffice")
    checker = Checker()
    if office is None:
        checker.fail("LibreOffice is missing: run scripts/install-deps.sh")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                if args.xlsx:
                    xlsx = Path(tmp) / "report.xlsx"
                    shutil.copyfile(args.xlsx, xlsx)
                    report = json.loads(Path(args.json).read_text(encoding="utf-8"))
                else:
                    xlsx = Path(tmp) / "report.xlsx"
                    common = [args.operation, "--as-of", "2027-12-31", "--min-cell", "1"]
                    run([f"{args.bin}/clausier-report", *common, "--format", "xlsx", "-o", str(xlsx)])
                    report = json.loads(run([f"{args.bin}/clausier-report", *common, "--format", "json"]))
                # A private profile, so that a running LibreOffice or a user's settings play no part.
                env = dict(os.environ, HOME=tmp, LC_ALL="C.UTF-8")
                convert = subprocess.run([office, f"-env:UserInstallation=file://{tmp}/lo", "--headless",
                                          "--convert-to", "fods", "--outdir", tmp, str(xlsx)],
                                         capture_output=True, text=True, env=env, timeout=240)
                fods = xlsx.with_suffix(".fods")
                if convert.returncode != 0 or not fods.exists():
                    checker.fail(f"LibreOffice could not open the workbook: {convert.stdout} {convert.stderr}")
                else:
                    check(fods, report, checker)
            except (RuntimeError, OSError, ValueError, KeyError, subprocess.TimeoutExpired) as e:
                checker.fail(str(e))
    print(f"{checker.passed} passed, {checker.failed} failed")
    return 1 if checker.failed or checker.passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
