#!/usr/bin/env bash
# Runs interleave and SPIN on the same models and prints, per model, states, transitions,
# seconds, states/s, peak memory and bytes per state for both tools, and the ratios.
#
#   bench/compare_spin.sh [--runs N] [--only NAME] [--interleave PATH]
#
# For each model of the table below: `interleave export promela` writes the Promela; SPIN
# builds pan with `spin -a` and `gcc -O2 -DNOREDUCE` (no reduction) and `gcc -O2` (SPIN's
# default partial-order reduction). A first run of each pan sizes its hash table (-w: the
# smallest power of two at least twice the state count) and its depth limit (-m: the depth it
# reached plus 1000; the search order, hence the depth, is the same on every run). Then the tools run alternately, interleave check --json and
# pan (each N times, default 3), and the medians are printed. pan runs without -E, so it
# checks deadlocks (invalid end states) as interleave does, and the export's monitor checks
# the invariants. Peak memory is the maximum resident set size (GNU time) for both tools;
# seconds are each tool's own search time. The reduced searches are compared too: pan built
# with SPIN's default partial-order reduction against `interleave check --por` (docs/por.md),
# both run N times, interleave on every property but the liveness ones (SPIN checks none of
# them on the export, and --por is off for liveness). "total s" is the whole command's
# wall-clock time (interleave: parsing, compiling and any liveness pass included; pan: the
# spin -a and gcc steps excluded).
#
# Needs spin, gcc and GNU time (/usr/bin/time); interleave defaults to build/release.
set -u

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
interleave=$root/build/release/cli/interleave
runs=3
only=""
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        --interleave) interleave=$2; shift 2 ;;
        -h|--help) sed -n '2,22p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

# name | model file | -D overrides. The md model is scaled to at least a million states by its
# overrides here (edit this line when the model changes); it is skipped while it does not exist.
models=(
    "filter_lock|bench/models/filter_lock.ilv|-D N=6"
    "md_lifecycle|specs/md/lifecycle.ilv|-D OPENERS=2"
    "philosophers_asym|bench/models/philosophers_asym.ilv|-D N=12"
)

for tool in spin gcc /usr/bin/time "$interleave"; do
    if ! command -v "$tool" >/dev/null 2>&1; then echo "compare_spin.sh: $tool not found" >&2; exit 2; fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# median: the median of the numbers on standard input.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run_ours <out> <model> <args...>: appends "states transitions seconds rss_bytes total_seconds"
# to <out>. The search time is read where it is in either JSON layout (top level or "resources").
run_ours() {
    local out=$1 model=$2
    shift 2
    /usr/bin/time -f '%M %e' -o "$work/time.txt" "$interleave" check "$root/$model" "$@" --json \
        --trace-dir "$work/traces" >"$work/ours.json" 2>/dev/null
    python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
print(j["states"], j["transitions"], j.get("resources", j)["seconds"], end="")' \
        "$work/ours.json" >>"$work/$out"
    read -r rss total <<<"$(tail -n 1 "$work/time.txt")"
    echo " $((rss * 1024)) $total" >>"$work/$out"
}

# run_pan <pan> <w> <m> <out>: appends "states transitions seconds rss_bytes total_seconds depth"
# to <out>.
run_pan() {
    /usr/bin/time -f '%M %e' -o "$work/time.txt" "$work/$1" -w"$2" -m"$3" >"$work/pan.log" 2>&1
    awk '/states, stored/ { s = $1 } /transitions \(= stored/ { t = $1 }
        /elapsed time/ { x = $4 } /depth reached/ { sub(",", "", $7); d = $7 }
        END { printf "%d %d %s", s, t, x + 0 }' "$work/pan.log" >>"$work/$4"
    read -r rss total <<<"$(tail -n 1 "$work/time.txt")"
    echo " $((rss * 1024)) $total $(sed -n 's/.*depth reached \([0-9]*\).*/\1/p' "$work/pan.log" | head -n 1)" >>"$work/$4"
    if grep -q 'errors: [1-9]\|max search depth too small' "$work/pan.log"; then
        echo "  warning: $1 reported an error or a too small depth limit:" >&2
        grep 'pan:\|errors' "$work/pan.log" | head -n 3 >&2
    fi
}

# column <file> <k>: the median of column k.
column() { awk -v k="$2" '{ print $k }' "$work/$1" | median; }

# row <label> <file>: one table row from the medians of a result file.
row() {
    local s t x m w
    s=$(column "$2" 1); t=$(column "$2" 2); x=$(column "$2" 3); m=$(column "$2" 4)
    w=$(column "$2" 5)
    awk -v l="$1" -v s="$s" -v t="$t" -v x="$x" -v m="$m" -v w="$w" 'BEGIN {
        printf "  %-22s %10d %11d %8.2f %10.0f %9.1f %8.1f %8.2f\n", l, s, t, x,
            (x > 0 ? s / x : 0), m / 1048576, (s > 0 ? m / s : 0), w }'
    echo "$s $t $x $m $w" >"$work/$2.median"
}

# ratios <label> <a.median> <b.median>: a / b for states/s, peak memory and seconds.
ratios() {
    read -r s1 t1 x1 m1 w1 <"$work/$2.median"
    read -r s2 t2 x2 m2 w2 <"$work/$3.median"
    awk -v l="$1" -v s1="$s1" -v x1="$x1" -v m1="$m1" -v s2="$s2" -v x2="$x2" -v m2="$m2" \
        -v w1="$w1" -v w2="$w2" 'BEGIN {
        r = (x1 > 0 && x2 > 0) ? (s1 / x1) / (s2 / x2) : 0
        printf "  %-22s states/s %.2fx, peak memory %.2fx, seconds %.2fx, bytes/state %.2fx, total s %.2fx\n",
            l, r, m1 / m2, (x2 > 0 ? x1 / x2 : 0), (m1 / s1) / (m2 / s2), (w2 > 0 ? w1 / w2 : 0) }'
}

compare_model() {
    local name=$1 model=$2 defines=$3 states w m depth
    # shellcheck disable=SC2086 # one word per -D option
    "$interleave" export promela "$root/$model" $defines -o "$work/m.pml" || return
    (cd "$work" && spin -a m.pml >spin.log 2>&1 && gcc -O2 -DNOREDUCE -o pan_full pan.c 2>gcc.log &&
        gcc -O2 -o pan_por pan.c 2>>gcc.log) || { cat "$work"/*.log; return; }
    rm -f "$work"/ours* "$work"/full* "$work"/por*
    # shellcheck disable=SC2086
    run_ours ours.txt "$model" $defines
    states=$(cut -d' ' -f1 "$work/ours.txt")
    # SPIN checks no liveness property of the export (and --por is off when one is selected): the
    # timed runs check every other property, as pan does.
    safety=$(python3 -c 'import json, sys
print(" ".join("--property " + p["name"] for p in json.load(open(sys.argv[1]))["properties"]
               if p["kind"] != "liveness"))' "$work/ours.json")
    w=10; while [ $((1 << w)) -lt $((2 * states)) ]; do w=$((w + 1)); done
    for pan in full por; do
        run_pan "pan_$pan" "$w" $((states + 1000)) "$pan.calibrate"
        depth=$(cut -d' ' -f6 "$work/$pan.calibrate")
        echo "$((depth + 1000))" >"$work/$pan.m"
    done
    : >"$work/ours.txt"
    for ((r = 0; r < runs; r++)); do
        # shellcheck disable=SC2086 # the properties pan checks too (not the liveness ones)
        run_ours ours.txt "$model" $defines $safety
        run_pan pan_full "$w" "$(cat "$work/full.m")" full.txt
    done
    for ((r = 0; r < runs; r++)); do
        # shellcheck disable=SC2086
        run_ours ours_por.txt "$model" $defines --por $safety
        run_pan pan_por "$w" "$(cat "$work/por.m")" por.txt
    done
    echo "$name ($model $defines): medians of $runs runs, -w$w, -m$(cat "$work/full.m") (POR: -m$(cat "$work/por.m"))"
    printf "  %-22s %10s %11s %8s %10s %9s %8s %8s\n" "" states transitions seconds states/s "peak MiB" \
        "B/state" "total s"
    row "interleave" ours.txt
    row "spin -DNOREDUCE" full.txt
    ratios "interleave / spin" ours.txt full.txt
    row "spin (POR)" por.txt
    row "interleave --por" ours_por.txt
    ratios "--por / spin (POR)" ours_por.txt por.txt
    echo "  interleave --por: $(python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("por_note", "?"))' "$work/ours.json")"
    if [ "$(column ours.txt 1)" != "$(column full.txt 1)" ]; then
        echo "  STATE COUNTS DIFFER: interleave $(column ours.txt 1), SPIN $(column full.txt 1)"
    fi
    echo
}

echo "compare_spin.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m), $(spin -V | head -n 1)"
echo "interleave: $interleave ($("$interleave" --version 2>/dev/null))"
echo
for entry in "${models[@]}"; do
    IFS='|' read -r name model defines <<<"$entry"
    if [ -n "$only" ] && [ "$only" != "$name" ]; then continue; fi
    if [ ! -f "$root/$model" ]; then echo "$name: $model does not exist yet, skipped"; echo; continue; fi
    compare_model "$name" "$model" "$defines"
done
