#!/usr/bin/env bash
# `interleave view` from the command line: exit codes, plain text when piped, colour only on
# a terminal (a pseudo-terminal from `script`) and never with --no-color or NO_COLOR, the
# width from COLUMNS, and the HTML file.
# Usage: check_view.sh INTERLEAVE SOURCE_DIR
set -euo pipefail
interleave="$1"
root="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() { # expect WHAT ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then echo "ok: $1"; else echo "FAIL: $1: got '$2', expected '$3'"; fail=1; fi
}
esc=$'\033'

"$interleave" check "$root/specs/examples/assert_fail.ilv" --trace-dir "$tmp" >/dev/null || true
trace="$(ls "$tmp"/*.trace.json | head -n 1)"

"$interleave" view "$trace" >"$tmp/piped.txt"
expect "piped output has no colour" "$(grep -c "$esc" "$tmp/piped.txt" || true)" 0
widest() { LC_ALL=C.UTF-8 wc -L | awk '{ print $1 }'; } # display width of the widest line
expect "piped output is at most 100 wide" "$(widest <"$tmp/piped.txt" | awk '{ print ($1 <= 100) }')" 1
expect "the failing assert is shown" "$(grep -c 'a deposit was lost' "$tmp/piped.txt")" 2

tty_run() { script -qec "$1" /dev/null </dev/null | tr -d '\r'; }
tty_run "COLUMNS=60 '$interleave' view '$trace'" >"$tmp/tty.txt"
expect "a terminal gets colour" "$(grep -c "$esc\[" "$tmp/tty.txt" | awk '{ print ($1 > 0) }')" 1
expect "COLUMNS sets the width" \
  "$(sed "s/$esc\[[0-9;]*m//g" "$tmp/tty.txt" | widest | awk '{ print ($1 > 50 && $1 <= 60) }')" 1
tty_run "'$interleave' view --no-color '$trace'" >"$tmp/nocolor.txt"
expect "--no-color on a terminal" "$(grep -c "$esc\[" "$tmp/nocolor.txt" || true)" 0
tty_run "NO_COLOR=1 '$interleave' view '$trace'" >"$tmp/nocolor_env.txt"
expect "NO_COLOR on a terminal" "$(grep -c "$esc\[" "$tmp/nocolor_env.txt" || true)" 0

"$interleave" view --html "$trace" -o "$tmp/v.html" >/dev/null
expect "--html writes one page" "$(grep -c '</html>' "$tmp/v.html")" 1
status=0
"$interleave" view --html "$trace" 2>/dev/null || status=$?
expect "--html without -o is a usage error" "$status" 2
status=0
"$interleave" view "$tmp/missing.trace.json" 2>/dev/null || status=$?
expect "a missing trace is exit 2" "$status" 2
sed 's/"digest": "[0-9a-f]*"/"digest": "0000000000000000"/' "$trace" >"$tmp/changed.trace.json"
"$interleave" view "$tmp/changed.trace.json" >"$tmp/changed.txt"
# The note wraps at the width like any text (where depends on the model's path): join the lines.
expect "a changed model is noted" \
  "$(tr -s ' \n' '  ' <"$tmp/changed.txt" | grep -o 'changed since the trace was written' | wc -l)" 1
exit $fail
