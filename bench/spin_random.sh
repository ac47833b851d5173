#!/usr/bin/env bash
# Differential testing against SPIN on many random models (docs/promela.md):
#
#   bench/spin_random.sh [COUNT] [FIRST_SEED] [BUILD_DIR]
#
# Runs tests/spin/random_differential.sh on COUNT (default 500) seeds from FIRST_SEED (default
# 1000, past the ctest sample), with the executables of BUILD_DIR (default build/release).
# Models that disagree are kept in bench/spin_random_failures/ for tests/corpus/spin/.
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
count=${1:-500}
first=${2:-1000}
build=${3:-$root/build/release}
exec bash "$root/tests/spin/random_differential.sh" "$build/cli/interleave" \
    "$build/tests/random_model" "$first" "$count" "$root/bench/spin_random_failures"
