#!/usr/bin/env python3
"""`check --distributed` must answer what a single process answers.

For every model of specs/ and each of its `// expect-with: -D` variants, runs the plain
single-process `interleave check --json` and the same check under
`mpirun --oversubscribe -np K ... --distributed` for each K given, and compares the
deterministic fields: outcome, result, states, transitions, max_depth, and every property's
verdict and counterexample length (`steps`). Timing and memory are never compared. Models with
liveness properties are checked with `--property` for each safety property (the distributed
search refuses liveness). Every trace the distributed runs write is replayed.

With `--random GENERATOR COUNT`, the models are instead COUNT seeded random models from
tests/spin/random_model.cpp (seeds 1..COUNT; they often violate asserts, invariants and
runtime checks, so failing steps are gathered across ranks too).

    compare.py INTERLEAVE ROOT MPIRUN K [K ...] [--random GENERATOR COUNT]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

DETERMINISTIC = ("outcome", "result", "states", "transitions", "max_depth")


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def variants(model):
    """The -D option lists of the model's expect-with lines, plain run first."""
    out = [[]]
    with open(model) as f:
        for line in f:
            if not line.startswith("// expect-with: "):
                continue
            defines = re.findall(r"-D +([A-Za-z_][A-Za-z0-9_]*=[0-9a-z-]+)", line)
            opts = [w for d in defines for w in ("-D", d)]
            if opts and opts not in out:
                out.append(opts)
    return out


def summary(report):
    props = {p["name"]: (p["verdict"], p.get("steps")) for p in report["properties"]}
    return {k: report[k] for k in DETERMINISTIC} | {"properties": props}


def safety_selection(interleave, model, opts, work):
    """--property options for the safety properties when the model has liveness ones."""
    rc, out, err = run([interleave, "check", model, *opts, "--json", "--trace-dir", "t0"], work)
    report = json.loads(out)
    kinds = {p["name"]: p["kind"] for p in report["properties"]}
    if "liveness" not in kinds.values():
        return []
    return [w for name, kind in kinds.items() if kind != "liveness" for w in ("--property", name)]


def compare(interleave, mpirun, ranks, model, opts, work):
    """Failure messages for one model variant (empty: all equal)."""
    opts = opts + safety_selection(interleave, model, opts, work)
    rc1, out1, err1 = run([interleave, "check", model, *opts, "--json", "--trace-dir", "t1"], work)
    try:
        single = summary(json.loads(out1))
    except (ValueError, KeyError):
        return [f"single-process run gave no summary: {err1[:300]}"]
    failures = []
    for k in ranks:
        tdir = f"d{k}"
        cmd = [*mpirun, "-np", str(k), interleave, "check", model, *opts, "--json",
               "--trace-dir", tdir, "--distributed"]
        rc, out, err = run(cmd, work)
        try:
            dist = summary(json.loads(out))
        except (ValueError, KeyError):
            failures.append(f"-np {k}: no summary (exit {rc}): {err[:300]}")
            continue
        if rc != rc1:
            failures.append(f"-np {k}: exit {rc}, single process {rc1}")
        if dist != single:
            failures.append(f"-np {k}: {json.dumps(dist)}\n   single: {json.dumps(single)}")
        failures += replay_all(interleave, os.path.join(work, tdir), k)
    return failures


def replay_all(interleave, tdir, k):
    failures = []
    if not os.path.isdir(tdir):
        return failures
    for name in sorted(os.listdir(tdir)):
        rc, out, err = run([interleave, "replay", os.path.join(tdir, name)], tdir)
        if rc != 0:
            failures.append(f"-np {k}: replay {name} exit {rc}: {(out + err)[:300]}")
    return failures


def spec_models(root):
    """(label, path, -D options) for every model of specs/ and its expect-with variants."""
    for sub in ("specs/examples", "specs/md"):
        d = os.path.join(root, sub)
        for f in sorted(os.listdir(d)):
            if f.endswith(".ilv"):
                model = os.path.join(d, f)
                for opts in variants(model):
                    yield os.path.relpath(model, root) + "".join(" " + o for o in opts), model, opts


def random_models(generator, count, work):
    """(label, path, no options) for seeded random models written into `work`."""
    for seed in range(1, count + 1):
        path = os.path.join(work, f"random_{seed}.ilv")
        with open(path, "w") as f:
            subprocess.run([generator, str(seed)], stdout=f, check=True)
        yield f"random model seed {seed}", path, []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("interleave")
    parser.add_argument("root")
    parser.add_argument("mpirun", help="the mpirun command and its options, one string")
    parser.add_argument("ranks", type=int, nargs="+")
    parser.add_argument("--random", nargs=2, metavar=("GENERATOR", "COUNT"))
    args = parser.parse_args()
    interleave, mpirun = os.path.abspath(args.interleave), args.mpirun.split()
    failed = 0
    with tempfile.TemporaryDirectory() as models_dir:
        models = (random_models(os.path.abspath(args.random[0]), int(args.random[1]), models_dir)
                  if args.random else spec_models(args.root))
        for label, model, opts in models:
            with tempfile.TemporaryDirectory() as work:
                problems = compare(interleave, mpirun, args.ranks, model, opts, work)
            print(("FAIL " if problems else "ok   ") + label, flush=True)
            for p in problems:
                print("   " + p)
            failed += bool(problems)
    print(f"{failed} model variants differ" if failed else "all model variants agree")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
