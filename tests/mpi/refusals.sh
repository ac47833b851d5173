#!/usr/bin/env bash
# `check --distributed` refuses what it cannot do, with exit 2 and a message naming the reason,
# and keeps the single-process meaning of the depth limit.
#   refusals.sh INTERLEAVE ROOT MPIRUN
set -u
interleave=$1
root=$2
read -r -a mpirun <<<"$3"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
failures=0
examples=$root/specs/examples

# expect_refusal <label> <pattern> <check arguments...>: exit 2 and <pattern> on stderr.
expect_refusal() {
    local label=$1 pattern=$2
    shift 2
    "${mpirun[@]}" -np 2 "$interleave" check "$@" --distributed >out.txt 2>err.txt
    local rc=$?
    if [ "$rc" -ne 2 ] || ! grep -q -- "$pattern" err.txt; then
        echo "FAIL $label: exit $rc, stderr: $(head -c 400 err.txt)"; failures=$((failures + 1)); return
    fi
    if [ "$(grep -c -- "$pattern" err.txt)" -ne 1 ]; then
        echo "FAIL $label: the message is not printed once (rank 0 only)"; failures=$((failures + 1)); return
    fi
    echo "ok   $label"
}

expect_refusal "liveness named" "cannot check the liveness properties finite_polls, waiter_finishes, setter_stops" \
    "$examples/wait_for_flag.ilv"
expect_refusal "only the selected liveness property" "liveness properties p1_enters;" \
    "$examples/polite.ilv" --property p1_enters --property deadlock
expect_refusal "with --threads" "cannot be combined with --threads" "$examples/peterson.ilv" --threads 2
expect_refusal "with dfs" "breadth-first only" "$examples/peterson.ilv" --search dfs
expect_refusal "unknown property" "the model has no property 'nope'" "$examples/peterson.ilv" --property nope

# Selecting only safety properties of a model with liveness ones is accepted.
if "${mpirun[@]}" -np 2 "$interleave" check "$examples/wait_for_flag.ilv" --property deadlock \
    --distributed --json >out.json 2>err.txt && grep -q '"result": "holds"' out.json; then
    echo "ok   safety selection accepted"
else
    echo "FAIL safety selection: $(head -c 400 err.txt)"; failures=$((failures + 1))
fi

# --max-depth cuts at the same depth as one process: same states, transitions and outcome.
fields() { python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["outcome"], d["states"], d["transitions"], d["max_depth"], d["result"])' "$1"; }
"$interleave" check "$examples/peterson.ilv" --max-depth 5 --json >single.json 2>/dev/null
"${mpirun[@]}" -np 3 "$interleave" check "$examples/peterson.ilv" --max-depth 5 --json \
    --distributed >dist.json 2>/dev/null
if [ "$(fields single.json)" = "$(fields dist.json)" ] && grep -q depth_limit single.json; then
    echo "ok   --max-depth 5"
else
    echo "FAIL --max-depth 5: $(fields single.json) vs $(fields dist.json)"; failures=$((failures + 1))
fi

# --max-states caps the global count: each of K ranks stores at most ceil(N / K) states.
"${mpirun[@]}" -np 2 "$interleave" check "$examples/peterson.ilv" --max-states 50 --json \
    --distributed >cap.json 2>/dev/null
rc=$?
if [ "$rc" -eq 3 ] && python3 -c '
import json, sys
d = json.load(open("cap.json"))
assert d["outcome"] == "state_limit" and d["result"] == "incomplete"
assert all(n <= 25 for n in d["distributed"]["states_per_rank"]) and d["states"] <= 50
'; then
    echo "ok   --max-states 50"
else
    echo "FAIL --max-states 50: exit $rc, $(head -c 400 cap.json)"; failures=$((failures + 1))
fi
[ "$failures" -eq 0 ]
