#!/usr/bin/python3
"""The JSON Schemas of the tools' JSON results (schemas/*.schema.json) against their real outputs.

Run from the repository root:

    python3 tests/schema/outputs.py --bin build/bin

1. every schema of schemas/ is a valid draft 2020-12 schema whose properties.format.const names the
   format it describes;
2. the built tools run on the examples and on tests/data, with many options (the commands below, and
   every `--format json` command of the golden tests): each output is JSON, its `format` has a schema,
   and it validates against the schema whose format const matches; every output schema, and every
   kind of report, is met at least once;
3. broken copies of real outputs (a status that does not exist, a required key gone, a key added, a
   hidden count revealed...) are rejected by their schema.

Commands run with the tools of --bin first on the PATH, in C.UTF-8, with CLAUSIER_TODAY=2026-11-22.
Prints one line per failure and a final `N passed, M failed`. Needs Debian's python3-jsonschema.
"""
import argparse
import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "cli"))
from clitest import Tally  # noqa: E402

SCHEMAS = Path("schemas")
GOLDEN = Path("tests/cli")
INPUT_FORMATS = {"clausier/tender/1"}  # schemas of input files, checked by tests/schema/validate.py

# Real outputs: the examples and the test data, with the options that change the shape of the JSON.
COMMANDS = [
    "clausier hours --format json examples/*/",
    "clausier hours --format json --explain examples/proprete-siege examples/anru-viguier",
    "clausier hours --format json --schedule month examples/espaces-verts",
    "clausier hours --format json --schedule year examples/anru-viguier tests/data/draft/travaux-tranches-pourcentage.yaml",
    "clausier hours --format json --set rate=0.07 --set lot.02.labour_share=0.6 examples/anru-viguier",
    "clausier hours --format json tests/data/findings/*.yaml tests/data/dce/tender.yaml",
    "clausier hours --format json tests/data/invalid/*.yaml",
    "clausier hours --format json --as-of 2028-06-30 --explain examples/*/ tests/data/track/contract-life",
    "clausier check --format json examples/*/ tests/data/findings/*.yaml",
    "clausier check --format json tests/data/invalid/*.yaml tests/data/invalid/loader-only/*.yaml",
    "clausier check --format json tests/data/dce/operation",
    "clausier check --format json tests/data/dce/tender.yaml --doc tests/data/dce/ccap-hours.docx"
    " --doc tests/data/dce/ccap-obsolete.txt --doc tests/data/dce/ccap-facilitator.html --doc tests/data/dce/ccap-penalty.md",
    "clausier track --format json examples/espaces-verts --as-of 2026-12-31",
    "clausier track --format json examples/espaces-verts --as-of 2027-06-30",
    "clausier track --format json examples/espaces-verts --as-of 2030-12-31",
    "clausier track --format json examples/espaces-verts --statements tests/data/track/four-problems.csv",
    "clausier track --format json tests/data/track/contract-life --as-of 2027-06-30",
    "clausier report --format json tests/data/track/contract-life examples/*/ --as-of 2028-01-31 --group-by route",
    "clausier report --format json examples/espaces-verts --as-of 2027-06-30",
    "clausier report --format json examples/espaces-verts --as-of 2030-12-31 --min-cell 2",
    "clausier report --format json examples/anru-viguier --as-of 2027-12-31",
    "clausier report --format json examples/espaces-verts --as-of 2027-12-31 --participant P-0001",
    "clausier report --format json examples/espaces-verts --as-of 2027-12-31 --participant P-0007",
    "clausier report --format json examples/*/ --as-of 2028-06-30",
    "clausier report --format json examples/*/ --as-of 2027-12-31 --group-by year --min-cell 1",
    "clausier report --format decp examples/*/ --as-of 2027-12-31",
    "clausier track --format json tests/data/portfolio",
    "clausier track --format json tests/data/portfolio --as-of 2026-06-14",
    "clausier report --format json tests/data/portfolio",
    "clausier report --format json tests/data/portfolio --as-of 2026-06-14",
    "clausier report --format json tests/data/portfolio --by buyer",
    "clausier report --format json tests/data/portfolio --by buyer --year 2026 --min-cell 1",
]


def load_schemas(tally):
    """format value -> validator, for every schema of schemas/."""
    validators = {}
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
            ok = schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema"
        except jsonschema.SchemaError as e:
            ok = False
            print(f"  {path}: {e.message}")
        tally.expect(ok, f"{path} is not a draft 2020-12 schema")
        const = schema.get("properties", {}).get("format", {}).get("const")
        tally.expect(isinstance(const, str), f"{path} has no properties.format.const")
        if const:
            validators[const] = jsonschema.Draft202012Validator(
                schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return validators


def golden_commands():
    """The `--format json` commands of the golden tests (their live output, not the golden file's)."""
    found = []
    for case in sorted(GOLDEN.glob("*/*.test")):
        for line in case.read_text(encoding="utf-8").splitlines():
            if line.startswith("$ clausier") and re.search(r"--format[ =]json\b", line):
                found.append(line[2:])
    return found


def run(bin_dir, command):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", TZ="UTC", CLAUSIER_TODAY="2026-11-22",
               PATH=f"{Path(bin_dir).resolve()}:{os.environ.get('PATH', '')}")
    p = subprocess.run(["bash", "-c", command], capture_output=True, env=env, timeout=300)
    return p.returncode, p.stdout.decode("utf-8")


def errors_of(validator, doc):
    return [f"{e.message[:160]} at /{'/'.join(map(str, e.absolute_path))}" for e in validator.iter_errors(doc)]


def check_outputs(args, validators, tally):
    """Validates real outputs; returns them by format (and report kind) for the broken copies."""
    outputs = {}
    golden = golden_commands()
    for command in COMMANDS + golden:
        code, out = run(args.bin, command)
        if not out and command in golden and code == 2:
            continue  # a golden case of a refused command: it prints nothing on stdout
        try:
            doc = json.loads(out)
        except json.JSONDecodeError:
            tally.expect(False, f"`{command}` (exit {code}) did not print JSON")
            continue
        validator = validators.get(doc.get("format"))
        if validator is None or doc.get("format") in INPUT_FORMATS:
            tally.expect(False, f"`{command}`: no schema in schemas/ for the format {doc.get('format')!r}")
            continue
        errors = errors_of(validator, doc)
        tally.expect(not errors, f"`{command}`: invalid for its schema: {errors[:3]}")
        if doc.get("format") == "clausier/portfolio/1":  # each operation as track gives it alone
            for op in doc.get("operations", []):
                alone = json.loads(json.dumps(op))
                for lot in alone.get("lots", []):
                    lot.pop("agreement", None)
                errors = errors_of(validators["clausier/track/1"], alone)
                tally.expect(not errors, f"`{command}`: an operation invalid for the track schema: {errors[:3]}")
        key = doc["format"] + ("#" + doc["kind"] if "kind" in doc else "")
        outputs.setdefault(key, doc)
    met = {k.split("#")[0] for k in outputs}
    for fmt in validators:
        if fmt not in INPUT_FORMATS:
            tally.expect(fmt in met, f"no real output was checked against the schema of {fmt}")
    for kind in ("operation", "participant", "consolidation", "buyer-indicators"):
        tally.expect(f"clausier/report/1#{kind}" in outputs, f"no real report of kind {kind} was checked")
    return outputs


def parent(doc, path):
    """The container of the last step of path, and that step."""
    node = doc
    for step in path[:-1]:
        node = node[step]
    return node, path[-1]


def find(doc, predicate):
    """The first dict in doc (depth first) for which predicate is true."""
    stack = [doc]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            if predicate(node):
                return node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    raise KeyError("no such node")


def breakages(outputs):
    """(format key, what, function that breaks a copy) — each breakage must make the copy invalid."""

    def setter(path, value):
        def apply(doc):
            node, key = parent(doc, path)
            node[key] = value
        return apply

    def remover(path):
        def apply(doc):
            node, key = parent(doc, path)
            del node[key]
        return apply

    def cell(predicate, **changes):
        def apply(doc):
            find(doc, predicate).update(changes)
        return apply

    hidden = lambda n: n.get("suppressed") is True and "people" in n  # noqa: E731
    shown_cell = lambda n: "key" in n and n.get("suppressed") is False  # noqa: E731
    return [
        ("clausier/hours/1", "a format version that does not exist", setter(("format",), "clausier/hours/2")),
        ("clausier/hours/1", "no total_hours", remover(("total_hours",))),
        ("clausier/hours/1", "a lot status that does not exist", setter(("tenders", 0, "lots", 0, "status"), "done")),
        ("clausier/hours/1", "negative hours", setter(("tenders", 0, "lots", 0, "hours"), -1)),
        ("clausier/hours/1", "a key the format does not have", setter(("tenders", 0, "lots", 0, "note"), "x")),
        ("clausier/hours/1", "hours as text", setter(("tenders", 0, "total_hours"), "833")),
        ("clausier/hours/1", "a rules hash that is not SHA-256", setter(("rules", "sha256"), "abc")),
        ("clausier/check/1", "a severity that does not exist", cell(lambda n: "findings" in n,
                                                                  findings=[{"rule": "x", "severity": "fatal", "path": "a",
                                                                             "line": 1, "column": 1, "message": "m", "hint": ""}])),
        ("clausier/check/1", "an exit code that does not exist", setter(("summary", "exit_code"), 4)),
        ("clausier/check/1", "no summary", remover(("summary",))),
        ("clausier/track/1", "a lot status that does not exist", setter(("lots", 0, "status"), "late")),
        ("clausier/track/1", "a date that is not ISO", setter(("as_of",), "31/12/2027")),
        ("clausier/track/1", "an untracked lot with a status", cell(lambda n: "tracked" in n, tracked=False, status="behind")),
        ("clausier/track/1", "a reason that does not exist", setter(("not_counted",),
                                                                    [{"file": "f.csv", "line": 2, "reason": "late", "detail": "",
                                                                      "lot": "1", "hours": 7}])),
        ("clausier/track/1", "a participant's name beside the pseudonym", setter(("participants",),
                                                                                 [{"ref": "P-0001", "lots": ["1"], "counted_hours": 7,
                                                                                   "name": "Jeanne Martin"}])),
        ("clausier/report/1#operation", "a hidden count revealed", cell(hidden, people=3)),
        ("clausier/report/1#operation", "a cell with a key too many", cell(shown_cell, sex="F")),
        ("clausier/report/1#operation", "two operations in an operation report",
         lambda d: d["operations"].append(copy.deepcopy(d["operations"][0]))),
        ("clausier/report/1#operation", "cells hidden but no privacy note", setter(("privacy_note",), None)),
        ("clausier/report/1#operation", "a kind that does not exist", setter(("kind",), "operations")),
        ("clausier/report/1#operation", "a breakdown that does not exist", setter(("operations", 0, "breakdowns", 0, "id"), "religion")),
        ("clausier/report/1#participant", "a sex that is not F, M or X", setter(("sex",), "male")),
        ("clausier/report/1#participant", "the participant's name", setter(("name",), "Jeanne Martin")),
        ("clausier/report/1#participant", "an exit category that does not exist", setter(("exit",),
                                                                                       {"date": "2027-05-31", "situation": "cdi",
                                                                                        "category": "excellent"})),
        ("clausier/report/1#consolidation", "a grouping that does not exist", setter(("group_by",), "month")),
        ("clausier/report/1#consolidation", "no total", remover(("total",))),
        ("clausier/decp/1", "a lot without a social consideration", setter(("marches", 0, "considerationsSociales"),
                                                                          {"considerationSociale": []})),
    ]


def check_breakages(outputs, validators, tally):
    for key, what, breaks in breakages(outputs):
        if key not in outputs:
            tally.expect(False, f"no real output of {key} to break ({what})")
            continue
        doc = copy.deepcopy(outputs[key])
        try:
            breaks(doc)
        except (KeyError, IndexError, TypeError) as e:
            tally.expect(False, f"{key}: cannot make « {what} »: {e}")
            continue
        tally.expect(bool(errors_of(validators[key.split("#")[0]], doc)), f"{key}: « {what} » is accepted by the schema")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    args = parser.parse_args()
    tally = Tally()
    validators = load_schemas(tally)
    outputs = check_outputs(args, validators, tally)
    check_breakages(outputs, validators, tally)
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
