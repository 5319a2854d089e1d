"""Stories on Spark: the job's stories table equals the store's stories (`dateline ingest`) on the
same inputs, and the bulk candidate selection is the store's incremental one."""

import json
import os
import pathlib
import random
import re
import sqlite3
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from conftest import ROOT, run_cli

pyspark = pytest.importorskip("pyspark")

SHARED = ROOT.parent / "shared"
HEADER = re.compile(r"^ date (\S+) \(@([^)]*)\)\s*$")


def txt_rows(paths):
    """JSONL rows of crawl-header text files (` date 2024-03-04 (@site)` then the body)."""
    rows = []
    for p in sorted(paths):
        data = p.read_bytes()
        try:
            content = data.decode("utf-8")
        except UnicodeDecodeError:  # the demo's Latin-1 page
            content = data.decode("latin-1")
        head, _, body = content.partition("\n")
        m = HEADER.match(head)
        row = {"id": p.stem, "text": body.strip() if m else content}
        if m:
            row["published"], row["source"] = m.group(1), m.group(2)
        rows.append(row)
    return rows


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def store_stories(cli, jsonl, tmp_path):
    """{frozenset(article ids)} and, per story of two or more, the CLI's `story --json`."""
    db = tmp_path / "store.db"
    out = run_cli(cli, "ingest", "--db", db, "--quiet", "-j", "1", jsonl)
    assert out.returncode == 0, out.stderr.decode()
    con = sqlite3.connect(db)
    groups = {}
    for story, article in con.execute(
            "SELECT m.story_id, a.id FROM story_members m JOIN articles a ON a.pk = m.article_pk"):
        groups.setdefault(story, set()).add(article)
    lines = dict(con.execute("SELECT id, record FROM articles"))
    con.close()
    details = {}
    for story, ids in groups.items():
        if len(ids) > 1:
            shown = run_cli(cli, "story", "--db", db, "--json", story)
            assert shown.returncode == 0, shown.stderr.decode()
            details[frozenset(ids)] = json.loads(shown.stdout)
    return {frozenset(v) for v in groups.values()}, details, lines


def spark_stories(spark, jsonl, tmp_path, writer="arrow"):
    from dateline import spark as job

    out, stories_out = tmp_path / "records", tmp_path / "stories"
    n_good, n_bad = job.run(spark, [str(jsonl)], str(out), str(tmp_path / "errors"), stories_out=str(stories_out),
                            chunk=16, writer=writer)
    assert n_bad == 0
    rows = pq.read_table(stories_out).to_pylist()
    assert sum(r["size"] for r in rows) <= n_good
    return rows


def assert_same_stories(spark, cli, rows, tmp_path, writer="arrow"):
    jsonl = write_jsonl(tmp_path / "articles.jsonl", rows)
    want, details, lines = store_stories(cli, jsonl, tmp_path)
    got_rows = spark_stories(spark, jsonl, tmp_path, writer)
    got = {frozenset(m["id"] for m in r["members"]) for r in got_rows}
    assert got == want, (sorted(map(sorted, got - want)), sorted(map(sorted, want - got)))
    for r in got_rows:
        ids = [m["id"] for m in r["members"]]
        assert len(set(ids)) == len(ids), "a text seen twice is one version"
        assert r["size"] == len(ids) and r["story_id"] in ids
        assert r["origin"]["article"] == ids[0], "the origin leads the members"
        if len(ids) < 2:
            continue
        store = details[frozenset(ids)]
        for key in ("article", "reason", "credits", "earliest", "most_complete"):
            assert r["origin"][key] == store["origin"][key], (key, r["origin"], store["origin"])
        assert sorted(r["origin"]["uncredited"]) == sorted(store["origin"]["uncredited"])
        assert r["title"] == store["title"] or (r["title"] is None and all(m["title"] is None for m in r["members"]))
        if r["first_seen"] is not None:
            assert (r["first_seen"], r["last_seen"]) == (store["first_seen"], store["last_seen"])
        assert {m["id"]: m["shingles"] for m in r["members"]} == {m["id"]: m["shingles"] for m in store["members"]}
    # The input row of each stored article (the JSONL line number the store keeps).
    return got, {i: rows[int(line) - 1] for i, line in lines.items()}


@pytest.mark.parametrize("writer", ["arrow", "spark"])
def test_stories_of_the_demo_corpus_equal_the_store(spark, cli, tmp_path, writer):
    demo = ROOT / "examples" / "demo"
    rows = txt_rows(demo.glob("*.txt"))
    rows += [json.loads(line) for line in (demo / "13_feed.jsonl").read_text().splitlines() if line.strip()]
    # A verbatim duplicate of a text (the store keeps the first only) and an article without words.
    rows.append(dict(rows[0], id="duplicate-of-first"))
    rows.append({"id": "no-words", "text": "…"})
    got, row_of = assert_same_stories(spark, cli, rows, tmp_path, writer)
    lagos = {i for i, r in row_of.items() if r["id"].startswith(("14_lagos_port", "15_lagos_port_copy"))}
    assert len(lagos) == 2 and lagos in got, "the Lagos port copy is a version of the Reuters story"
    assert sum(len(s) for s in got) == len(row_of) == len(rows) - 1, "the duplicate is stored once"
    wordless = [i for i, r in row_of.items() if r["id"] == "no-words"]
    assert len(wordless) == 1 and {wordless[0]} in got, "an article without shingles is a story of its own"


def test_stories_of_synthetic_republications_equal_the_store(spark, cli, tmp_path):
    make = SHARED / "peers" / "make_corpus.py"
    seeds = sorted((SHARED / "seed").glob("*.txt")) if (SHARED / "seed").is_dir() else []
    if not make.exists() or not seeds:
        msg = f"needs ../shared/peers/make_corpus.py and ../shared/seed/*.txt (looked in {SHARED})"
        if os.environ.get("CI"):
            pytest.fail(msg)
        print("skipping: " + msg)
        pytest.skip(msg)
    corpus = tmp_path / "corpus"
    # 24 republications per family: more earlier versions than the store compares (16), so the
    # candidate cut is exercised, not only the band join.
    subprocess.run([sys.executable, str(make), str(seeds[0]), str(corpus), str(tmp_path / "manifest.jsonl"),
                    "--families", "8", "--repubs", "24"], check=True, capture_output=True)
    rows = txt_rows(corpus.glob("*.txt"))
    random.Random(3).shuffle(rows)  # families interleaved, as a crawl meets them
    got, row_of = assert_same_stories(spark, cli, rows, tmp_path)
    family = {json.loads(line)["id"]: json.loads(line)["family"]
              for line in (tmp_path / "manifest.jsonl").read_text().splitlines()}
    fam = {i: family[r["id"]] for i, r in row_of.items()}
    assert all(len({fam[i] for i in s}) == 1 for s in got), "no story spans two families"
    assert max(len(s) for s in got) > 16, "stories larger than the store's candidate limit"


def store_pairs(bands, per_bucket, candidates):
    """The store's candidate rule, article by article in storage order (stories.rs `confirmed`)."""
    buckets, out = {}, set()
    for a, keys in bands:
        shared = {}
        for k in keys:
            for b in buckets.get(k, [])[-per_bucket:]:
                shared[b] = shared.get(b, 0) + 1
        for b, _ in sorted(shared.items(), key=lambda x: (-x[1], x[0]))[:candidates]:
            out.add((a, b))
        for k in keys:
            buckets.setdefault(k, []).append(a)
    return out


def test_bulk_candidates_are_the_store_incremental_candidates(spark):
    from dateline.spark import candidate_pairs

    rng = random.Random(11)
    # Few distinct keys so that buckets overflow the cap and articles have more candidates than kept.
    bands = [(i * 3 + 1, sorted(rng.sample(range(40), 6))) for i in range(120)]
    df = spark.createDataFrame(bands, "ord long, bands array<long>")
    got = {(r["a"], r["b"]) for r in candidate_pairs(df, per_bucket=5, candidates=3).collect()}
    want = store_pairs(bands, 5, 3)
    assert got == want and len(want) > 200


def test_connected_components_find_the_least_vertex_of_each_component(spark):
    from dateline.spark import connected_components

    # A long chain (needs pointer jumping to finish in few rounds), a star and a lone pair.
    edges = [(i + 1, i) for i in range(100, 140)] + [(200, 201), (200, 202), (203, 202)] + [(300, 301)]
    df = spark.createDataFrame(edges, "a long, b long")
    roots = {r["ord"]: r["root"] for r in connected_components(df).collect()}
    assert roots == {**{i: 100 for i in range(100, 141)}, **{i: 200 for i in range(200, 204)}, 300: 300, 301: 300}
