#!/usr/bin/env python3
"""End-to-end test of `interleave check` on several models with --json, --junit and --sarif.

Usage: ci_reports_test.py INTERLEAVE SOURCE_DIR

The reports are parsed (xml.etree, json) and compared with independent sources: the property
lists and lines of the --json output, the trace files (step lines), `interleave explain` (the
story's first lines) and hand-written facts about the models used (which properties are
violated, where the model error is). SARIF is checked field by field against the 2.1.0
requirements, as no copy of the schema is packaged in Debian.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ILV, SRC = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
EX = os.path.join(SRC, "specs", "examples")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(args, cwd):
    p = subprocess.run([ILV] + args, cwd=cwd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def sarif_required_fields(log):
    """The fields SARIF 2.1.0 requires (and GitHub code scanning reads), by hand."""
    check(log.get("version") == "2.1.0", "sarif version")
    check("sarif-schema-2.1.0" in log.get("$schema", ""), "sarif $schema")
    check(isinstance(log.get("runs"), list) and len(log["runs"]) == 1, "sarif has one run")
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    check(driver.get("name") == "interleave", "driver name")
    rule_ids = [r["id"] for r in driver["rules"]]
    check(len(rule_ids) == len(set(rule_ids)), "rule ids unique")
    for r in run_["results"]:
        check(r["ruleId"] in rule_ids, f"result rule {r['ruleId']} declared")
        check(r["level"] in ("error", "warning", "note", "none"), "result level valid")
        check(r["kind"] != "fail" or r["level"] != "none", "fail results have a level")
        check(r["kind"] == "fail" or r["level"] == "none", "non-fail results have level none")
        check(isinstance(r["message"]["text"], str) and r["message"]["text"], "result message")
        for loc in r["locations"]:
            phys = loc["physicalLocation"]
            check(isinstance(phys["artifactLocation"]["uri"], str), "artifact uri")
            check(phys["region"]["startLine"] >= 1 and phys["region"]["startColumn"] >= 1,
                  "region starts at 1 or later")
        for flow in r.get("codeFlows", []):
            for thread in flow["threadFlows"]:
                check(len(thread["locations"]) >= 1, "thread flow not empty")
                for tfl in thread["locations"]:
                    check(tfl["location"]["physicalLocation"]["region"]["startLine"] >= 1,
                          "flow location line")
    return run_


def by_name(items, key="name"):
    return {i[key]: i for i in items}


def trace_lines(trace_file):
    """The source line of each step, read from the trace file itself."""
    t = json.load(open(trace_file))
    return [s["error_location"]["line"] if s.get("failed") else s["location"]["line"]
            for s in t["steps"]]


def story_head(trace_file, cwd):
    code, out, _ = run(["explain", trace_file], cwd)
    check(code == 0, f"explain {trace_file}")
    return out.splitlines()[:3]


def check_junit_model(suite, model, cwd):
    props = model["properties"]
    cases = suite.findall("testcase")
    check([c.get("name") for c in cases] == [p["name"] for p in props],
          f"{model['model']}: one testcase per property, in order")
    check(all(c.get("classname") == model["model"] for c in cases), "classname is the model")
    for case, prop in zip(cases, props):
        failure = case.find("failure")
        check((failure is not None) == (prop["verdict"] == "violated"),
              f"{prop['name']}: failure exactly when violated")
        if failure is not None:
            check(prop["trace"] in failure.get("message"), "failure message names the trace")
            check(os.path.exists(os.path.join(cwd, prop["trace"])), "trace file exists")
            head = story_head(prop["trace"], cwd)
            check(failure.text.splitlines()[:3] == head, f"{prop['name']}: story opens failure")
        skipped = case.find("skipped")
        check((skipped is not None) == (prop["verdict"] in ("incomplete", "not_checked")),
              f"{prop['name']}: skipped exactly when undecided")
    check(int(suite.get("tests")) == len(props), "suite tests count")
    check(int(suite.get("failures")) == sum(p["verdict"] == "violated" for p in props),
          "suite failures count")


def check_sarif_model(run_, model, cwd):
    results = by_name(run_["results"], "ruleId")
    for prop in model["properties"]:
        rid = model["model"] + "." + prop["name"]
        if prop["verdict"] != "violated":
            check(rid not in results or results[rid]["kind"] == "open", f"{rid}: no failure")
            continue
        r = results.get(rid)
        check(r is not None and r["level"] == "error", f"{rid}: an error result")
        if r is None:
            continue
        region = r["locations"][0]["physicalLocation"]["region"]
        if "line" in prop:
            check(region["startLine"] == prop["line"], f"{rid}: at the property's line")
        flow = r["codeFlows"][0]["threadFlows"][0]["locations"]
        lines = [f["location"]["physicalLocation"]["region"]["startLine"] for f in flow]
        check(lines == trace_lines(os.path.join(cwd, prop["trace"])),
              f"{rid}: code flow follows the trace's steps")


def several_models(tmp):
    """Holds, deadlock, lasso, failing assert and a model error in one run."""
    with open(os.path.join(tmp, "bad.ilv"), "w") as f:
        f.write("model m;\nvar x: 0..3 = 9;\n")
    models = [os.path.join(EX, "peterson.ilv"), os.path.join(EX, "philosophers.ilv"),
              os.path.join(SRC, "specs", "md", "lifecycle.ilv"),
              os.path.join(EX, "assert_fail.ilv"), "bad.ilv"]
    code, out, err = run(["check"] + models + ["--json", "--trace-dir", "traces",
                                               "--junit", "r.xml", "--sarif", "r.sarif"], tmp)
    check(code == 2, f"a model error makes the run exit 2 (got {code})")
    check("bad.ilv:2:15: error" in err and "[E0403]" in err, "diagnostics printed")
    j = json.loads(out)
    check(j["result"] == "error" and j["exit_code"] == 2, "combined result")
    check(j["total"]["models"] == 5 and j["total"]["holds"] == 1 and j["total"]["violated"] == 3
          and j["total"]["errors"] == 1, f"totals {j['total']}")
    check([m.get("path") for m in j["models"]] == models, "models in the given order")
    check([m["exit_code"] for m in j["models"]] == [0, 1, 1, 1, 2], "per-model exit codes")
    check("[E0403]" in j["models"][4]["diagnostics"], "diagnostics in the JSON")
    checked = j["models"][:4]
    suites = ET.parse(os.path.join(tmp, "r.xml")).getroot().findall("testsuite")
    check(len(suites) == 5, "one testsuite per model")
    for suite, model in zip(suites, checked):
        check(suite.get("name") == model["model"], "suite named after the model")
        check_junit_model(suite, model, tmp)
    error = suites[4].find("testcase/error")
    check(error is not None and error.get("type") == "E0403", "model error in JUnit")
    run_ = sarif_required_fields(json.load(open(os.path.join(tmp, "r.sarif"))))
    for model in checked:
        check_sarif_model(run_, model, tmp)
    e = [r for r in run_["results"] if r["ruleId"] == "E0403"]
    check(len(e) == 1 and e[0]["locations"][0]["physicalLocation"]["region"]
          == {"startLine": 2, "startColumn": 15}, "model error located in SARIF")
    lasso = [r for r in run_["results"] if r["ruleId"] == "md_lifecycle.disappears"]
    check(len(lasso) == 1 and any("cycle" in f["location"]["message"]["text"] or "stops" in
                                  r["message"]["text"] for r in lasso
                                  for f in r["codeFlows"][0]["threadFlows"][0]["locations"]),
          "lasso result present")


def incomplete_run(tmp):
    """A state limit: JUnit skips, SARIF open results, notification and run property."""
    # wait_for_flag has 3 states (hand count in the model): it holds within the limit.
    code, out, _ = run(["check", os.path.join(EX, "wait_for_flag.ilv"),
                        os.path.join(EX, "ticket_lock.ilv"), "--max-states", "100", "--json",
                        "--trace-dir", "traces", "--junit", "i.xml", "--sarif", "i.sarif"], tmp)
    check(code == 3, f"holds + incomplete exits 3 (got {code})")
    j = json.loads(out)
    check(j["result"] == "incomplete" and j["total"]["incomplete"] == 1, "incomplete total")
    ticket = ET.parse(os.path.join(tmp, "i.xml")).getroot().findall("testsuite")[1]
    skipped = ticket.findall("testcase/skipped")
    check(len(skipped) > 0 and all("state_limit" in s.get("message") for s in skipped),
          "JUnit skipped names the limit")
    check("state_limit" in (ticket.findtext("system-out") or ""), "JUnit says the run ended early")
    run_ = sarif_required_fields(json.load(open(os.path.join(tmp, "i.sarif"))))
    check(run_["properties"]["incomplete"] is True, "SARIF run marked incomplete")
    opens = [r for r in run_["results"] if r["kind"] == "open"]
    check(len(opens) == len(skipped), "one open result per undecided property")
    notes = run_["invocations"][0].get("toolExecutionNotifications", [])
    check(len(notes) == 1 and "state_limit" in notes[0]["message"]["text"],
          "SARIF notification names the limit")
    code, _, _ = run(["check", os.path.join(EX, "philosophers.ilv"),
                      os.path.join(EX, "ticket_lock.ilv"), "--max-states", "100",
                      "--trace-dir", "traces"], tmp)
    check(code == 1, f"violated + incomplete exits 1 (got {code})")


def directory_run(tmp):
    """A directory is searched recursively and sorted; even one model gives the combined JSON."""
    d = os.path.join(tmp, "models")
    os.makedirs(os.path.join(d, "b", "c"))
    os.makedirs(os.path.join(d, "a"))
    shutil.copy(os.path.join(EX, "peterson.ilv"), os.path.join(d, "b", "c", "p.ilv"))
    shutil.copy(os.path.join(EX, "tiny_counter.ilv"), os.path.join(d, "a", "t.ilv"))
    shutil.copy(os.path.join(EX, "peterson.ilv"), os.path.join(d, "b", "notes.txt"))
    code, out, _ = run(["check", "models", "--json", "--trace-dir", "traces"], tmp)
    j = json.loads(out)
    check([m["path"] for m in j["models"]] == ["models/a/t.ilv", "models/b/c/p.ilv"],
          f"directory models sorted: {[m['path'] for m in j['models']]}")
    check(code == j["exit_code"], "exit code equals the JSON's")
    code, out, _ = run(["check", "models/b", "--json", "--trace-dir", "traces"], tmp)
    check("models" in json.loads(out), "a directory with one model still gives the combined form")
    os.makedirs(os.path.join(tmp, "empty"))
    code, _, err = run(["check", "empty"], tmp)
    check(code == 2 and "no .ilv model" in err, "an empty directory is an error")


def single_model(tmp):
    """One model keeps the single object; timing and memory are all under `resources`."""
    code, out, _ = run(["check", os.path.join(EX, "peterson.ilv"), "--json"], tmp)
    j = json.loads(out)
    check(code == 0 and "models" not in j and j["model"] == "peterson", "single object kept")
    timing = {"seconds", "states_per_second", "liveness_seconds", "peak_memory_bytes",
              "store_bytes"}
    check(set(j["resources"]) == timing, f"resources keys {sorted(j['resources'])}")
    check(not (timing & set(j)), "no timing key at the top level")
    check(j["state_bytes"] > 0, "state_bytes stays at the top level")
    code, _, _ = run(["check", "bad.ilv", "--junit", "b.xml"], tmp)
    root = ET.parse(os.path.join(tmp, "b.xml")).getroot()
    check(code == 2 and root.find("testsuite/testcase/error") is not None,
          "a single model error is in the JUnit report")


def escaping(tmp):
    """Markup, a control character and a stray byte in a step comment reach JUnit well-formed."""
    text = open(os.path.join(EX, "broken_mutex.ilv"), "rb").read()
    text = text.replace(b"// Wait until nobody else holds the lock ...",
                        b"// Wait <until> & \"nobody\" 'else' \x01 \xff holds")
    with open(os.path.join(tmp, "esc.ilv"), "wb") as f:
        f.write(text)
    code, _, _ = run(["check", "esc.ilv", "--trace-dir", "traces", "--junit", "e.xml",
                      "--sarif", "e.sarif"], tmp)
    check(code == 1, "escaping model violated")
    failure = ET.parse(os.path.join(tmp, "e.xml")).getroot().find(".//failure")
    check(failure is not None and "Wait <until> & \"nobody\" 'else' \\x01 \ufffd holds"
          in failure.text, "story text survives escaping")
    json.load(open(os.path.join(tmp, "e.sarif"), encoding="utf-8"))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for test in (several_models, incomplete_run, directory_run, single_model, escaping):
            sub = os.path.join(tmp, test.__name__)
            os.makedirs(sub)
            if test is single_model:
                with open(os.path.join(sub, "bad.ilv"), "w") as f:
                    f.write("model m;\nvar x: 0..3 = 9;\n")
            test(sub)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
