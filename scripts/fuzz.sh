#!/usr/bin/env bash
# Runs one fuzz target for a while under libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer,
# then merges the inputs that reached new code into its corpus (tests/fuzz/corpus/TARGET), which ctest
# replays in every build (fuzz-replay-TARGET).
#
#   scripts/fuzz.sh TARGET SECONDS [LIBFUZZER OPTION...]
#   scripts/fuzz.sh --list
#
# The build goes to build-fuzz/ (or $CLAUSIER_FUZZ_BUILD), with clang. A crash, a leak, a timeout
# (over 10 s for one input) or a memory use over 2 GB stops the run; the input is kept as
# build-fuzz/artifacts/TARGET-crash-… and the script exits 1. The build and the run are niced (the
# machine is shared); with -jobs=N libFuzzer writes each job's log to build-fuzz/logs/TARGET/fuzz-N.log,
# whose last lines the script prints. Record what each run found in docs/robustness.md:
#
#   scripts/fuzz.sh csv 600 -jobs=1 -workers=1
set -euo pipefail
cd "$(dirname "$0")/.."

targets="tender csv document sheet participants statements rules pooling"
if [[ ${1:-} == --list ]]; then
  echo "$targets"
  exit 0
fi
if [[ $# -lt 2 || ! " $targets " =~ " $1 " || ! $2 =~ ^[0-9]+$ ]]; then
  echo "utilisation : scripts/fuzz.sh CIBLE SECONDES [OPTION LIBFUZZER...]   (cibles : $targets)" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2

# Inputs that seed each target besides its corpus (read, never written to).
declare -A seeds=(
  [tender]="examples tests/data/invalid tests/data/findings tests/data/draft"
  [csv]="examples/espaces-verts/statements tests/data/track"
  [document]="tests/data/dce"
  [sheet]="tests/data/sheets"
  [participants]="examples/espaces-verts/participants.yaml tests/data/track"
  [statements]="examples/espaces-verts/statements tests/data/track"
  [rules]="lib/rules tests/data/rules"
  [pooling]="tests/data/portfolio/pooling.yaml"
)

build=$(realpath -m "${CLAUSIER_FUZZ_BUILD:-build-fuzz}")
nice -n 19 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCLAUSIER_FUZZ=ON -DCLAUSIER_SANITIZE=ON -DCLAUSIER_DEV=OFF -DCLAUSIER_BENCH=OFF >/dev/null
nice -n 19 cmake --build "$build" --target "clausier_fuzz_$target"

corpus=$PWD/tests/fuzz/corpus/$target
logs=$build/logs/$target
mkdir -p "$corpus" "$build/artifacts" "$logs"
rm -f "$logs"/fuzz-*.log
found=$(mktemp -d)
trap 'rm -rf "$found"' EXIT
seed_args=()
for s in ${seeds[$target]}; do
  if [[ -d $s ]]; then
    seed_args+=("$PWD/$s")
  elif [[ -f $s ]]; then
    mkdir -p "$found/seeds" && cp "$s" "$found/seeds/"
  fi
done
[[ -d $found/seeds ]] && seed_args+=("$found/seeds")

# New inputs go to the first folder ($found/new); the corpus and the seeds are only read.
mkdir -p "$found/new"
status=0
(cd "$logs" && nice -n 19 "$build/bin/clausier_fuzz_$target" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" "$@" \
  "$found/new" "$corpus" "${seed_args[@]}") || status=$?
for log in "$logs"/fuzz-*.log; do
  [[ -f $log ]] && { echo "--- $log"; tail -n 25 "$log"; }
done

# Keep only what adds coverage to the corpus, under short content-hash names.
before=$(find "$corpus" -type f | wc -l)
nice -n 19 "$build/bin/clausier_fuzz_$target" -merge=1 "$corpus" "$found/new" >/dev/null 2>&1
after=$(find "$corpus" -type f | wc -l)
echo "fuzz.sh : $target, ${seconds} s, corpus $before → $after entrées, statut $status"
exit "$status"
