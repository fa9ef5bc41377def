#!/usr/bin/env bash
# Where the time of clausier-check and clausier-hours goes: instruction profiles with callgrind.
#
#   bench/profile.sh [BUILD_DIR]      (default: build; use a Release build, it has -O3 and no -g
#                                      in the library, but function names are enough here)
#
# Profiles, with valgrind --tool=callgrind (counts instructions: the same on any x86-64 machine,
# whatever the load):
#   one-file  clausier-hours / clausier-check / yaml-cpp baseline on examples/anru-viguier;
#   1000      the same three on the 1 000 generated tenders of bench/run.sh (same seed).
# For each profile it prints the total and the share of the functions that matter (inclusive
# cost, from callgrind_annotate --tree=calling). The callgrind files stay in BUILD_DIR/bench/profile
# (or $CLAUSIER_BENCH_PROFILE) for kcachegrind or callgrind_annotate.
#
# If `perf record` works (it needs no hardware counters: cpu-clock), it also samples 200 one-file
# calls of clausier-hours, kernel included, to show the wall-clock share of process start-up.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
BUILD=$(cd "$BUILD" && pwd)
BIN=$BUILD/bin
OUT=${CLAUSIER_BENCH_PROFILE:-$BUILD/bench/profile}
COUNT=${CLAUSIER_BENCH_COUNT:-1000}
PYTHON=/usr/bin/python3
[[ -x $PYTHON ]] || PYTHON=python3
command -v valgrind >/dev/null || { echo "profile.sh: valgrind is not installed" >&2; exit 2; }

WORK=$(mktemp -d /tmp/clausier-profile.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
"$PYTHON" "$ROOT/bench/generate_tenders.py" "$COUNT" "$WORK/tenders"
folders=("$WORK"/tenders/op-*)
files=("${folders[@]/%//tender.yaml}")
one=examples/anru-viguier
cd "$ROOT"

# The functions whose inclusive cost is reported, as callgrind_annotate names them.
KEY_FUNCTIONS='(clausier::rules::RuleSet::builtin\(\)|clausier::tender::load_tender|clausier::yaml::parse|clausier::tender::\(anonymous namespace\)::Loader::read\(|clausier::check::check_tender|clausier::tender::resolve|clausier::hours::compute\(|clausier::hours::render_json|clausier::hours::render_text|clausier::check::render_json|clausier::check::render_text|clausier::cli::setup_app|YAML::LoadFile|_dl_start |CLI::App::parse|clausier::rules::RuleSet::sha256)'

profile() {
  local name=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$OUT/$name.callgrind" "$@" >/dev/null 2>"$OUT/$name.log" || true
  local total
  total=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$OUT/$name.log")
  printf '\n== %s: %s instructions\n' "$name" "$(LC_ALL=C.UTF-8 printf "%'d" "$total")"
  # Inclusive cost of each key function, once (the first, non-recursive line).
  callgrind_annotate --inclusive=yes --threshold=100 "$OUT/$name.callgrind" 2>/dev/null |
    grep -E "^ *[0-9,]+ \( *[0-9.]+%\)  .*$KEY_FUNCTIONS" | grep -v "'" |
    grep -v 'lambda' |
    sed -E 's/ \[[^]]*\]$//; s/ const$//; s/\[abi:cxx11\]//; s/\(([^()]|\([^()]*\))*\)$//; s/\?\?\?://; s/\.\/elf\/[^:]*://' |
    awk '!seen[$0]++' | head -20
}

profile one-file.hours "$BIN/clausier-hours" "$one"
profile one-file.check "$BIN/clausier-check" "$one"
profile one-file.baseline "$BIN/clausier_bench_yaml_baseline" "$one/tender.yaml"
profile "$COUNT".hours "$BIN/clausier-hours" --format json "${folders[@]}"
profile "$COUNT".check "$BIN/clausier-check" --format json "${folders[@]}"
profile "$COUNT".baseline "$BIN/clausier_bench_yaml_baseline" "${files[@]}"

printf '\n== Hottest functions (exclusive), %s files, clausier-hours\n' "$COUNT"
callgrind_annotate "$OUT/$COUNT.hours.callgrind" 2>/dev/null | grep -E '^ *[0-9,]+ \( *[0-9.]+%\)  ' | sed -n '2,13p' | cut -c1-150

if command -v perf >/dev/null && perf record -q -e cpu-clock -o "$WORK/probe.data" /bin/true >/dev/null 2>&1; then
  printf '\n== Wall-clock samples of 200 calls of clausier-hours %s (perf, cpu-clock, kernel included)\n' "$one"
  perf record -q -e cpu-clock -F 10000 -o "$OUT/one-file.hours.perf" -- \
    bash -c "for i in \$(seq 200); do '$BIN/clausier-hours' '$one' >/dev/null; done" 2>/dev/null
  # Samples of the clausier-hours processes only (not the loop's bash), by shared object.
  perf report -i "$OUT/one-file.hours.perf" --sort comm,dso --stdio 2>/dev/null |
    awk '$2 == "clausier-hours" { sub("%", "", $1); share[$3] += $1; total += $1 }
         END { for (d in share) printf "%6.1f%%  %s\n", 100 * share[d] / total, d }' | sort -rn
fi
echo
echo "Callgrind files: $OUT (callgrind_annotate --inclusive=yes FILE | less)"
