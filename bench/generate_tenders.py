#!/usr/bin/python3
"""Write N realistic tender files for the benchmarks: OUTDIR/op-0001/tender.yaml, ...

Each file is one of the shipped examples (examples/*/tender.yaml), varied as text so that its
comments, quoting and layout stay those of a hand-written file:

- the operation id gets a sequence number (OPHC-2026-VIG-0001, ...);
- every amount (lot `amount`, tranche `amount`, framework `min`/`max`) is scaled by one factor
  per file, between 0.3 and 3, rounded to the thousand (so `min <= max` still holds);
- the lots are taken in turn from the example, starting at a random lot, from one lot up to
  twice the example's count, and renumbered (01, 02, ...) so that their ids stay unique.

The files stay valid: `clausier check` exits 0 or 1 on them, never 2 (bench/run.sh checks it).
The output depends only on N and --seed.

Usage: generate_tenders.py N OUTDIR [--seed SEED]
"""

import argparse
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ["anru-viguier", "proprete-siege", "espaces-verts"]

LOT_START = re.compile(r'^  - id: "?([^"\s]+)"?[ \t]*$', re.MULTILINE)
OPERATION_ID = re.compile(r"^id: (\S+)\s*$", re.MULTILINE)
MONEY = re.compile(r"(?<=[\s{,])(amount|min|max): (\d+)")


class Template:
    """An example split into its header (everything up to `lots:`) and its lot blocks."""

    def __init__(self, name: str):
        text = (ROOT / "examples" / name / "tender.yaml").read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        start = next(i for i, line in enumerate(lines) if line.rstrip() == "lots:")
        self.header = "".join(lines[: start + 1])
        self.lots: list[str] = []
        for line in lines[start + 1 :]:
            if LOT_START.match(line):
                self.lots.append(line)
            elif self.lots:
                self.lots[-1] += line
            else:
                raise SystemExit(f"{name}: unexpected line before the first lot: {line!r}")
        match = OPERATION_ID.search(self.header)
        if not match or not self.lots:
            raise SystemExit(f"{name}: no operation id or no lot")
        self.operation_id = match.group(1)
        self.width = 2 if any(LOT_START.match(lot).group(1).startswith("0") for lot in self.lots) else 1


def scale_money(text: str, factor: float) -> str:
    def repl(m: re.Match) -> str:
        value = max(1000, round(int(m.group(2)) * factor / 1000) * 1000)
        return f"{m.group(1)}: {value}"

    return MONEY.sub(repl, text)


def make_tender(template: Template, number: int, rng: random.Random) -> str:
    factor = rng.uniform(0.3, 3.0)
    count = rng.randint(1, 2 * len(template.lots))
    first = rng.randrange(len(template.lots))
    prefix = template.operation_id.rsplit("-", 1)[0]
    header = OPERATION_ID.sub(f"id: {prefix}-{number:04d}", template.header, count=1)
    lots = []
    for i in range(count):
        lot = template.lots[(first + i) % len(template.lots)]
        lot_id = f"{i + 1:0{template.width}d}"
        lot = LOT_START.sub(f'  - id: "{lot_id}"', lot, count=1)
        lots.append(scale_money(lot, factor))
    return header + "".join(lots)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, metavar="N")
    parser.add_argument("outdir", type=pathlib.Path, metavar="OUTDIR")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("N must be at least 1")

    rng = random.Random(args.seed)
    templates = [Template(name) for name in EXAMPLES]
    width = max(4, len(str(args.count)))
    for number in range(1, args.count + 1):
        template = templates[(number - 1) % len(templates)]
        folder = args.outdir / f"op-{number:0{width}d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "tender.yaml").write_text(make_tender(template, number, rng), encoding="utf-8")
    print(f"{args.count} tenders in {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
