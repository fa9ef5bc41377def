#!/usr/bin/env python3
"""The golden runner itself: it compares stderr, and refuses a case whose command throws stderr away.

    python3 tests/cli/golden_selftest.py

Writes small cases into a temporary folder and runs tests/cli/golden.py on them: a case that
matches passes; a case whose stderr differs fails; each way of discarding stderr (2>/dev/null,
&>/dev/null, >/dev/null 2>&1, 2>&-) fails even in update mode, and its file is left unchanged.
Prints one line per check and exits 1 if any check fails.
"""
import subprocess
import sys
import tempfile
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden.py"

CASES = {
    "passes": ("$ echo out; echo err >&2\n--- exit 0\n--- stdout\nout\n--- stderr\nerr\n", 0),
    "stderr-differs": ("$ echo out; echo other >&2\n--- exit 0\n--- stdout\nout\n--- stderr\nerr\n", 1),
    "output-file-dev-null": ("$ echo out > /dev/null\n--- exit 0\n--- stdout\n--- stderr\n", 0),
}
DISCARDING = ["echo err 2>/dev/null", "echo err 2> /dev/null", "echo err &>/dev/null",
              "echo err >/dev/null 2>&1", "echo err 2>&-", "echo err 2>>/dev/null"]


def run_golden(folder, *extra):
    proc = subprocess.run([sys.executable, str(GOLDEN), "--bin", str(folder), *extra, str(folder)],
                          capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout


def main():
    failures = 0

    def check(name, ok, output=""):
        nonlocal failures
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
        if not ok:
            failures += 1
            print(output)

    with tempfile.TemporaryDirectory() as tmp:
        for name, (text, expected_exit) in CASES.items():
            folder = Path(tmp) / name
            folder.mkdir()
            (folder / f"{name}.test").write_text(f"# {name}\n{text}", encoding="utf-8")
            code, out = run_golden(folder)
            check(f"{name}: exit {expected_exit}", code == expected_exit, out)
        for i, command in enumerate(DISCARDING):
            folder = Path(tmp) / f"discard-{i}"
            folder.mkdir()
            case = folder / "discard.test"
            text = f"# discards stderr\n$ {command}\n--- exit 0\n--- stdout\n--- stderr\n"
            case.write_text(text, encoding="utf-8")
            for mode in ([], ["--update"]):
                code, out = run_golden(folder, *mode)
                check(f"refused{' in update mode' if mode else ''}: {command}",
                      code == 1 and "throws stderr away" in out and case.read_text(encoding="utf-8") == text, out)
    print(f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
