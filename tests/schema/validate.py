#!/usr/bin/python3
"""Check that the tender JSON Schema and the C++ loader agree.

Run from the repository root:

    python3 tests/schema/validate.py [--check build/bin/clausier-check]

1. schemas/tender.schema.json is a valid draft 2020-12 schema;
2. every examples/*/tender.yaml starts with the yaml-language-server line and is valid;
3. every tests/data/invalid/*.yaml is rejected by the YAML reader or by the schema, with
   exactly one error (each file holds one mistake), and clausier-check exits with 2 on it;
   tests/data/invalid/loader-only/*.yaml are valid for the schema but clausier-check must
   still exit with 2 on them (mistakes a JSON Schema cannot see, such as 2026-13-01);
4. clausier-check exits with 0 on every example folder.

The clausier-check parts are skipped, with a message, when --check is not given or names a
file that does not exist yet. Prints one line per file and a final `N passed, M failed`.
Needs Debian's python3-yaml and python3-jsonschema.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

SCHEMA = Path("schemas/tender.schema.json")
EXAMPLES = Path("examples")
INVALID = Path("tests/data/invalid")
LOADER_ONLY = INVALID / "loader-only"
MODELINE = "# yaml-language-server: $schema=../../schemas/tender.schema.json"
EXIT_OK = 0
EXIT_INVALID_INPUT = 2
TIMEOUT_SECONDS = 60


class TenderLoader(yaml.SafeLoader):
    """Reads YAML as the editor's YAML server (YAML 1.2) and the C++ loader see it.

    PyYAML follows YAML 1.1, which would turn 2026-09-15 into a date, `no` into false and
    `010` into 8. Here dates stay strings, only true/false are booleans, decimal numbers are
    numbers (hex, octal, .inf and .nan stay strings: the loader does not take them as numbers),
    and a key repeated in one mapping is an error instead of silently replacing the first.
    """


TenderLoader.yaml_implicit_resolvers = {}
TenderLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
TenderLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
TenderLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
TenderLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"))
TenderLoader.add_constructor(
    "tag:yaml.org,2002:int", lambda loader, node: int(loader.construct_scalar(node), 10))
TenderLoader.add_constructor(
    "tag:yaml.org,2002:float", lambda loader, node: float(loader.construct_scalar(node)))


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, (str, int, float, bool, type(None))):
            continue  # an unhashable key: SafeLoader reports it below
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping", node.start_mark,
                f"found duplicate key {key!r} (first at line {seen[key].line + 1})",
                key_node.start_mark)
        seen[key] = key_node.start_mark
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


TenderLoader.add_constructor("tag:yaml.org,2002:map",
                             lambda loader, node: _construct_mapping(loader, node, deep=True))
TenderLoader.construct_mapping = _construct_mapping


def load_yaml(path):
    with open(path, encoding="utf-8") as stream:
        return yaml.load(stream, Loader=TenderLoader)


def error_path(error):
    return "/".join(str(part) for part in error.absolute_path) or "(top level)"


def error_message(error):
    """jsonschema's message, reworded where it would puzzle a reader of a tender file."""
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = set(error.schema.get("properties", {}))
        unknown = sorted(k for k in error.instance
                         if k not in known and not re.match(r"^x-", str(k)))
        return (f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}"
                " (your own notes go under keys starting with x-)")
    if error.validator is None and error.schema is False:
        return "key not allowed here (see the method or the clause of this lot)"
    return error.message


def schema_errors(validator, document):
    """Every schema error, sorted by place, as 'path: message'."""
    errors = sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
    return [f"{error_path(e)}: {error_message(e)}" for e in errors]


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def ok(self, name, detail=""):
        self.passed += 1
        print(f"ok  {name}" + (f"  ({detail})" if detail else ""))

    def fail(self, name, problems):
        self.failed += 1
        print(f"FAIL  {name}")
        for problem in problems:
            for line in str(problem).splitlines():
                print(f"      {line}")

    def skip(self, name, reason):
        self.skipped += 1
        print(f"skip  {name}  ({reason})")


class Checker:
    """Runs clausier-check; `None` when the binary is not available."""

    def __init__(self, path):
        self.path = Path(path) if path else None

    def available(self):
        return self.path is not None and self.path.is_file() and os.access(self.path, os.X_OK)

    def exit_code_problem(self, target, expected):
        """Runs the binary on target; returns None if it exits with `expected`, else a message."""
        try:
            result = subprocess.run([str(self.path.resolve()), str(target)], capture_output=True,
                                    text=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            return f"{self.path} {target}: no answer after {TIMEOUT_SECONDS} s"
        if result.returncode == expected:
            return None
        output = (result.stdout + result.stderr).strip()
        return (f"{self.path} {target}: exit code {result.returncode}, expected {expected}"
                + (f"\n{output}" if output else ""))


def check_schema(report):
    try:
        with open(SCHEMA, encoding="utf-8") as stream:
            schema = json.load(stream)
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as error:
        report.fail(str(SCHEMA), [error])
        return None
    report.ok(str(SCHEMA))
    return jsonschema.Draft202012Validator(schema)


def check_examples(report, validator, checker):
    files = sorted(EXAMPLES.glob("*/tender.yaml"))
    if not files:
        report.fail(str(EXAMPLES), ["no examples/*/tender.yaml found"])
    for path in files:
        problems = []
        with open(path, encoding="utf-8") as stream:
            first_line = stream.readline().rstrip("\r\n")
        if first_line != MODELINE:
            problems.append(f"first line must be: {MODELINE}")
        try:
            problems += schema_errors(validator, load_yaml(path))
        except yaml.YAMLError as error:
            problems.append(f"YAML: {error}")
        if checker.available():
            problem = checker.exit_code_problem(path.parent, EXIT_OK)
            if problem:
                problems.append(problem)
        if problems:
            report.fail(str(path), problems)
        else:
            report.ok(str(path))


def first_comment(path):
    with open(path, encoding="utf-8", errors="replace") as stream:
        return stream.readline().startswith("#")


def check_invalid(report, validator, checker):
    files = sorted(INVALID.glob("*.yaml"))
    if not files:
        report.fail(str(INVALID), ["no broken tender files found"])
    for path in files:
        problems = []
        reason = ""
        if not first_comment(path):
            problems.append("must start with a comment saying what is wrong")
        try:
            errors = schema_errors(validator, load_yaml(path))
            if not errors:
                problems.append("accepted by the YAML reader and the schema (expected a rejection)")
            elif len(errors) > 1:
                problems.append("more than one schema error (each file holds exactly one mistake):")
                problems += errors
            else:
                reason = f"schema: {errors[0]}"
        except yaml.YAMLError as error:
            reason = "YAML: " + " ".join(str(error).split())
        except UnicodeDecodeError as error:  # an editor refuses a file that is not UTF-8 too
            reason = f"encoding: {error.reason} at byte {error.start}"
        if checker.available():
            problem = checker.exit_code_problem(path, EXIT_INVALID_INPUT)
            if problem:
                problems.append(problem)
        if problems:
            report.fail(str(path), problems)
        else:
            report.ok(str(path), reason)

    for path in sorted(LOADER_ONLY.glob("*.yaml")):
        problems = []
        if not first_comment(path):
            problems.append("must start with a comment saying what is wrong")
        try:
            errors = schema_errors(validator, load_yaml(path))
            if errors:
                problems.append("rejected by the schema: move it to tests/data/invalid/")
                problems += errors
        except yaml.YAMLError as error:
            problems.append(f"rejected by the YAML reader: move it to tests/data/invalid/\n{error}")
        if not checker.available():
            if problems:
                report.fail(str(path), problems)
            else:
                report.skip(str(path), "clausier-check not available")
            continue
        problem = checker.exit_code_problem(path, EXIT_INVALID_INPUT)
        if problem:
            problems.append(problem)
        if problems:
            report.fail(str(path), problems)
        else:
            report.ok(str(path), "rejected by clausier-check")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", metavar="PATH",
                        help="clausier-check binary to compare with (e.g. build/bin/clausier-check)")
    args = parser.parse_args()

    checker = Checker(args.check)
    if args.check is None:
        print("note: no --check given: clausier-check exit codes are not tested")
    elif not checker.available():
        print(f"note: {args.check} does not exist (not built yet?): "
              "clausier-check exit codes are not tested")

    report = Report()
    validator = check_schema(report)
    if validator is not None:
        check_examples(report, validator, checker)
        check_invalid(report, validator, checker)
    if report.skipped:
        print(f"{report.skipped} skipped")
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed or validator is None else 0


if __name__ == "__main__":
    sys.exit(main())
