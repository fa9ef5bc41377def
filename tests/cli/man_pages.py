#!/usr/bin/env python3
"""The man pages the build makes (build/man/, cmake/manpage.py), rendered by man as a reader sees them.

For every tool: PAGE.1 renders without a warning from groff (`man --warnings`, as lintian runs it);
the rendered text has the usual sections and names every long option of the tool's --help and of each
of its subcommands' --help (an option added to a tool and missing from its page fails here, as
tests/cli/common.py does for docs/); PAGE.1.gz is PAGE.1 compressed without a name or a time stamp;
the umbrella's page names every command."""
import argparse
import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

from clitest import Tally, help_of, long_options, subcommands

SECTIONS = ["NOM", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXEMPLES", "CODE DE SORTIE", "VOIR AUSSI"]


def render(page, *extra):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", MANWIDTH="100")
    env.pop("MAN_KEEP_FORMATTING", None)
    return subprocess.run(["man", *extra, "-l", str(page)], capture_output=True, text=True, env=env, timeout=60)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--man", required=True, help="build/man")
    parser.add_argument("tools", nargs="+")
    args = parser.parse_args()
    tally = Tally()
    for tool in args.tools:
        page = Path(args.man) / f"{tool}.1"
        if not page.exists():
            tally.expect(False, f"{page} is missing")
            continue
        checked = render(page, "--warnings", "-E", "UTF-8", "-Tutf8", "-Z")
        tally.expect(checked.returncode == 0 and checked.stderr == "", f"{page.name}: groff says {checked.stderr!r}")
        shown = render(page)
        text = shown.stdout
        tally.expect(shown.returncode == 0 and text.startswith(tool.upper() + "(1)"),
                     f"man -l {page.name}: exit {shown.returncode}, begins with {text[:40]!r}")
        for section in SECTIONS:
            tally.expect(re.search(rf"^{section}$", text, re.M) is not None, f"{page.name}: no {section} section")
        main_help = help_of(args.bin, tool)
        helps = [("", main_help)] + [(s, help_of(args.bin, tool, s)) for s in subcommands(main_help)]
        for sub, help_text in helps:
            for option in sorted(long_options(help_text)):
                tally.expect(re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None,
                             f"{page.name}: {tool} {sub + ' ' if sub else ''}{option} is not in the page")
            if sub:
                tally.expect(f"{tool} {sub}" in text, f"{page.name}: no part for the subcommand {sub}")
        commands = re.search(r"\nCommandes :\n((?:  \S.*\n)+)", main_help)
        for command in (x.split()[0] for x in commands.group(1).splitlines()) if commands else []:
            tally.expect(f"clausier-{command}(1)" in text, f"{page.name}: the command {command} is not in the page")
        packed = page.with_name(page.name + ".gz").read_bytes()
        tally.expect(gzip.decompress(packed) == page.read_bytes() and packed[3] & 0x08 == 0 and packed[4:8] == b"\0\0\0\0",
                     f"{page.name}.gz: not the page, or carries a name or a time stamp")
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
