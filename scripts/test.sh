#!/usr/bin/env bash
# Second command of the README: the whole test suite (what CI runs).
#   scripts/test.sh                  install what is missing, build, run every test
#   scripts/test.sh --update-golden  rewrite the golden files from the actual output, then show the diff
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
if [ "${1:-}" = "--update-golden" ]; then
  for dir in tests/cli/*/; do
    python3 tests/cli/golden.py --bin build/bin --update "$dir" || true
  done
  git --no-pager diff --stat -- tests/cli
  exit 0
fi
ctest --test-dir build --output-on-failure -j2
