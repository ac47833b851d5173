#!/usr/bin/env bash
# `interleave graph`: the DOT it writes parses with Graphviz (`dot -Tsvg`, installed from
# Debian's graphviz when missing), has the hand-counted states and transitions, and highlights
# the counterexample's steps.
# Usage: check_graph.sh INTERLEAVE SOURCE_DIR
set -euo pipefail
interleave="$1"
root="$2"
command -v dot >/dev/null || "$root/scripts/deps.sh" graphviz
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
model="$root/specs/examples/broken_mutex.ilv"
fail=0
expect() { # expect WHAT ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1: got '$2', expected '$3'"; fail=1; fi
}

"$interleave" check "$model" -D N=2 --trace-dir "$tmp" --property mutex >/dev/null || true
trace="$tmp/broken_mutex.mutex.trace.json"
"$interleave" graph "$model" -D N=2 --dot "$tmp/g.dot" --trace "$trace" >/dev/null
dot -Tsvg "$tmp/g.dot" -o "$tmp/g.svg"
expect "dot -Tsvg parses the graph" "$(grep -c '<svg' "$tmp/g.svg")" 1
# N = 2: every pair of locations in {idle, ready, cs} is reachable (3^2 = 9 states). A process
# at ready or cs can always step; at idle only while the other is not at cs: per process 6 + 2
# enabled steps over the 9 states, 16 transitions in all.
expect "9 states" "$(grep -cE '^[0-9]+\[label=' "$tmp/g.dot")" 9
expect "16 transitions" "$(grep -cE '^[0-9]+->[0-9]+ ' "$tmp/g.dot")" 16
expect "the 4 steps of the counterexample are highlighted" \
  "$(grep -E '^[0-9]+->[0-9]+ ' "$tmp/g.dot" | grep -c 'penwidth')" 4
expect "its 5 states are highlighted" "$(grep -E '^[0-9]+\[label=' "$tmp/g.dot" | grep -c 'penwidth')" 5
# Two states break mutual exclusion? Only one: both processes at cs.
expect "the state breaking the invariant is filled" "$(grep -c 'fillcolor' "$tmp/g.dot")" 1

"$interleave" graph "$model" -D N=2 --dot "$tmp/p.dot" --max-states 4 >/dev/null
dot -Tsvg "$tmp/p.dot" -o "$tmp/p.svg"
expect "a partial graph has 4 states" "$(grep -cE '^[0-9]+\[label=' "$tmp/p.dot")" 4
expect "a partial graph says so" "$(grep -c 'partial: stopped at --max-states 4' "$tmp/p.dot")" 1

status=0
"$interleave" graph "$model" -D N=3 --dot "$tmp/x.dot" --trace "$trace" 2>/dev/null || status=$?
expect "a trace of other -D values is refused (exit 2)" "$status" 2
exit $fail
