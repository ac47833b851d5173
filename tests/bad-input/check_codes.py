#!/usr/bin/env python3
"""Fails when a diagnostic code listed in docs/errors.md has no bad-input case expecting it.

Usage: check_codes.py REPO_ROOT
"""

import os
import re
import sys


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "docs", "errors.md"), encoding="utf-8") as f:
        codes = re.findall(r"^\| (E\d{4}) ", f.read(), re.MULTILINE)
    expected = set()
    corpus = os.path.join(root, "tests", "bad-input")
    for folder, _, files in os.walk(corpus):
        for name in files:
            if name.endswith((".ilv", ".case")):
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                    for line in f:
                        if re.match(r"^(//|#)? ?stderr: ", line):
                            expected.update(re.findall(r"\[(E\d{4})\]$", line.rstrip()))
    missing = [c for c in codes if c not in expected]
    if not codes:
        print("no codes found in docs/errors.md")
        return 1
    for code in missing:
        print(f"{code} (docs/errors.md) has no case in tests/bad-input")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
