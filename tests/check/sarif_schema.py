#!/usr/bin/python3
"""The SARIF output of clausier-check validates against the SARIF 2.1.0 JSON schema.

Run from the repository root:

    python3 tests/check/sarif_schema.py --bin build/bin

For a clean example, a file with five mistakes, an invalid file, an unreadable file, a tender with a
bad Markdown draft, an operation folder with a dce/ subfolder and a Word draft with one wrong figure,
`clausier-check --format sarif`:
1. is valid for tests/check/sarif-schema-2.1.0.json (the OASIS schema, vendored: CI has no network);
2. agrees with itself and with --format json: every ruleIndex names the rule of its ruleId, the
   invocation's exit code is the process's, and there is one result per finding of the JSON output.
Then broken copies of a valid log (a required property removed, an unknown level, a line 0) must be
rejected: a validator that accepts anything would make the first check worthless.
Prints one line per check and a final `N passed, M failed`. Needs Debian's python3-jsonschema.
"""

import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import jsonschema

SCHEMA = Path(__file__).resolve().parent / "sarif-schema-2.1.0.json"
TIMEOUT_SECONDS = 120


def load_validator():
    """The validator the schema asks for (its $schema is draft-04), with format checks where available."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=jsonschema.FormatChecker())


def schema_errors(validator, log):
    """Every schema violation of a SARIF log, one line each (empty when valid)."""
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(racine)'}: {e.message}"
            for e in sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.absolute_path)))]


def consistency_errors(log, exit_code=None):
    """What the schema cannot see: indexes that point at the right rule, the exit code."""
    errors = []
    run = log["runs"][0]
    rules = run["tool"]["driver"].get("rules", [])
    ids = [r["id"] for r in rules]
    if len(ids) != len(set(ids)):
        errors.append("a rule id appears twice in tool.driver.rules")
    for i, result in enumerate(run.get("results", [])):
        index = result.get("ruleIndex")
        if index is None or index >= len(rules) or rules[index]["id"] != result.get("ruleId"):
            errors.append(f"results/{i}: ruleIndex {index} does not name rule {result.get('ruleId')}")
    if exit_code is not None:
        invocation = run["invocations"][0]
        if invocation.get("exitCode") != exit_code:
            errors.append(f"invocations/0/exitCode is {invocation.get('exitCode')}, the process exited {exit_code}")
        if invocation.get("executionSuccessful") != (exit_code <= 1):
            errors.append(f"invocations/0/executionSuccessful is wrong for exit code {exit_code}")
    return errors


def run_check(bindir, args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", CLAUSIER_TODAY="2026-11-22")
    proc = subprocess.run([str(Path(bindir) / "clausier-check"), *args], capture_output=True, env=env,
                          timeout=TIMEOUT_SECONDS)
    return proc.returncode, proc.stdout.decode("utf-8")


def json_finding_count(bindir, args):
    _, out = run_check(bindir, [*args, "--format", "json"])
    doc = json.loads(out)
    return sum(len(f["findings"]) + sum(len(d["findings"]) for d in f.get("documents", [])) for f in doc["files"])


def word_draft_with_wrong_hours(bindir, tmp):
    """tests/data/dce drafted as .docx by clausier-draft, with lot 1's 333 hours written 334 once."""
    good = Path(tmp) / "ccap.docx"
    subprocess.run([str(Path(bindir) / "clausier-draft"), "tests/data/dce", "--doc", "ccap", "--format", "docx",
                    "-o", str(good)], check=True, capture_output=True, timeout=TIMEOUT_SECONDS)
    bad = Path(tmp) / "ccap-334.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert "(333)" in text, "the drafted CCAP no longer states lot 1's 333 hours"
                data = text.replace("(333)", "(334)", 1).encode("utf-8")
            zout.writestr(item, data)
    return str(bad)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="folder holding the built tools")
    args = parser.parse_args()
    passed = failed = 0

    def expect(ok, what, details=()):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   {what}")
        else:
            failed += 1
            print(f"FAIL {what}")
            for line in list(details)[:20]:
                print(f"     {line}")

    validator = load_validator()
    with tempfile.TemporaryDirectory(prefix="clausier-sarif-") as tmp:
        cases = [
            ("a clean example", ["examples/anru-viguier"], 0),
            ("five mistakes", ["tests/data/findings/five-mistakes.yaml"], 2),
            ("an invalid file", ["tests/data/invalid/yaml-syntax.yaml"], 2),
            ("an unreadable file", ["tests/data/no-such-file.yaml"], 3),
            ("a tender and a bad Markdown draft",
             ["tests/data/dce/tender.yaml", "--doc", "tests/data/dce/ccap-hours.md"], 1),
            ("an operation folder with dce/", ["tests/data/dce/operation"], 1),
            ("a Word draft with one wrong figure",
             ["tests/data/dce/tender.yaml", "--doc", word_draft_with_wrong_hours(args.bin, tmp)], 1),
        ]
        first_valid = None
        for name, case_args, expected_exit in cases:
            code, out = run_check(args.bin, [*case_args, "--format", "sarif"])
            try:
                log = json.loads(out)
            except json.JSONDecodeError as e:
                expect(False, f"{name}: the output is JSON", [str(e)])
                continue
            errors = schema_errors(validator, log)
            expect(not errors, f"{name}: valid SARIF 2.1.0", errors)
            expect(code == expected_exit, f"{name}: exit code {expected_exit}", [f"got {code}"])
            expect(not errors and not consistency_errors(log, code), f"{name}: indexes and exit code agree",
                   consistency_errors(log, code) if not errors else ["(schema errors above)"])
            results = len(log["runs"][0].get("results", [])) if not errors else -1
            findings = json_finding_count(args.bin, case_args)
            expect(results == findings, f"{name}: one result per finding ({findings})", [f"{results} results"])
            if first_valid is None and not errors and results > 0:
                first_valid = log

        # The word case carries a logical location; a broken copy of a valid log must be rejected.
        if first_valid is None:
            expect(False, "a valid log with results to break")
        else:
            def broken(change):
                log = copy.deepcopy(first_valid)
                change(log)
                return log

            breakages = [
                ("runs[0] without its required tool", lambda log: log["runs"][0].pop("tool")),
                ("a result of level \"fatal\"", lambda log: log["runs"][0]["results"][0].update(level="fatal")),
                ("a region on line 0", lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                 .update(region={"startLine": 0})),
                ("version 2.0.0", lambda log: log.update(version="2.0.0")),
                ("an unknown property in a result", lambda log: log["runs"][0]["results"][0].update(severity="x")),
            ]
            for what, change in breakages:
                expect(bool(schema_errors(validator, broken(change))), f"broken SARIF rejected: {what}")
            rule_count = len(first_valid["runs"][0]["tool"]["driver"]["rules"])
            index_broken = broken(lambda log: log["runs"][0]["results"][0].update(
                ruleIndex=(log["runs"][0]["results"][0]["ruleIndex"] + 1) % rule_count))
            expect(bool(consistency_errors(index_broken)), "a ruleIndex pointing at another rule is caught")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
