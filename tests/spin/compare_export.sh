#!/usr/bin/env bash
# Compares `interleave check` with SPIN on the Promela that `interleave export promela` writes.
#
#   compare_export.sh [--variants] INTERLEAVE MODEL.ilv [-D NAME=VALUE ...]
#
# For the model (and, with --variants, for every `// expect-with: -D ...` line of its header)
# it runs `interleave check --json` and
#   interleave export promela MODEL -D ... -o m.pml
#   spin -DILV_VERDICTS -a m.pml && gcc -O2 -DNOREDUCE -DPRINTF -o pan pan.c && ./pan -E
# then checks that SPIN's "states, stored" equals our state count, and that the properties
# SPIN reports (`ilv-violation P` lines) are exactly the ones we find violated. The count is
# compared only when our search is complete (it stops early once every property is
# violated). Liveness properties are not exported (docs/promela.md), so only the safety
# verdicts are compared. A model that does not compile (exit 2) is skipped: it has no state space.
#
# Prints one line per run; exits 1 if any run disagrees, 77 (skipped) without spin or gcc.
# ILV_SPIN_CFLAGS overrides the C compiler flags (default -O2); with ILV_MAX_STATES set, a model
# with more states is skipped.
set -u

variants=0
if [ "${1:-}" = --variants ]; then variants=1; shift; fi
if [ $# -lt 2 ]; then sed -n '2,18p' "${BASH_SOURCE[0]}"; exit 2; fi
interleave=$1
model=$2
shift 2

for tool in spin gcc; do
    if ! command -v "$tool" >/dev/null 2>&1; then echo "SKIP: $tool not found"; exit 77; fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# ours <defines...>: prints "outcome states violated-properties..." from interleave check.
ours() {
    "$interleave" check "$model" --json --trace-dir "$work/traces" \
        ${ILV_MAX_STATES:+--max-states "$ILV_MAX_STATES"} "$@" 2>"$work/check.err" |
        awk -F'"' '
            /^  "outcome"/ { outcome = $4 }
            /^  "states"/ { gsub(/[^0-9]/, "", $3); states = $3 }
            /^      "name"/ { name = $4 }
            /^      "kind"/ { kind = $4 }
            /^      "verdict": "violated"/ { if (kind != "liveness") bad = bad " " name }
            END { printf "%s %s%s\n", outcome, states, bad }'
}

# spin_run <states> <defines...>: exports, builds and runs pan; prints "states violated...".
spin_run() {
    local states=$1 w=10 depth
    shift
    while [ $((1 << w)) -lt $((2 * states)) ] && [ "$w" -lt 28 ]; do w=$((w + 1)); done
    depth=$((states + 100))
    rm -rf "$work/pan" && mkdir "$work/pan"
    "$interleave" export promela "$model" "$@" -o "$work/pan/m.pml" 2>"$work/export.err" ||
        { echo "export-failed"; cat "$work/export.err" >&2; return; }
    # shellcheck disable=SC2086 # flags are a word list
    (cd "$work/pan" && spin -DILV_VERDICTS -a m.pml >spin.log 2>&1 &&
        gcc ${ILV_SPIN_CFLAGS:--O2} -w -DNOREDUCE -DPRINTF -o pan pan.c >gcc.log 2>&1) ||
        { echo "build-failed"; cat "$work"/pan/*.log >&2; return; }
    (cd "$work/pan" && ./pan -E -w"$w" -m"$depth" >pan.log 2>&1)
    if grep -q 'max search depth too small\|errors: [1-9]' "$work/pan/pan.log"; then
        echo "pan-incomplete"; return
    fi
    echo "$(awk '/states, stored/ { print $1; exit }' "$work/pan/pan.log")" \
        "$(sed -n 's/^ *ilv-violation \([^ ]*\)$/\1/p' "$work/pan/pan.log" | sort -u | tr '\n' ' ')"
}

# compare <label> <defines...>
compare() {
    local label=$1 mine theirs outcome states bad spin_states spin_bad ok=1 note=""
    shift
    mine=$(ours "$@")
    outcome=${mine%% *}
    if [ -z "$outcome" ]; then
        echo "skip  $label: interleave check failed ($(head -c 200 "$work/check.err"))"
        return
    fi
    if [ "$outcome" = state_limit ]; then
        echo "skip  $label: more than $ILV_MAX_STATES states"
        return
    fi
    states=$(cut -d' ' -f2 <<<"$mine")
    bad=$(cut -d' ' -f3- <<<"$mine" | tr ' ' '\n' | sed '/^$/d' | sort -u | tr '\n' ' ')
    theirs=$(spin_run "$states" "$@")
    spin_states=${theirs%% *}
    spin_bad=$(cut -d' ' -f2- -s <<<"$theirs")
    if ! [[ $spin_states =~ ^[0-9]+$ ]]; then
        ok=0; note="SPIN: $theirs"
    elif [ "$outcome" = complete ] && [ "$spin_states" != "$states" ]; then
        ok=0; note="states $states, SPIN $spin_states"
    elif [ "$bad" != "$spin_bad" ]; then
        ok=0; note="violated [${bad% }], SPIN [${spin_bad% }]"
    else
        note="states $states$([ "$outcome" = complete ] || echo " ($outcome, count not compared)"), violated [${bad% }]"
    fi
    if [ "$ok" = 1 ]; then echo "ok    $label: $note"; else echo "FAIL  $label: $note"; failures=$((failures + 1)); fi
}

name=$(basename "$model" .ilv)
compare "$name${*:+ $*}" "$@"
if [ "$variants" = 1 ]; then
    while read -r line; do
        # shellcheck disable=SC2046 # one word per -D option
        set -- $(grep -o -- '-D *[A-Za-z_][A-Za-z0-9_]*=[0-9a-z-]*' <<<"$line" | tr -d ' ' | sed 's/^-D/-D /')
        compare "$name $*" "$@"
    done < <(grep '^// expect-with: ' "$model" | sed -E 's/^(\/\/ expect-with:( +-D +[^ ]+)*).*/\1/' |
        sort -u)
fi
[ "$failures" -eq 0 ]
