"""Parquet written by the CLI (`analyze --format parquet`, `export --format parquet`) read back
with pyarrow and DuckDB, and checked value by value against the JSON records."""

import json

import duckdb
import pyarrow.parquet as pq
import pytest

import dateline
from conftest import ROOT, cli_records, run_cli

DEMO = ROOT / "examples" / "demo"


@pytest.fixture(scope="module")
def written(cli, harbour_jsonl, tmp_path_factory):
    d = tmp_path_factory.mktemp("parquet")
    out = d / "analyze.parquet"
    res = run_cli(cli, "analyze", DEMO, harbour_jsonl, "--format", "parquet", "--out", out)
    assert res.returncode == 0, res.stderr.decode()
    return out, cli_records(cli, DEMO, harbour_jsonl)


def days(iso):
    import datetime

    return datetime.date.fromisoformat(iso[:10])


def check_row(row, rec):
    assert row["id"] == rec["id"]
    assert row["url"] == rec["source"]["url"]
    assert row["source_path"] == rec["source"]["path"]
    assert row["source_format"] == rec["source"]["format"]
    assert row["source_record"] == rec["source"]["record"]
    for k in ("language", "title", "author", "published", "text"):
        assert row[k] == rec[k], k
    if rec["language_confidence"] is None:
        assert row["language_confidence"] is None
    else:
        assert row["language_confidence"] == pytest.approx(rec["language_confidence"], rel=1e-6)
    full = rec["published"] is not None and len(rec["published"]) >= 10 and rec["published"][4] == "-"
    assert row["published_date"] == (days(rec["published"]) if full else None)
    if rec["dateline"] is None:
        assert row["dateline"] is None
    else:
        d = rec["dateline"]
        assert row["dateline"] == {"place": d["place"], "country": d["country"], "sources": d["sources"],
                                   "date": d["date"], "start": d["span"][0], "end": d["span"][1]}
    assert row["skipped_stages"] == rec["skipped_stages"]
    assert row["truncated_stages"] == rec.get("truncated_stages", [])
    assert len(row["entities"]) == len(rec["entities"])
    for e, r in zip(row["entities"], rec["entities"]):
        geo = r["geo"] or {}
        assert (e["id"], e["name"], e["type"], e["title"], e["role"], e["country"]) == (
            r["id"], r["name"], r["type"], r["title"], r["role"], r["country"])
        assert (e["lat"], e["lon"], e["geonames_id"]) == (geo.get("lat"), geo.get("lon"), geo.get("geonames_id"))
        assert [(m["text"], m["start"], m["end"], m["via"]) for m in e["mentions"]] == [
            (m["text"], m["span"][0], m["span"][1], m.get("via")) for m in r["mentions"]]
    assert len(row["quotes"]) == len(rec["quotes"])
    for q, r in zip(row["quotes"], rec["quotes"]):
        sm = r["speaker_mention"] or {}
        span = sm.get("span") or [None, None]
        assert (q["kind"], q["cue"], q["content"], q["start"], q["end"], q["speaker"], q["speaker_name"]) == (
            r["kind"], r["cue"], r["content"], r["span"][0], r["span"][1], r["speaker"], r["speaker_name"])
        assert (q["speaker_mention"], q["speaker_mention_start"], q["speaker_mention_end"]) == (
            sm.get("text"), span[0], span[1])
        assert q["confidence"] == pytest.approx(r["confidence"], rel=1e-6)
        assert q["tone"] == r["tone"]
        assert q["speaker_affiliation"] == r.get("speaker_affiliation")
    assert [(t["text"], t["value"], t["start"], t["end"]) for t in row["times"]] == [
        (t["text"], t["value"], t["span"][0], t["span"][1]) for t in rec["times"]]
    assert [(a["text"], a["value"], a["unit"], a["currency"], a["qualifier"], a["about"], a["start"], a["end"]) for a in row["amounts"]] == [
        (a["text"], a["value"], a["unit"], a.get("currency"), a["qualifier"], a["about"], a["span"][0], a["span"][1]) for a in rec["amounts"]]
    if rec["tone"] is None:
        assert row["tone"] is None
    else:
        t = dict(rec["tone"])
        speakers = t.pop("speakers")
        got = dict(row["tone"])
        assert got.pop("speakers") == speakers
        assert got == t
    assert row["minhash"] == (rec["fingerprint"] or {}).get("minhash")


def test_pyarrow_reads_every_column_as_the_json_record(written):
    path, records = written
    table = pq.read_table(path)
    assert table.schema.remove_metadata() == dateline.arrow_schema().remove_metadata()
    assert table.schema.metadata[b"dateline.schema_version"] == b"3"
    assert table.num_rows == len(records) >= 19
    for row, rec in zip(table.to_pylist(), records):
        check_row(row, rec)


def test_duckdb_reads_the_nested_columns(written):
    path, records = written
    con = duckdb.connect()
    n, quotes, entities = con.execute(
        f"SELECT count(*), sum(len(quotes)), sum(len(entities)) FROM read_parquet('{path}')").fetchone()
    assert n == len(records)
    assert quotes == sum(len(r["quotes"]) for r in records)
    assert entities == sum(len(r["entities"]) for r in records)
    speakers = con.execute(
        f"SELECT q.speaker_name, count(*) FROM (SELECT unnest(quotes) AS q FROM read_parquet('{path}')) "
        "WHERE q.speaker_name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
    want = {}
    for r in records:
        for q in r["quotes"]:
            if q["speaker_name"]:
                want[q["speaker_name"]] = want.get(q["speaker_name"], 0) + 1
    assert dict(speakers) == want
    tone = con.execute(
        f"SELECT id, tone.score, tone.word_count FROM read_parquet('{path}') WHERE tone IS NOT NULL ORDER BY id").fetchall()
    assert tone == sorted((r["id"], r["tone"]["score"], r["tone"]["word_count"]) for r in records if r["tone"])
    dated = con.execute(f"SELECT count(*) FROM read_parquet('{path}') WHERE published_date >= DATE '2024-01-01'").fetchone()[0]
    assert dated == sum(1 for r in records if (r["published"] or "") >= "2024-01-01" and len(r["published"]) >= 10)


def test_store_export_is_the_analyze_table(cli, written, tmp_path):
    path, records = written
    db = tmp_path / "x.db"
    res = run_cli(cli, "ingest", "--quiet", DEMO, ROOT / "crates/dateline-py/tests/fixtures/harbour.jsonl", "--db", db)
    assert res.returncode == 0, res.stderr.decode()
    out = tmp_path / "export.parquet"
    res = run_cli(cli, "export", "--db", db, "--format", "parquet", "--out", out)
    assert res.returncode == 0, res.stderr.decode()
    exported = pq.read_table(out).to_pylist()
    by_id = {r["id"]: r for r in records}
    assert sorted(r["id"] for r in exported) == sorted(by_id)
    for row in exported:
        check_row(row, by_id[row["id"]])
    # --since keeps the articles published since a date.
    out2 = tmp_path / "since.parquet"
    res = run_cli(cli, "export", "--db", db, "--format", "parquet", "--since", "2024", "--out", out2)
    assert res.returncode == 0
    assert sorted(r["id"] for r in pq.read_table(out2).to_pylist()) == sorted(
        r["id"] for r in records if (r["published"] or "") >= "2024")


def test_many_rows_make_several_row_groups(cli, harbour_rows, tmp_path):
    feed = tmp_path / "many.jsonl"
    base = harbour_rows[0]["text"]
    with open(feed, "w") as f:
        for n in range(2100):
            f.write(json.dumps({"text": base.replace("240 million", f"{n}.5 million"), "published": "2024-03-05"}) + "\n")
    out = tmp_path / "many.parquet"
    res = run_cli(cli, "analyze", feed, "--format", "parquet", "--out", out)
    assert res.returncode == 0, res.stderr.decode()
    meta = pq.ParquetFile(out).metadata
    assert meta.num_rows == 2100 and meta.num_row_groups == 3
    values = duckdb.sql(f"SELECT amounts[1].value FROM read_parquet('{out}')").fetchall()
    assert [v[0] for v in values] == [(n + 0.5) * 1e6 for n in range(2100)]
