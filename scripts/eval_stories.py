#!/usr/bin/env python3
"""Stories: dateline against datasketch MinHash+LSH on the same data, in the same run.

1. Synthetic republication corpus (../shared/peers/make_corpus.py: 2,000 docs in 100 families):
   pairwise cluster precision/recall/F1 against the families, and speed of shingling + MinHash +
   LSH (dateline's `eval_stories bench`, one thread, vs ../shared/peers/minhash_bench.py).
2. SemEval-2022 task 8 training pairs (evaluation only; never copied into the repo): same-story
   decision against the binarised human Overall score (<= CUT means same story; 1 = very similar,
   4 = very dissimilar) and Spearman rank correlation of each tool's similarity with -Overall.

Usage: scripts/eval_stories.py [--shared ../shared] [--cut 1.5]
Needs: cargo build --release -p dateline-store --example eval_stories; the peers venv for datasketch
(run this script with $HOME/.venvs/peers/bin/python).
"""
import argparse, csv, json, os, subprocess, sys, tempfile
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "examples", "eval_stories")


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cluster_scores(label, fam):
    by = defaultdict(list)
    for i, c in label.items():
        by[c].append(i)
    pred = {tuple(sorted((a, b))) for v in by.values() for k, a in enumerate(v) for b in v[k + 1:]}
    byf = defaultdict(list)
    for i, f in fam.items():
        byf[f].append(i)
    gold = sum(len(v) * (len(v) - 1) // 2 for v in byf.values())
    tp = sum(1 for a, b in pred if fam[a] == fam[b])
    return (len(by),) + prf(tp, len(pred) - tp, gold - tp)


def spearman(x, y):
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(v):
            j = i
            while j + 1 < len(v) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2
            i = j + 1
        return r
    rx, ry = ranks(x), ranks(y)
    n = len(x)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
    ap.add_argument("--cut", type=float, default=1.5)
    a = ap.parse_args()
    peers = os.path.join(a.shared, "peers")
    sys.path.insert(0, peers)
    tmp = tempfile.mkdtemp(prefix="eval_stories_")
    corpus, manifest = os.path.join(tmp, "corpus"), os.path.join(tmp, "manifest.jsonl")
    subprocess.run([sys.executable, os.path.join(peers, "make_corpus.py"),
                    os.path.join(a.shared, "seed", "000_056294eb0f0c9909.txt"), corpus, manifest],
                   check=True, stdout=subprocess.DEVNULL)
    fam = {json.loads(l)["id"]: json.loads(l)["family"] for l in open(manifest)}

    # --- speed, same run ---
    ours = json.loads(subprocess.run([BIN, "bench", corpus], check=True, capture_output=True, text=True).stdout)
    summary = os.path.join(tmp, "datasketch.json")
    subprocess.run([sys.executable, os.path.join(peers, "minhash_bench.py"), corpus, "--manifest", manifest,
                    "--threshold", "0.8", "0.5", "--summary", summary], check=True, stdout=subprocess.DEVNULL)
    ds = json.load(open(summary))
    print("## Speed: shingling + MinHash + LSH insert/query, one thread, 2,000 docs\n")
    print("| tool | docs/s | MB/s | shingle s | MinHash s | LSH s | candidates/query | ratio |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| dateline (42×3 bands, newest 64 per bucket) | {ours['end_to_end_docs_per_s']:,.0f} | {ours['MB_per_s']:.1f} | "
          f"{ours['shingle_s']:.3f} | {ours['minhash_s']:.3f} | {ours['lsh_insert_query_s']:.3f} | "
          f"{ours['mean_candidates_per_query']:.0f} | 1.0 |")
    for r in ds["lsh"]:
        ratio = ours["end_to_end_docs_per_s"] / r["end_to_end_docs_per_s"]
        print(f"| datasketch {ds['version']} LSH {r['threshold']} | {r['end_to_end_docs_per_s']:,.0f} | "
              f"{r['end_to_end_MB_per_s']:.1f} | {ds['shingle_s']:.3f} | {ds['mh_batch_s']:.3f} | "
              f"{r['insert_s'] + r['query_s']:.3f} | {r['mean_candidates_per_query']:.0f} | dateline is {ratio:.1f}× |")

    # --- clusters ---
    print("\n## Synthetic corpus: pairwise cluster scores against the 100 families\n")
    print("| tool / setting | clusters | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    for th, co in [(0.7, 0.9), (0.75, 0.9), (0.8, 0.9), (0.85, 0.95), (0.9, 0.95)]:
        out = subprocess.run([BIN, "corpus", corpus, "--threshold", str(th), "--containment", str(co)],
                             check=True, capture_output=True, text=True).stdout
        label = {json.loads(l)["id"]: json.loads(l)["story"] for l in out.splitlines()}
        n, p, r, f = cluster_scores(label, fam)
        mark = " (default)" if (th, co) == (0.8, 0.9) else ""
        print(f"| dateline store, Jaccard ≥ {th} or containment ≥ {co}{mark} | {n} | {p:.4f} | {r:.4f} | {f:.4f} |")
    for r in ds["lsh"]:
        c = r["cluster_pairs_vs_families"]
        p, rc = c["precision"] or 0.0, c["recall"] or 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        print(f"| datasketch LSH {r['threshold']}, components of candidate pairs | {r['clusters']} | {p:.4f} | {rc:.4f} | {f:.4f} |")
        v = r["verified_pairs_vs_families"]
        p, rc = v["precision"] or 0.0, v["recall"] or 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        print(f"| datasketch LSH {r['threshold']}, verified pairs (est. J ≥ {r['threshold']}), no clustering | – | {p:.4f} | {rc:.4f} | {f:.4f} |")

    # --- SemEval pairs ---
    path = os.path.join(a.shared, "data", "semeval2022-task8-news-similarity", "training_set.csv")
    pairs = os.path.join(tmp, "pairs.jsonl")
    rows = []
    with open(path, newline="", encoding="utf-8") as fh, open(pairs, "w") as out:
        for row in csv.DictReader(fh):
            rows.append(row)
            out.write(json.dumps({"pair_id": row["pair_id"], "text1": row["text1"], "text2": row["text2"]}) + "\n")
    sims = [json.loads(l) for l in subprocess.run([BIN, "pairs", pairs], check=True, capture_output=True,
                                                   text=True).stdout.splitlines()]
    from datasketch import MinHash
    from minhash_bench import shingles

    def mh(t):
        m = MinHash(num_perm=128)
        m.update_batch(list(shingles(t)))
        return m
    ds_j = [mh(r["text1"]).jaccard(mh(r["text2"])) for r in rows]
    overall = [float(r["Overall"]) for r in rows]
    gold = [o <= a.cut for o in overall]
    print(f"\n## SemEval-2022 task 8 training pairs ({len(rows)}; same story = Overall ≤ {a.cut}: "
          f"{sum(gold)} pairs)\n")
    print("| subset | tool | decision | precision | recall | F1 | Spearman ρ (sim vs −Overall) |")
    print("|---|---|---|---|---|---|---|")
    subsets = [("all", lambda r: True), ("en-en", lambda r: r["lang1"] == "en" and r["lang2"] == "en")]
    for name, keep in subsets:
        idx = [i for i, r in enumerate(rows) if keep(r)]
        neg = [-overall[i] for i in idx]
        for tool, decide, score in [
            ("dateline", lambda i: sims[i]["same"], lambda i: max(sims[i]["jaccard"], sims[i]["containment"])),
            ("datasketch", lambda i: ds_j[i] >= 0.8, lambda i: ds_j[i]),
        ]:
            tp = sum(1 for i in idx if decide(i) and gold[i])
            fp = sum(1 for i in idx if decide(i) and not gold[i])
            fn = sum(1 for i in idx if not decide(i) and gold[i])
            p, r, f = prf(tp, fp, fn)
            rho = spearman([score(i) for i in idx], neg)
            what = "defaults (J ≥ 0.8 or C ≥ 0.9)" if tool == "dateline" else "est. J ≥ 0.8"
            print(f"| {name} ({len(idx)}) | {tool} | {what} | {p:.3f} | {r:.3f} | {f:.3f} | {rho:.3f} |")
    nonzero = sum(1 for s in sims if s["jaccard"] > 0)
    print(f"\nPairs sharing at least one 5-word shingle: {nonzero} of {len(sims)}.")


if __name__ == "__main__":
    main()
