#!/usr/bin/env python3
"""Runs one bad-input case (tests/bad-input/README.md) and compares the outcome it states.

Usage: run_case.py INTERLEAVE CASE

CASE is a model (`*.ilv`, the expectations in `// key: value` header comments) or a sidecar
(`*.case`, `key: value` lines, `#` comments). The command runs in a fresh temporary directory;
in its output the case's path reads FILE, its folder {dir}, the temporary directory {tmp}.
Exit status 0 when every expectation holds, 1 otherwise (each mismatch printed).
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

TIMEOUT_SECONDS = 120
# Text that only a crash, a sanitizer or an escaped exception prints.
CRASH_MARKERS = ("AddressSanitizer", "LeakSanitizer", ": runtime error: ", "terminate called",
                 "internal error", "Segmentation fault", "Aborted", "what():")
EXCERPT = re.compile(r"^ +(\d+)? \| ")
DIAGNOSTIC = re.compile(r"^(.*?):(\d+):(\d+): (error|warning|note): ")
ACTIONS = ("setup", "copy", "append", "replace", "write", "truncate", "json-set", "json-del")


class Case:
    """The expectations and preparation steps of one case file."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        self.dir = os.path.dirname(self.path)
        self.keys = {}
        self.actions = []
        self.stderr = []  # ("stderr" | "stderr-regex", text), in order
        for key, value in self.read_pairs():
            if key in ("stderr", "stderr-regex"):
                self.stderr.append((key, value))
            if key in ACTIONS:
                self.actions.append((key, value))
            else:
                self.keys.setdefault(key, []).append(value)
        if "exit" not in self.keys:
            raise ValueError(f"{path}: no 'exit:' line")

    def read_pairs(self):
        with open(self.path, encoding="utf-8", errors="surrogateescape") as f:
            lines = f.read().split("\n")
        model = self.path.endswith(".ilv")
        for line in lines:
            if model:
                if not line.startswith("//"):
                    if line.strip() == "":
                        continue
                    break
                line = line[2:]
            elif line.startswith("#"):
                continue
            m = re.match(r"^\s*([a-z-]+):\s?(.*)$", line)
            if m:
                yield m.group(1), m.group(2)

    def one(self, key, default=None):
        values = self.keys.get(key, [])
        return values[-1] if values else default

    def file(self):
        name = self.one("file")
        return os.path.join(self.dir, name) if name else self.path


class Runner:
    """Runs a case's steps and command in a temporary directory and checks the outcome."""

    def __init__(self, interleave, case, tmp):
        self.interleave = interleave
        self.case = case
        self.tmp = tmp
        self.file = case.file()
        self.problems = []

    def expand(self, text):
        return (text.replace("{dir}", self.case.dir).replace("{tmp}", self.tmp)
                .replace("FILE", self.file))

    def normalise(self, text):
        for real, shown in ((self.file, "FILE"), (self.case.dir, "{dir}"), (self.tmp, "{tmp}")):
            text = text.replace(real, shown)
        return text

    def run(self, args):
        env = dict(os.environ, NO_COLOR="1", COLUMNS="100")
        try:
            done = subprocess.run([self.interleave] + args, cwd=self.tmp, env=env,
                                  capture_output=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.problems.append(f"timed out after {TIMEOUT_SECONDS} s: {args}")
            return None
        out = done.stdout.decode("utf-8", "replace")
        err = done.stderr.decode("utf-8", "replace")
        for marker in CRASH_MARKERS:
            if marker in out or marker in err:
                self.problems.append(f"crash marker {marker!r} in the output of {args}")
        return done.returncode, self.normalise(out), self.normalise(err)

    def prepare(self):
        for key, value in self.case.actions:
            words = [self.expand(w) for w in shlex.split(value)]
            getattr(self, "do_" + key.replace("-", "_"))(words)

    def do_setup(self, args):
        result = self.run(args)
        if result and result[0] not in (0, 1):
            self.problems.append(f"setup {args} exited {result[0]}:\n{result[2]}")

    def do_copy(self, words):
        shutil.copyfile(words[0], words[1])

    def do_append(self, words):
        with open(words[0], "a", encoding="utf-8") as f:
            f.write(words[1].replace("\\n", "\n"))

    def do_write(self, words):
        with open(words[0], "wb") as f:
            f.write(words[1].replace("\\n", "\n").encode("utf-8") if len(words) > 1 else b"")

    def do_replace(self, words):
        with open(words[0], encoding="utf-8") as f:
            text = f.read()
        if words[1] not in text:
            raise ValueError(f"replace: {words[1]!r} is not in {words[0]}")
        with open(words[0], "w", encoding="utf-8") as f:
            f.write(text.replace(words[1], words[2].replace("\\n", "\n"), 1))

    def do_truncate(self, words):
        os.truncate(words[0], int(words[1]))

    def do_json_set(self, words):
        self.edit_json(words[0], words[1], lambda parent, key: parent.__setitem__(
            key, json.loads(words[2])))

    def do_json_del(self, words):
        self.edit_json(words[0], words[1], lambda parent, key: parent.__delitem__(key))

    def edit_json(self, path, pointer, change):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        parts = [p for p in pointer.split("/") if p != ""]
        parent = doc
        for part in parts[:-1]:
            parent = parent[int(part)] if isinstance(parent, list) else parent[part]
        last = parts[-1]
        change(parent, int(last) if isinstance(parent, list) else last)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2)

    def check(self):
        self.prepare()
        args = [self.expand(w) for w in shlex.split(self.case.one("command", "check FILE"))]
        result = self.run(args)
        if result is None:
            return
        code, out, err = result
        want = int(self.case.one("exit"))
        if code != want:
            self.problems.append(f"exit code {code}, expected {want}")
        self.check_stderr(err)
        self.check_stdout(out)
        if any(self.case.keys.get(k) for k in ("json", "json-message", "json-steps")):
            self.check_json(out)
        if code != want or self.problems:
            self.problems.append(f"command: interleave {' '.join(args)}\n--- stdout\n{out}"
                                 f"--- stderr\n{err}---")

    def check_stderr(self, err):
        lines = err.splitlines()
        heads = [line for line in lines if not EXCERPT.match(line)]
        want = [text for _, text in self.case.stderr]
        same = len(heads) == len(want) and all(
            re.fullmatch(text, head) if key == "stderr-regex" else text == head
            for (key, text), head in zip(self.case.stderr, heads))
        if not same:
            self.problems.append("stderr lines differ:\n  expected:\n" +
                                 "".join(f"    {w}\n" for w in want) + "  got:\n" +
                                 "".join(f"    {h}\n" for h in heads))
        self.check_excerpts(lines)

    def check_excerpts(self, lines):
        """Each `FILE:L:C:` diagnostic shows line L of FILE and a caret under column C. A long
        line is shown from 100 columns before C, after "...", when C is near or past column 200;
        at most 200 columns of the line are shown."""
        if not os.path.isfile(self.file) or os.path.getsize(self.file) == 0:
            return
        with open(self.file, "rb") as f:
            source = f.read().decode("latin-1").split("\n")
        for i, line in enumerate(lines):
            m = DIAGNOSTIC.match(line)
            if not m or m.group(1) != "FILE":
                continue
            row, col = int(m.group(2)), int(m.group(3))
            shown = lines[i + 1] if i + 1 < len(lines) else ""
            caret = lines[i + 2] if i + 2 < len(lines) else ""
            text = source[row - 1].rstrip("\r") if row <= len(source) else ""
            text = "".join(c if c == "\t" or 32 <= ord(c) < 127 else "?" for c in text)
            text = text.replace("\t", " ")
            first = 0 if col - 1 + 10 < 200 else col - 1 - 100
            text = ("..." if first else "") + text[first:first + 200]
            at = (3 if first else 0) + col - 1 - first
            if shown != f" {row:>4} | {text}":
                self.problems.append(f"excerpt of {line!r} is {shown!r}, not line {row}")
            elif not re.fullmatch(r" +\| *\^~*", caret) or \
                    caret.index("^") - len(f" {row:>4} | ") != min(at, len(text)):
                self.problems.append(f"caret of {line!r} is not under column {col}: {caret!r}")

    def check_stdout(self, out):
        lines = out.splitlines()
        for pattern in self.case.keys.get("stdout-regex", []):
            if not any(re.fullmatch(pattern, line) for line in lines):
                self.problems.append(f"no stdout line matches {pattern!r}")
        for text in self.case.keys.get("stdout-not", []):
            if text in out:
                self.problems.append(f"stdout contains {text!r}")
        at = 0
        for want in self.case.keys.get("stdout", []):
            while at < len(lines) and lines[at] != want:
                at += 1
            if at == len(lines):
                self.problems.append(f"stdout has no line (in order) {want!r}")
                return
            at += 1

    def check_json(self, out):
        try:
            doc = json.loads(out)
        except json.JSONDecodeError as e:
            self.problems.append(f"stdout is not JSON: {e}")
            return
        found = {p["name"]: p for p in doc.get("properties", [])}
        for want in self.case.keys.get("json", []):
            name, verdict = want.split()
            got = found.get(name, {}).get("verdict")
            if got != verdict:
                self.problems.append(f"property {name}: verdict {got}, expected {verdict}")
        for want in self.case.keys.get("json-message", []):
            name, message = want.split(" ", 1)
            got = found.get(name, {}).get("message")
            if got != message:
                self.problems.append(f"property {name}: message {got!r}, expected {message!r}")
        for want in self.case.keys.get("json-steps", []):
            name, steps = want.split()
            got = found.get(name, {}).get("steps")
            if got != int(steps):
                self.problems.append(f"property {name}: {got} steps, expected {steps}")
        if self.case.one("replays") == "yes":
            self.replay_all(found)

    def replay_all(self, found):
        traces = [p["trace"] for p in found.values() if p.get("trace")]
        if not traces:
            self.problems.append("replays: yes, but no trace was written")
        for trace in traces:
            result = self.run(["replay", trace])
            if result and (result[0] != 0 or "replay confirms: " not in result[1]):
                self.problems.append(f"replay {trace} exited {result[0]}:\n{result[1]}"
                                     f"{result[2]}")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    interleave = os.path.abspath(sys.argv[1])
    case = Case(sys.argv[2])
    with tempfile.TemporaryDirectory(prefix="ilv-bad-input-") as tmp:
        runner = Runner(interleave, case, os.path.realpath(tmp))
        runner.check()
    for problem in runner.problems:
        print(problem)
    return 1 if runner.problems else 0


if __name__ == "__main__":
    sys.exit(main())
