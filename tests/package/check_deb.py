#!/usr/bin/env python3
"""Checks a built Debian package (scripts/package.sh runs it after cpack): what it holds and that what
it holds works, unpacked in a temporary folder (nothing is installed on the machine). Given
--cpack-config BUILD/CPackConfig.cmake instead of a package (the ctest `debian-package`), it first makes
the package of that build folder with `cpack -G DEB`, in a temporary folder.

- usr/bin holds clausier and one clausier-COMMAND per command of `clausier --help`, stripped, and
  nothing else installs a library, a header or a test;
- each program has its man page (man -l renders it; clausier-hours' names --explain), its bash and zsh
  completion; the unpacked bash completion completes `clausier h` to hours;
- Depends names yaml-cpp's library and libyaml's (dpkg-shlibdeps ran: tender, rules and pooling are read with
  yaml-cpp, participants with libyaml); copyright and changelog.Debian.gz are there;
- `clausier hours --format json` runs on an example operation shipped in the package."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "cli"))
from clitest import Tally  # noqa: E402
from completion import bash_complete  # noqa: E402


def run(*args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=120, **kw)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("deb", nargs="?")
    parser.add_argument("--cpack", default="cpack")
    parser.add_argument("--cpack-config")
    args = parser.parse_args()
    if args.cpack_config:
        with tempfile.TemporaryDirectory() as out:
            made = run(args.cpack, "-G", "DEB", "-B", out, "--config", args.cpack_config)
            debs = list(Path(out).glob("clausier_*.deb"))
            if made.returncode != 0 or len(debs) != 1:
                print(f"FAIL cpack: exit {made.returncode}\n{made.stdout}{made.stderr}")
                return 1
            return check(debs[0])
    return check(Path(args.deb))


def check(deb):
    tally = Tally()
    fields = run("dpkg-deb", "-f", str(deb), "Depends", "Section", "Priority").stdout
    tally.expect(re.search(r"libyaml-cpp[\d.]+ \(>=", fields) is not None, f"Depends lacks yaml-cpp's library: {fields!r}")
    tally.expect(re.search(r"[ ,]libyaml-0-2\b", fields) is not None, f"Depends lacks libyaml's library: {fields!r}")
    with tempfile.TemporaryDirectory() as root:
        run("dpkg-deb", "-x", str(deb), root)
        usr = Path(root) / "usr"
        env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", PATH=f"{usr}/bin:/usr/bin:/bin")
        umbrella = run(str(usr / "bin/clausier"), "--help", env=env).stdout
        block = re.search(r"\nCommandes :\n((?:  \S.*\n)+)", umbrella)
        commands = [x.split()[0] for x in block.group(1).splitlines()] if block else []
        programs = ["clausier"] + [f"clausier-{c}" for c in commands]
        tally.expect(len(commands) >= 5, f"clausier --help lists {commands}")
        tally.expect(sorted(p.name for p in (usr / "bin").iterdir()) == sorted(programs),
                     f"usr/bin holds {sorted(p.name for p in (usr / 'bin').iterdir())}, not {sorted(programs)}")
        everything = [str(p.relative_to(root)) for p in Path(root).rglob("*")]
        stray = [p for p in everything if re.search(r"(^usr/(lib|include|local)/|\.a$|test|bench)", p)]
        tally.expect(not stray, f"the package holds what it should not: {stray}")
        for program in programs:
            kind = run("file", "-b", str(usr / "bin" / program)).stdout
            tally.expect("ELF" in kind and ", stripped" in kind, f"{program}: {kind.strip()}")
            page = usr / "share/man/man1" / f"{program}.1.gz"
            shown = run("man", "-l", str(page), env=dict(env, MANWIDTH="100"))
            tally.expect(shown.returncode == 0 and shown.stdout.startswith(program.upper() + "(1)"),
                         f"man -l {page.name}: exit {shown.returncode}")
            if program == "clausier-hours":
                tally.expect("--explain" in shown.stdout, "clausier-hours(1) does not name --explain")
            for script in (usr / "share/bash-completion/completions" / program, usr / "share/zsh/vendor-completions" / f"_{program}"):
                tally.expect(script.is_file(), f"{script.relative_to(root)} is missing")
        args = SimpleNamespace(completions=str(usr / "share"), bin=str(usr / "bin"), source=str(usr / "share/doc/clausier"))
        os.makedirs(usr / "share/bash", exist_ok=True)
        for program in programs:  # bash_complete reads COMPLETIONS/bash/PROGRAM
            os.symlink(usr / "share/bash-completion/completions" / program, usr / "share/bash" / program)
        got, err = bash_complete(args, ["clausier", "h"])
        tally.expect(got == ["hours"], f"bash `clausier h`: {got} {err}")
        got, err = bash_complete(args, ["clausier", "hours", "--format", ""])
        tally.expect(sorted(got or []) == ["csv", "json", "md", "text"], f"bash `clausier hours --format `: {got} {err}")
        doc = usr / "share/doc/clausier"
        tally.expect((doc / "copyright").is_file() and (doc / "changelog.Debian.gz").is_file(),
                     "copyright or changelog.Debian.gz is missing")
        result = run(str(usr / "bin/clausier"), "hours", "--format", "json", str(doc / "examples/anru-viguier"), env=env)
        tally.expect(result.returncode == 0 and json.loads(result.stdout).get("format") is not None,
                     f"clausier hours --format json on the shipped example: exit {result.returncode} {result.stderr}")
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
