#!/usr/bin/env bash
# Reproducible output: the same models and options give byte-identical --json summaries (once
# the one `resources` key of timing and memory is removed), trace files, JUnit reports (once
# their `time` attributes are removed) and SARIF logs — run after run, and with --threads 2.
#   reproducible.sh INTERLEAVE ROOT
set -u
interleave=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# normalise <dir>: summary.json without `resources` (top level and per model), report.xml
# without `time` attributes.
normalise() {
    python3 -c '
import json, sys
d = json.load(open(sys.argv[1] + "/out.json"))
d.pop("resources", None)
for m in d.get("models", []):
    m.pop("resources", None)
json.dump(d, open(sys.argv[1] + "/summary.json", "w"), indent=1)' "$1" || cp "$1/out.json" "$1/summary.json"
    sed -E 's/ time="[0-9.]+"//' "$1/r.xml" >"$1/report.xml"
}

# compare <label> <check arguments...>: three runs (one thread twice, then two threads).
compare() {
    local label=$1 run
    shift
    for run in a b c; do
        rm -rf "$work/$run" && mkdir -p "$work/$run"
        local threads=1
        [ "$run" = c ] && threads=2
        (cd "$work/$run" && "$interleave" check "$@" --threads "$threads" --json \
            --trace-dir traces --junit r.xml --sarif r.sarif >out.json 2>err.txt)
        echo $? >"$work/$run/rc"
        normalise "$work/$run"
    done
    if ! grep -q '"resources"' "$work/a/out.json"; then
        echo "FAIL $label: no resources in the summary"; failures=$((failures + 1)); return
    fi
    for run in b c; do
        for f in rc summary.json report.xml r.sarif; do
            if ! cmp -s "$work/a/$f" "$work/$run/$f"; then
                echo "FAIL $label: $f differs (run $run)"; diff "$work/a/$f" "$work/$run/$f" | head -10
                failures=$((failures + 1)); return
            fi
        done
        if [ -d "$work/a/traces" ] || [ -d "$work/$run/traces" ]; then
            if ! diff -r "$work/a/traces" "$work/$run/traces" >/dev/null 2>&1; then
                echo "FAIL $label: trace files differ (run $run)"; failures=$((failures + 1)); return
            fi
        fi
    done
    echo "ok   $label (exit $(cat "$work/a/rc"), $(ls "$work/a/traces" 2>/dev/null | wc -l) traces)"
}

ex=$root/specs/examples
lifecycle=$root/specs/md/lifecycle.ilv
compare "lifecycle (violations, a lasso)" "$lifecycle"
compare "wait_for_flag --fairness none (lassos)" "$ex/wait_for_flag.ilv" --fairness none
compare "philosophers (deadlock)" "$ex/philosophers.ilv"
compare "assert_fail (failing step)" "$ex/assert_fail.ilv"
compare "ticket_lock --max-states 100 (incomplete)" "$ex/ticket_lock.ilv" --max-states 100
compare "several models" "$lifecycle" "$ex/philosophers.ilv" "$ex/broken_mutex.ilv" \
    "$ex/peterson.ilv" "$ex/range_error.ilv"
[ "$failures" -eq 0 ]
