#!/usr/bin/env python3
"""Writes the bash or zsh completion of the umbrella `clausier` at build time (cmake/Completions.cmake):
its commands and options come from `clausier --help`, the rest from the template beside this file
(cmake/completion/). The commands' own scripts come from the tools themselves (`--completion`)."""
import argparse
import os
import re
from pathlib import Path

import clihelp


def sh_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--exe", required=True, help="the built clausier")
    parser.add_argument("--shell", required=True, choices=["bash", "zsh"])
    parser.add_argument("--template", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    h = clihelp.parse(clihelp.run_help(args.exe))
    commands = [(e.term, e.description) for e in h.entries("Commandes")]
    options = [(n, e.description) for e in h.entries("Options") for n in e.names]
    # Commands of the umbrella itself, named in its usage: `clausier help COMMANDE`.
    extra = [(u.split()[1], u) for u in h.usage[1:] if re.fullmatch(r"[a-z]+", u.split()[1])]
    if not commands or not options:
        raise SystemExit(f"{args.exe} --help: no « Commandes » or « Options » section")
    if args.shell == "bash":
        values = {"COMMANDS": sh_quote(" ".join(c for c, _ in commands)),
                  "OPTIONS": sh_quote(" ".join(o for o, _ in options)),
                  "EXTRA": " ".join(c for c, _ in extra)}
    else:
        def described(name, text):
            return "    " + sh_quote(name.replace(":", "\\:") + ":" + text)

        def option(name, text):
            return "    " + sh_quote("(- :)" + name + "[" + re.sub(r"([\\\[\]])", r"\\\1", text) + "]") + " \\"

        values = {"COMMANDS": "\n".join(described(c, d) for c, d in commands),
                  "EXTRA": "\n".join(described(c, d) for c, d in extra),
                  "OPTIONS": "\n".join(option(o, d) for o, d in options)}
    text = Path(args.template).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, output)


if __name__ == "__main__":
    main()
