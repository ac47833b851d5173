#!/usr/bin/env python3
"""Liveness cost benchmark: runs `interleave check` on bench/models/ticket_liveness.ilv with
the safety properties only, with the safety properties and the two liveness properties that
hold, and with every property, a few times each, and prints the best time (wall and CPU) and
peak memory of each and their ratios to the safety-only run.

    python3 bench/liveness_bench.py [INTERLEAVE] [--runs N]

INTERLEAVE defaults to build/release/cli/interleave (build it with scripts/build.sh release
or any Release build). Memory is the peak RSS of the process (ru_maxrss), time the wall-clock
and the user + system CPU time of the whole run: search, liveness passes and trace writing.
The machine may be shared, so CPU time is the steadier figure."""

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODEL = ROOT / "bench" / "models" / "ticket_liveness.ilv"
SAFETY = ["mutex", "outstanding", "deadlock", "runtime_error"]
HOLDING = ["starvation_free", "keeps_serving"]


def run_once(exe, extra, trace_dir):
    """One run: (wall seconds, cpu seconds, peak bytes, parsed --json output)."""
    start = time.monotonic()
    proc = subprocess.Popen([exe, "check", str(MODEL), "--json", "--trace-dir", trace_dir] + extra,
                            stdout=subprocess.PIPE)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"interleave exited with {code}")
    report = json.loads(out)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, report


def best_of(exe, extra, runs, trace_dir):
    results = [run_once(exe, extra, trace_dir) for _ in range(runs)]
    return (min(r[0] for r in results), min(r[1] for r in results),
            min(r[2] for r in results), results[0][3])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("interleave", nargs="?",
                        default=str(ROOT / "build" / "release" / "cli" / "interleave"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as traces:
        def select(names):
            return [a for name in names for a in ("--property", name)]
        safety = best_of(args.interleave, select(SAFETY), args.runs, traces)
        holding = best_of(args.interleave, select(SAFETY + HOLDING), args.runs, traces)
        full = best_of(args.interleave, [], args.runs, traces)
    report = full[3]
    print(f"model {report['model']}: {report['states']} states, {report['transitions']} transitions")
    for p in report["properties"]:
        print(f"  {p['name']:<16} {p['kind']:<10} {p['verdict']}")
    print(f"{'run':<16} {'wall s':>7} {'cpu s':>7} {'MiB':>6} {'x wall':>7} {'x cpu':>6} {'x mem':>6}")
    for name, r in (("safety", safety), ("+ holding", holding), ("+ all liveness", full)):
        print(f"{name:<16} {r[0]:>7.2f} {r[1]:>7.2f} {r[2] / 2**20:>6.1f} {r[0] / safety[0]:>7.2f} "
              f"{r[1] / safety[1]:>6.2f} {r[2] / safety[2]:>6.2f}")
    print(f"liveness passes alone (from --json): {report['resources']['liveness_seconds']:.2f} s")


if __name__ == "__main__":
    main()
