#!/usr/bin/env bash
# scripts/md_predictions.py, which the README's first command uses: a run whose verdicts are
# the model's predictions passes, a run with one verdict changed fails and names it, and a
# variant's -D options select its `// expect-with:` predictions.
# Usage: md_predictions_test.sh INTERLEAVE SOURCE_DIR
set -euo pipefail
ilv="$1"
root="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
model="$root/specs/md/lifecycle.ilv"
predict="$root/scripts/md_predictions.py"
fail=0
check() { # check WHAT EXPECTED_EXIT COMMAND...
  local what="$1" want="$2" got=0
  shift 2
  "$@" >"$tmp/out.txt" || got=$?
  if [ "$got" = "$want" ]; then echo "ok: $what"; else
    echo "FAIL: $what: exit $got, expected $want"; cat "$tmp/out.txt"; fail=1; fi
}
"$ilv" check "$model" --json --trace-dir "$tmp" >"$tmp/seed.json" || true
check "the seed design's verdicts are the predicted ones" 0 python3 "$predict" "$model" <"$tmp/seed.json"
python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
for p in j["properties"]:
    if p["name"] == "disappears":
        p["verdict"] = "holds"
json.dump(j, open(sys.argv[2], "w"))' "$tmp/seed.json" "$tmp/changed.json"
check "a verdict that differs fails" 1 python3 "$predict" "$model" <"$tmp/changed.json"
grep -q "disappears: holds, but the model predicts violated" "$tmp/out.txt" || {
  echo "FAIL: the differing property is not named"; fail=1; }
"$ilv" check "$model" -D MISMATCH_CHECK=0 --json --trace-dir "$tmp" >"$tmp/v2.json" || true
check "a variant is compared with its expect-with lines" 0 \
  python3 "$predict" "$model" -D MISMATCH_CHECK=0 <"$tmp/v2.json"
check "the seed's predictions do not fit the variant" 1 python3 "$predict" "$model" <"$tmp/v2.json"
exit $fail
