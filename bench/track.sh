#!/usr/bin/env bash
# The tracking benchmark: clausier track against a plain Python peer (bench/track_peer.py) and two
# floors (cat of the files, the CSV reader alone), side by side in one run, on 1 000 000 statement rows
# where almost every row counts and on 1 000 000 rows where most are refused; `clausier report` on
# the same operations. The outputs of clausier and of the peer are compared first (the same counted
# hours, people and refused rows). Usage: bench/track.sh [BUILD_DIR] [ROWS]
# (a Release build: cmake -DCMAKE_BUILD_TYPE=Release). CLAUSIER_BENCH_ROUNDS sets the rounds (3; the
# best of each command is kept); CLAUSIER_BENCH_LINEAR=1 adds the same data at 4 × ROWS (and 4 × the
# participants), to see that time and memory grow linearly. Data in a temporary folder, removed at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
rows=${2:-1000000}
people=$(( (rows * 15 + 999) / 1000 ))  # 15 000 participants for a million rows
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
sets=()
generate() {  # NAME ROWS PEOPLE [--refusals]
  /usr/bin/python3 bench/generate_statements.py "$data/$1" "$2" "$3" ${4:-}
  sets+=("$1=$data/$1")
}
generate valid "$rows" "$people"
generate refused "$rows" "$people" --refusals
if [ "${CLAUSIER_BENCH_LINEAR:-0}" = 1 ]; then
  generate valid-4x $((rows * 4)) $((people * 4))
  generate refused-4x $((rows * 4)) $((people * 4)) --refusals
fi
du -sh "$data"/*/statements
echo "cores: $(nproc); $("$build/bin/clausier-track" --version)"
/usr/bin/python3 bench/track_compare.py "$build" --rounds "${CLAUSIER_BENCH_ROUNDS:-3}" --report "${sets[@]}"
