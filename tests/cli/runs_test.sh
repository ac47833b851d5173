#!/usr/bin/env bash
# End-to-end checks of how a `check` run reports on itself: --coverage and --fail-on-dead-steps,
# progress lines on stderr (--progress-interval, --quiet, a live line on a terminal), clean stops
# on SIGINT/SIGTERM (exit 3, or 1 after a violation; partial summary and JSON; no partial file)
# and --memory-limit (exit 3, outcome memory_limit, real peak RSS near the limit).
# Usage: runs_test.sh INTERLEAVE SOURCE_DIR
set -uo pipefail
ilv="$1"
src="$2"
tmp="$(mktemp -d)"
bg=""
cleanup() {
  if [ -n "$bg" ]; then kill -KILL "$bg" 2>/dev/null; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
ex="$src/specs/examples"
# shellcheck source=expect.sh
source "$(dirname "$0")/expect.sh"

# ---------------------------------------------------------------- coverage
# dead.ilv: `q.never` needs x == 2, but x only takes 0 and 1; q never reaches `gone`.
cat >"$tmp/dead.ilv" <<'ILV'
model dead;
var x: 0..2 = 0;
process p {
  location a, b;
  end b;
  step set: a -> b { x = 1; }
}
process q {
  location wait, done, gone;
  end done;
  step see: wait -> done when x == 1 { }
  step never: wait -> gone when x == 2 { }
}
ILV

expect_exit 0 "--coverage on a clean model" -- "$ilv" check "$ex/peterson.ilv" --coverage --trace-dir "$tmp/t"
expect_text "$tmp/out" '^coverage:$' "coverage heading"
expect_text "$tmp/out" '^  p\[0\]\.raise +[0-9]+ +[0-9]+$' "a step line with its counts"
expect_text "$tmp/out" '^dead steps: none$' "no dead step in peterson"
expect_text "$tmp/out" '^unreached locations: none$' "every location reached in peterson"

expect_exit 0 "a dead step alone does not fail the run" -- "$ilv" check "$tmp/dead.ilv" --coverage --trace-dir "$tmp/t"
expect_text "$tmp/out" '^dead steps: q\.never$' "the dead step is named"
expect_text "$tmp/out" '^unreached locations of q: gone$' "the unreached location is named"
# Hand count: states {a,wait,0} -> {b,wait,1} -> {b,done,1}; p.set and q.see fire once each.
expect_text "$tmp/out" '^  p\.set +1 +1$' "p.set fired once, one new state"
expect_text "$tmp/out" '^  q\.never +0 +0$' "q.never never fired"

expect_exit 1 "--fail-on-dead-steps fails a run with a dead step" -- "$ilv" check "$tmp/dead.ilv" --fail-on-dead-steps --trace-dir "$tmp/t"
expect_text "$tmp/err" 'fail-on-dead-steps: 1 step' "the reason is on stderr"
expect_exit 0 "--fail-on-dead-steps passes a run without one" -- "$ilv" check "$ex/peterson.ilv" --fail-on-dead-steps --trace-dir "$tmp/t"

expect_exit 0 "--coverage --json" -- "$ilv" check "$tmp/dead.ilv" --coverage --json --trace-dir "$tmp/t"
expect_json "$tmp/out" 'j["coverage"]["partial"] is False' "complete coverage is not partial"
expect_json "$tmp/out" 'j["coverage"]["dead_steps"] == ["q.never"]' "dead_steps in JSON"
expect_json "$tmp/out" 'j["coverage"]["unreached_locations"] == {"p": [], "q": ["gone"]}' "unreached_locations in JSON"
expect_json "$tmp/out" '[(s["name"], s["fired"], s["new_states"]) for s in j["coverage"]["steps"]] == [("p.set",1,1),("q.see",1,1),("q.never",0,0)]' "per-step counts in JSON (hand count)"
expect_exit 0 "no coverage object without --coverage" -- "$ilv" check "$tmp/dead.ilv" --json --trace-dir "$tmp/t"
expect_json "$tmp/out" '"coverage" not in j' "coverage only on request"

expect_exit 3 "coverage of a run cut by a limit" -- "$ilv" check "$ex/ticket_lock.ilv" --coverage --max-states 20 --trace-dir "$tmp/t"
expect_text "$tmp/out" '^coverage \(partial' "partial coverage is said in the summary"
expect_text "$tmp/out" 'search ended early: state_limit' "the limit is named"
expect_exit 3 "partial coverage in JSON" -- "$ilv" check "$ex/ticket_lock.ilv" --coverage --max-states 20 --json --fail-on-dead-steps --trace-dir "$tmp/t"
expect_json "$tmp/out" 'j["coverage"]["partial"] is True and j["outcome"] == "state_limit"' "partial coverage and the outcome in JSON"

# ---------------------------------------------------------------- progress
# counters.ilv with M = 200 has 8,000,000 states: long enough to sample, cut by --max-states.
big=("$src/bench/models/counters.ilv")
expect_exit 3 "progress lines off a terminal" -- "$ilv" check "${big[@]}" --max-states 400000 --progress-interval 0.02 --trace-dir "$tmp/t"
cp "$tmp/out" "$tmp/progress.out"
expect_text "$tmp/err" '^interleave: [0-9.]+ s: [0-9]+ states \([0-9]+/s\), depth [0-9]+, queue [0-9]+, memory [0-9.]+ [MG]iB$' "a plain progress line on stderr"
if grep -q $'\r' "$tmp/err"; then fail "a carriage return off a terminal"; else pass; fi
expect_exit 3 "--quiet" -- "$ilv" check "${big[@]}" --max-states 400000 --progress-interval 0.02 --quiet --trace-dir "$tmp/t"
[ ! -s "$tmp/err" ] && pass || { fail "--quiet printed on stderr"; head -3 "$tmp/err"; }
# Same stdout with and without progress, timing line aside.
if diff <(grep -v '^states ' "$tmp/progress.out") <(grep -v '^states ' "$tmp/out") >/dev/null; then pass; else
  fail "progress changed stdout"; diff <(grep -v '^states ' "$tmp/progress.out") <(grep -v '^states ' "$tmp/out") | head
fi
expect_exit 3 "progress with --json" -- "$ilv" check "${big[@]}" --max-states 400000 --progress-interval 0.02 --json --threads 2 --trace-dir "$tmp/t"
expect_text "$tmp/err" '^interleave: .* states ' "progress with --threads 2"
expect_json "$tmp/out" 'j["outcome"] == "state_limit" and j["states"] == 400000' "JSON intact with progress"
if command -v script >/dev/null; then
  script -qc "'$ilv' check '$big' --max-states 400000 --progress-interval 0.02 --trace-dir '$tmp/t' >'$tmp/tty.out'" /dev/null >"$tmp/tty" 2>&1
  if grep -q $'\r'"interleave: .* states (" "$tmp/tty" && grep -q $'\033\\[K' "$tmp/tty"; then pass; else
    fail "no live line on a terminal"; head -c 400 "$tmp/tty" | od -c | head
  fi
  expect_text "$tmp/tty.out" '^result: INCOMPLETE$' "stdout unchanged on a terminal"
else
  echo "skip: no 'script' for the terminal case"
fi

# ---------------------------------------------------------------- signals
# run_until_progress ERRFILE COMMAND...: starts COMMAND in the background (pid in $bg) and
# waits until its first progress line, so the signal surely lands during the search.
run_until_progress() {
  local errfile="$1"
  shift
  "$@" >"$tmp/out" 2>"$errfile" &
  bg=$!
  for _ in $(seq 1 300); do
    grep -q ' states (' "$errfile" 2>/dev/null && return 0
    sleep 0.05
  done
  return 1
}

# stop_with SIGNAL: sends SIGNAL to $bg, waits; the exit status is in $stopped
stop_with() {
  kill "-$1" "$bg"
  wait "$bg"
  stopped=$?
  bg=""
}

run_until_progress "$tmp/err" "$ilv" check "${big[@]}" --progress-interval 0.05 --trace-dir "$tmp/sig" || fail "SIGINT: no progress seen"
stop_with INT
[ "$stopped" -eq 3 ] && pass || fail "SIGINT: exit $stopped, expected 3"
expect_text "$tmp/out" 'search ended early: interrupted' "SIGINT: the summary says interrupted"
expect_text "$tmp/out" '^  in_range +invariant +incomplete' "SIGINT: undecided verdicts are incomplete"
expect_text "$tmp/out" '^states [0-9]+, transitions' "SIGINT: partial statistics"
expect_text "$tmp/out" '^result: INCOMPLETE$' "SIGINT: overall incomplete"
expect_text "$tmp/err" 'stopped by SIGINT' "SIGINT: named on stderr"

# Several models: the one running reports incomplete, the ones after it are not started.
cp "$src/specs/examples/tiny_pair.ilv" "$tmp/z_after.ilv"
run_until_progress "$tmp/err" "$ilv" check "${big[@]}" "$tmp/z_after.ilv" --progress-interval 0.05 --trace-dir "$tmp/sig" || fail "SIGINT, two models: no progress seen"
stop_with INT
[ "$stopped" -eq 3 ] && pass || fail "SIGINT, two models: exit $stopped, expected 3"
expect_text "$tmp/out" 'z_after.ilv: not checked \(incomplete, exit 3\): not checked: stopped by SIGINT' "SIGINT: later models not started"
expect_text "$tmp/out" '^total: 2 models: 0 hold, 0 violated, 2 incomplete' "SIGINT: both models incomplete"

run_until_progress "$tmp/err" "$ilv" check "${big[@]}" --progress-interval 0.05 --json --coverage --trace-dir "$tmp/sig" || fail "SIGTERM: no progress seen"
stop_with TERM
[ "$stopped" -eq 3 ] && pass || fail "SIGTERM: exit $stopped, expected 3"
expect_json "$tmp/out" 'j["outcome"] == "interrupted" and j["result"] == "incomplete" and 0 < j["states"] < 8000000' "SIGTERM: partial JSON"
expect_json "$tmp/out" 'j["coverage"]["partial"] is True' "SIGTERM: partial coverage"

# A violation found before the signal: exit 1, and its trace is complete and replays.
cat >"$tmp/early.ilv" <<'ILV'
model early;
// The counters of bench/models/counters.ilv, and an invariant broken after one step.
var c[3]: 0..199;
process counter[i in 0..2] {
  location run;
  step one: run -> run { c[i] = (c[i] + 1) % 200; }
  step two: run -> run { c[i] = (c[i] + 2) % 200; }
}
invariant first_still_zero: c[0] == 0;
ILV
run_until_progress "$tmp/err" "$ilv" check "$tmp/early.ilv" --progress-interval 0.05 --trace-dir "$tmp/sig" || fail "violation then SIGINT: no progress seen"
stop_with INT
[ "$stopped" -eq 1 ] && pass || fail "violation then SIGINT: exit $stopped, expected 1"
expect_text "$tmp/out" '^  first_still_zero +invariant +violated' "violation kept after SIGINT"
expect_text "$tmp/out" '^  deadlock +deadlock +incomplete' "other verdicts incomplete after SIGINT"
expect_exit 0 "the trace written before the stop replays" -- "$ilv" replay "$tmp/sig/early.first_still_zero.trace.json" "$tmp/early.ilv"
left="$(find "$tmp/sig" -name '*.tmp*')"
[ -z "$left" ] && pass || fail "temporary files left in the trace dir: $left"
[ "$(find "$tmp/sig" -type f | wc -l)" -eq 1 ] && pass || { fail "unexpected files in the trace dir"; ls -la "$tmp/sig"; }

# ---------------------------------------------------------------- memory limit
if [ -x /usr/bin/time ]; then
  # Under AddressSanitizer freed blocks stay resident in its quarantine (the store's old hash
  # tables after each resize), which a normal allocator returns: measure without it.
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0" \
  /usr/bin/time -v -o "$tmp/time" "$ilv" check "${big[@]}" --memory-limit 64M --json --quiet --trace-dir "$tmp/t" >"$tmp/out" 2>"$tmp/err"
  code=$?
  [ "$code" -eq 3 ] && pass || { fail "--memory-limit 64M: exit $code, expected 3"; cat "$tmp/err"; }
  expect_json "$tmp/out" 'j["outcome"] == "memory_limit" and j["result"] == "incomplete"' "--memory-limit: outcome memory_limit"
  peak_kib="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time")"
  limit_kib=$((64 * 1024))
  # The store stops before an allocation would cross the limit, so the real peak stays below
  # it; it must also have used most of it (otherwise the limit was not what stopped it).
  if [ -n "$peak_kib" ] && [ "$peak_kib" -le "$limit_kib" ] && [ "$peak_kib" -ge $((limit_kib / 4)) ]; then pass; else
    fail "--memory-limit 64M: peak RSS ${peak_kib:-?} KiB, expected between 16 and 64 MiB"
  fi
else
  echo "skip: no /usr/bin/time for the memory-limit peak"
fi

echo "runs: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
