#!/usr/bin/env bash
# Issue 13's target, whole count: clausier-track counting 200 000 statement rows from one .xlsx saved by
# LibreOffice Calc, against the same rows in one CSV, side by side in one run (alternated, 3 runs each),
# with each run's peak memory. Target: the .xlsx within 4 x the CSV's time, under 500 MB.
# Usage: bench/track_sheets.sh [BUILD_DIR] [ROWS] (a Release build is best: cmake -DCMAKE_BUILD_TYPE=Release).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
rows=${2:-200000}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
/usr/bin/python3 bench/generate_statements.py "$data/op" "$rows" 15000 >/dev/null
# The generated files in one UTF-8 CSV with decimal points (Calc's CSV import then reads numbers as numbers),
# moved out of statements/ so that each run counts one file.
/usr/bin/python3 - "$data/op/statements" "$data/statements.csv" <<'PY'
import sys
from pathlib import Path
rows = ["lot;participant;mois;modalite;contrat;employeur;heures_travail;heures_formation"]
for f in sorted(Path(sys.argv[1]).glob("*.csv")):
    raw = f.read_bytes()
    text = raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("cp1252")
    lines = text.splitlines()[1:]
    for line in lines:
        if ";" in line:
            cells = line.split(";")
            cells[6] = cells[6].replace(",", ".")
        else:
            cells = line.replace('"Vert, SIAE"', "Vert SIAE").split(",")
        rows.append(";".join(cells))
    f.unlink()
Path(sys.argv[2]).write_text("\n".join(rows) + "\n", encoding="utf-8")
PY
soffice -env:UserInstallation="file://$data/profile" --headless --infilter="CSV:59,34,76,1" --convert-to xlsx \
  --outdir "$data" "$data/statements.csv" >/dev/null 2>&1
ls -l "$data"/statements.* | awk '{print $5, $9}'
for run in 1 2 3; do
  for f in statements.csv statements.xlsx; do
    /usr/bin/time -f "$f run $run: %e s elapsed, %U s user, %M KB peak" \
      "$build/bin/clausier-track" "$data/op" --statements "$data/$f" --as-of 2030-12-31 --format json \
      -o "$data/$f.json" 2>&1 | grep -v -e '^\(.*\): \(error\|warning\|note\)' -e '^ ' || true
  done
done
/usr/bin/python3 - "$data/statements.csv.json" "$data/statements.xlsx.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
counted = lambda d: [(l["id"], l["counted_hours"]) for l in d["lots"]]
print("counted (csv):", counted(a), "not counted:", len(a["not_counted"]))
print("same result from the .xlsx:", counted(a) == counted(b) and len(a["not_counted"]) == len(b["not_counted"]))
PY
