#!/usr/bin/env python3
"""For every example operation, `clausier draft --doc all --format docx` gives a file that LibreOffice
converts to PDF, and the PDF's text holds, for each lot with a clause, the hours that
`clausier hours --format json` computes (issue: the figures of a document equal the calculator's).

  libreoffice_roundtrip.py --bin build/bin examples/*/
Ends with "N passed, M failed". LibreOffice and pdftotext come from scripts/install-deps.sh."""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("operations", nargs="+")
    args = parser.parse_args()
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None or shutil.which("pdftotext") is None:
        print("FAIL libreoffice or pdftotext is missing: run scripts/install-deps.sh")
        print("0 passed, 1 failed")
        return 1
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp, LC_ALL="C.UTF-8")  # a private LibreOffice profile
        for op in args.operations:
            name = Path(op).name or Path(op).parent.name
            docx = Path(tmp) / f"{name}.docx"
            draft = subprocess.run([f"{args.bin}/clausier-draft", op, "--doc", "all", "--format", "docx", "-o", docx],
                                   capture_output=True, text=True)
            hours = subprocess.run([f"{args.bin}/clausier-hours", op, "--format", "json"], capture_output=True, text=True)
            if draft.returncode != 0 or hours.returncode != 0:
                failed += 1
                print(f"FAIL {op}: draft exit {draft.returncode} {draft.stderr} / hours exit {hours.returncode}")
                continue
            convert = subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                                     capture_output=True, text=True, env=env, timeout=300)
            pdf = docx.with_suffix(".pdf")
            if convert.returncode != 0 or not pdf.exists():
                failed += 1
                print(f"FAIL {op}: LibreOffice could not convert the .docx: {convert.stderr}")
                continue
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
            # pdftotext writes the narrow no-break space of "1 542" as a plain or no-break space.
            flat = re.sub(r"[\u00a0\u202f ]", " ", text)
            for tender in json.loads(hours.stdout)["tenders"]:
                for lot in tender["lots"]:
                    if lot["status"] != "ok":
                        continue
                    digits = f"{lot['hours']:,}".replace(",", " ") if isinstance(lot["hours"], int) else str(lot["hours"]).replace(".", ",")
                    wanted = f"({digits}) heure"
                    if wanted in flat:
                        passed += 1
                        print(f"ok   {name} lot {lot['id']}: {wanted}")
                    else:
                        failed += 1
                        print(f"FAIL {name} lot {lot['id']}: {wanted!r} not found in the PDF text")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
