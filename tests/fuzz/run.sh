#!/usr/bin/env bash
# Fuzzes the model front end for MINUTES minutes (default 3) with libFuzzer.
# Usage: tests/fuzz/run.sh [MINUTES]
# Builds in build/fuzz (clang 14, ASan+UBSan, -DILV_FUZZ=ON), grows a working corpus in
# build/fuzz/corpus from the seeds in tests/fuzz/corpus, and saves crashing, leaking or
# too-slow inputs to tests/fuzz/crashes/. Turn each into a regression test, then delete it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
minutes="${1:-3}"
dir="$root/build/fuzz"
crashes="$root/tests/fuzz/crashes"
cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++-14 -DILV_FUZZ=ON >/dev/null
cmake --build "$dir" --target frontend_fuzz -j 2
mkdir -p "$dir/corpus" "$crashes"
status=0
"$dir/tests/fuzz/frontend_fuzz" "$dir/corpus" "$root/tests/fuzz/corpus" \
  -dict="$root/tests/fuzz/ilv.dict" -max_total_time=$((minutes * 60)) -max_len=4096 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$crashes/" || status=$?
if compgen -G "$crashes/*" >/dev/null; then
  echo "fuzz: findings saved in $crashes:" >&2
  ls -1 "$crashes" >&2
  status=1
fi
exit $status
