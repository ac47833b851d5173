#!/usr/bin/env bash
# Configures (once) and builds one flavour of interleave.
# Usage: scripts/build.sh release|sanitize    -> build/release or build/sanitize
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
flavour="${1:-release}"
dir="$root/build/$flavour"
case "$flavour" in
  release)  args=(-DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++) ;;
  sanitize) args=(-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++-14
                  -DILV_SANITIZE=address,undefined) ;;
  *) echo "unknown build flavour: $flavour" >&2; exit 2 ;;
esac
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S "$root" -B "$dir" -G Ninja "${args[@]}" >/dev/null
fi
cmake --build "$dir" -j "$(nproc)"
