#!/usr/bin/env python3
"""Fail when the repository shares a 7-word sequence with an evaluation-only corpus.

Evaluation-only data (../shared/data/README.md: research licences or publishers' copyright) may be
measured on but never committed, not even as a test sentence with the names swapped. This check
reads every text file git tracks (sources, tests, rule tables under resources/, docs, fixtures),
collects its 7-word sequences (lower-cased words; Rust escapes such as \\u{2014} and \\n decoded
first), then streams each evaluation-only corpus and reports every sequence found in both, with
the repository file and line it comes from.

The repository side is small, so only its sequences are held in memory; the corpora are streamed,
so the check runs in well under a minute and a few hundred MB even over trafilatura's pages.

Usage: python3 scripts/check_eval_text.py [--shared ../shared] [--n 7]
Exit status: 0 clean, 1 overlaps found, 2 the corpora are missing (skipped unless CI is set).
"""
import argparse
import csv
import html
import io
import json
import os
import re
import subprocess
import sys
import tarfile

WORD = re.compile(r"[^\W_]+")
RUST_UNICODE = re.compile(r"\\u\{([0-9a-fA-F]{1,6})\}")
RUST_ESCAPE = re.compile(r"\\[nrt0]")
TAG = re.compile(r"<[^>]*>")
SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)

# Sequences that any two texts share without one copying the other: runs of numbers and of
# calendar words (month and weekday tables in several languages are facts, not prose).
CALENDAR = set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue wed thu fri sat sun janvier février mars avril mai juin juillet août
    septembre octobre novembre décembre enero febrero marzo abril mayo junio julio agosto
    septiembre octubre noviembre diciembre januar februar märz juni juli oktober dezember montag
    dienstag mittwoch donnerstag freitag samstag sonntag mo di mi do fr sa so lundi mardi mercredi
    jeudi vendredi samedi dimanche""".split()
)


# Code idioms that pages about programming print too; they are not prose.
IDIOMS = {"os path join os path dirname file"}


def is_common(seq):
    return seq in IDIOMS or all(w.isdigit() or w in CALENDAR for w in seq.split())

# Repository paths that hold no prose: style sheets, icons, lock files, binary resources.
SKIP_SUFFIXES = (".css", ".svg", ".lock", ".bin", ".gz", ".png", ".jpg", ".ico", ".woff", ".woff2", ".zst", ".parquet")


def words(text):
    text = RUST_UNICODE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = RUST_ESCAPE.sub(" ", text)
    return WORD.findall(text.lower())


def repo_shingles(root, n):
    """Map each n-word sequence of the repository's text files to the first (path, line) holding it."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    seen = {}
    for rel in files.decode().split("\0"):
        if not rel or rel.endswith(SKIP_SUFFIXES) or rel.startswith("scripts/check_eval_text.py"):
            continue
        path = os.path.join(root, rel)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (UnicodeDecodeError, IsADirectoryError, FileNotFoundError):
            continue
        # Words with the line each starts on, so a hit can be reported where it is.
        toks = []
        for lineno, line in enumerate(text.split("\n"), 1):
            toks.extend((w, lineno) for w in words(line))
        for i in range(len(toks) - n + 1):
            key = " ".join(w for w, _ in toks[i : i + n])
            if key not in seen:
                seen[key] = (rel, toks[i][1])
    return seen


def corpus_texts(shared):
    """Yield (corpus name, text) for every evaluation-only document found under shared/."""
    data = os.path.join(shared, "data")
    polnear = os.path.join(data, "polnear")
    for dirpath, _, names in os.walk(polnear):
        for name in sorted(names):
            if name.endswith((".txt", ".ann")) and name != "NOTES.txt":
                with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                    yield "polnear", f.read()
    for dirpath, _, names in os.walk(os.path.join(data, "tempeval3")):
        for name in sorted(names):
            if name.endswith(".tml"):
                with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                    yield "tempeval3", html.unescape(TAG.sub(" ", f.read()))
    for dirpath, _, names in os.walk(os.path.join(data, "reuters-21578")):
        for name in sorted(names):
            if name.endswith(".sgm"):
                with open(os.path.join(dirpath, name), encoding="latin-1") as f:
                    yield "reuters-21578", html.unescape(TAG.sub(" ", f.read()))
    semeval = os.path.join(data, "semeval2022-task8-news-similarity")
    for dirpath, _, names in os.walk(semeval):
        for name in sorted(names):
            if name.endswith(".csv"):
                csv.field_size_limit(1 << 30)
                with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace", newline="") as f:
                    for row in csv.DictReader(f):
                        yield "semeval2022-task8", (row.get("text1") or "") + "\n" + (row.get("text2") or "")
    traf = os.path.join(data, "trafilatura-eval")
    gold = os.path.join(traf, "evaldata.json")
    if os.path.exists(gold):
        with open(gold, encoding="utf-8") as f:
            for entry in json.load(f).values():
                parts = list(entry.get("with", [])) + list(entry.get("without", []))
                parts += [str(entry.get(k, "")) for k in ("title", "author", "description")]
                yield "trafilatura-eval", "\n".join(parts)
    tarball = os.path.join(traf, "trafilatura-eval.tar.gz")
    if os.path.exists(tarball):
        with tarfile.open(tarball, "r:gz") as tar:
            for member in tar:
                if member.isfile() and member.name.endswith((".html", ".htm")):
                    raw = tar.extractfile(member).read()
                    page = SCRIPT.sub(" ", raw.decode("utf-8", "replace"))
                    yield "trafilatura-eval", html.unescape(TAG.sub(" ", page))
    # The reference article and the real pages are third-party text too: measured, never committed.
    for sub in ("seed", "realpages"):
        folder = os.path.join(shared, sub)
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".txt"):
                    with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                        yield sub, f.read()


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    ap.add_argument("--n", type=int, default=7)
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "data")):
        msg = f"check_eval_text: {args.shared}/data is missing, nothing to compare with"
        if os.environ.get("CI"):
            print(msg + " (CI is set: failing)", file=sys.stderr)
            return 2
        print(msg + " (skipped)", file=sys.stderr)
        return 0
    ours = repo_shingles(root, args.n)
    hits = {}
    docs = 0
    for corpus, text in corpus_texts(args.shared):
        docs += 1
        toks = words(text)
        for i in range(len(toks) - args.n + 1):
            key = " ".join(toks[i : i + args.n])
            if key in ours and not is_common(key):
                hits.setdefault(key, set()).add(corpus)
    for key, corpora in sorted(hits.items(), key=lambda kv: ours[kv[0]]):
        path, line = ours[key]
        print(f"{path}:{line}: \"{key}\" also in {', '.join(sorted(corpora))}")
    print(
        f"check_eval_text: {len(ours)} {args.n}-word sequences in the repository, {docs} corpus documents, "
        f"{len(hits)} shared",
        file=sys.stderr,
    )
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
