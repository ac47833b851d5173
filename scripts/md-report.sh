#!/usr/bin/env bash
# Regenerates docs/md-lifecycle.md: checks the md model's seed design and every variant,
# and writes the verdict table and a story per counterexample into the template.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh"
"$root/scripts/build.sh" release >/dev/null
python3 "$root/scripts/md_report.py" "$root/build/release/cli/interleave" "$root"
