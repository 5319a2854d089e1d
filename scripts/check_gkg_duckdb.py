#!/usr/bin/env python3
"""Opens a GKG 2.1 file written by `dateline export --format gkg` (or `analyze --format gkg`) in
DuckDB and prints a few aggregates: a check that GDELT-style tooling reads it without error.

Usage:
  python3 -m venv /tmp/duck && /tmp/duck/bin/pip install duckdb
  /tmp/duck/bin/python scripts/check_gkg_duckdb.py FILE.gkg [--expect N]

Exit status 1 when DuckDB fails, or when the row count differs from --expect.
"""
import argparse
import sys

import duckdb

COLUMNS = ["GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName",
           "DocumentIdentifier", "Counts", "V2Counts", "Themes", "V2Themes", "Locations",
           "V2Locations", "Persons", "V2Persons", "Organizations", "V2Organizations", "V2Tone",
           "Dates", "GCAM", "SharingImage", "RelatedImages", "SocialImageEmbeds",
           "SocialVideoEmbeds", "Quotations", "AllNames", "Amounts", "TranslationInfo", "Extras"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--expect", type=int)
    args = ap.parse_args()
    spec = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in COLUMNS) + "}"
    con = duckdb.connect()
    path = args.path.replace("'", "''")
    # GKG has no quoting or escaping: tabs separate, and values never hold one.
    con.execute(f"CREATE TABLE gkg AS SELECT * FROM read_csv('{path}', delim='\\t', header=false, "
                f"quote='', escape='', columns={spec})")
    def q(sql):
        return con.execute(sql).fetchone()[0]

    rows = q("SELECT count(*) FROM gkg")
    checks = [
        ("rows with V2Tone", "SELECT count(*) FROM gkg WHERE V2Tone <> ''"),
        ("mean tone", "SELECT avg(CAST(split_part(V2Tone, ',', 1) AS DOUBLE)) FROM gkg"),
        ("quotations", "SELECT coalesce(sum(len(string_split(Quotations, '#'))), 0) FROM gkg WHERE Quotations <> ''"),
        ("rows with speakers in Extras", "SELECT count(*) FROM gkg WHERE contains(Extras, '<DATELINE_SPEAKERS>')"),
    ]
    print(f"rows: {rows}")
    for label, sql in checks:
        print(f"{label}: {q(sql)}")
    if args.expect is not None and rows != args.expect:
        print(f"expected {args.expect} rows", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
