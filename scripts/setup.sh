#!/usr/bin/env bash
# First command of the README: installs the packages, builds, and runs Clausier on a shipped example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
echo
echo "\$ build/bin/clausier check examples/anru-viguier"
build/bin/clausier check examples/anru-viguier
