#!/usr/bin/env python3
"""What every tool must do, tested for every tool automatically:
--help exits 0 with a usage text and examples; --version exits 0 with "<tool> <version> (règles <date>)";
an unknown option exits 2 with "<tool>: error:" on standard error; every long option the help lists
is documented in docs/<command>.md (the tool's page)."""
import argparse
import os
import re
import subprocess
import sys
from pathlib import Path


def run(args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", COLUMNS="100")
    p = subprocess.run(args, capture_output=True, env=env, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--docs", required=True)
    parser.add_argument("tools", nargs="+")
    args = parser.parse_args()
    passed = failed = 0

    def expect(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {what}")

    for tool in args.tools:
        exe = str(Path(args.bin) / tool)
        code, out, err = run([exe, "--help"])
        expect(code == 0 and "Utilisation" in out and "Exemple" in out and err == "",
               f"{tool} --help: exit {code}, usage and examples on stdout, nothing on stderr")
        code, out, err = run([exe, "--version"])
        expect(code == 0 and re.fullmatch(rf"{re.escape(tool)} [0-9.]+ \(règles [0-9-]+\)\n", out) is not None,
               f"{tool} --version: exit {code}, printed {out!r}")
        code, out, err = run([exe, "--no-such-option"])
        expect(code == 2 and err.startswith(f"{tool}: error:") and out == "",
               f"{tool} --no-such-option: exit {code} (2 expected), stderr {err!r}")
        page = Path(args.docs) / (tool.removeprefix("clausier-") + ".md")
        code, out, _ = run([exe, "--help"])
        options = sorted(set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", out)))
        text = page.read_text(encoding="utf-8") if page.exists() else ""
        for option in options:
            expect(f"`{option}" in text, f"{tool}: option {option} is not documented in {page}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
