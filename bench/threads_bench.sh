#!/usr/bin/env bash
# Speed-up of `check --threads 2` over one thread on this machine's two cores, for models of
# one to eight million states. Runs alternate (1 thread, 2 threads, ...), RUNS times each, and
# the medians of the search time (`resources.seconds` in --json) are compared.
# The machine should be otherwise idle: the figure is meaningless while other jobs run.
# Usage: bench/threads_bench.sh [RUNS]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
"$root/scripts/build.sh" release >/dev/null
ilv="$root/build/release/cli/interleave"
models=(
  "counters|bench/models/counters.ilv|"
  "filter_lock N=6|bench/models/filter_lock.ilv|-D N=6"
  "md OPENERS=2|specs/md/lifecycle.ilv|-D OPENERS=2 --property no_open_on_dying --property retry_at_most_once --property udev_adds_bounded --property no_use_after_free --property refcount_nonneg --property single_registration --property deadlock"
)
# The JSON goes to a file and is read after the run: a reader started alongside (a pipe)
# would take CPU from the two-thread run while it starts.
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
seconds_of() {
  python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(j["states"], j["resources"]["seconds"])' "$out"
}
printf '%-16s %10s %12s %12s %9s\n' model states "1 thread s" "2 threads s" speed-up
for entry in "${models[@]}"; do
  IFS='|' read -r label file args <<<"$entry"
  one=() two=()
  states=0
  for ((k = 0; k < runs; k++)); do
    for t in 1 2; do
      # shellcheck disable=SC2086
      "$ilv" check "$root/$file" $args --threads "$t" --json --quiet \
        --trace-dir /tmp/ilv-threads-bench >"$out" || true
      read -r states secs < <(seconds_of)
      if [ "$t" = 1 ]; then one+=("$secs"); else two+=("$secs"); fi
    done
  done
  m1=$(printf '%s\n' "${one[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  m2=$(printf '%s\n' "${two[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  awk -v l="$label" -v s="$states" -v a="$m1" -v b="$m2" \
    'BEGIN { printf "%-16s %10d %12.2f %12.2f %8.2fx\n", l, s, a, b, a / b }'
done
