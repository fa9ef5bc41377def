#!/usr/bin/env python3
"""docs/formats.md names every JSON key the tools print, and its links inside the page lead somewhere.

    python3 tests/docs/formats_keys.py --bin build/bin

Runs each tool with a JSON output (--format json, sarif, decp) on the shipped examples and on a
few test files that bring out the optional keys (a failure, documents, a Word document, --set,
--explain, --schedule), as the golden tests do (repository root, C.UTF-8, CLAUSIER_TODAY). It
collects every key name at any depth and every value of the top-level `format` and `kind`, then
checks that each appears in docs/formats.md inside backticks, alone or as a part of a dotted path
(`tenders[].lots[].id` names tenders, lots and id). A key a tool starts printing without the
contract saying what it means fails the test suite. Also checks that every `#anchor` link of the
page matches one of its headings (GitHub's rules). Exit 1 on any problem, each one printed.
"""
import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "formats.md"
EXAMPLES = ["examples/anru-viguier", "examples/proprete-siege", "examples/espaces-verts"]
DCE = "tests/data/dce/tender.yaml"

COMMANDS = [
    ["clausier-hours", "--format", "json", *EXAMPLES],
    ["clausier-hours", "--format", "json", "--schedule", "month", "--explain", "examples/espaces-verts"],
    ["clausier-hours", "--format", "json", "--schedule", "year", "--set", "rate=0.07", "examples/anru-viguier"],
    ["clausier-hours", "--format", "json", "examples/espaces-verts",
     "tests/data/invalid/loader-only/missing-hourly-cost.yaml"],
    ["clausier-hours", "--format", "json", "--as-of", "2028-01-31", "tests/data/track/contract-life", *EXAMPLES],
    ["clausier-check", "--format", "json", *EXAMPLES, "tests/data/findings/five-mistakes.yaml",
     "tests/data/invalid/duplicate-key.yaml", "tests/data/nothing-here.yaml"],
    ["clausier-check", "--format", "json", DCE, "--doc", "tests/data/dce/ccap-hours.md",
     "--doc", "tests/data/dce/ccap-hours.docx"],
    ["clausier-check", "--format", "json", "tests/data/dce/operation"],
    ["clausier-check", "--format", "sarif", *EXAMPLES, "tests/data/findings/five-mistakes.yaml"],
    ["clausier-check", "--format", "sarif", DCE, "--doc", "tests/data/dce/ccap-hours.docx"],
    ["clausier-check", "--format", "sarif", "tests/data/dce/operation"],
    ["clausier-track", "examples/espaces-verts", "--as-of", "2027-06-30", "--format", "json"],
    ["clausier-track", "examples/espaces-verts", "--as-of", "2027-12-31", "--format", "json"],
    ["clausier-track", "tests/data/track/contract-life", "--as-of", "2028-01-31", "--format", "json"],
    ["clausier-report", "examples/espaces-verts", "--as-of", "2027-12-31", "--format", "json"],
    ["clausier-report", "examples/espaces-verts", "--as-of", "2027-12-31", "--format", "json", "--min-cell", "1"],
    ["clausier-report", "examples/espaces-verts", "--as-of", "2027-12-31", "--participant", "P-0003",
     "--format", "json"],
    *[["clausier-report", *EXAMPLES, "--as-of", "2027-12-31", "--group-by", g, "--format", "json"]
      for g in ("none", "buyer", "year", "trade", "route")],
    ["clausier-report", *EXAMPLES, "--as-of", "2027-12-31", "--format", "decp"],
    ["clausier-track", "tests/data/portfolio", "--format", "json"],
    ["clausier-report", "tests/data/portfolio", "--by", "buyer", "--format", "json"],
]


def collect(value, keys):
    if isinstance(value, dict):
        for k, v in value.items():
            keys.add(k)
            collect(v, keys)
    elif isinstance(value, list):
        for v in value:
            collect(v, keys)


def documented_names(text):
    """Every name a code span of the page gives, whole and split on path separators."""
    names = set()
    for span in re.findall(r"`([^`\n]+)`", text):
        names.add(span)
        names.update(part for part in re.split(r"[.\[\]\s{}():,\"=]+", span) if part)
    return names


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces become hyphens."""
    text = re.sub(r"`", "", heading.strip()).lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def check_anchors(text):
    problems = []
    anchors = {slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.M)}
    for target in re.findall(r"\]\(#([^)]+)\)", text):
        if target not in anchors:
            problems.append(f"docs/formats.md: link to #{target}, which no heading of the page has")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="folder holding the built tools")
    args = parser.parse_args()
    bindir = Path(args.bin).resolve()
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", TZ="UTC", CLAUSIER_TODAY="2026-11-22")
    text = PAGE.read_text(encoding="utf-8")
    documented = documented_names(text)
    problems = check_anchors(text)
    seen = {}  # name -> first command that printed it
    for command in COMMANDS:
        proc = subprocess.run([str(bindir / command[0]), *command[1:]], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=120)
        shown = " ".join(command)
        try:
            doc = json.loads(proc.stdout)
        except json.JSONDecodeError:
            problems.append(f"{shown}: no JSON on stdout (exit {proc.returncode}): {proc.stderr[:300]}")
            continue
        keys = set()
        collect(doc, keys)
        names = keys | {doc.get(k) for k in ("format", "kind") if isinstance(doc.get(k), str)}
        for name in names:
            seen.setdefault(name, shown)
    for name in sorted(seen):
        if name not in documented:
            problems.append(f"docs/formats.md does not name `{name}` (printed by {seen[name]})")
    for p in problems:
        print(p)
    print(f"{len(COMMANDS)} commands, {len(seen)} names, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
