#!/usr/bin/python3
"""Checks traces/trace.schema.json against the traces interleave writes.

Usage: validate_schema.py WRITER SCHEMA
WRITER is the write_sample_traces helper; it writes one trace of every shape into a temporary
directory. Each must validate against SCHEMA (draft 2020-12). Corrupted variants of them must
not, so the schema is shown to constrain what it claims to. Exits 0 when all checks pass.
"""
import copy
import json
import pathlib
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("validate_schema: python3-jsonschema is missing (scripts/deps.sh installs it)")
    sys.exit(1)

SHAPES = ["assert", "deadlock", "invariant", "liveness", "runtime"]


def drop(key):
    return lambda d: d.pop(key)


def setter(path, value):
    def apply(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return apply


def add_state_to_failed_step(d):
    d["steps"][-1]["state"] = list(d["initial"])


def remove_failed_step(d):
    d["steps"].pop()


# (shape, what is wrong, mutation): every mutated document must be rejected.
CORRUPTIONS = [
    ("invariant", "format missing", drop("format")),
    ("invariant", "version 2", setter(["version"], 2)),
    ("invariant", "unknown property kind", setter(["property", "kind"], "safety")),
    ("invariant", "upper-case digest", setter(["model", "digest"], "9C1E17A730BD4D4F")),
    ("invariant", "define that is not an integer", setter(["defines", "OPENERS"], "2")),
    ("invariant", "state value that is a string", setter(["steps", 0, "state", 0], "1")),
    ("invariant", "step without state", lambda d: d["steps"][0].pop("state")),
    ("invariant", "loop start on an invariant", setter(["loop_start"], 0)),
    ("invariant", "location with line 0",
     setter(["property", "location"], {"line": 0, "column": 1})),
    ("invariant", "int variable without upper", lambda d: d["variables"][0].pop("upper")),
    ("invariant", "enum without values", setter(["variables", 1, "values"], [])),
    ("invariant", "bool with values", setter(["variables", 2, "values"], ["no", "yes"])),
    ("invariant", "unknown variable type", setter(["variables", 0, "type"], "float")),
    ("invariant", "unknown top-level field", setter(["comment"], "x")),
    ("runtime", "failed step with a state", add_state_to_failed_step),
    ("runtime", "failed step without error", lambda d: d["steps"][-1].pop("error")),
    ("runtime", "runtime violation without failed step", remove_failed_step),
    ("deadlock", "failed step in a deadlock", setter(["steps", 0, "failed"], True)),
    ("liveness", "liveness without loop start", setter(["loop_start"], None)),
    ("liveness", "negative loop start", setter(["loop_start"], -1)),
    ("liveness", "liveness without fairness", lambda d: d["property"].pop("fairness")),
    ("liveness", "unknown fairness", setter(["property", "fairness"], "strong")),
    ("invariant", "fairness on an invariant", setter(["property", "fairness"], "weak")),
]


def main():
    writer, schema_path = sys.argv[1], pathlib.Path(sys.argv[2])
    schema = json.loads(schema_path.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    passed, failed = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([writer, tmp], check=True)
        docs = {p.name.split(".")[0]: json.loads(p.read_text())
                for p in pathlib.Path(tmp).glob("*.json")}
    if sorted(docs) != SHAPES:
        print(f"FAIL: expected traces {SHAPES}, the writer produced {sorted(docs)}")
        return 1
    for shape, doc in sorted(docs.items()):
        errors = [e.message for e in validator.iter_errors(doc)]
        if errors:
            failed += 1
            print(f"FAIL: {shape} trace does not match the schema: {errors[0]}")
        else:
            passed += 1
    for shape, what, mutate in CORRUPTIONS:
        doc = copy.deepcopy(docs[shape])
        mutate(doc)
        if validator.is_valid(doc):
            failed += 1
            print(f"FAIL: the schema accepts {what} (in the {shape} trace)")
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
