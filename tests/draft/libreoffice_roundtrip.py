#!/usr/bin/env python3
"""For every operation (folder or tender file), `clausier draft --doc all --format docx` gives a file that
LibreOffice converts to PDF, and in that PDF:
- the text holds, for each lot with a clause, the hours that `clausier hours --format json` computes
  (the figures of a document equal the calculator's);
- no word is broken: every word of the PDF is a word of the drafted Markdown, or a piece of one cut at
  its hyphen ("main-" "d'œuvre"). A table column too narrow for its words gives pieces such as "Numé"
  "ro" or "d'inser" "tion", which are no words of the source;
- every page is numbered « Page N sur M » and carries the running header « Consultation ID ».

  libreoffice_roundtrip.py --bin build/bin examples/*/ tests/data/draft/*.yaml
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

SPACES = "\u00a0\u202f"
# Punctuation that sticks to a word in both texts; stripped from both ends before comparing.
EDGES = ".,;:!?()«»\"*|_[]{}/"


def tokens(text):
    """The words of a text, split at every kind of space, punctuation stripped from their ends."""
    text = text.replace("\u2011", "-").replace("\u2019", "'")
    out = []
    for raw in re.split(r"[\s" + SPACES + r"]+", text):
        word = raw.strip(EDGES)
        if word:
            out.append(word)
    return out


def allowed_words(source):
    """The source's words, and what a line break at their hyphens leaves of them, hyphen kept on the
    left ("main-", "d'œuvre"; "clauses@plie-val-", "de-marne.example.org"). The narrow no-break space
    of "5 %" may come out of the PDF as no space at all: the words joined at it count too."""
    allowed = set()
    for word in tokens(source) + tokens(source.replace("\u202f", "")):
        pieces = word.split("-")
        for i in range(len(pieces)):
            for j in range(i, len(pieces)):
                allowed.add("-".join(pieces[i:j + 1]) + ("-" if j + 1 < len(pieces) else ""))
                allowed.add("-".join(pieces[i:j + 1]))
    return allowed


def broken_words(pdf_text, allowed):
    """Words of the PDF that are no word of the source: pieces of a word the layout broke."""
    # Besides the source: the footer's « Page N sur M » and the en dash Word draws before list items.
    return sorted({w for w in tokens(pdf_text) if w not in allowed and not w.isdigit() and w not in ("Page", "sur", "–")})


def self_test():
    """The detector finds what it is for: a table cell that split « Numéro », « d'insertion », « € HT »."""
    allowed = allowed_words("| Numéro de lot | Heures d'insertion | Part de main-d'œuvre |\n| 1 850 000,00 € HT |")
    assert broken_words("Numé ro de lot", allowed) == ["Numé", "ro"]
    assert broken_words("Heures d'inser tion 1 850 000,00 € H T", allowed) == ["H", "T", "d'inser", "tion"]
    assert broken_words("Part de main- d'œuvre Page 3 sur 12", allowed) == []


def page_problems(pdf_text, operation_id):
    """Pages without « Page N sur M » or without the running header."""
    pages = pdf_text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    problems = []
    for n, page in enumerate(pages, 1):
        flat = re.sub(r"[" + SPACES + r" ]+", " ", page)
        if f"Page {n} sur {len(pages)}" not in flat:
            problems.append(f"page {n}: no « Page {n} sur {len(pages)} »")
        head = "\n".join(flat.strip("\n").split("\n")[:2])  # the running header comes first
        if f"Consultation {operation_id}" not in head:
            problems.append(f"page {n}: no running header « Consultation {operation_id} »")
    return problems


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("operations", nargs="+")
    args = parser.parse_args()
    self_test()
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None or shutil.which("pdftotext") is None:
        print("FAIL libreoffice or pdftotext is missing: run scripts/install-deps.sh")
        print("0 passed, 1 failed")
        return 1
    passed = failed = 0

    def report(ok, message):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   {message}")
        else:
            failed += 1
            print(f"FAIL {message}")

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp, LC_ALL="C.UTF-8")  # a private LibreOffice profile
        drafted = []
        for op in args.operations:
            path = Path(op)
            name = path.stem if path.suffix in (".yaml", ".yml") else (path.name or path.parent.name)
            docx = Path(tmp) / f"{name}.docx"
            draft = run([f"{args.bin}/clausier-draft", op, "--doc", "all", "--format", "docx", "-o", docx])
            markdown = run([f"{args.bin}/clausier-draft", op, "--doc", "all", "--format", "md"])
            hours = run([f"{args.bin}/clausier-hours", op, "--format", "json"])
            if draft.returncode != 0 or markdown.returncode != 0 or hours.returncode != 0:
                report(False, f"{op}: draft exit {draft.returncode} {draft.stderr} / hours exit {hours.returncode}")
                continue
            drafted.append((name, docx, markdown.stdout, json.loads(hours.stdout)))
        # One LibreOffice for every file: starting it is most of the time.
        convert = run([office, "--headless", "--convert-to", "pdf", "--outdir", tmp] + [str(d[1]) for d in drafted],
                      env=env, timeout=600)
        for name, docx, source, hours in drafted:
            pdf = docx.with_suffix(".pdf")
            if convert.returncode != 0 or not pdf.exists():
                report(False, f"{name}: LibreOffice could not convert the .docx: {convert.stderr}")
                continue
            text = run(["pdftotext", "-layout", str(pdf), "-"]).stdout
            # pdftotext writes the narrow no-break space of "1 542" as a plain or no-break space.
            flat = re.sub(r"[" + SPACES + r" ]", " ", text)
            for tender in hours["tenders"]:
                for lot in tender["lots"]:
                    if lot["status"] != "ok":
                        continue
                    digits = f"{lot['hours']:,}".replace(",", " ") if isinstance(lot["hours"], int) else str(lot["hours"]).replace(".", ",")
                    # "(1 542) heures", or "(262,5 heures)" after "… heures et demie".
                    wanted = [f"({digits}) heure", f"({digits} heure"]
                    report(any(w in flat for w in wanted), f"{name} lot {lot['id']}: {wanted[0]!r} in the PDF text")
                broken = broken_words(text, allowed_words(source))
                report(not broken, f"{name}: no word broken by the layout" + (f": {broken}" if broken else ""))
                problems = page_problems(text, tender["id"])
                report(not problems, f"{name}: every page numbered and headed" + (f": {problems}" if problems else ""))
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
