#!/usr/bin/env python3
"""Writes the man page of a Clausier tool, at build time (cmake/Manpages.cmake), from:
- the tool's own --help, and each subcommand's (NOM, SYNOPSIS, DESCRIPTION, options, commands);
- its documentation page docs/<command>.md, French part: command lines of its code blocks (EXEMPLES)
  and the table of its « Codes de sortie » section;
- docs/man/common.roff: what every page shares (ENVIRONNEMENT).
It writes PAGE.1 and PAGE.1.gz (gzip -9n: no name, no time stamp). tests/cli/man_pages.py checks that
every option of every --help is in the rendered page."""
import argparse
import gzip
import os
import re
import sys
from pathlib import Path

import clihelp

MAX_DOC_EXAMPLES = 12


def roff(text):
    """Plain text to roff: backslashes and hyphen-minus escaped (options stay copyable)."""
    return text.replace("\\", "\\e").replace("-", "\\-")


def line(text):
    """A text line that cannot be read as a request."""
    return "\\&" + text if text[:1] in (".", "'") else text


def markdown(text):
    """The inline Markdown of the docs' tables to roff: `code` and **bold** in bold, links as text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    parts = re.split(r"(`[^`]*`|\*\*[^*]*\*\*)", text)
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append("\\fB" + roff(part[1:-1]) + "\\fR")
        elif part.startswith("**") and part.endswith("**") and len(part) > 3:
            out.append("\\fB" + roff(part[2:-2]) + "\\fR")
        else:
            out.append(roff(part))
    return "".join(out)


def value_parts(value):
    """ "FORMAT:{text,json}=text" -> ("FORMAT", ["text", "json"], "text"). A trailing =WORD in capitals
    is part of the type name (LOT=HEURES); otherwise it is CLI11's default value (N=5, ...=text)."""
    default = ""
    m = re.match(r"(.*)=([^={}:]*)$", value)
    if m and not re.fullmatch(r"[A-ZÉ]+", m.group(2)):
        value, default = m.group(1), m.group(2)
    choices = []
    m = re.match(r"([^:]*):\{([^}]*)\}$", value)
    if m:
        value, choices = m.group(1), [c.split("->")[0] for c in m.group(2).split(",")]
    return value, choices, default


def option_item(entry):
    names = ", ".join("\\fB" + roff(n) + "\\fR" for n in entry.names)
    kind, choices, default = value_parts(entry.value)
    head = names + (" \\fI" + roff(kind) + "\\fR" if kind else "")
    text = roff(entry.description)
    if (choices or default) and not text.endswith("."):
        text += "."
    if choices:
        text += " Valeurs\\ : " + ", ".join("\\fB" + roff(c) + "\\fR" for c in choices) + "."
    if default:
        text += " Par défaut\\ : \\fB" + roff(default) + "\\fR."
    return [".TP", head, line(text)]


def argument_item(entry):
    name, _, rest = entry.term.partition(" ")
    return [".TP", "\\fI" + roff(name) + "\\fR" + (" " + roff(rest) if rest else ""), line(roff(entry.description))]


def synopsis(usage_lines):
    out = []
    for i, usage in enumerate(usage_lines):
        words = usage.split()
        # The command's own words in bold (`clausier-track due`), its arguments in italics.
        n = 1
        while n < len(words) and re.fullmatch(r"[a-z][a-z-]*", words[n]):
            n += 1
        if i:
            out.append(".br")
        out.append("\\fB" + roff(" ".join(words[:n])) + "\\fR " + roff(" ".join(words[n:])))
    return out


def french_part(doc):
    """The page up to its English version."""
    lines = doc.splitlines()
    for i, text in enumerate(lines):
        if re.match(r"#+ .*English", text):
            return lines[:i]
    return lines


def doc_examples(lines, command, known):
    """Command lines of the page's shell blocks (`clausier hours ...`, with their # comment) that run on
    an installed Clausier: known commands, options and values, no path into the project's tests/.
    Console blocks are left out: they mostly show what an error looks like."""
    found, fence = [], None
    for text in lines:
        if text.startswith("```"):
            fence = None if fence is not None else text[3:].strip()
            continue
        if fence not in ("", "sh", "shell") or not text.startswith("clausier ") or "tests/" in text:
            continue
        words = text.split("#")[0].split()
        if words[1] not in known["commands"] or (command != "clausier" and words[1] != command):
            continue
        if any(w.startswith("--") and w.split("=")[0] not in known["options"] for w in words):
            continue
        if any(a in known["choices"] and b not in known["choices"][a] for a, b in zip(words, words[1:])):
            continue
        if any(re.fullmatch(r"[\[\]A-ZÀ-Ý|.]{3,}", w) for w in words):
            continue  # a synopsis (clausier COMMANDE [ARGUMENTS...]), not an example
        found.append(text.rstrip())
    return found


def exit_codes(lines, page):
    """The rows of the table under the « Codes de sortie » heading."""
    rows, inside = [], False
    for text in lines:
        if re.match(r"#+ .*[Cc]odes? de sortie", text):
            inside = True
            continue
        if inside and text.startswith("#"):
            break
        if inside and text.startswith("|"):
            cells = [c.strip() for c in text.strip().strip("|").split("|")]
            if re.fullmatch(r"`?\d`?", cells[0]):
                rows.append((cells[0].strip("`"), " : ".join(cells[1:])))
    if not rows:
        sys.exit(f"{page}: no table under a « Codes de sortie » heading, for the man page")
    return rows


def page(args):
    tool = args.tool
    command = tool.removeprefix("clausier-") if tool != "clausier" else "clausier"
    exe = str(Path(args.bin) / tool)
    h = clihelp.parse(clihelp.run_help(exe))
    umbrella = clihelp.parse(clihelp.run_help(str(Path(args.bin) / "clausier")))
    summaries = {e.term: e.description for e in umbrella.entries("Commandes")}
    version = clihelp.run_version(exe).split()[1]
    doc_path = Path(args.docs) / f"{command}.md"
    doc = french_part(doc_path.read_text(encoding="utf-8"))

    summary = summaries.get(command) if tool != "clausier" else h.description[0].split(" : ", 1)[-1]
    summary = summary.rstrip(".")
    out = [f'.TH {roff(tool.upper())} 1 "" "Clausier {version}" "Manuel de Clausier"',
           ".SH NOM", f"{roff(tool)} \\- {roff(summary)}",
           ".SH SYNOPSIS", *synopsis(h.usage),
           ".SH DESCRIPTION", line(roff(" ".join(x.strip() for x in h.description)))]
    if tool != "clausier":
        out += [".PP", f"\\fBclausier {roff(command)}\\fR est la même commande : \\fBclausier\\fR(1) lance "
                       f"\\fB{roff(tool)}\\fR avec les mêmes arguments."]
    if h.entries("Arguments"):
        out += [".SH ARGUMENTS"] + [x for e in h.entries("Arguments") for x in argument_item(e)]
    out += [".SH OPTIONS"] + [x for e in h.entries("Options") for x in option_item(e)]
    if h.entries("Commandes"):
        out.append(".SH COMMANDES")
        for e in h.entries("Commandes"):
            out += [".TP", "\\fB" + roff(e.term) + "\\fR",
                    line(roff(e.description)) + f" ; voir \\fBclausier\\-{roff(e.term)}\\fR(1)."]
    if h.entries("Subcommands"):
        out.append(".SH COMMANDES")
        for e in h.entries("Subcommands"):
            sub = clihelp.parse(clihelp.run_help(exe, e.term))
            out += [f'.SS "{roff(tool)} {roff(e.term)}"', *synopsis(sub.usage), ".PP",
                    line(roff(" ".join(x.strip() for x in sub.description)))]
            out += [x for a in sub.entries("Arguments") for x in argument_item(a)]
            out += [x for o in sub.entries("Options") if "--help" not in o.names for x in option_item(o)]
    out += h.notes and [".PP", line(roff(" ".join(h.notes)))] or []

    options = h.entries("Options")
    for e in h.entries("Subcommands"):
        options += clihelp.parse(clihelp.run_help(exe, e.term)).entries("Options")
    known = {"commands": list(summaries) + [o for e in umbrella.entries("Options") for o in e.names],
             "options": [o for e in options for o in e.names],
             "choices": {o: value_parts(e.value)[1] for e in options for o in e.names if value_parts(e.value)[1]}}
    from_help = clihelp.examples(h)
    seen = {re.sub(r"\s+", " ", x.split("  ")[0]) for x in from_help}
    from_doc = []
    for x in doc_examples(doc, command, known):
        key = re.sub(r"\s+", " ", x.split("#")[0].strip())
        if key not in seen and len(from_doc) < MAX_DOC_EXAMPLES:
            seen.add(key)
            from_doc.append(x)
    out += [".SH EXEMPLES", ".nf", ".RS 2"] + [line(roff(x)) for x in from_help] + [".RE", ".fi"]
    if from_doc:
        out += [".PP", f"D'autres exemples, tirés de la documentation ({roff(doc_path.name)}) :",
                ".nf", ".RS 2"] + [line(roff(x)) for x in from_doc] + [".RE", ".fi"]
    out.append('.SH "CODE DE SORTIE"')
    for code, meaning in exit_codes(doc, doc_path):
        out += [".TP", f"\\fB{code}\\fR", line(markdown(meaning))]
    out += Path(args.common).read_text(encoding="utf-8").rstrip("\n").splitlines()
    others = ["clausier"] + ["clausier-" + c for c in summaries if c != command]
    out += ['.SH "VOIR AUSSI"', ",\n".join(f"\\fB{roff(o)}\\fR(1)" for o in others if o != tool) + ".",
            ".PP", f"La documentation complète : \\fI{roff(args.docdir)}/docs/{roff(doc_path.name)}\\fR ; "
                   f"des opérations d'exemple : \\fI{roff(args.docdir)}/examples/\\fR."]
    return "\n".join(out) + "\n"


def write_atomic(path, data):
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True, help="folder of the built tools")
    parser.add_argument("--docs", required=True, help="docs/ of the sources")
    parser.add_argument("--common", required=True, help="docs/man/common.roff")
    parser.add_argument("--docdir", required=True, help="where the documentation is installed")
    parser.add_argument("--output", required=True, help="PAGE.1; PAGE.1.gz is written beside it")
    parser.add_argument("tool")
    args = parser.parse_args()
    text = page(args).encode("utf-8")
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(output, text)
    write_atomic(output.with_name(output.name + ".gz"), gzip.compress(text, compresslevel=9, mtime=0))


if __name__ == "__main__":
    main()
