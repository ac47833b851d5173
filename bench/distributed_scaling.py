#!/usr/bin/env python3
"""Scaling of `check --distributed` over K ranks on one machine (bench/README.md).

Runs the single-process check once, then `mpirun -np K ... --distributed` for each K, and
prints one Markdown table row per run: states, wall seconds, states per rank-second (states /
(K x seconds): what one rank contributes per second; on an oversubscribed machine this, not
the speed-up, is the figure that carries over to a cluster), bytes exchanged per state, the
largest rank's peak memory and the store bytes per state. Checks that every run found the
same number of states. Keep runs short: the machine is shared.

    bench/distributed_scaling.py [--interleave PATH] [--model FILE] [-D N=6] [--ranks 1 2 4]
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, cwd="/tmp")
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr[-2000:]}")
    d = json.loads(p.stdout)
    res = d.get("resources", d)  # timing fields may live under "resources"
    return d, res


def row(label, ranks, d, res):
    states, seconds = d["states"], res["seconds"]
    dist = d.get("distributed", {})
    exchanged = dist.get("bytes_exchanged", 0)
    return (f"| {label} | {states:,} | {d['transitions'] / states:.2f} | {seconds:.2f} | "
            f"{states / (ranks * seconds):,.0f} | "
            f"{exchanged / states:.1f} | {res['peak_memory_bytes'] / 2**20:.0f} MiB | "
            f"{res['store_bytes'] / states:.1f} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--interleave", default=os.path.join(ROOT, "build/release/cli/interleave"))
    ap.add_argument("--model", default=os.path.join(ROOT, "bench/models/filter_lock.ilv"))
    ap.add_argument("-D", dest="defines", action="append", default=None)
    ap.add_argument("--ranks", type=int, nargs="+", default=[1, 2, 4])
    ap.add_argument("--mpirun", default="mpirun --oversubscribe --allow-run-as-root --bind-to none")
    args = ap.parse_args()
    defines = [w for d in (args.defines or ["N=6"]) for w in ("-D", d)]
    check = [args.interleave, "check", args.model, *defines, "--json", "--trace-dir",
             "/tmp/ilv-bench-traces"]
    print("| run | states | transitions per state | seconds | states per rank-second "
          "| bytes exchanged per state | peak memory (largest rank) | store bytes per state |")
    print("|---|---|---|---|---|---|---|---|")
    d, res = measure(check)
    print(row("one process", 1, d, res), flush=True)
    expected = d["states"]
    for k in args.ranks:
        d, res = measure([*args.mpirun.split(), "-np", str(k), *check, "--distributed"])
        if d["states"] != expected:
            sys.exit(f"-np {k}: {d['states']} states, one process {expected}")
        print(row(f"--distributed, K = {k}", k, d, res), flush=True)


if __name__ == "__main__":
    main()
