#!/usr/bin/env bash
# The report benchmark: one call of clausier-report consolidating 1 000 operations (100 000
# participants, 1 200 000 statement rows) by year, in JSON and in Markdown, three times each, with
# wall time and peak memory. Target: under 5 s. Usage: bench/report.sh [BUILD_DIR] [N] [PEOPLE]
# (a Release build is best: cmake -DCMAKE_BUILD_TYPE=Release). The data is generated into a
# temporary folder (removed at exit), never into the source tree. CLAUSIER_BENCH_RUNS sets the number
# of runs (3); CLAUSIER_BENCH_STYLE=--block or --csv writes the participants in block-style YAML or
# in CSV instead of one flow-style YAML line each.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
count=${2:-1000}
people=${3:-100000}
runs=${CLAUSIER_BENCH_RUNS:-3}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
# shellcheck disable=SC2086 # the style is one option or nothing
/usr/bin/python3 bench/generate_operations.py "$data/ops" "$count" "$people" ${CLAUSIER_BENCH_STYLE:-}
du -sh "$data/ops" | sed 's/\t.*/ on disk/'
report="$build/bin/clausier-report"
"$report" --version
echo "cores: $(nproc)"
# Warm the page cache once (the first read of 120 MB from disk is not what is measured).
cat "$data"/ops/*/participants.* "$data"/ops/*/statements/*.csv > /dev/null
for format in json md; do
  for run in $(seq 1 "$runs"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "--group-by year --format $format, run $run: %e s elapsed, %U s user, %S s system, %M KB peak (load before: $load)" \
      "$report" "$data"/ops/*/ --group-by year --format "$format" --as-of 2030-12-31 -o "$data/out.$format"
  done
done
/usr/bin/python3 - "$data/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
t = d["total"]
print(f"{len(d['operations'])} operations, {t['contracts_with_clause']} contracts with a clause, "
      f"{t['participants']['people']} participants counted once, {t['work_contracts']} work contracts, "
      f"{t['realised_hours']} hours realised of {t['target_hours']} ({t['fte']} FTE)")
print("people by year:", ", ".join(f"{g['key']}: {g['participants']['people']}" for g in d["groups"]))
PY
