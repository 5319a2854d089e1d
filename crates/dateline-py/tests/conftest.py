"""Shared fixtures: the `dateline` CLI (built with the `parquet` feature) and the fixture article.

Run through `scripts/python-tests.sh`, which builds the wheel with maturin, installs it with the
pinned test dependencies in a virtual environment, builds the CLI and runs pytest here.
"""

import gzip
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def cli():
    path = pathlib.Path(os.environ.get("DATELINE_BIN", ROOT / "target" / "debug" / "dateline"))
    assert path.exists(), f"build the CLI first: cargo build -p dateline --features parquet ({path})"
    return str(path)


def run_cli(cli, *args, cwd=None):
    out = subprocess.run([cli, *map(str, args)], capture_output=True, cwd=cwd)
    return out


def cli_records(cli, *args, ok=True):
    """The CLI's records; with ok=False some inputs may fail (exit code 1)."""
    out = run_cli(cli, "analyze", "--json", *args)
    assert out.returncode in ((0,) if ok else (0, 1)), out.stderr.decode()
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


@pytest.fixture(scope="session")
def harbour_jsonl():
    return FIXTURES / "harbour.jsonl"


@pytest.fixture(scope="session")
def harbour_rows(harbour_jsonl):
    return [json.loads(line) for line in harbour_jsonl.read_text().splitlines() if line.strip()]


def warc_record(kind, headers, block):
    head = [b"WARC/1.0", b"WARC-Type: " + kind.encode()]
    head += [f"{k}: {v}".encode() for k, v in headers.items()]
    head.append(b"Content-Length: " + str(len(block)).encode())
    return b"\r\n".join(head) + b"\r\n\r\n" + block + b"\r\n\r\n"


def http_response(html, charset="utf-8"):
    body = html.encode(charset)
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=" + charset.encode()
        + b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )


def write_warc(path, rows, broken_after=None, gz=False):
    """A WARC of one response per row with `html` (plus a warcinfo record), and optionally a
    broken record (a Content-Length past the end of its block) after the `broken_after`-th."""
    parts = [warc_record("warcinfo", {"WARC-Record-ID": "<urn:uuid:info>"}, b"software: test\r\n")]
    for i, row in enumerate(rows):
        headers = {
            "WARC-Record-ID": f"<urn:uuid:rec-{i}>",
            "WARC-Target-URI": row["url"],
            "WARC-Date": row.get("fetched", "2024-06-19T08:00:00Z"),
        }
        parts.append(warc_record("response", headers, http_response(row["html"])))
        if broken_after == i:
            parts.append(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:broken>\r\n"
                         b"Content-Length: nonsense\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>cut</p>\r\n\r\n")
    data = b"".join(parts)
    if gz:
        data = b"".join(gzip.compress(p) for p in parts)
    path.write_bytes(data)
    return path


@pytest.fixture(scope="session")
def spark():
    """One local Spark session (two cores, no UI) shared by the Spark tests."""
    pytest.importorskip("pyspark")
    import sys

    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("dateline-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate())
    yield session
    session.stop()

