#!/usr/bin/env bash
# Clausier's benchmark: how long check and hours take on 1 000 tender files, and on one file.
#
#   bench/run.sh [BUILD_DIR]          (default: build; a Release build gives the figures that count)
#
# 1. generates 1 000 tenders (bench/generate_tenders.py, fixed seed) in a temporary folder;
# 2. measures with hyperfine (2 warm-up runs, at least 10 runs, no intermediate shell):
#      a. clausier_bench_yaml_baseline on the 1 000 files (yaml-cpp alone: read + parse);
#      b. clausier-check --format json on the 1 000 folders;
#      c. clausier-hours --format json on the 1 000 folders;
#      d. clausier-hours and clausier-check on examples/anru-viguier (start-up + one file), next
#         to three floors: the baseline on that file, clausier_bench_startup_floor (loads the
#         tools' shared libraries and exits) and /bin/true (the machine's cost of a process);
# 3. counts the instructions of the one-file calls (perf stat if the CPU counters are readable,
#    otherwise valgrind --tool=callgrind), a figure that does not depend on the machine's speed;
# 4. times the phases of a one-file call inside the process (clausier_bench_phases);
# 5. prints the ratios b/a and c/a and the one-file times against the targets.
#
# Targets: 1 000 files in one call of check or hours within 2x the baseline; one file under 10 ms.
# Results (hyperfine Markdown and JSON tables, callgrind files) go to BUILD_DIR/bench/results,
# or to $CLAUSIER_BENCH_RESULTS. Standard output of the measured commands goes to /dev/null.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
BUILD=$(cd "$BUILD" && pwd)
BIN=$BUILD/bin
RESULTS=${CLAUSIER_BENCH_RESULTS:-$BUILD/bench/results}
COUNT=${CLAUSIER_BENCH_COUNT:-1000}
PYTHON=/usr/bin/python3
[[ -x $PYTHON ]] || PYTHON=python3

for tool in clausier_bench_yaml_baseline clausier_bench_startup_floor clausier_bench_phases clausier-check clausier-hours; do
  [[ -x $BIN/$tool ]] || { echo "run.sh: $BIN/$tool is missing; build first (see bench/README.md)" >&2; exit 2; }
done
command -v hyperfine >/dev/null || { echo "run.sh: hyperfine is not installed" >&2; exit 2; }

build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null || true)
if [[ $build_type != Release ]]; then
  echo "run.sh: warning: $BUILD is a '${build_type:-unknown}' build; the figures that count come from Release" >&2
fi

WORK=$(mktemp -d /tmp/clausier-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$RESULTS"

echo "== Generating $COUNT tenders in $WORK/tenders"
"$PYTHON" "$ROOT/bench/generate_tenders.py" "$COUNT" "$WORK/tenders"
folders=("$WORK"/tenders/op-*)
files=("${folders[@]/%//tender.yaml}")
one=examples/anru-viguier
cd "$ROOT"   # the one-file calls name the example relatively, as a user would

# Each command must run cleanly before it is timed. check exits 1 when a rule fails (some generated
# tenders break the Climate law or leave an unused derogation): that is a result, not a failure,
# and hyperfine is told to accept it. 2 or more means an invalid input or a broken tool: stop.
# Sets $ignore to the hyperfine option needed, if any.
preflight() {
  local name=$1 max=$2 code=0
  shift 2
  "$@" >/dev/null 2>"$WORK/stderr" || code=$?
  if ((code > max)); then
    echo "run.sh: '$name' exited $code (at most $max expected):" >&2
    head -20 "$WORK/stderr" >&2
    exit 1
  fi
  ignore=()
  ((code == 0)) || ignore=(--ignore-failure)
  echo "   $name: exit $code"
}

echo "== Checking that every command runs"
preflight baseline-1000 0 "$BIN/clausier_bench_yaml_baseline" "${files[@]}"
ignore_a=("${ignore[@]}")
preflight check-1000 1 "$BIN/clausier-check" --format json "${folders[@]}"
ignore_b=("${ignore[@]}")
preflight hours-1000 1 "$BIN/clausier-hours" --format json "${folders[@]}"
ignore_c=("${ignore[@]}")
preflight baseline-1 0 "$BIN/clausier_bench_yaml_baseline" "$one/tender.yaml"
preflight hours-1 0 "$BIN/clausier-hours" "$one"
preflight check-1 0 "$BIN/clausier-check" "$one"

# hyperfine -N splits each command on spaces: no path here contains one (mktemp, op-NNNN).
hf=(hyperfine -N --warmup 2 --min-runs 10 --output=null --style=basic)

echo "== a, b, c: $COUNT files in one call"
# Three hyperfine calls so that each command gets its own --ignore-failure; one table afterwards.
"${hf[@]}" "${ignore_a[@]}" --export-json "$RESULTS/a-baseline.json" --export-markdown "$RESULTS/a-baseline.md" \
  -n "a. yaml-cpp baseline, $COUNT files" "$BIN/clausier_bench_yaml_baseline ${files[*]}"
"${hf[@]}" "${ignore_b[@]}" --export-json "$RESULTS/b-check.json" --export-markdown "$RESULTS/b-check.md" \
  -n "b. clausier-check --format json, $COUNT folders" "$BIN/clausier-check --format json ${folders[*]}"
"${hf[@]}" "${ignore_c[@]}" --export-json "$RESULTS/c-hours.json" --export-markdown "$RESULTS/c-hours.md" \
  -n "c. clausier-hours --format json, $COUNT folders" "$BIN/clausier-hours --format json ${folders[*]}"

echo "== d: one call on $one"
"${hf[@]}" --export-json "$RESULTS/d-one-file.json" --export-markdown "$RESULTS/d-one-file.md" \
  -n "d. clausier-hours $one" "$BIN/clausier-hours $one" \
  -n "d. clausier-check $one" "$BIN/clausier-check $one" \
  -n "yaml-cpp baseline, $one/tender.yaml" "$BIN/clausier_bench_yaml_baseline $one/tender.yaml" \
  -n "start-up floor (the tools' shared libraries)" "$BIN/clausier_bench_startup_floor" \
  -n "/bin/true (start a process, nothing else)" "/bin/true"

echo "== Instructions of the one-file calls"
instructions=$RESULTS/instructions.txt
: >"$instructions"
count_with_perf() {
  local out
  out=$(perf stat -x, -e instructions:u "$@" 2>&1 >/dev/null) || true
  out=$(grep -m1 'instructions' <<<"$out" | cut -d, -f1)
  [[ $out =~ ^[0-9]+$ ]] && echo "$out"
}
count_with_callgrind() {
  local name=$1 out
  shift
  out=$(valgrind --tool=callgrind --callgrind-out-file="$RESULTS/callgrind.$name.out" "$@" 2>&1 >/dev/null) || true
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$out"
}
measure_instructions() {
  local name=$1 n="" how=""
  shift
  if command -v perf >/dev/null && n=$(count_with_perf "$@"); then
    how="perf stat -e instructions:u"
  elif command -v valgrind >/dev/null; then
    n=$(count_with_callgrind "$name" "$@")
    how="valgrind --tool=callgrind (Ir)"
  fi
  if [[ -n $n ]]; then
    printf '%s\t%s\t%s\n' "$name" "$n" "$how" >>"$instructions"
  else
    echo "   $name: neither perf counters nor valgrind available" >&2
  fi
}
measure_instructions hours-one "$BIN/clausier-hours" "$one"
measure_instructions check-one "$BIN/clausier-check" "$one"
measure_instructions baseline-one "$BIN/clausier_bench_yaml_baseline" "$one/tender.yaml"
measure_instructions startup-floor "$BIN/clausier_bench_startup_floor"
measure_instructions true /bin/true

echo "== Phases of a one-file call, inside the process (median of 21 processes)"
for _ in $(seq 21); do "$BIN/clausier_bench_phases" --tsv "$one"; done >"$RESULTS/phases.tsv"
"$PYTHON" - "$RESULTS/phases.tsv" <<'PY' | tee "$RESULTS/phases.txt"
import statistics, sys
rows = {}
for line in open(sys.argv[1], encoding="utf-8"):
    name, cold, warm = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append((float(cold), float(warm)))
print(f"{'phase (ms)':46} {'cold':>9} {'warm':>9}")
for name, values in rows.items():
    cold = statistics.median(v[0] for v in values)
    warm = statistics.median(v[1] for v in values)
    print(f"{name:46} {cold:9.3f} {warm:9.3f}" if warm >= 0 else f"{name:46} {cold:9.3f} {'-':>9}")
PY

echo
echo "== Summary ($(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), build type ${build_type:-unknown}," \
  "sources $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown), load average $(cut -d' ' -f1-3 /proc/loadavg))"
"$PYTHON" - "$RESULTS" <<'PY'
import json, pathlib, sys

results = pathlib.Path(sys.argv[1])
def load(name):
    return json.loads((results / name).read_text())["results"]

a, = load("a-baseline.json")
b, = load("b-check.json")
c, = load("c-hours.json")
d = load("d-one-file.json")
def ms(r):
    return (f"{r['mean'] * 1000:7.1f} ± {r['stddev'] * 1000:5.1f} ms  user {r['user'] * 1000:6.1f}  "
            f"sys {r['system'] * 1000:5.1f}  ({len(r['times'])} runs)")
for r in (a, b, c, *d):
    print(f"{r['command'][:52]:52} {ms(r)}")
print()
for label, r in (("b/a (check / baseline)", b), ("c/a (hours / baseline)", c)):
    ratio = r["mean"] / a["mean"]
    print(f"{label:24} {ratio:5.2f}x   target <= 2x: {'met' if ratio <= 2 else 'MISSED'}")
for r in d[:2]:
    mean = r["mean"] * 1000
    print(f"{r['command'][3:60]:45} {mean:5.2f} ms  target < 10 ms: {'met' if mean < 10 else 'MISSED'}")
print()
for line in (results / "instructions.txt").read_text().splitlines():
    name, n, how = line.split("\t")
    print(f"instructions {name:14} {int(n):>14,}  ({how})")
print(f"\nTables: {results}/*.md")
PY
