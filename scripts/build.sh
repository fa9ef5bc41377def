#!/usr/bin/env bash
# Configures and builds into build/ (developer mode: warnings are errors). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCLAUSIER_DEV=ON "$@" >/dev/null
cmake --build build
