#!/usr/bin/env bash
# The spreadsheet reader against the CSV reader, side by side: 200 000 statement rows x 8 columns as
# a CSV, and the same CSV converted by LibreOffice Calc to .xlsx and .ods; each file read whole by
# clausier_bench_sheets (every cell visited), the best and median of 5 reads in one process, then
# one read of each in its own process for the peak memory. Issue 13's target for the whole count is
# 4 x the CSV, under 500 MB.
# Usage: bench/sheets.sh [BUILD_DIR] [ROWS] (a Release build is best: cmake -DCMAKE_BUILD_TYPE=Release).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
rows=${2:-200000}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
/usr/bin/python3 - "$data/statements.csv" "$rows" <<'PY'
import random, sys
rng = random.Random(20261122)
routes = ["direct", "etti", "ai", "geiq", "siae-subcontract", "ea"]
contracts = ["cdi", "cdd", "interim", "apprenticeship", "professionalisation", "cddi"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("lot,participant,month,route,contract,employer,work_hours,training_hours\n")
    for _ in range(int(sys.argv[2])):
        f.write(f"{rng.randint(1, 3)},P-{rng.randint(1, 15000):05d},{rng.choice([2027, 2028])}-{rng.randint(1, 12):02d},"
                f"{rng.choice(routes)},{rng.choice(contracts)},Jardins d'Éole,{rng.randint(7, 151)}.5,{rng.choice([0, 0, 7])}\n")
PY
for ext in xlsx ods; do
  soffice -env:UserInstallation="file://$data/profile" --headless --convert-to "$ext" --outdir "$data" \
    "$data/statements.csv" >/dev/null 2>&1
done
ls -l "$data"/statements.* | awk '{print $5, $9}'
"$build/bin/clausier_bench_sheets" --runs 5 "$data/statements.csv" "$data/statements.xlsx" "$data/statements.ods"
for f in "$data/statements.csv" "$data/statements.xlsx" "$data/statements.ods"; do
  /usr/bin/time -f "$(basename "$f"): one read, %e s elapsed, %M KB peak" \
    "$build/bin/clausier_bench_sheets" --runs 1 "$f" >/dev/null
done
