"""The Python package against the CLI: the same record for the same article."""

import copy
import json
import sys
import threading

import pyarrow as pa
import pytest

import dateline
from conftest import cli_records, run_cli, write_warc


def without_source(record):
    r = copy.deepcopy(record)
    r.pop("source")
    return r


def fields(row):
    """A JSONL row as keyword arguments of dateline.analyze."""
    return {k: (str(v) if k == "id" else v) for k, v in row.items()}


def test_analyze_returns_the_cli_record(cli, harbour_jsonl, harbour_rows):
    expected = cli_records(cli, harbour_jsonl)
    assert len(expected) == len(harbour_rows) == 3
    for row, want in zip(harbour_rows, expected):
        got = dateline.analyze(**fields(row))
        assert without_source(got) == without_source(want)
        assert got["source"]["url"] == want["source"]["url"]
        assert got["source"]["format"] == want["source"]["format"]
    # The fixture exercises what the record carries: a dateline, speakers, times, amounts, tone.
    first = expected[0]
    assert first["dateline"]["place"] == "Lisbon" and first["dateline"]["country"] == "PT"
    speakers = {q["speaker_name"] for q in first["quotes"] if q["speaker_name"]}
    assert "Helena Marques" in speakers
    assert any(t["value"] == "2024-03-05" for t in first["times"])
    assert any(a["unit"] == "euros" and a["currency"] == "EUR" for a in first["amounts"])
    assert first["tone"] is not None and first["tone"]["word_count"] > 100


def test_html_is_extracted_as_the_cli_does(cli, harbour_rows):
    row = harbour_rows[1]
    got = dateline.analyze(html=row["html"], url=row["url"], published=row["published"])
    assert got["title"] == "Brazil holds rate at 10.5 percent"
    assert "Markets" not in got["text"] and "Copyright" not in got["text"]
    assert got["text"].startswith("BRASILIA")


def test_analyze_many_keeps_order_and_matches_analyze(harbour_rows):
    items = [fields(r) for r in harbour_rows] * 5
    one = [dateline.analyze(**i) for i in items[:3]]
    for jobs in (1, 2, 0):
        many = dateline.analyze_many(iter(items), jobs=jobs)
        assert len(many) == len(items)
        assert many[:3] == one and many[3:6] == one and many[-3:] == one
    # Plain strings are article text.
    text = harbour_rows[0]["text"]
    assert dateline.analyze_many([text]) == [dateline.analyze(text=text)]


def test_analyze_many_spans_chunks_in_order(harbour_rows):
    base = harbour_rows[0]["text"]
    items = [base.replace("240 million", f"{n} million") for n in range(600)]
    many = dateline.analyze_many(items, jobs=2)
    assert [m["amounts"][0]["value"] for m in many] == [n * 1e6 for n in range(600)]


def test_bad_items_are_reported_per_item(harbour_rows):
    items = [harbour_rows[0]["text"], {"title": "no body"}, "   ", {"text": harbour_rows[2]["text"]}]
    with pytest.raises(ValueError, match="item 1"):
        dateline.analyze_many(items)
    returned = dateline.analyze_many(items, errors="return")
    assert [r.get("index") for r in returned] == [None, 1, 2, None]
    assert "error" in returned[1] and "no text" in returned[2]["error"]
    skipped = dateline.analyze_many(items, errors="skip")
    assert [r["id"] for r in skipped] == [returned[0]["id"], returned[3]["id"]]
    with pytest.raises(TypeError):
        dateline.analyze_many([42])
    with pytest.raises(ValueError):
        dateline.analyze(text="")
    with pytest.raises(ValueError):
        dateline.analyze()


def test_arrow_output_has_the_parquet_schema(harbour_rows):
    items = [fields(r) for r in harbour_rows]
    table = dateline.analyze_many(items, output="arrow")
    assert isinstance(table, pa.Table)
    assert table.schema == dateline.arrow_schema()
    records = dateline.analyze_many(items)
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    for row, rec in zip(rows, records):
        assert row["text"] == rec["text"]
        assert [q["content"] for q in row["quotes"]] == [q["content"] for q in rec["quotes"]]
        assert [e["name"] for e in row["entities"]] == [e["name"] for e in rec["entities"]]
        assert [(t["value"], t["start"], t["end"]) for t in row["times"]] == [
            (t["value"], t["span"][0], t["span"][1]) for t in rec["times"]
        ]


def test_read_warc_pages_analyse_as_the_cli_does(cli, harbour_rows, tmp_path):
    rows = [harbour_rows[1], dict(harbour_rows[1], url="https://harbourwire.example/copy")]
    for gz in (False, True):
        path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), rows, broken_after=0, gz=gz)
        pages = list(dateline.read_warc(path))
        good = [p for p in pages if p.error is None]
        assert [p.url for p in good] == [r["url"] for r in rows]
        assert all(b"<article>" in p.body for p in good)
        got = dateline.analyze_many(pages, errors="skip")
        want = cli_records(cli, path, ok=False)
        assert len(want) == 2 and any(p.error for p in pages)
        assert got == want  # the same source too: path, format and WARC-Record-ID
    with pytest.raises(FileNotFoundError):
        dateline.read_warc(tmp_path / "missing.warc")


def test_the_gil_is_released_while_analysing(harbour_rows):
    # Another Python thread wakes when the generator hands over the last item of the first chunk
    # (256 items) and notes how many items had been asked for. With the GIL released while the
    # chunk is analysed, it runs then: 256. Were the GIL held, it could run only once the main
    # thread gave it up; the long switch interval keeps that from happening before the call ends.
    text = harbour_rows[0]["text"]
    asked, seen = [], {}
    reached = threading.Event()

    def items():
        for i in range(300):
            asked.append(i)
            if i == 255:
                reached.set()
            yield text

    def other():
        reached.wait()
        seen["asked"] = len(asked)

    old = sys.getswitchinterval()
    sys.setswitchinterval(30)
    try:
        t = threading.Thread(target=other)
        t.start()
        out = dateline.analyze_many(items(), jobs=1)
        t.join()
    finally:
        sys.setswitchinterval(old)
    assert len(out) == 300
    assert seen["asked"] == 256


def test_the_readme_pandas_lines(harbour_jsonl, harbour_rows):
    pd = pytest.importorskip("pandas")
    records = dateline.analyze_many(pd.read_json(harbour_jsonl, lines=True).to_dict("records"), jobs=2)
    quotes = pd.json_normalize(records, "quotes", ["id", "published"])
    want = [dateline.analyze(**fields(r)) for r in harbour_rows]
    assert [r["id"] for r in records] == [r["id"] for r in want]
    assert len(quotes) == sum(len(r["quotes"]) for r in want)
    assert "Helena Marques" in set(quotes["speaker_name"])
