"""The Spark job in local mode: its Parquet output equals the CLI's records on the same inputs,
bad input is reported per record and never stops the job."""

import json
import pathlib
import re

import pyarrow.parquet as pq
import pytest

from conftest import ROOT, cli_records, write_warc
from test_parquet import check_row

pyspark = pytest.importorskip("pyspark")

SAMPLES = ROOT.parent / "shared" / "data" / "warc-samples"


def spark_rows(out):
    rows = []
    for f in sorted(pathlib.Path(out).rglob("*.parquet")):
        part = f.parent.name.split("=", 1)[1]
        for row in pq.read_table(f).to_pylist():
            row["partition"] = part
            rows.append(row)
    return rows


@pytest.mark.parametrize("writer", ["arrow", "spark"])
def test_spark_output_equals_the_cli(spark, harbour_jsonl, harbour_rows, tmp_path, writer):
    from dateline import spark as job

    feed = tmp_path / "feed.jsonl"
    feed.write_text(harbour_jsonl.read_text() + "not json\n" + json.dumps({"title": "no body"}) + "\n")
    warc = write_warc(tmp_path / "crawl.warc.gz",
                      [harbour_rows[1], dict(harbour_rows[1], url="https://harbourwire.example/copy")],
                      broken_after=0, gz=True)
    inputs = [str(feed), str(warc)]
    samples = [SAMPLES / "resiliparse" / "warcfile.warc.gz", SAMPLES / "warcio" / "test" / "data" / "example-trunc.warc"]
    inputs += [str(s) for s in samples if s.exists()]
    out, errors = tmp_path / "out", tmp_path / "errors"
    n_good, n_bad = job.run(spark, inputs, str(out), str(errors), chunk=4, writer=writer)
    assert_equals_the_cli(inputs, out, errors, n_good, n_bad)


def assert_equals_the_cli(inputs, out, errors, n_good, n_bad):
    """The job's Parquet rows under `out` are the CLI's records of `inputs` (a JSONL row matched
    by URL and id: Spark's text source keeps no file name or line), partitioned by publication
    date, and `errors` reports every bad input."""
    want = cli_records(spark_cli(), *inputs, ok=False)
    got = spark_rows(out)
    assert n_good == len(got) == len(want) >= 5
    by_key = {}
    for r in want:
        by_key.setdefault((r["source"]["url"], r["id"], r["source"]["record"]), []).append(r)
    for row in got:
        key = (row["url"], row["id"], row["source_record"])
        if key not in by_key:  # a JSONL row: Spark keeps no line number
            key = next(k for k in by_key if k[:2] == key[:2] and by_key[k])
        rec = by_key[key].pop()
        if rec["source"]["format"] in ("jsonl", "html") and row["source_path"] is None:
            # Spark's text source keeps no file name or line number: JSONL rows have neither.
            row["source_path"], row["source_record"] = rec["source"]["path"], rec["source"]["record"]
        published = rec["published"] or ""
        full = len(published) >= 10 and published[4] == "-"
        assert row.pop("partition") == (published[:10] if full else "__HIVE_DEFAULT_PARTITION__")
        row["published_date"] = None if not full else __import__("datetime").date.fromisoformat(published[:10])
        check_row(row, rec)
    reported = [json.loads(line) for f in sorted(errors.glob("*.json")) for line in f.read_text().splitlines()]
    assert n_bad == len(reported) >= 3
    messages = " ".join(r["error"] for r in reported)
    assert "bad JSON line" in messages and "needs `text` or `html`" in messages and "Content-Length" in messages


def test_the_command_without_stories_equals_the_cli(tmp_path, harbour_jsonl, harbour_rows):
    """`python -m dateline.spark --no-stories` starts a SparkContext alone and runs RDD tasks,
    making a SparkSession only for an input Spark must read (here a glob, read by Spark's text
    source): the same rows and errors as the CLI."""
    import os
    import subprocess
    import sys

    feed = tmp_path / "feed.jsonl"
    feed.write_text(harbour_jsonl.read_text() + "not json\n")
    (tmp_path / "more").mkdir()
    more = tmp_path / "more" / "more.jsonl"
    more.write_text(json.dumps(dict(harbour_rows[0], id="again")) + "\n" + json.dumps({"title": "no body"}) + "\n")
    warc = write_warc(tmp_path / "crawl.warc.gz",
                      [harbour_rows[1], dict(harbour_rows[1], url="https://harbourwire.example/copy")],
                      broken_after=0, gz=True)
    out, errors = tmp_path / "out", tmp_path / "errors"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable)
    run = subprocess.run([sys.executable, "-m", "dateline.spark", str(feed), str(tmp_path / "more" / "*.jsonl"),
                          str(warc), "--out", str(out), "--errors", str(errors), "--no-stories", "--chunk", "3",
                          "--master", "local[2]"], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    n_good, n_bad = map(int, re.search(r"(\d+) article\(s\) written to .*; (\d+) error", run.stderr).groups())
    assert (out / "_SUCCESS").exists()
    assert_equals_the_cli([str(feed), str(more), str(warc)], out, errors, n_good, n_bad)


def spark_cli():
    import os

    return os.environ.get("DATELINE_BIN", str(ROOT / "target" / "debug" / "dateline"))


def test_dataframe_api(spark, harbour_rows):
    import dateline
    from dateline import spark as job

    df = spark.createDataFrame([(r.get("text"), r.get("html"), r.get("url"), r.get("published")) for r in harbour_rows],
                               "text string, html string, url string, published string")
    out = job.analyze_dataframe(df).collect()
    want = dateline.analyze_many([{k: v for k, v in r.items() if k in ("text", "html", "url", "published")}
                                  for r in harbour_rows])
    assert sorted(r["id"] for r in out) == sorted(r["id"] for r in want)
    assert all(r["error"] is None for r in out)
    assert [len(r["quotes"]) for r in sorted(out, key=lambda r: r["id"])] == [
        len(r["quotes"]) for r in sorted(want, key=lambda r: r["id"])]


@pytest.mark.parametrize("buffer_bytes", [1, 1 << 30])
def test_date_files_write_one_file_per_date_in_input_order(tmp_path, buffer_bytes):
    """A task's writer, spilling after every chunk (1 byte) or never: one file per date, each
    date's rows in input order, nothing lost."""
    import random

    import dateline
    import pyarrow as pa
    from dateline import spark as job

    rng = random.Random(7)
    dates = ["2024-06-0%d" % d for d in range(1, 6)] + [None]
    items = [{"text": f"LONDON (Wire) - Article number {i} said something.", "published": rng.choice(dates)}
             for i in range(60)]
    schema = pa.schema([f for f in dateline.arrow_schema() if f.name != "published_date"])
    files = job._DateFiles(f"file://{tmp_path}", "part-00000-test-0", schema, buffer_bytes)
    for i in range(0, len(items), 7):
        files.add(dateline.analyze_many(items[i:i + 7], output="arrow"))
    written = files.close()
    assert bool(files.spills) == (buffer_bytes == 1)
    assert len(written) == len(set(dates)) and sum(n for _, n in written) == len(items)
    for path, n in written:
        key = path.split("published_date=")[1].split("/")[0]
        want = [it["text"] for it in items if (it["published"] or job.NULL_DATE) == key]
        got = pq.ParquetFile(path).read()
        assert got.schema.names == schema.names and got.column("text").to_pylist() == want and len(want) == n
    assert not files.tmp or not pathlib.Path(files.tmp).exists(), "spill files removed"


def test_split_lines_read_every_line_once(tmp_path):
    """Byte-range splits of a JSON Lines file (any split size, any block size) read each line once."""
    import random

    from dateline.spark import _split_lines

    rng = random.Random(5)
    for _ in range(200):
        lines = ["".join(rng.choice("ab\r\u00e9") for _ in range(rng.randint(0, 12)))
                 for _ in range(rng.randint(0, 30))]
        data = ("\n".join(lines) + rng.choice(["", "\n"])).encode()
        path = tmp_path / "f.jsonl"
        path.write_bytes(data)
        split = rng.randint(1, 15)
        got = []
        for start in range(0, max(len(data), 1), split):
            got += _split_lines(f"file://{path}", start, min(len(data), start + split), block=rng.randint(1, 7))
        want = [line.rstrip("\r") for line in data.decode().split("\n")]
        assert got == (want[:-1] if data.endswith(b"\n") or not data else want)
