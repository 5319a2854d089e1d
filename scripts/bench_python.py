#!/usr/bin/env python3
"""Throughput of the Python package (analyze_many) against the CLI and spaCy, in one run.

    python3 scripts/bench_python.py --python ~/.venvs/dlpy/bin/python [--n 500] [--spark]

Needs a release CLI (`cargo build --release -p dateline`) and the release wheel installed in
--python's environment (`cd crates/dateline-py && maturin build --release` then pip install).
The corpus is the first N articles of the synthetic corpus scripts/bench.py builds
(../shared/peers/make_corpus.py, seed 42). Every run is a fresh process on one core; CPU seconds
are the child's user + system time. Pages are read before the clock starts in the Python runs
(the CLI's time includes reading, a few ms here).
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

from bench import ensure_corpus

PY_RUN = r"""
import json, sys, time, resource
import dateline
corpus, output, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
pages = list(dateline.read_warc(corpus))
dateline.analyze(text="warm up: the resources load once, here.")
c0 = resource.getrusage(resource.RUSAGE_SELF); t0 = time.perf_counter()
out = dateline.analyze_many(pages, jobs=jobs, output=output)
t1 = time.perf_counter(); c1 = resource.getrusage(resource.RUSAGE_SELF)
n = out.num_rows if output == "arrow" else len(out)
print(json.dumps({"n": n, "wall": t1 - t0, "cpu": (c1.ru_utime - c0.ru_utime) + (c1.ru_stime - c0.ru_stime),
                  "rss_mb": c1.ru_maxrss / 1024}))
"""


def child(cmd, **kw):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, check=True, **kw)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, out.stdout


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--bin", default="target/release/dateline")
    ap.add_argument("--python", required=True, help="a Python with the dateline wheel installed")
    ap.add_argument("--peer-python", default=os.path.expanduser("~/.venvs/peers/bin/python"))
    ap.add_argument("--work", default="target/bench")
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-spacy", action="store_true")
    ap.add_argument("--spark", action="store_true", help="also the Spark job, local[1], on the same articles")
    args = ap.parse_args()

    corpus = ensure_corpus(args.work, args.shared)
    files = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))[: args.n]
    sub = os.path.join(args.work, f"corpus-{len(files)}")
    if not os.path.isdir(sub):
        os.makedirs(sub)
        for f in files:
            shutil.copy(os.path.join(corpus, f), sub)
    n = len(files)
    mb = sum(os.path.getsize(os.path.join(sub, f)) for f in files) / 1e6
    print(f"corpus: {n} articles, {mb:.2f} MB ({sub})")
    rows = []

    def best(label, runs):
        w, c, r = min(runs, key=lambda x: x[1])
        rows.append((label, w, c, r))

    best("dateline analyze --json -j1 (CLI)",
         [child([args.bin, "analyze", "--json", "-j1", sub])[:3] for _ in range(args.repeat)])
    for output in ("records", "arrow"):
        runs = []
        for _ in range(args.repeat):
            s = json.loads(child([args.python, "-c", PY_RUN, sub, output, "1"])[3])
            assert s["n"] == n, s
            runs.append((s["wall"], s["cpu"], s["rss_mb"]))
        best(f"analyze_many(jobs=1, output={output!r})", runs)
    if args.spark:
        feed = os.path.join(args.work, f"corpus-{n}.jsonl")
        with open(feed, "w") as f:
            for name in files:
                f.write(json.dumps({"text": open(os.path.join(sub, name), encoding="utf-8").read()}) + "\n")
        out = tempfile.mkdtemp()
        w, c, r, _ = child([args.python, "-m", "dateline.spark", feed, "--out", os.path.join(out, "o"),
                            "--master", "local[1]"], stderr=subprocess.DEVNULL)
        rows.append(("Spark local[1], whole job incl. JVM start", w, c, r))
        shutil.rmtree(out)
    if not args.no_spacy:
        summary = os.path.join(args.work, "spacy_py_summary.json")
        w, c, r, _ = child([args.peer_python, os.path.join(args.shared, "peers", "peers.py"), sub, "--mode", "ner",
                            "--batch-size", "64", "--summary", summary])
        s = json.load(open(summary))
        rows.append(("spaCy 3.8 sm NER-only (peers.py, pipe only)", n / s["docs_per_s"], s.get("cpu_s", c), r))

    print(f"{'run':46} {'art/s':>8} {'CPU s':>8} {'art/CPU-s':>10} {'peak MB':>8}")
    for label, w, c, r in rows:
        print(f"{label:46} {n / w:8.0f} {c:8.2f} {n / max(c, 1e-9):10.0f} {r:8.0f}")
    cli = rows[0]
    for label, w, c, r in rows[1:]:
        print(f"{label}: {(n / max(c, 1e-9)) / (n / max(cli[2], 1e-9)):.2f}x the CLI per CPU-second")


if __name__ == "__main__":
    main()
