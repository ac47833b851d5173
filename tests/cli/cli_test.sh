#!/usr/bin/env bash
# End-to-end checks of the `interleave` command line: exit codes, outputs, trace files, replay.
# Usage: cli_test.sh INTERLEAVE SOURCE_DIR
set -uo pipefail
ilv="$1"
src="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=expect.sh
source "$(dirname "$0")/expect.sh"

ex="$src/specs/examples"
expect_exit 0 "a model whose properties hold" -- "$ilv" check "$ex/peterson.ilv" --trace-dir "$tmp/t"
expect_text "$tmp/out" '^result: HOLDS$' "summary verdict"
expect_text "$tmp/out" '^  mutex +invariant +holds' "per-property line"

expect_exit 1 "a violated invariant" -- "$ilv" check "$ex/broken_mutex.ilv" --trace-dir "$tmp/t"
expect_text "$tmp/out" 'trace: .*broken_mutex\.mutex\.trace\.json' "trace path in the summary"
[ -f "$tmp/t/broken_mutex.mutex.trace.json" ] && pass || fail "trace file missing"
[ -z "$(find "$tmp/t" -name '*.tmp*')" ] && pass || fail "temporary trace files left behind"

expect_exit 0 "replay confirms the violation" -- "$ilv" replay "$tmp/t/broken_mutex.mutex.trace.json"
expect_text "$tmp/out" "replay confirms: invariant 'mutex' violated after 4 steps" "replay message"

sed 's/location/location/; $a // an edit' "$ex/broken_mutex.ilv" >"$tmp/changed.ilv"
expect_exit 1 "replay against a changed model" -- "$ilv" replay "$tmp/t/broken_mutex.mutex.trace.json" "$tmp/changed.ilv"
expect_text "$tmp/out" 'the model changed since the trace was written' "changed-model message"

printf 'not json' >"$tmp/bad.json"
expect_exit 2 "replay of a corrupt trace" -- "$ilv" replay "$tmp/bad.json"

expect_exit 1 "--json on a violation" -- "$ilv" check "$ex/philosophers.ilv" --json --trace-dir "$tmp/t"
expect_text "$tmp/out" '"name": "deadlock"' "deadlock reported under its name"
expect_text "$tmp/out" '"states": 82' "states in JSON"
python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert {"states","transitions","max_depth","state_bytes","properties"} <= set(j) and {"seconds","peak_memory_bytes"} <= set(j["resources"])' "$tmp/out" &&
  pass || fail "--json misses a required key"

expect_exit 3 "a state limit makes the run incomplete" -- "$ilv" check "$ex/ticket_lock.ilv" --max-states 100 --trace-dir "$tmp/t"
expect_text "$tmp/out" 'search ended early: state_limit' "limit named in the summary"
expect_exit 3 "a depth limit makes the run incomplete" -- "$ilv" check "$ex/ticket_lock.ilv" --max-depth 3 --trace-dir "$tmp/t"
expect_exit 1 "--stop-first stops at the first violation" -- "$ilv" check "$ex/broken_mutex.ilv" --stop-first --trace-dir "$tmp/t"
expect_exit 0 "--property selects properties" -- "$ilv" check "$ex/broken_mutex.ilv" --property flag_iff_inside --trace-dir "$tmp/t"
expect_text "$tmp/out" '^  mutex +invariant +not_checked' "unselected property not checked"
expect_exit 2 "--property with an unknown name" -- "$ilv" check "$ex/broken_mutex.ilv" --property nope
expect_exit 0 "--no-deadlock" -- "$ilv" check "$ex/philosophers.ilv" --no-deadlock --trace-dir "$tmp/t"
expect_exit 1 "-D changes the model" -- "$ilv" check "$ex/philosophers.ilv" -D N=3 --json --trace-dir "$tmp/t"
expect_text "$tmp/out" '"states": 14' "-D N=3 state count"
expect_exit 2 "-D with a malformed value" -- "$ilv" check "$ex/philosophers.ilv" -D N=x
expect_exit 2 "-D naming no const" -- "$ilv" check "$ex/philosophers.ilv" -D NOPE=1
expect_text "$tmp/err" 'E0601' "E0601 printed"
expect_exit 1 "DFS finds the violation too" -- "$ilv" check "$ex/broken_mutex.ilv" --search dfs --trace-dir "$tmp/t"

printf 'model m;\nvar x: 0..3 = 9;\n' >"$tmp/bad.ilv"
expect_exit 2 "a model error" -- "$ilv" check "$tmp/bad.ilv"
expect_text "$tmp/err" "bad\.ilv:2:15: error: initial value 9 of 'x' is out of range 0\.\.3 \[E0403\]" "diagnostic format"
expect_exit 2 "a missing file" -- "$ilv" check "$tmp/missing.ilv"
expect_exit 2 "an unknown option" -- "$ilv" check "$ex/peterson.ilv" --frobnicate
expect_exit 2 "no subcommand" -- "$ilv"
expect_exit 0 "--help" -- "$ilv" check --help
expect_text "$tmp/out" 'Exit codes' "help explains exit codes"
expect_text "$tmp/out" 'interleave check specs/examples/peterson.ilv' "help has an example"

echo "cli: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
