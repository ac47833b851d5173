#!/usr/bin/env bash
# The md lifecycle model at scale: the seed design with more openers and udev workers.
# Prints states, time and memory of each configuration (issue 4 asks for >= 1,000,000 states).
# Usage: bench/md_scaled.sh [extra interleave options]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/build.sh" release >/dev/null
ilv="$root/build/release/cli/interleave"
printf '%-32s %12s %14s %9s %12s %s\n' config states transitions seconds peak_MiB result
for config in "-D OPENERS=2" "-D OPENERS=2 -D UDEVS=2"; do
  # The seed design violates `disappears`: exit 1 is the expected verdict, not a failure.
  # shellcheck disable=SC2086
  { "$ilv" check "$root/specs/md/lifecycle.ilv" $config --json --trace-dir /tmp/ilv-md-bench "$@" || [ $? -eq 1 ]; } |
    python3 -c 'import json,sys; j=json.load(sys.stdin); print("%-32s %12d %14d %9.2f %12.1f %s" % (sys.argv[1], j["states"], j["transitions"], j["resources"]["seconds"], j["resources"]["peak_memory_bytes"]/2**20, j["result"]))' "$config"
done
