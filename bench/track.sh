#!/usr/bin/env bash
# The tracking benchmark: 1 000 000 statement rows (8 files, both French spreadsheet dialects) counted
# by one call of clausier-track, with its time and peak memory. Targets: under 3 s on one core, under
# 500 MB. Usage: bench/track.sh [BUILD_DIR] (a Release build is best: cmake -DCMAKE_BUILD_TYPE=Release).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
/usr/bin/python3 bench/generate_statements.py "$data/op" 1000000 15000
du -sh "$data/op/statements"
for run in 1 2 3; do
  /usr/bin/time -f "run $run: %e s elapsed, %U s user, %S s system, %M KB peak" \
    "$build/bin/clausier-track" "$data/op" --as-of 2030-12-31 --format json -o "$data/out.json"
done
/usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('counted:', [(l['id'], l['counted_hours']) for l in d['lots']], 'not counted:', len(d['not_counted']))" "$data/out.json"
