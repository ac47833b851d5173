#!/usr/bin/env bash
# Differential testing against SPIN on random models.
#
#   random_differential.sh INTERLEAVE RANDOM_MODEL FIRST_SEED COUNT [SAVE_DIR]
#
# For each seed FIRST_SEED .. FIRST_SEED+COUNT-1, `RANDOM_MODEL SEED` writes a model, which
# must compile, and compare_export.sh compares our state count and violated properties with
# SPIN's on its Promela export. Every model that disagrees is copied to SAVE_DIR (default: a
# temporary directory, printed), to be kept as a regression test in tests/corpus/spin/.
# The seeds in tests/spin/regression_seeds.txt (one per line, `#` comments) are run as well
# when FIRST_SEED is 1. Prints one line per model and a summary; exits 1 on any disagreement,
# 77 (skipped) without spin or gcc. pan is compiled with -O0 (ILV_SPIN_CFLAGS overrides):
# the optimisation level changes no state count, and the compile takes a third of the time.
# A model with more than ILV_MAX_STATES (default 200000) states is skipped.
set -u

if [ $# -lt 4 ]; then sed -n '2,14p' "${BASH_SOURCE[0]}"; exit 2; fi
interleave=$1
generator=$2
first=$3
count=$4
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
save=${5:-$work/disagreements}
trap 'rm -rf "$work/models"' EXIT
mkdir -p "$work/models"
export ILV_SPIN_CFLAGS=${ILV_SPIN_CFLAGS:--O0}
export ILV_MAX_STATES=${ILV_MAX_STATES:-200000}

for tool in spin gcc; do
    if ! command -v "$tool" >/dev/null 2>&1; then echo "SKIP: $tool not found"; exit 77; fi
done

seeds=$(seq "$first" $((first + count - 1)))
if [ "$first" = 1 ] && [ -f "$here/regression_seeds.txt" ]; then
    seeds="$seeds $(sed 's/#.*//' "$here/regression_seeds.txt")"
fi

passed=0
failed=0
for seed in $seeds; do
    model="$work/models/random_$seed.ilv"
    "$generator" "$seed" >"$model"
    if ! "$interleave" check "$model" --max-states 1 --trace-dir "$work/traces" >/dev/null 2>"$work/err" &&
        grep -q 'error:' "$work/err"; then
        echo "FAIL  seed $seed: the generated model does not compile"
        head -n 5 "$work/err"
        failed=$((failed + 1))
        continue
    fi
    if out=$(bash "$here/compare_export.sh" "$interleave" "$model" 2>&1); then
        passed=$((passed + 1))
        echo "$out" | head -n 1
    else
        failed=$((failed + 1))
        echo "$out"
        mkdir -p "$save" && cp "$model" "$save/"
        echo "      model kept in $save/random_$seed.ilv"
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
