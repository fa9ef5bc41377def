"""Reads the --help of a Clausier tool: CLI11's layout with French labels (tools/common/cli.cpp) and the
umbrella's own (tools/clausier/main.cpp). The man pages and the umbrella's shell completion are made
from it at build time, so they list what the installed tools really accept."""
import os
import re
import subprocess
from dataclasses import dataclass, field


@dataclass
class Entry:
    term: str          # "-o,--output FICHIER", "TENDER FICHIER|DOSSIER ... obligatoire", "check"
    description: str

    @property
    def names(self):
        """The option names of an option entry: ["-o", "--output"]."""
        head = re.match(r"((?:-{1,2}[\w-]+)(?:, ?-{1,2}[\w-]+)*)", self.term)
        return re.findall(r"-{1,2}[\w-]+", head.group(1)) if head else []

    @property
    def value(self):
        """What follows the names: "FORMAT:{text,json}=text", or "" for a flag."""
        head = re.match(r"((?:-{1,2}[\w-]+)(?:, ?-{1,2}[\w-]+)*)\s*(.*)", self.term)
        return head.group(2) if head else ""


@dataclass
class Help:
    description: list = field(default_factory=list)   # paragraphs' lines, before the usage
    usage: list = field(default_factory=list)         # "clausier-hours [OPTIONS] TENDER..."
    sections: dict = field(default_factory=dict)      # "Options" -> [Entry]; "Exemples" -> [str]
    notes: list = field(default_factory=list)         # free lines after the sections

    def entries(self, *titles):
        return [e for t in titles for e in self.sections.get(t, [])]


def run_help(exe, *args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8", COLUMNS="100")
    p = subprocess.run([exe, *args, "--help"], capture_output=True, env=env, timeout=60, check=True)
    return p.stdout.decode("utf-8")


def parse(text):
    h = Help()
    lines = text.splitlines()
    i = 0
    while i < len(lines) and not lines[i].startswith("Utilisation"):
        h.description.append(lines[i])
        i += 1
    while h.description and not h.description[-1].strip():
        h.description.pop()
    if i < len(lines):
        h.usage.append(lines[i].split(":", 1)[1].strip())
        i += 1
        while i < len(lines) and lines[i].startswith(" ") and lines[i].strip():
            h.usage.append(lines[i].strip())
            i += 1
    column = description_column(lines[i:])
    section = None
    for line in lines[i:]:
        if not line.strip():
            section = None
        elif not line.startswith(" ") and line.rstrip().endswith(":"):
            section = line.rstrip()[:-1].strip()
            h.sections[section] = []
        elif section and section.startswith("Exemple"):
            h.sections[section].append(line.strip())
        elif section and re.match(r"  \S", line):
            term, *description = re.split(r"\s{2,}", line.strip(), maxsplit=1)
            if not description and len(line) > column and line[column - 1] == " ":
                term, description = line[:column].strip(), [line[column:]]  # the term fills its column
            h.sections[section].append(Entry(term, description[0].strip() if description else ""))
        elif section and h.sections[section]:
            last = h.sections[section][-1]
            last.description = (last.description + " " + line.strip()).strip()
        else:
            h.notes.append(line.strip())
    return h


def description_column(lines):
    """Where descriptions start: the most frequent column after a term and two spaces (CLI11: 32)."""
    starts = [m.end() for m in (re.match(r"  \S.*?\s{2,}(?=\S)", x) for x in lines) if m]
    return max(set(starts), key=starts.count) if starts else 0


def examples(h):
    return [e for t in h.sections if t.startswith("Exemple") for e in h.sections[t]]


def run_version(exe):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    p = subprocess.run([exe, "--version"], capture_output=True, env=env, timeout=60, check=True)
    return p.stdout.decode("utf-8").strip()
