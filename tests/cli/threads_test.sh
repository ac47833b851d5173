#!/usr/bin/env bash
# `check --threads N` must report exactly what one thread reports: the same JSON summary
# (timing and memory fields aside) and byte-identical counterexamples, for every model of
# specs/ and each of its `// expect-with: -D` variants.
#   threads_test.sh INTERLEAVE ROOT
set -u
interleave=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# Drops the one key holding what measures the machine rather than the model.
strip() {
    python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d.pop("resources", None)
print(json.dumps(d, indent=1, sort_keys=True))' "$1"
}

# compare <model> <defines...>
compare() {
    local model=$1 label
    shift
    label="$(basename "$model")${*:+ $*}"
    for t in 1 3; do
        rm -rf "$work/t$t" && mkdir -p "$work/t$t"
        (cd "$work/t$t" && "$interleave" check "$model" "$@" --threads "$t" --json \
            --trace-dir traces >out.json 2>err.txt)
        echo $? >"$work/t$t/rc"
        strip "$work/t$t/out.json" >"$work/t$t/summary" 2>/dev/null || cp "$work/t$t/out.json" "$work/t$t/summary"
    done
    if ! grep -q '"states"' "$work/t1/out.json"; then
        echo "FAIL $label: no summary ($(head -c 300 "$work/t1/err.txt"))"; failures=$((failures + 1)); return
    fi
    if ! cmp -s "$work/t1/rc" "$work/t3/rc"; then
        echo "FAIL $label: exit codes $(cat "$work/t1/rc") and $(cat "$work/t3/rc")"; failures=$((failures + 1)); return
    fi
    if ! diff -u "$work/t1/summary" "$work/t3/summary" >"$work/diff"; then
        echo "FAIL $label: summaries differ"; head -20 "$work/diff"; failures=$((failures + 1)); return
    fi
    if ! diff -r "$work/t1/traces" "$work/t3/traces" >/dev/null 2>&1; then
        if [ -d "$work/t1/traces" ] || [ -d "$work/t3/traces" ]; then
            echo "FAIL $label: traces differ"; failures=$((failures + 1)); return
        fi
    fi
    echo "ok   $label ($(ls "$work/t1/traces" 2>/dev/null | wc -l) traces)"
}

cd "$root" || exit 2
for model in specs/examples/*.ilv specs/md/*.ilv; do
    compare "$root/$model"
    while read -r line; do
        # shellcheck disable=SC2046 # one word per -D option
        compare "$root/$model" $(grep -o -- '-D *[A-Za-z_][A-Za-z0-9_]*=[0-9a-z-]*' <<<"$line" | sed 's/^-D */-D /')
    done < <(grep '^// expect-with: ' "$model" | sed -E 's/^(\/\/ expect-with:( +-D +[^ ]+)*).*/\1/' |
        grep -- '-D' | sort -u)
done
[ "$failures" -eq 0 ]
