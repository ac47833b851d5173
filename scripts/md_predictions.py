#!/usr/bin/env python3
"""The verdicts a model predicts for itself, and a check of a run against them.

A model states its expected verdicts in header comments: `// expect: PROPERTY holds|violated`
for the design as written, `// expect-with: -D NAME=VALUE ... PROPERTY holds|violated` for a
variant. As a command, compares the `interleave check --json` output on stdin with the
predictions for the given -D options, prints one line per property and exits 1 on a mismatch.
Usage: interleave check MODEL --json [-D N=V ...] | md_predictions.py MODEL [-D N=V ...]
"""
import json
import re
import sys
from pathlib import Path

WITH = re.compile(r"^// expect-with:((?:\s+-D\s+\S+)+)\s+(\S+) (holds|violated)$")
SEED = re.compile(r"^// expect: (\S+) (holds|violated)$")


def predictions(model):
    """[(options, {property: verdict})] in file order, the seed design ("") first."""
    runs = {"": {}}
    for line in Path(model).read_text().splitlines():
        m = SEED.match(line)
        if m:
            runs[""][m[1]] = m[2]
        m = WITH.match(line)
        if m:
            runs.setdefault(" ".join(m[1].split()), {})[m[2]] = m[3]
    return list(runs.items())


def options_key(args):
    """The -D options of a command line, normalised as in `predictions` ("-D A=1 -D B=2")."""
    pairs, k = [], 0
    while k < len(args):
        if args[k] == "-D" and k + 1 < len(args):
            pairs.append(args[k + 1])
            k += 2
        elif args[k].startswith("-D") and len(args[k]) > 2:
            pairs.append(args[k][2:])
            k += 1
        else:
            k += 1
    return " ".join(f"-D {p}" for p in pairs)


def compare(result, predicted):
    """Lines describing each predicted property, and whether all verdicts matched."""
    verdicts = {p["name"]: p["verdict"] for p in result["properties"]}
    lines, ok = [], True
    for name, expected in predicted.items():
        got = verdicts.get(name, "missing")
        if got in (expected, "not_checked"):
            lines.append(f"  {name}: {got} as predicted" if got == expected
                         else f"  {name}: not checked in this run")
        else:
            lines.append(f"  {name}: {got}, but the model predicts {expected}")
            ok = False
    return lines, ok


def main():
    model, args = sys.argv[1], sys.argv[2:]
    key = options_key(args)
    predicted = dict(predictions(model)).get(key)
    if predicted is None:
        print(f"{model}: no predictions in the model for '{key}'")
        return 0
    lines, ok = compare(json.load(sys.stdin), predicted)
    print(f"{model}{' with ' + key if key else ''}: "
          f"{'every verdict as the model predicts' if ok else 'VERDICTS DIFFER FROM THE PREDICTIONS'}")
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
