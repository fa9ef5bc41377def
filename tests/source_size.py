#!/usr/bin/env python3
"""Fails when a library source file is longer than the limit (style.md: files stay small; the
project guide: no lib/src file over 600 lines). A file that grows past it is split by concern.

Usage: source_size.py DIR [MAX_LINES]
"""
import pathlib
import sys


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".cpp", ".hpp", ".in", ".h"})
    if not files:
        print(f"source_size.py: no source file under {root}", file=sys.stderr)
        return 2
    too_long = []
    for path in files:
        with path.open("rb") as f:
            lines = sum(1 for _ in f)
        if lines > limit:
            too_long.append((lines, path.relative_to(root.parent.parent) if root.parent.parent in path.parents else path))
    for lines, path in sorted(too_long, reverse=True):
        print(f"{path}: {lines} lines, more than {limit}: split it by concern", file=sys.stderr)
    print(f"{len(files)} files checked, {len(too_long)} over {limit} lines")
    return 1 if too_long else 0


if __name__ == "__main__":
    sys.exit(main())
