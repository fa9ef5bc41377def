#!/usr/bin/python3
"""What clausier draft writes, clausier check accepts; one hour changed in one lot is one finding.

    python3 tests/check/documents_roundtrip.py --bin build/bin examples/anru-viguier [EXAMPLE...]
        [tests/data/draft/reserve-siae.yaml ...]

For each example operation folder or tender file:
0. every piece alone: `clausier-draft EX --doc ccap|rc|ae|notice`, and `--doc ae --lot ID` for each
   lot, in every format, then `clausier-check EX --doc` on that one file: no finding about the
   document, the tender's own findings and exit code unchanged (0 for the examples), and the
   document recognised as the piece it is (JSON `kind`: ccap, rc, ae, notice);
1. `clausier-draft EX --doc all` in every format (docx, md, txt, html), then `clausier-check EX --doc`
   on each file: the same, recognised as a CCAP (its first title);
Then, for an operation folder only:
2. a copy of the .docx where the first mention of one lot's hours (clausier-hours --format json) is
   one hour more, in word/document.xml: exit 1 and exactly one finding, which names that lot; then
   a copy where every mention is, unless the figure is also the tender's total (changed with it,
   the total would be a second, rightful finding). The lot chosen is the one with the most hours
   among those whose figure no other lot or tranche shares, and the figure is matched as a whole
   number ("1 542" with U+202F as thousands separator, not the "542" of "1 542", nor the "1 542" of
   "1 542 000,00 €");
3. the same through an operation folder: a copy of the example with the bad .docx in dce/;
4. the SARIF output of each bad case validates against SARIF 2.1.0 (sarif_schema.py), and locates
   the Word finding by its paragraph.
Prints one line per check and a final `N passed, M failed`.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sarif_schema  # noqa: E402  (beside this file)

TIMEOUT_SECONDS = 300
FORMATS = ["docx", "md", "txt", "html"]
THIN_SPACE = "\u202f"  # the thousands separator of the drafts (text/french.hpp)


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def expect(self, ok, what, details=()):
        if ok:
            self.passed += 1
            print(f"ok   {what}")
        else:
            self.failed += 1
            print(f"FAIL {what}")
            for line in details:
                print(f"     {line}")


def tool(bindir, name, *args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", CLAUSIER_TODAY="2026-11-22")
    proc = subprocess.run([str(Path(bindir) / name), *args], capture_output=True, env=env, timeout=TIMEOUT_SECONDS)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def check_json(bindir, *args):
    code, out, err = tool(bindir, "clausier-check", *args, "--format", "json")
    return code, json.loads(out) if out else None, err


def document_findings(doc):
    return [f for file in doc["files"] for d in file.get("documents", []) for f in d["findings"]]


def tender_findings(doc):
    """The tender file's findings, without their path (an operation folder copy has another one)."""
    return [(f["rule"], f["line"], f["column"], f["message"]) for file in doc["files"] for f in file["findings"]]


def figure(hours):
    """1542 → "1 542" with the narrow no-break space of the drafts."""
    return f"{int(hours):,}".replace(",", THIN_SPACE)


def whole_number(text):
    """A regex for `text` as a whole number: no digit, separator or decimal comma glued on either side."""
    return re.compile(r"(?<![0-9\u202f\u00a0,.])" + re.escape(text) + r"(?![0-9]|[\u202f\u00a0][0-9]{3}|,[0-9])")


def choose_lot(bindir, example, document_xml):
    code, out, err = tool(bindir, "clausier-hours", example, "--format", "json")
    if code != 0:
        raise SystemExit(f"clausier-hours {example} exited {code}: {err}")
    tender = json.loads(out)["tenders"][0]
    values = {}
    for lot in tender["lots"]:
        for h in [lot["hours"]] + [t["hours"] for t in lot.get("tranches", [])]:
            values.setdefault(h, set()).add(lot["id"])
    candidates = [lot for lot in tender["lots"]
                  if lot["status"] == "ok" and lot["hours"] == int(lot["hours"]) and lot["hours"] >= 10
                  and values[lot["hours"]] == {lot["id"]}
                  and whole_number(figure(lot["hours"])).search(document_xml)]
    if not candidates:
        raise SystemExit(f"{example}: no lot whose hours figure belongs to it alone")
    return max(candidates, key=lambda lot: lot["hours"]), tender["total_hours"]


def bad_copy(good, bad, lot, mentions):
    """The .docx with the first `mentions` whole-number mentions of the lot's hours one more (0: all);
    returns how many were changed."""
    old, new = figure(lot["hours"]), figure(lot["hours"] + 1)
    count = 0
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text, count = whole_number(old).subn(new, data.decode("utf-8"), count=mentions)
                data = text.encode("utf-8")
            zout.writestr(item, data)
    return count


def expect_one_finding(checks, result, lot, baseline, what):
    code, doc, err = result
    found = document_findings(doc) if doc else []
    messages = [f"{f['rule']}: {f['message']}" for f in found]
    checks.expect(code == 1, f"{what}: exit 1", [f"exit {code}", err])
    checks.expect(len(found) == 1, f"{what}: exactly one finding", messages or ["(none)"])
    # "lot 06 « Plomberie … »": the lot by its identifier, as a word.
    names_lot = bool(found) and re.search(r"\blot\s+«?\s*" + re.escape(str(lot["id"])) + r"\b",
                                          found[0]["message"]) is not None
    checks.expect(names_lot, f"{what}: the finding names lot {lot['id']}", messages)
    checks.expect(doc is not None and tender_findings(doc) == baseline, f"{what}: the tender's own findings are unchanged")
    return doc


def lot_ids(bindir, example):
    code, out, err = tool(bindir, "clausier-hours", example, "--format", "json")
    if code != 0:
        raise SystemExit(f"clausier-hours {example} exited {code}: {err}")
    return [lot["id"] for lot in json.loads(out)["tenders"][0]["lots"]]


def draft_passes(checks, bindir, example, baseline, path, draft_args, kind):
    """Drafts one file with `draft_args`, checks it alone: no finding, recognised as `kind`, and the exit
    code and findings of the tender alone (reserve-les-deux.yaml lacks its facilitator on purpose)."""
    name = Path(example).name
    what = f"{name}: clausier-draft {' '.join(draft_args)}"
    code, _, err = tool(bindir, "clausier-draft", example, *draft_args, "-o", str(path))
    checks.expect(code == 0, what, [err])
    code, doc, err = check_json(bindir, example, "--doc", str(path))
    found = document_findings(doc) if doc else []
    kinds = [d.get("kind") for f in doc["files"] for d in f.get("documents", [])] if doc else []
    checks.expect(doc is not None and code == baseline[0] and not found and tender_findings(doc) == baseline[1]
                  and kinds == [kind],
                  f"{what}: passes alone with no finding, as {kind}",
                  [f"exit {code}", f"kind {kinds}", err] + [f"{f['rule']}: {f['message']}" for f in found])


def pieces_alone(checks, bindir, example, work):
    """0. Every piece alone, in every format; 1. the whole DCE in one file (work/dce.FORMAT)."""
    code, doc, _ = check_json(bindir, example)
    baseline = (code, tender_findings(doc))
    for fmt in FORMATS:
        for piece in ["ccap", "rc", "ae", "notice"]:
            draft_passes(checks, bindir, example, baseline, work / f"{piece}.{fmt}",
                         ["--doc", piece, "--format", fmt], piece)
        for lot in lot_ids(bindir, example):
            draft_passes(checks, bindir, example, baseline, work / f"ae-{lot}.{fmt}",
                         ["--doc", "ae", "--lot", lot, "--format", fmt], "ae")
    for fmt in FORMATS:
        draft_passes(checks, bindir, example, baseline, work / f"dce.{fmt}", ["--doc", "all", "--format", fmt], "ccap")


def roundtrip(checks, bindir, example, work, validator):
    name = Path(example).name
    baseline = tender_findings(check_json(bindir, example)[1])
    drafts = {fmt: work / f"dce.{fmt}" for fmt in FORMATS}  # written by pieces_alone (1.)

    # 2. One lot's hours one more in the .docx: one finding, naming that lot.
    with zipfile.ZipFile(drafts["docx"]) as z:
        document_xml = z.read("word/document.xml").decode("utf-8")
    lot, total = choose_lot(bindir, example, document_xml)
    variants = [("first", 1)] + ([("every", 0)] if total != lot["hours"] else [])
    for variant, mentions in variants:
        bad = work / f"dce-faux-{variant}.docx"
        changed = bad_copy(drafts["docx"], bad, lot, mentions)
        what = f"{name}: lot {lot['id']} at {figure(lot['hours'] + 1)} h instead of {figure(lot['hours'])} " \
               f"({variant} mention, {changed} changed)"
        expect_one_finding(checks, check_json(bindir, example, "--doc", str(bad)), lot, baseline, what)

        # 3. The same from an operation folder whose dce/ holds the bad draft.
        operation = work / f"operation-{variant}"
        shutil.copytree(example, operation)
        (operation / "dce").mkdir(exist_ok=True)
        shutil.copy(bad, operation / "dce" / "ccap.docx")
        doc = expect_one_finding(checks, check_json(bindir, str(operation)), lot, baseline, f"{what}, in dce/")
        paths = [d["path"] for f in doc["files"] for d in f.get("documents", [])] if doc else []
        checks.expect(paths == [f"{operation}/dce/ccap.docx"], f"{what}, in dce/: dce/ is searched", paths)

        # 4. The SARIF of the bad case is valid SARIF 2.1.0, the Word finding located by its paragraph.
        code, out, _ = tool(bindir, "clausier-check", example, "--doc", str(bad), "--format", "sarif")
        log = json.loads(out)
        errors = sarif_schema.schema_errors(validator, log) + sarif_schema.consistency_errors(log, code)
        checks.expect(not errors, f"{what}: the SARIF is valid", errors[:20])
        locations = [r["locations"][0] for r in log["runs"][0].get("results", [])
                     if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(bad.name)]
        # A .docx has no lines: the paragraph is a logical location, and the region is line 1 only
        # because GitHub code scanning requires a startLine on every result.
        checks.expect(len(locations) == 1 and "logicalLocations" in locations[0]
                      and locations[0]["physicalLocation"].get("region") == {"startLine": 1},
                      f"{what}: in SARIF, a paragraph and line 1", [str(locations)])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="folder holding the built tools")
    parser.add_argument("examples", nargs="+", help="example operation folders, or tender files (pieces alone only)")
    args = parser.parse_args()
    checks = Checks()
    validator = sarif_schema.load_validator()
    with tempfile.TemporaryDirectory(prefix="clausier-roundtrip-") as tmp:
        for example in args.examples:
            work = Path(tmp) / Path(example).name
            work.mkdir()
            pieces_alone(checks, args.bin, example, work)
            if Path(example).is_dir():
                roundtrip(checks, args.bin, example, work, validator)
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
