#!/usr/bin/env bash
# Issue 2's speed floor: new states per second and memory per stored state on one core, for
# the counters model with an 8-byte and a 16-byte packed state (same 8,000,000 states).
# Usage: bench/speed_floor.sh [RUNS]   (default 3; prints each run and the median)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
"$root/scripts/build.sh" release >/dev/null
ilv="$root/build/release/cli/interleave"
model="$root/bench/models/counters.ilv"
printf '%-10s %6s %10s %10s %14s %14s %14s\n' state runs states seconds states/s store_B/state rss_B/state
for variant in "8-byte:" "16-byte:-D RANGE=1073741824"; do
  label="${variant%%:*}"
  args="${variant#*:}"
  results=()
  for ((k = 0; k < runs; k++)); do
    # shellcheck disable=SC2086
    results+=("$(taskset -c 0 "$ilv" check "$model" $args --json --trace-dir /tmp/ilv-bench-traces |
      python3 -c 'import json,sys; j=json.load(sys.stdin); r=j["resources"]; print(j["states"], r["seconds"], r["store_bytes"], r["peak_memory_bytes"], j["state_bytes"])')")
  done
  printf '%s\n' "${results[@]}" | sort -k2 -n | awk -v label="$label" -v runs="$runs" '
    { s[NR] = $0 }
    END {
      split(s[int((NR + 1) / 2)], m, " ")
      printf "%-10s %6d %10d %10.2f %14.0f %14.1f %14.1f   (packed state %d bytes; target: >= 1000000 states/s, <= %d bytes/state)\n",
        label, runs, m[1], m[2], m[1] / m[2], m[3] / m[1], m[4] / m[1], m[5], 2 * m[5]
    }'
done
