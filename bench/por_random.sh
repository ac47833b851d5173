#!/usr/bin/env bash
# `check --por` against the full search on many seeded random models (docs/por.md):
#
#   bench/por_random.sh [COUNT] [FIRST_SEED] [BUILD_DIR]
#
# Runs tests/por/por_check.py on COUNT (default 500) models of tests/spin/random_model.cpp
# from FIRST_SEED (default 1000, past the ctest sample of seeds 1..100), with the executables
# of BUILD_DIR (default build/release): every verdict must equal the full search's, the
# reduced graph must be no larger, and every trace written under --por must replay.
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
count=${1:-500}
first=${2:-1000}
build=${3:-$root/build/release}
exec python3 "$root/tests/por/por_check.py" "$build/cli/interleave" random \
    "$build/tests/random_model" "$first" "$count"
