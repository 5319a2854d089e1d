#!/usr/bin/env python3
"""Agreement and speed of dateline's tone (VADER in Rust) against the Python reference
vaderSentiment 3.3.2, on the same texts in one run.

Texts (one sentence each; newlines inside a text become spaces):
  demo  the sentences of the demo articles in examples/demo (our own text), split at . ! ? + space;
  gum   every sentence of GUM (the `# text =` lines of dep/*.conllu in
        ../shared/data/gum/gum-dep-xml-coref.tar.gz; reddit documents, whose text is withheld, are
        skipped). GUM is used here for evaluation only: its text is never written to the repository.
  gum-ascii the same GUM sentences with typographic quotes, dashes and ellipses turned into ASCII
        ones (for both sides): where the punctuation rules coincide, what differences remain come
        from the other documented deviations (emoji, the `but` weighting).

Both sides score each text as one unit. Reported per set: Pearson correlation of compound, share of
texts whose compounds differ by at most 0.05, by at most 0.0005 (equal after rounding), agreement of
the sign (positive > 0.05, negative < -0.05, else neutral, VADER's usual thresholds), and the
scoring time of each side (best of three passes, loading excluded) with the ratio.

Usage:
  python3 -m venv /tmp/vader && /tmp/vader/bin/pip install vadersentiment==3.3.2
  cargo build --release -p dateline-analyze --example tone_scores
  /tmp/vader/bin/python scripts/eval_tone_vader.py [--shared ../shared] [--bin target/release/examples/tone_scores]
"""
import argparse, glob, io, math, os, re, subprocess, sys, tarfile, time

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def demo_sentences():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "demo", "*.txt"))):
        text = open(path, encoding="utf-8", errors="replace").read()
        for para in text.split("\n"):
            for s in re.split(r"(?<=[.!?])\s+", para.strip()):
                if s:
                    out.append(s)
    return out


def gum_sentences(shared):
    path = os.path.join(shared, "data", "gum", "gum-dep-xml-coref.tar.gz")
    out = []
    with tarfile.open(path) as tar:
        for m in tar:
            if not (m.isfile() and m.name.endswith(".conllu") and "/dep/" in "/" + m.name):
                continue
            if "reddit" in os.path.basename(m.name):
                continue
            for line in io.TextIOWrapper(tar.extractfile(m), encoding="utf-8"):
                if line.startswith("# text = "):
                    out.append(line[len("# text = "):].rstrip("\n").replace("\t", " "))
    return out


ASCII = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"',
                       "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2026": "..."})


def ascii_punctuation(s):
    return s.translate(ASCII)


def rust_scores(binary, texts):
    proc = subprocess.run([binary], input="\n".join(texts) + "\n", capture_output=True, text=True, check=True)
    rows = [tuple(map(float, l.split("\t"))) for l in proc.stdout.splitlines()]
    seconds = float(proc.stderr.strip().split()[-1])
    assert len(rows) == len(texts), (len(rows), len(texts))
    return rows, seconds


def python_scores(analyzer, texts):
    best = math.inf
    rows = None
    for _ in range(3):
        start = time.perf_counter()
        got = [analyzer.polarity_scores(t) for t in texts]
        best = min(best, time.perf_counter() - start)
        rows = got
    return [(d["neg"], d["neu"], d["pos"], d["compound"]) for d in rows], best


def pearson(xs, ys):
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return sxy / (sx * sy) if sx and sy else float("nan")


def label(c):
    return 1 if c > 0.05 else -1 if c < -0.05 else 0


def compare(name, texts, binary, analyzer, show):
    texts = [t.replace("\n", " ") for t in texts]
    rust, rust_s = rust_scores(binary, texts)
    py, py_s = python_scores(analyzer, texts)
    rc = [r[3] for r in rust]
    pc = [p[3] for p in py]
    n = len(texts)
    within = sum(abs(a - b) <= 0.05 for a, b in zip(rc, pc))
    exact = sum(abs(a - b) <= 0.0005 for a, b in zip(rc, pc))
    sign = sum(label(a) == label(b) for a, b in zip(rc, pc))
    print(f"| {name} | {n:,} | {pearson(rc, pc):.4f} | {100 * within / n:.2f}% | {100 * exact / n:.2f}% | "
          f"{100 * sign / n:.2f}% | {py_s:.3f} s | {rust_s:.4f} s | {py_s / rust_s:.0f}x |")
    if show:
        worst = sorted(range(n), key=lambda i: -abs(rc[i] - pc[i]))[:show]
        for i in worst:
            if abs(rc[i] - pc[i]) > 0.0005:
                print(f"    {rc[i]:+.4f} vs {pc[i]:+.4f}: {texts[i][:160]}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "examples", "tone_scores"))
    ap.add_argument("--show", type=int, default=0, help="print the N largest differences per set to stderr")
    args = ap.parse_args()
    analyzer = SentimentIntensityAnalyzer()
    print("| texts | n | Pearson r (compound) | within 0.05 | equal (±0.0005) | same label | vaderSentiment | dateline | speed-up |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    compare("demo sentences", demo_sentences(), args.bin, analyzer, args.show)
    gum = gum_sentences(args.shared)
    compare("GUM sentences", gum, args.bin, analyzer, args.show)
    compare("GUM, ASCII punctuation", [ascii_punctuation(s) for s in gum], args.bin, analyzer, args.show)


if __name__ == "__main__":
    main()
