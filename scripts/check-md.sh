#!/usr/bin/env bash
# Installs what is missing, builds interleave (Release) and checks the md lifecycle models,
# printing each property's verdict, then compares the verdicts with the ones the model predicts
# in its header (`// expect:` lines, or `// expect-with:` for the -D options given). Exits 0
# when every verdict is the predicted one (a design flaw the model predicts is a finding, not a
# failure), 1 when a verdict differs, 2 or 4 when a check could not run. Extra arguments go to
# `interleave check`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh"
"$root/scripts/build.sh" release >/dev/null
ilv="$root/build/release/cli/interleave"
models=("$root"/specs/md/*.ilv)
status=0
for m in "${models[@]}"; do
  code=0
  "$ilv" check "$m" --trace-dir "$root/build/traces" "$@" || code=$?
  if [ "$code" = 2 ] || [ "$code" = 4 ]; then
    status=$code
    continue
  fi
  echo
  { "$ilv" check "$m" --json --trace-dir "$root/build/traces" "$@" 2>/dev/null || true; } |
    python3 "$root/scripts/md_predictions.py" "$m" "$@" || status=1
  echo
done
exit $status
