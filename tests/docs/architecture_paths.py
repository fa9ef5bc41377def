#!/usr/bin/env python3
"""Every repository path docs/ARCHITECTURE.md names exists, so the map cannot drift from the tree.

    python3 tests/docs/architecture_paths.py [PAGE.md ...]      (default: docs/ARCHITECTURE.md)

A path is a word of an inline code span (`...`, outside fenced blocks) that either starts with a
top-level entry of the repository (`lib/...`, `tests/...`, `CMakeLists.txt`) or ends with a source
or data extension (`.cpp`, `.cmake`, `.yaml`...). It must exist:
- as written, from the repository root, when it starts with a top-level entry;
- as the end of a tracked path when it has a folder but names no top-level entry
  (`core/version.cpp.in` is lib/src/core/version.cpp.in);
- as the name of a tracked file when it is a bare file name (`yaml.cpp`).
Words holding a placeholder (`<tool>`, `*`, `{`, `…`) are patterns, not paths, and are skipped.
The tracked files are `git ls-files` plus the files on disk that git does not ignore, so a file
added but not yet committed counts. Prints every missing path with its line; exit 1 if any.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = (".c", ".cpp", ".hpp", ".h", ".in", ".cmake", ".py", ".md", ".yaml", ".yml", ".json",
              ".txt", ".test", ".sh", ".csv", ".mustache", ".docx", ".odt", ".html", ".xlsx")
PLACEHOLDER = re.compile(r"[<>*{}…]")


def repository_files():
    """Tracked and untracked-but-not-ignored files, relative to the root, with '/' separators; without
    git (a source tarball), every file outside build folders."""
    try:
        out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                             check=True, capture_output=True, text=True).stdout
        return [line for line in out.splitlines() if (ROOT / line).exists()]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for folder, subfolders, names in os.walk(ROOT):
            subfolders[:] = [d for d in subfolders if not d.startswith(("build", ".git"))]
            files += [Path(folder, n).relative_to(ROOT).as_posix() for n in names]
        return files


def code_spans(text):
    """(line number, span) for every inline code span outside fenced code blocks."""
    in_fence = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if not in_fence:
            for span in re.findall(r"`([^`]+)`", line):
                yield number, span


def candidates(span, top_level):
    for word in span.split():
        word = word.strip("\"',;:()[]")
        if not word or PLACEHOLDER.search(word) or "://" in word:
            continue
        first = word.split("/", 1)[0]
        if first in top_level or word.endswith(EXTENSIONS) and not word.startswith("."):
            yield word


def exists(word, files, folders, top_level):
    if word.split("/", 1)[0] in top_level:
        return (ROOT / word).exists()
    if "/" in word:
        bare = word.rstrip("/")
        return any(f == bare or f.endswith("/" + bare) for f in files | folders)
    return any(Path(f).name == word for f in files)


def main():
    pages = [Path(p) for p in sys.argv[1:]] or [ROOT / "docs" / "ARCHITECTURE.md"]
    files = set(repository_files())
    folders = {"/".join(f.split("/")[:i]) for f in files for i in range(1, f.count("/") + 1)}
    top_level = {f.split("/", 1)[0] for f in files}
    missing = 0
    checked = 0
    for page in pages:
        for number, span in code_spans(page.read_text(encoding="utf-8")):
            for word in candidates(span, top_level):
                checked += 1
                if not exists(word, files, folders, top_level):
                    missing += 1
                    print(f"{page.relative_to(ROOT) if page.is_absolute() else page}:{number}: "
                          f"`{word}` is not in the repository")
    # A merge left half-done shows in no build: look for conflict markers in every Markdown page.
    for page in sorted(ROOT.rglob("*.md")):
        if "build" in page.relative_to(ROOT).parts[0]:
            continue
        for n, line in enumerate(page.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if line.startswith(("<<<<<<< ", ">>>>>>> ")) or line == "=======":
                print(f"{page.relative_to(ROOT)}:{n}: merge conflict marker")
                missing += 1
    print(f"{checked} paths checked, {missing} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
