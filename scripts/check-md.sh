#!/usr/bin/env bash
# Installs what is missing, builds interleave (Release) and checks the md lifecycle models,
# printing each property's verdict. Extra arguments go to `interleave check`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh"
"$root/scripts/build.sh" release >/dev/null
models=("$root"/specs/md/*.ilv)
[ -e "${models[0]}" ] || models=("$root"/specs/examples/*.ilv)
status=0
for m in "${models[@]}"; do
  "$root/build/release/cli/interleave" check "$m" --trace-dir "$root/build/traces" "$@" || status=$?
done
exit $status
