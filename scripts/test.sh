#!/usr/bin/env bash
# Installs what is missing, builds interleave twice (Release with g++, Debug with clang 14
# under AddressSanitizer and UndefinedBehaviorSanitizer) and runs the whole suite in both.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh"
status=0
for flavour in release sanitize; do
  echo "== $flavour build" >&2
  "$root/scripts/build.sh" "$flavour"
  echo "== $flavour tests" >&2
  ctest --test-dir "$root/build/$flavour" --output-on-failure -j "$(nproc)" || status=1
done
exit $status
