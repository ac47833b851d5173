#!/usr/bin/env bash
# Checks the Promela twins in tests/spin/ against the expectations written in the headers of
# specs/examples/*.ilv, so that the state counts our checker is tested against come from SPIN.
#
#   check_twins.sh [--verdicts] [model.ilv ...]
#
# For every `// expect: ... states=N ... source=spin:<twin>` line, and every
# `// expect-with: -D K=V ... states=N source=spin:<twin>` line (the -D values are passed to
# SPIN's preprocessor), it runs
#   spin -a <twin> && gcc -O2 -DNOREDUCE -o pan pan.c && ./pan -E -m100000
# in a temporary directory and compares "states, stored" with N. (The script compiles pan with
# -O0 and runs it with -w20, to save time: neither the optimisation level nor the size of
# pan's hash table changes which states are stored.)
#
# With --verdicts it also checks every `// expect: <property> holds|violated` and
# `// expect: depth <property> K` line of a model whose twin is tests/spin/<model>.pml, using
# the hooks of tests/spin/verdict_hooks.pml and a breadth-first pan (shortest counterexamples):
#   deadlock       -DCHECK_DEADLOCK, pan without -E: "invalid end state"; K = its depth
#   runtime_error  -DCHECK=RANGES never claim, pan -A; K = the steps of the trail
#   P.S.assertN    the model's own asserts, pan -E; K = the depth of the failing state + 1
#   <invariant>    -DCHECK=INV_<invariant> never claim, pan -A; K = the steps of the trail
# (an assert property only says whether some model assert fails, not which one).
#
# Prints one line per check; exits 1 if any check fails, 77 (skipped) if spin or gcc is absent.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

verdicts=0
models=()
for arg in "$@"; do
    case $arg in
        --verdicts) verdicts=1 ;;
        -h|--help) sed -n '2,24p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) models+=("$arg") ;;
    esac
done
[ ${#models[@]} -eq 0 ] && models=("$root"/specs/examples/*.ilv)

for tool in spin gcc; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool not found"
        exit 77
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# build <twin> <cc flags> [spin -D options...]: generates and compiles pan in $work.
build() {
    local twin=$1 ccflags=$2
    shift 2
    rm -f "$work"/pan* "$work"/*.trail
    # shellcheck disable=SC2086 # ccflags is a list of flags
    if ! (cd "$work" && spin "$@" -a "$twin" >spin.log 2>&1 &&
        gcc $ccflags -DNOREDUCE -o pan pan.c >gcc.log 2>&1); then
        echo "build failed: spin $* -a $twin" >&2
        cat "$work"/*.log >&2
        return 1
    fi
}

# report <ok?> <text>: prints one result line and remembers failures.
report() {
    if [ "$1" = 1 ]; then echo "ok    $2"; else echo "FAIL  $2"; failures=$((failures + 1)); fi
}

# check_count <label> <expected> <twin> [spin -D options...]
check_count() {
    local label=$1 expected=$2 twin=$3 out stored
    shift 3
    if ! build "$twin" -O0 "$@"; then report 0 "$label: cannot build $twin"; return; fi
    out=$(cd "$work" && ./pan -E -m100000 -w20 2>&1)
    stored=$(awk '/states, stored/ { print $1; exit }' <<<"$out")
    if grep -q 'max search depth too small' <<<"$out" || ! grep -q 'errors: 0' <<<"$out"; then
        report 0 "$label: pan search incomplete or failed (stored ${stored:-?})"
    else
        report "$([ "$stored" = "$expected" ] && echo 1)" \
            "$label: states=$expected, SPIN states stored=${stored:-?}"
    fi
}

# trail_steps: the number of steps in pan's trail file (control lines have negative fields).
trail_steps() {
    cat "$work"/*.trail 2>/dev/null | awk -F: '$1 > 0 { n++ } END { print n + 0 }'
}

# run_verdict <twin> <property>: prints "holds" or "violated <depth>".
run_verdict() {
    local twin=$1 prop=$2 out depth
    case $prop in
        deadlock) build "$twin" "-O0 -DBFS" -DCHECK_DEADLOCK || return 1
                  out=$(cd "$work" && ./pan -A -m100000 -w20 2>&1) ;;
        runtime_error) build "$twin" "-O0 -DBFS" -DCHECK=RANGES || return 1
                  out=$(cd "$work" && ./pan -E -A -m100000 -w20 2>&1) ;;
        *.assert*) build "$twin" "-O0 -DBFS" || return 1
                  out=$(cd "$work" && ./pan -E -m100000 -w20 2>&1) ;;
        *) build "$twin" "-O0 -DBFS" "-DCHECK=INV_$prop" || return 1
                  out=$(cd "$work" && ./pan -E -A -m100000 -w20 2>&1) ;;
    esac
    if grep -q 'errors: 0' <<<"$out"; then echo holds; return 0; fi
    depth=$(sed -n 's/^pan:1: .*(at depth \([0-9]*\)).*/\1/p' <<<"$out" | head -n 1)
    case $prop in
        deadlock) ;;
        *.assert*) depth=$((depth + 1)) ;;
        *) depth=$(trail_steps) ;;
    esac
    echo "violated $depth"
}

# check_verdicts <model.ilv> <twin> <label>
check_verdicts() {
    local ilv=$1 twin=$2 name=$3 prop want got depth expected_depth
    while read -r prop want; do
        got=$(run_verdict "$twin" "$prop") || { report 0 "$name: $prop: cannot build"; continue; }
        report "$([ "${got%% *}" = "$want" ] && echo 1)" "$name: $prop $want (SPIN: $got)"
        expected_depth=$(sed -n "s/^\/\/ expect: depth $prop \([0-9]*\).*/\1/p" "$ilv")
        if [ -n "$expected_depth" ]; then
            depth=${got#violated }
            report "$([ "$depth" = "$expected_depth" ] && echo 1)" \
                "$name: depth $prop $expected_depth (SPIN: ${depth})"
        fi
    done < <(sed -n 's/^\/\/ expect: \([A-Za-z_][A-Za-z0-9_.]*\) \(holds\|violated\)\b.*/\1 \2/p' \
        "$ilv")
}

for ilv in "${models[@]}"; do
    name=$(basename "$ilv" .ilv)
    while read -r expected path; do
        check_count "$name" "$expected" "$root/$path"
    done < <(sed -n 's/^\/\/ expect: .*states=\([0-9]*\).* source=spin:\([^ ]*\).*/\1 \2/p' "$ilv")
    while read -r line; do
        defs=$(grep -o -- '-D *[A-Za-z_][A-Za-z0-9_]*=[0-9-]*' <<<"$line" | tr -d ' ' | tr '\n' ' ')
        expected=$(sed -n 's/.*states=\([0-9]*\).*/\1/p' <<<"$line")
        path=$(sed -n 's/.*source=spin:\([^ ]*\).*/\1/p' <<<"$line")
        # shellcheck disable=SC2086 # one word per -D option
        check_count "$name ${defs% }" "$expected" "$root/$path" $defs
    done < <(grep '^// expect-with: .*source=spin:' "$ilv")
    if [ "$verdicts" = 1 ] && [ -f "$here/$name.pml" ]; then
        check_verdicts "$ilv" "$here/$name.pml" "$name"
    fi
done

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
