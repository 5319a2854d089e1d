#!/usr/bin/env python3
"""Throughput benchmark of dateline's analyse and ingest, with peers in the same run.

Builds the synthetic corpus of ../shared/peers/make_corpus.py (2,000 articles from the reference
article), then times, each in a fresh process (wall time, peak RSS from wait4):

  dateline analyze --json CORPUS > /dev/null
  dateline ingest CORPUS --db fresh.db
  [--peers] spaCy en_core_web_sm NER-only (../shared/peers/peers.py --mode ner), same corpus
  [--full-peer] spaCy's full pipeline with textacy's direct quotations (peers.py --mode full)

and prints one table with articles/s, MB/s, peak RSS, CPU seconds and the ratio to each peer.
On a shared machine the CPU seconds (user + system of the process) are the steadier measure:
wall time includes waiting for a core that other jobs hold. Both are printed, with ratios of each.

Usage: scripts/bench.py [--shared ../shared] [--bin target/release/dateline] [--peers] [--full-peer]
       [--python ~/.venvs/peers/bin/python] [--limit N]
"""
import argparse, json, os, shutil, subprocess, sys, time

def run(cmd, stdout=subprocess.DEVNULL, env=None):
    """Runs cmd; returns (wall seconds, peak RSS in MB, captured stdout or None, CPU seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env)
    out = proc.stdout.read() if stdout == subprocess.PIPE else None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.stderr.write(err.decode(errors="replace")[-2000:])
        raise SystemExit("failed: %s" % " ".join(cmd))
    return wall, usage.ru_maxrss / 1024.0, out, usage.ru_utime + usage.ru_stime

def ensure_corpus(work, shared):
    """The synthetic bench corpus under `work` (built by the peers' make_corpus.py when absent)."""
    corpus = os.path.join(work, "corpus")
    if not os.path.isdir(corpus):
        os.makedirs(work, exist_ok=True)
        subprocess.check_call([sys.executable, os.path.join(shared, "peers", "make_corpus.py"),
                               os.path.join(shared, "seed", "000_056294eb0f0c9909.txt"), corpus,
                               os.path.join(work, "manifest.jsonl")], stdout=subprocess.DEVNULL)
    return corpus


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--bin", default="target/release/dateline")
    ap.add_argument("--work", default="target/bench")
    ap.add_argument("--peers", action="store_true", help="also run spaCy NER-only on the same corpus")
    ap.add_argument("--full-peer", action="store_true",
                    help="also run spaCy's full pipeline with textacy quotes (the whole-analysis peer)")
    ap.add_argument("--python", default=os.path.expanduser("~/.venvs/peers/bin/python"))
    ap.add_argument("--repeat", type=int, default=3, help="runs of each dateline command; the best is kept")
    ap.add_argument("--stages", default="target/release/examples/bench_stages",
                    help="the bench_stages example (per-stage rates, one thread); skipped if absent")
    args = ap.parse_args()

    corpus = ensure_corpus(args.work, args.shared)
    files = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))
    nbytes = sum(os.path.getsize(os.path.join(corpus, f)) for f in files)
    n = len(files)
    print("corpus: %d articles, %.2f MB (%s)" % (n, nbytes / 1e6, corpus))

    rows = []
    best = min((run([args.bin, "analyze", "--json", corpus]) for _ in range(args.repeat)), key=lambda r: r[0])
    rows.append(("dateline analyze --json (2 threads)", best[0], best[1], best[3]))
    best = min((run([args.bin, "analyze", "--json", "-j1", corpus]) for _ in range(args.repeat)), key=lambda r: r[0])
    rows.append(("dateline analyze --json -j1 (1 core)", best[0], best[1], best[3]))
    db = os.path.join(args.work, "bench.db")
    ingest_runs = []
    for _ in range(args.repeat):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        ingest_runs.append(run([args.bin, "ingest", "--quiet", corpus, "--db", db]))
    best = min(ingest_runs, key=lambda r: r[0])
    rows.append(("dateline ingest (fresh store)", best[0], best[1], best[3]))
    if args.peers:
        summary = os.path.join(args.work, "spacy_summary.json")
        wall, rss, _, _ = run([args.python, os.path.join(args.shared, "peers", "peers.py"), corpus,
                            "--mode", "ner", "--batch-size", "64", "--summary", summary])
        s = json.load(open(summary))
        # peers.py times the pipe itself, excluding model load; use its own rate for fairness
        rows.append(("spaCy 3.8 sm NER-only (peers.py)", n / s.get("docs_per_s", n / wall), rss, s.get("cpu_s", wall)))
    if args.full_peer:
        summary = os.path.join(args.work, "spacy_full_summary.json")
        wall, rss, _, _ = run([args.python, os.path.join(args.shared, "peers", "peers.py"), corpus,
                               "--mode", "full", "--summary", summary])
        s = json.load(open(summary))
        rows.append(("spaCy 3.8 sm full + textacy quotes", n / s.get("docs_per_s", n / wall), rss, s.get("cpu_s", wall)))

    print("%-40s %10s %10s %8s %10s %8s %12s" % ("run", "articles/s", "MB/s", "peak MB", "seconds", "CPU s",
                                                "art/CPU-s"))
    for name, wall, rss, cpu in rows:
        print("%-40s %10.0f %10.2f %8.0f %10.2f %8.2f %12.0f" % (name, n / wall, nbytes / 1e6 / wall, rss, wall, cpu,
                                                               n / max(cpu, 1e-9)))
    stage_rates = {}
    if os.path.exists(args.stages):
        _, _, out, _ = run([args.stages, corpus], stdout=subprocess.PIPE)
        print(out.decode().strip())
        for line in out.decode().splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[2] == "articles/s":
                stage_rates[parts[0]] = float(parts[1])
    by_name = {r[0]: r for r in rows}
    one_core = rows[1]
    def ratios(label, peer_row):
        peer_wall = n / peer_row[1]
        peer_cpu = n / max(peer_row[3], 1e-9)
        print("ratio dateline analyze (2 threads) / %s (1 process), wall: %.0fx" % (label, (n / rows[0][1]) / peer_wall))
        print("ratio dateline analyze -j1 / %s, per core, wall: %.0fx; per CPU-second: %.0fx"
              % (label, (n / one_core[1]) / peer_wall, (n / max(one_core[3], 1e-9)) / peer_cpu))
    if args.peers:
        peer = by_name["spaCy 3.8 sm NER-only (peers.py)"]
        if "entities" in stage_rates:
            print("ratio dateline entity stage / spaCy NER-only, one core each: %.0fx"
                  % (stage_rates["entities"] / (n / peer[1])))
        ratios("spaCy NER-only", peer)
    if args.full_peer:
        ratios("spaCy full + textacy", by_name["spaCy 3.8 sm full + textacy quotes"])

if __name__ == "__main__":
    main()
