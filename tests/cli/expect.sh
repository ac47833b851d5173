# Shared helpers of the shell tests in tests/cli, sourced after `tmp` (a scratch directory) is
# set. Each check counts into `passes` or `fails` and prints `FAIL: ...` with the evidence.

passes=0
fails=0

pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $1"; fails=$((fails + 1)); }

# expect_exit CODE DESCRIPTION -- COMMAND...   (stdout in $tmp/out, stderr in $tmp/err)
expect_exit() {
  local want="$1" what="$2"
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    fail "$what: exit $got, expected $want"; sed 's/^/  | /' "$tmp/out" "$tmp/err" | head -20
  else
    pass
  fi
}

# expect_text FILE PATTERN DESCRIPTION
expect_text() {
  if grep -qE -- "$2" "$1"; then pass; else
    fail "$3: no line matching '$2' in $(basename "$1")"; sed 's/^/  | /' "$1" | head -20
  fi
}

# expect_json FILE PYTHON-EXPRESSION-ON-j DESCRIPTION
expect_json() {
  if python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2"; then
    pass
  else
    fail "$3: '$2' is false"; head -c 1500 "$1" | sed 's/^/  | /'
  fi
}
