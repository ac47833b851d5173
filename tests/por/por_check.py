#!/usr/bin/env python3
"""`check --por` must keep every verdict of the full search (docs/por.md).

    por_check.py INTERLEAVE corpus ROOT
    por_check.py INTERLEAVE random GENERATOR FIRST_SEED COUNT

`corpus` runs every model of ROOT/specs/examples, ROOT/specs/md and ROOT/tests/corpus/*/ (and
each `// expect-with:` variant of its options); `random` runs the models that the seeded
generator (tests/spin/random_model.cpp) prints for seeds FIRST_SEED .. FIRST_SEED+COUNT-1.
For each model it compares the full breadth-first search with `--por` (breadth-first, with
`--threads 2`, and depth-first): same exit code and the same verdict for every property; the
reduced graph is no larger (states and transitions); every counterexample written under
`--por` replays; `--threads 2` reports exactly what one thread reports. It fails unless the
reduction removed states on at least one model, so a `--por` that quietly does nothing fails.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

TIMING = ("seconds", "states_per_second", "peak_memory_bytes", "store_bytes",
          "liveness_seconds", "resources")


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def check(exe, model, extra, work, name):
    """Runs `check --json` into work/name; returns (exit code, parsed JSON, trace dir)."""
    out = os.path.join(work, name)
    os.makedirs(out, exist_ok=True)
    rc, stdout, stderr = run([exe, "check", model, "--json", "--trace-dir", "traces"] + extra,
                             out)
    try:
        return rc, json.loads(stdout), os.path.join(out, "traces")
    except json.JSONDecodeError:
        raise AssertionError(f"no JSON from {' '.join(extra)}: {stderr[:300]}")


def verdicts(j):
    return {p["name"]: p["verdict"] for p in j["properties"]}


def without_timing(j):
    return {k: v for k, v in j.items() if k not in TIMING}


def traces_of(directory):
    if not os.path.isdir(directory):
        return {}
    return {f: open(os.path.join(directory, f), "rb").read() for f in sorted(os.listdir(directory))}


def compare(exe, model, options, work):
    """Checks one model with `options`; returns the (full, reduced) state counts."""
    rc0, full, _ = check(exe, model, options, work, "full")
    rc1, por, por_traces = check(exe, model, options + ["--por"], work, "por")
    rc2, por2, por2_traces = check(exe, model, options + ["--por", "--threads", "2"], work, "t2")
    rc3, dfs, _ = check(exe, model, options + ["--por", "--search", "dfs"], work, "dfs")
    assert full["outcome"] == "complete" or full["outcome"] == "stopped", full["outcome"]
    assert rc0 == rc1 == rc3, f"exit codes full {rc0}, --por {rc1}, --por dfs {rc3}"
    assert verdicts(full) == verdicts(por), f"verdicts {verdicts(full)} vs {verdicts(por)}"
    assert verdicts(full) == verdicts(dfs), f"verdicts {verdicts(full)} vs dfs {verdicts(dfs)}"
    if full["outcome"] == "complete":  # a stopped search counts only what it saw first
        assert por["states"] <= full["states"], f"states {por['states']} > {full['states']}"
        assert por["transitions"] <= full["transitions"], "more transitions under --por"
    liveness = any(p["kind"] == "liveness" and p["verdict"] != "not_checked"
                   for p in full["properties"])
    assert por["por"] == (not liveness), f"por {por['por']}, liveness selected: {liveness}"
    assert "liveness" in por["por_note"] or not liveness, por["por_note"]
    assert rc1 == rc2 and without_timing(por) == without_timing(por2), "--threads 2 differs"
    assert traces_of(por_traces) == traces_of(por2_traces), "--threads 2 traces differ"
    for trace in sorted(traces_of(por_traces)):
        rc, out, err = run([exe, "replay", os.path.join(por_traces, trace)], work)
        assert rc == 0, f"{trace} does not replay: {out[-300:]} {err[-300:]}"
    return full["states"], por["states"]


def variants(model):
    """The option lists to check `model` with: none, then each `// expect-with:` variant."""
    out = [[]]
    word = re.compile(r"-D\s+\S+|--\S+")
    for line in open(model, encoding="utf-8"):
        m = re.match(r"^// expect-with:((?:\s+(?:-D\s+\S+|--\S+))+)", line)
        if not m:
            continue
        opts = []
        for w in word.findall(m.group(1)):
            opts += w.split() if w.startswith("-D") else [w]
        if opts not in out:
            out.append(opts)
    return out


def corpus_models(root):
    pattern = ["specs/examples/*.ilv", "specs/md/*.ilv", "tests/corpus/*/*.ilv"]
    models = []
    for p in pattern:
        models += sorted(glob.glob(os.path.join(root, p)))
    return [m for m in models if "// expect-error:" not in open(m, encoding="utf-8").read()]


def cases(argv, work):
    """(label, model path, options) for every case the command line asks for."""
    if argv[2] == "corpus":
        for model in corpus_models(argv[3]):
            for opts in variants(model):
                yield os.path.relpath(model, argv[3]) + " " + " ".join(opts), model, opts
        return
    generator, first, count = argv[3], int(argv[4]), int(argv[5])
    for seed in range(first, first + count):
        path = os.path.join(work, f"random_{seed}.ilv")
        with open(path, "w", encoding="utf-8") as f:
            f.write(subprocess.run([generator, str(seed)], capture_output=True, text=True,
                                   check=True).stdout)
        yield f"seed {seed}", path, []


def main(argv):
    if len(argv) < 4 or argv[2] not in ("corpus", "random"):
        print(__doc__)
        return 2
    exe = os.path.abspath(argv[1])
    failures, full_total, por_total, count = 0, 0, 0, 0
    with tempfile.TemporaryDirectory() as work:
        for label, model, opts in cases(argv, work):
            case_dir = tempfile.mkdtemp(dir=work)
            try:
                full, por = compare(exe, model, opts, case_dir)
                full_total, por_total, count = full_total + full, por_total + por, count + 1
                print(f"ok   {label}: {full} -> {por} states")
            except AssertionError as e:
                failures += 1
                print(f"FAIL {label}: {e}")
    print(f"{count} passed, {failures} failed; states {full_total} -> {por_total} with --por")
    if por_total >= full_total:
        print("FAIL: --por removed no state on any model")
        failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
