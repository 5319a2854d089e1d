"""The README's Spark example, run as written (its shell lines, in a directory holding a `crawl/`
WARC.gz and a `feed.jsonl`), with the wheel scripts/python-tests.sh installed (the README's
`pip install` line builds the same package from the same sources)."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, write_warc

pytest.importorskip("pyspark")


def readme_lines():
    text = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    block = next(b for b in blocks if "python -m dateline.spark" in b)
    return [line for line in block.splitlines() if line.startswith("python")]


def test_the_readme_spark_example_runs_as_written(tmp_path, harbour_jsonl, harbour_rows):
    lines = readme_lines()
    assert len(lines) == 2 and "--out articles/" in lines[0] and "articles_stories" in lines[1]
    (tmp_path / "crawl").mkdir()
    copy = dict(harbour_rows[1], url="https://harbourwire.example/copy")
    write_warc(tmp_path / "crawl" / "site.warc.gz", [harbour_rows[1], copy], broken_after=0, gz=True)
    shutil.copy(harbour_jsonl, tmp_path / "feed.jsonl")
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"],
               PYSPARK_PYTHON=sys.executable)
    run = subprocess.run(lines[0], shell=True, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    assert re.search(r"5 article\(s\) written to articles/; [1-9]\d* error\(s\)", run.stderr), run.stderr[-500:]
    assert list((tmp_path / "articles").rglob("*.parquet")) and list((tmp_path / "errors").glob("*.json"))
    shown = subprocess.run(lines[1], shell=True, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr[-3000:]
    assert "size" in shown.stdout and "title" in shown.stdout
