#!/usr/bin/env python3
"""Scores dateline's mojibake repair against ftfy's test cases, and ftfy itself in the same run.

Run with a Python that has ftfy installed (the peers venv), from the repository root:

    $HOME/.venvs/peers/bin/python scripts/eval_mojibake.py [--verbose]

Environment:
    DATELINE_FTFY_CASES  directory of the case files
                         (default ../shared/data/ftfy-mojibake-cases/tests/test-cases)
    FIX_TEXT_BIN         path to a built `fix_text` example; default runs
                         `cargo run -q -p dateline-text --example fix_text`

A case counts as fixed when the output, after NFC, equals the case's `fixed` or its
`fixed-encoding` (ftfy's `fix_text` also straightens quotes and unfolds ligatures, which
`fixed` records; dateline deliberately keeps quotes, which `fixed-encoding` records). For the
negative cases both expectations equal the input up to those cosmetic changes, so "fixed" there
means "left alone". `changed-wrongly` counts outputs that differ from the input and match
neither expectation: the false positives and bad repairs.
"""

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

CATEGORIES = ["in-the-wild", "synthetic", "negative", "known-failures", "language-names"]
DEFAULT_CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "ftfy-mojibake-cases/tests/test-cases")


def nfc(s):
    return unicodedata.normalize("NFC", s)


def run_ours(texts):
    binary = os.environ.get("FIX_TEXT_BIN")
    cmd = [binary] if binary else ["cargo", "run", "-q", "-p", "dateline-text", "--example", "fix_text"]
    stdin = "".join(json.dumps(t) + "\n" for t in texts)
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, check=True)
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if len(lines) != len(texts):
        sys.exit(f"fix_text returned {len(lines)} lines for {len(texts)} inputs")
    return [line["fixed"] for line in lines]


def run_ftfy(texts):
    import ftfy

    return [ftfy.fix_text(t) for t in texts], ftfy.__version__


def main():
    verbose = "--verbose" in sys.argv
    cases_dir = Path(os.environ.get("DATELINE_FTFY_CASES", DEFAULT_CASES))
    cases = []
    for cat in CATEGORIES:
        for case in json.loads((cases_dir / f"{cat}.json").read_text(encoding="utf-8")):
            cases.append((cat, case))
    texts = [c["original"] for _, c in cases]
    ours = run_ours(texts)
    theirs, version = run_ftfy(texts)

    def score(outputs):
        table = {cat: [0, 0, 0] for cat in CATEGORIES}  # cases, fixed, changed-wrongly
        misses = []
        for (cat, case), out in zip(cases, outputs):
            gold = {nfc(case["fixed"]), nfc(case.get("fixed-encoding", case["fixed"]))}
            row = table[cat]
            row[0] += 1
            if nfc(out) in gold:
                row[1] += 1
            else:
                misses.append((cat, case["original"], out, case.get("fixed-encoding", case["fixed"])))
                if nfc(out) != nfc(case["original"]):
                    row[2] += 1
        return table, misses

    ours_table, ours_misses = score(ours)
    ftfy_table, ftfy_misses = score(theirs)
    print(f"| category | cases | dateline fixed | ftfy {version} fixed | dateline changed wrongly | ftfy changed wrongly |")
    print("|---|---:|---:|---:|---:|---:|")
    totals = [0, 0, 0, 0, 0]
    for cat in CATEGORIES:
        n, ok, bad = ours_table[cat]
        _, fok, fbad = ftfy_table[cat]
        print(f"| {cat} | {n} | {ok} | {fok} | {bad} | {fbad} |")
        for k, v in enumerate([n, ok, fok, bad, fbad]):
            totals[k] += v
    print(f"| **all** | {totals[0]} | {totals[1]} | {totals[2]} | {totals[3]} | {totals[4]} |")
    if verbose:
        for name, misses in [("dateline", ours_misses), ("ftfy", ftfy_misses)]:
            print(f"\n{name} misses:")
            for cat, orig, out, want in misses:
                print(f"  [{cat}] {orig!r}\n      got  {out!r}\n      want {want!r}")


if __name__ == "__main__":
    main()
