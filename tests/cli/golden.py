#!/usr/bin/env python3
"""Golden tests: run each case's command and compare its whole stdout, stderr and exit code.

A case is a file tests/cli/<tool>/<name>.test:

    # what the case shows (comment lines)
    $ clausier check tests/data/invalid/duplicate-key.yaml
    --- exit 2
    --- stdout
    ...exact expected standard output...
    --- stderr
    ...exact expected standard error...

Commands run from the repository root with the tools of --bin first on the PATH, in the C.UTF-8
locale, with TZ=UTC and CLAUSIER_TODAY=2026-11-22 so output is deterministic. Before comparing,
the project version, the rules version and SHA-256 hashes are replaced by {VERSION},
{RULES_VERSION} and {SHA256}, so golden files hold no version. A case keeps the whole stderr: a
command that throws it away (2>/dev/null, &>/dev/null, >/dev/null 2>&1, 2>&-) is refused, since a
wrong or English message on stderr would then pass unseen.

  golden.py --bin build/bin tests/cli/check            run the cases, keep NAME.actual on failure
  golden.py --bin build/bin --update tests/cli/check   rewrite the expected sections from the actual output
"""
import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STDERR_DISCARDED = re.compile(r"(?:\b2|&)>>?\s*/dev/null|\b2>&-|>>?\s*/dev/null\s+2>&1")


def project_version():
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(clausier VERSION ([0-9.]+)", text).group(1)


def rules_version():
    return (ROOT / "lib" / "rules" / "VERSION").read_text(encoding="utf-8").strip()


def normalise(text):
    text = re.sub(r"\b[0-9a-f]{64}\b", "{SHA256}", text)
    text = text.replace(rules_version(), "{RULES_VERSION}")
    text = re.sub(r"(clausier[a-z-]*) " + re.escape(project_version()) + r"\b", r"\1 {VERSION}", text)
    return text


def parse_case(path):
    header, command, sections, current = [], None, {}, None
    with open(path, encoding="utf-8", newline="") as f:  # keep CRLF: CSV output has it
        text = f.read()
    for line in re.split(r"(?<=\n)", text):  # only \n ends a line (str.splitlines also splits on \r, \x1c...)
        if not line:
            continue
        if line.startswith("--- "):
            words = line[4:].split()
            if words[0] == "exit":
                sections["exit"] = int(words[1])
                current = None
            else:
                current = words[0]
                sections[current] = ""
            continue
        if current is not None:
            sections[current] += line
        elif command is None:
            header.append(line)
            if line.startswith("$ "):
                command = line[2:].strip()
    if command is None:
        raise SystemExit(f"{path}: no '$ command' line")
    return header, command, sections


def run(command, bindir):
    env = dict(os.environ)
    env.update({"PATH": f"{bindir}{os.pathsep}{env.get('PATH', '')}", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8",
                "TZ": "UTC", "CLAUSIER_TODAY": "2026-11-22", "COLUMNS": "100"})
    proc = subprocess.run(command, shell=True, cwd=ROOT, env=env, capture_output=True, timeout=120)
    return {"exit": proc.returncode, "stdout": normalise(proc.stdout.decode("utf-8", "replace")),
            "stderr": normalise(proc.stderr.decode("utf-8", "replace"))}


def render(header, actual):
    out = "".join(header)
    out += f"--- exit {actual['exit']}\n"
    for name in ("stdout", "stderr"):
        out += f"--- {name}\n{actual[name]}"
        if actual[name] and not actual[name].endswith("\n"):
            out += "\n--- (no newline at end)\n"
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="folder holding the built tools")
    parser.add_argument("--update", action="store_true", help="rewrite expected output from actual output")
    parser.add_argument("dirs", nargs="+")
    args = parser.parse_args()
    bindir = str(Path(args.bin).resolve())
    passed = failed = 0
    for d in args.dirs:
        for case in sorted(Path(d).glob("*.test")):
            header, command, expected = parse_case(case)
            if STDERR_DISCARDED.search(command):
                failed += 1
                print(f"FAIL {case}\n  $ {command}\n  the command throws stderr away: a golden case keeps "
                      "the whole stderr (remove the redirection, then run --update)")
                continue
            actual = run(command, bindir)
            expected_text = render(header, {k: expected.get(k, "") if k != "exit" else expected.get("exit", 0)
                                            for k in ("exit", "stdout", "stderr")})
            actual_text = render(header, actual)
            actual_path = case.with_suffix(".actual")
            if args.update:
                if expected_text != actual_text:
                    with open(case, "w", encoding="utf-8", newline="") as f:
                        f.write(actual_text)
                    print(f"updated {case.relative_to(ROOT) if case.is_absolute() else case}")
                passed += 1
                continue
            if expected_text == actual_text:
                passed += 1
                if actual_path.exists():
                    actual_path.unlink()
                continue
            failed += 1
            with open(actual_path, "w", encoding="utf-8", newline="") as f:
                f.write(actual_text)
            print(f"FAIL {case}\n  $ {command}")
            sys.stdout.writelines(difflib.unified_diff(expected_text.splitlines(keepends=True),
                                                       actual_text.splitlines(keepends=True),
                                                       "expected", "actual"))
            print(f"  actual output kept in {actual_path}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
