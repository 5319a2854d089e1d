"""Analyse news at scale with Spark: WARC / WARC.gz / JSON Lines in, Parquet out.

    spark-submit --py-files ... -m dateline.spark  (or)  python -m dateline.spark \\
        INPUT... --out DIR [--errors DIR] [--jobs N] [--chunk N] [--master local[2]]

Each executor task runs ``dateline.analyze_many`` over its partition in chunks (the GIL is
released; ``--jobs`` threads per task, 1 by default since Spark already runs one task per core)
and hands Spark Arrow record batches (``mapInArrow``), so records never pass through Python
dicts. The output is Parquet with dateline's nested schema (docs/EXPORTS.md), partitioned by
``published_date`` (``published_date=__HIVE_DEFAULT_PARTITION__`` for articles without one).
Inputs that cannot be read or analysed (a broken WARC record, a bad JSON line, an empty page)
go to ``--errors`` as JSON lines ``{"input": ..., "error": ...}`` and never stop the job.

Inputs: ``.jsonl`` files (one article per line, the fields of ``dateline.analyze``) read with
``spark.read.text``, so any URI Spark reads works (HDFS, S3 with the connector); ``.warc`` and
``.warc.gz`` files: local paths (or ``file://`` URIs) are streamed from disk by each task, other
URIs are read whole with Spark's ``binaryFile`` source and streamed from a local temporary copy.

From Python, ``analyze_dataframe(df, ...)`` analyses a DataFrame with a ``text`` (or ``html``)
column and the optional columns ``url``, ``published``, ``title``, ``author``, ``source``,
``language``, ``id``.
"""

import argparse
import json
import os
import sys
import tempfile

import pyarrow as pa

import dateline

# Records analysed per analyze_many call inside a task (and per Arrow batch handed to Spark).
CHUNK = 256
FIELDS = ("text", "html", "url", "published", "title", "author", "source", "language", "id")


def _output_schema():
    """dateline's Arrow schema with every top-level column nullable, plus `input` and `error`."""
    base = dateline.arrow_schema()
    fields = [f.with_nullable(True) for f in base] + [pa.field("input", pa.string()), pa.field("error", pa.string())]
    return pa.schema(fields)


def _spark_schema():
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(_output_schema())


def _batches(pairs, jobs, chunk):
    """Analyses (item, input name) pairs in chunks; yields Arrow batches of the output schema."""
    schema = _output_schema()
    buf, buf_names = [], []

    def flush():
        errors = []
        table = dateline.analyze_many(buf, jobs=jobs, output="arrow", errors="skip", error_list=errors)
        table = table.append_column("input", pa.nulls(table.num_rows, pa.string()))
        table = table.append_column("error", pa.nulls(table.num_rows, pa.string()))
        out = [b for b in table.cast(schema).to_batches()]
        if errors:
            rows = [{"input": buf_names[e["index"]], "error": e["error"]} for e in errors]
            out.append(pa.RecordBatch.from_pylist(rows, schema=schema))
        buf.clear()
        buf_names.clear()
        return out

    for item, name in pairs:
        if isinstance(item, Exception):
            yield pa.RecordBatch.from_pylist([{"input": name, "error": str(item)}], schema=schema)
            continue
        buf.append(item)
        buf_names.append(name)
        if len(buf) >= chunk:
            yield from flush()
    if buf:
        yield from flush()


def _jsonl_partition(jobs, chunk):
    def run(batches):
        def items():
            for batch in batches:
                for line in batch.column("value").to_pylist():
                    if line is None or not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                        if not isinstance(obj, dict):
                            raise ValueError("expected a JSON object")
                        yield {k: (str(obj[k]) if k == "id" else obj[k]) for k in FIELDS if obj.get(k) is not None}, line[:80]
                    except ValueError as e:
                        yield ValueError(f"bad JSON line: {e}"), line[:80]

        yield from _batches(items(), jobs, chunk)

    return run


def _warc_pages(path):
    try:
        for page in dateline.read_warc(path):
            name = f"{path}:{page.record_id}" if page.record_id else path
            yield (page if page.error is None else ValueError(page.error)), name
    except Exception as e:  # an unreadable file is one error, not a failed job
        yield ValueError(f"{path}: {e}"), path


def _warc_local_partition(jobs, chunk):
    def run(batches):
        def pairs():
            for batch in batches:
                for path in batch.column("path").to_pylist():
                    yield from _warc_pages(path[len("file://"):] if path.startswith("file://") else path)

        yield from _batches(pairs(), jobs, chunk)

    return run


def _warc_binary_partition(jobs, chunk):
    def run(batches):
        def pairs():
            for batch in batches:
                for path, content in zip(batch.column("path").to_pylist(), batch.column("content").to_pylist()):
                    suffix = ".warc.gz" if path.endswith(".gz") else ".warc"
                    with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as f:
                        f.write(content)
                    try:
                        for item, name in _warc_pages(f.name):
                            yield item, name.replace(f.name, path)
                    finally:
                        os.unlink(f.name)

        yield from _batches(pairs(), jobs, chunk)

    return run


def _is_local(path):
    return "://" not in path or path.startswith("file://")


def analyze_inputs(spark, paths, jobs=1, chunk=CHUNK):
    """A DataFrame of analysed articles (and error rows, where `error` is set) from JSONL and
    WARC paths, in the output schema (dateline's columns, `input`, `error`)."""
    schema = _spark_schema()
    jsonl = [p for p in paths if p.endswith((".jsonl", ".ndjson", ".jsonl.gz"))]
    warc = [p for p in paths if p.endswith((".warc", ".warc.gz"))]
    other = [p for p in paths if p not in jsonl and p not in warc]
    if other:
        raise ValueError(f"unknown input type (want .jsonl, .warc, .warc.gz): {other}")
    frames = []
    if jsonl:
        frames.append(spark.read.text(jsonl).mapInArrow(_jsonl_partition(jobs, chunk), schema))
    local = [p for p in warc if _is_local(p)]
    remote = [p for p in warc if not _is_local(p)]
    if local:
        df = spark.createDataFrame([(p,) for p in local], "path string").repartition(len(local))
        frames.append(df.mapInArrow(_warc_local_partition(jobs, chunk), schema))
    if remote:
        df = spark.read.format("binaryFile").load(remote).select("path", "content")
        frames.append(df.mapInArrow(_warc_binary_partition(jobs, chunk), schema))
    out = frames[0]
    for f in frames[1:]:
        out = out.unionByName(f)
    return out


def analyze_dataframe(df, jobs=1, chunk=CHUNK):
    """Analyses a DataFrame with a `text` or `html` column (and optional metadata columns)."""
    cols = [c for c in FIELDS if c in df.columns]

    def run(batches):
        def pairs():
            for batch in batches:
                for i, row in enumerate(batch.to_pylist()):
                    item = {k: (str(v) if k == "id" else v) for k, v in row.items() if v is not None}
                    yield item, str(row.get("id") or row.get("url") or i)

        yield from _batches(pairs(), jobs, chunk)

    return df.select(*cols).mapInArrow(run, _spark_schema())


def write(out_df, out, errors=None, mode="overwrite"):
    """Writes analysed rows as Parquet partitioned by publication date, and error rows as JSON
    lines; returns (articles, errors) counted."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    out_df = out_df.persist(StorageLevel.DISK_ONLY)
    good = out_df.where(F.col("error").isNull()).drop("input", "error")
    bad = out_df.where(F.col("error").isNotNull()).select("input", "error")
    good.write.mode(mode).partitionBy("published_date").parquet(out)
    n_bad = 0
    if errors:
        bad.write.mode(mode).json(errors)
        n_bad = bad.count()
    n_good = good.count()
    out_df.unpersist()
    return n_good, n_bad


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m dateline.spark", description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help=".jsonl, .warc or .warc.gz paths or URIs")
    ap.add_argument("--out", required=True, help="output directory (Parquet, partitioned by published_date)")
    ap.add_argument("--errors", help="directory for the error report (JSON lines: input, error)")
    ap.add_argument("--jobs", type=int, default=1, help="threads per task (Spark runs one task per core)")
    ap.add_argument("--chunk", type=int, default=CHUNK, help="articles per analyze_many call")
    ap.add_argument("--master", help="Spark master when not run by spark-submit (e.g. local[2])")
    args = ap.parse_args(argv)
    from pyspark.sql import SparkSession

    # Local workers run this interpreter (the one with dateline installed) unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("dateline")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        n_good, n_bad = write(analyze_inputs(spark, args.inputs, args.jobs, args.chunk), args.out, args.errors)
    finally:
        spark.stop()
    print(f"dateline.spark: {n_good} article(s) written to {args.out}; {n_bad} error(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
