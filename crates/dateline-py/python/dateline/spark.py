"""Analyse news at scale with Spark: WARC / WARC.gz / JSON Lines in, Parquet out.

    spark-submit --py-files ... -m dateline.spark  (or)  python -m dateline.spark \\
        INPUT... --out DIR [--errors DIR] [--jobs N] [--chunk N] [--master local[2]] \\
        [--writer arrow|spark] [--buffer-mb N] [--conf KEY=VALUE]... [--no-local-defaults]

Each executor task runs ``dateline.analyze_many`` over its inputs in chunks (the GIL is
released; ``--jobs`` threads per task, 1 by default since Spark already runs one task per core).
The output is Parquet with dateline's nested schema (docs/EXPORTS.md), partitioned by
``published_date`` (``published_date=__HIVE_DEFAULT_PARTITION__`` for articles without one).
Inputs that cannot be read or analysed (a broken WARC record, a bad JSON line, an empty page)
go to ``--errors`` as JSON lines ``{"input": ..., "error": ...}`` and never stop the job.

Who writes (``--writer``): ``arrow`` (the default): each task writes its own Parquet files, one per
date, and its own error lines with pyarrow, in the one pass that analyses; the JVM only hands out
the inputs and collects one row per file written (``run``). ``spark``: the tasks hand Spark Arrow
batches (``mapInArrow``) and Spark's writer sorts them by date and writes (``write``): any file
system Spark writes to, at about twice the CPU (docs/BENCHMARKS.md).

Inputs: ``.jsonl`` files (one article per line, the fields of ``dateline.analyze``): a file
pyarrow opens (local, HDFS, S3) is cut into byte-range splits that the tasks read themselves;
anything else (directories, globs, other schemes) is read with ``spark.read.text``. ``.warc`` and
``.warc.gz`` files: local paths (or ``file://`` URIs) are streamed from disk by each task, other
URIs are read whole with Spark's ``binaryFile`` source and streamed from a local temporary copy.

From Python, ``run(spark, inputs, out, ...)`` is the job, and ``analyze_dataframe(df, ...)``
analyses a DataFrame with a ``text`` (or ``html``) column and the optional columns ``url``,
``published``, ``title``, ``author``, ``source``, ``language``, ``id``.
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


def _analysed(pairs, jobs, chunk):
    """Analyses (item, input name) pairs in chunks; yields (table, errors): the records of a chunk
    as an Arrow table in dateline's schema, and the chunk's failed inputs as {"input", "error"}
    dicts (items that are exceptions already: unreadable input)."""
    buf, buf_names = [], []

    def flush():
        errors = []
        table = dateline.analyze_many(buf, jobs=jobs, output="arrow", errors="skip", error_list=errors)
        rows = [{"input": buf_names[e["index"]], "error": e["error"]} for e in errors]
        buf.clear()
        buf_names.clear()
        return table, rows

    for item, name in pairs:
        if isinstance(item, Exception):
            yield None, [{"input": name, "error": str(item)}]
            continue
        buf.append(item)
        buf_names.append(name)
        if len(buf) >= chunk:
            yield flush()
    if buf:
        yield flush()


def _batches(pairs, jobs, chunk):
    """Analyses (item, input name) pairs in chunks; yields Arrow batches of the output schema."""
    schema = _output_schema()
    for table, errors in _analysed(pairs, jobs, chunk):
        if table is not None:
            table = table.append_column("input", pa.nulls(table.num_rows, pa.string()))
            table = table.append_column("error", pa.nulls(table.num_rows, pa.string()))
            yield from table.cast(schema).to_batches()
        if errors:
            yield pa.RecordBatch.from_pylist(errors, schema=schema)


def _jsonl_items(lines):
    """(item, input name) pairs of JSON Lines (str)."""
    for line in lines:
        if line is None or not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("expected a JSON object")
            yield {k: (str(obj[k]) if k == "id" else obj[k]) for k in FIELDS if obj.get(k) is not None}, line[:80]
        except ValueError as e:
            yield ValueError(f"bad JSON line: {e}"), line[:80]


def _rows(batches):
    """The rows of Arrow batches as tuples (a DataFrame task's input, in the shape an RDD task
    gets its rows), one batch at a time."""
    for batch in batches:
        yield from zip(*(column.to_pylist() for column in batch.columns))


def _jsonl_pairs(rows):
    """(item, input name) pairs of the lines of a text source's rows (`value`)."""
    return _jsonl_items(row[0] for row in rows)


def _split_lines(uri, start, end, block=4 << 20):
    """The lines of a file that start in the byte range [start, end) (a line starts at 0 or after
    a newline), read with pyarrow.fs in blocks, decoded as UTF-8 (bad bytes replaced, as Spark's
    text source does). A `.gz` file is one split, read whole."""
    fs, path = _filesystem(uri)
    gz = uri.endswith(".gz")
    f = fs.open_input_stream(path, compression="gzip") if gz else fs.open_input_file(path)
    with f:
        pos, skip = start, False
        if start > 0 and not gz:
            f.seek(start - 1)  # the line ending at start - 1 belongs to the split before
            pos, skip = start - 1, True
        buf, i = b"", 0
        while True:
            j = buf.find(b"\n", i)
            if j < 0:
                more = f.read(block)
                if more:
                    pos += i
                    buf, i = buf[i:] + more, 0
                    continue
                if i < len(buf) and not skip and (gz or pos + i < end):
                    yield buf[i:].decode("utf-8", "replace").rstrip("\r")
                return
            if skip:
                skip = False
            elif not gz and pos + i >= end:
                return
            else:
                yield buf[i:j].decode("utf-8", "replace").rstrip("\r")
            i = j + 1


def _jsonl_split_pairs(rows):
    """(item, input name) pairs of the byte ranges (`uri`, `start`, `end`) of JSON Lines files."""
    for uri, start, end in rows:
        yield from _jsonl_items(_split_lines(uri, start, end))


def _jsonl_splits(spark, paths):
    """JSON Lines files pyarrow opens (local, HDFS, S3) as byte-range splits read by the tasks
    themselves, so the JVM never carries the lines: an RDD of (`uri`, `start`, `end`), one split
    a partition, and the other paths (directories, globs, other schemes), left to Spark's text
    source. Splits are sized as Spark sizes file splits."""
    from pyarrow.fs import FileType

    files, rest = [], []
    for p in paths:
        try:
            uri = _arrow_uri(spark, p)
            fs, path = _filesystem(uri)
            info = fs.get_file_info(path)
        except Exception:
            rest.append(p)
            continue
        (files.append((uri, info.size)) if info.type == FileType.File else rest.append(p))
    if not files:
        return None, rest
    max_bytes = int(_setting(spark, "spark.sql.files.maxPartitionBytes", str(128 << 20)).rstrip("b"))
    per_core = sum(size for _, size in files) // max(1, _context(spark).defaultParallelism)
    split = max(1, min(max_bytes, max(4 << 20, per_core)))
    rows = []
    for uri, size in files:
        if uri.endswith(".gz"):
            rows.append((uri, 0, size))
        else:
            rows += [(uri, start, min(size, start + split)) for start in range(0, max(size, 1), split)]
    # One split per partition, in file order (the partition order is the storage order of stories).
    return _context(spark).parallelize(rows, len(rows)), rest


def _warc_pages(path):
    try:
        for page in dateline.read_warc(path):
            name = f"{path}:{page.record_id}" if page.record_id else path
            yield (page if page.error is None else ValueError(page.error)), name
    except Exception as e:  # an unreadable file is one error, not a failed job
        yield ValueError(f"{path}: {e}"), path


def _warc_local_pairs(rows):
    for (path,) in rows:
        yield from _warc_pages(path[len("file://"):] if path.startswith("file://") else path)


def _warc_binary_pairs(rows):
    for path, content in rows:
        suffix = ".warc.gz" if path.endswith(".gz") else ".warc"
        with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as f:
            f.write(content)
        try:
            for item, name in _warc_pages(f.name):
                yield item, name.replace(f.name, path)
        finally:
            os.unlink(f.name)


def _is_local(path):
    return "://" not in path or path.startswith("file://")


def _sources(spark, paths):
    """[(data, columns, pairs)]: per kind of input, its rows inside a task, which `pairs` turns
    into (item, input name) pairs. `data` is an RDD of tuples with the DDL `columns` where the
    tasks read the inputs themselves (JSON Lines splits, local WARC paths: see `_frame`), else a
    DataFrame of Spark's text or binaryFile source (`columns` None)."""
    jsonl = [p for p in paths if p.endswith((".jsonl", ".ndjson", ".jsonl.gz"))]
    warc = [p for p in paths if p.endswith((".warc", ".warc.gz"))]
    other = [p for p in paths if p not in jsonl and p not in warc]
    if other:
        raise ValueError(f"unknown input type (want .jsonl, .warc, .warc.gz): {other}")
    out = []
    if jsonl:
        splits, rest = _jsonl_splits(spark, jsonl)
        if splits is not None:
            out.append((splits, "uri string, start long, end long", _jsonl_split_pairs))
        if rest:
            out.append((_session(spark).read.text(rest), None, _jsonl_pairs))
    local = [p for p in warc if _is_local(p)]
    remote = [p for p in warc if not _is_local(p)]
    if local:
        # One file a partition, in the order given.
        out.append((_context(spark).parallelize([(p,) for p in local], len(local)), "path string",
                    _warc_local_pairs))
    if remote:
        out.append((_session(spark).read.format("binaryFile").load(remote).select("path", "content"), None,
                    _warc_binary_pairs))
    return out


def _frame(spark, data, columns):
    """A source's rows as a DataFrame (for `mapInArrow`). The job keeps its own inputs as RDDs so
    that, when nothing else needs Spark SQL, the JVM runs plain RDD tasks: no Arrow, no query
    planning, and about 60 MB less of it resident (docs/BENCHMARKS.md, session 11)."""
    return data if columns is None else _session(spark).createDataFrame(data, columns)


def _context(spark):
    """The SparkContext of `spark` (a SparkSession or a SparkContext)."""
    return getattr(spark, "sparkContext", spark)


def _session(spark):
    """`spark` as a SparkSession: made on the SparkContext when `spark` is one, only when a
    DataFrame is needed. `python -m dateline.spark` without stories starts a SparkContext alone:
    a SparkSession's state (catalog, analyzer, SQL settings) is about 55 MB of a local JVM and 2
    CPU-seconds that plain RDD tasks do without (docs/BENCHMARKS.md, session 11)."""
    from pyspark.sql import SparkSession

    return spark if isinstance(spark, SparkSession) else SparkSession.builder.getOrCreate()


def _setting(spark, key, default):
    """A Spark setting, from the session's SQL settings when there is a session."""
    from pyspark.sql import SparkSession

    return spark.conf.get(key, default) if isinstance(spark, SparkSession) else spark.getConf().get(key, default)


def _union(frames):
    out = frames[0]
    for f in frames[1:]:
        out = out.unionByName(f)
    return out


def analyze_inputs(spark, paths, jobs=1, chunk=CHUNK):
    """A DataFrame of analysed articles (and error rows, where `error` is set) from JSONL and
    WARC paths, in the output schema (dateline's columns, `input`, `error`)."""
    schema = _spark_schema()

    def task(pairs):
        def analyse(batches):
            _lean_worker()
            return _batches(pairs(_rows(batches)), jobs, chunk)

        return analyse

    return _union([_frame(spark, data, columns).mapInArrow(task(pairs), schema)
                   for data, columns, pairs in _sources(spark, paths)])


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


# ---------------------------------------------------------------------------------------------
# Stories: the store's clustering, as DataFrame operations.
#
# The store places each article as it is ingested (crates/dateline-store/src/stories.rs): it
# looks up the earlier articles sharing an LSH band with it (per band only the PER_BUCKET most
# recently stored), keeps the CANDIDATES sharing the most bands (ties: the earliest stored),
# compares each exactly (shingle Jaccard or containment, else sentence containment) and joins
# the story of every match, merging stories its matches bridge. Its stories are therefore the
# connected components of the graph whose edges are the matching (article, candidate) pairs.
# `stories` builds the same graph in bulk: the input order stands for the storage order, the band
# join is cut to the same candidates with window functions, the pair decision is the store's own
# Rust function (`dateline.same_story_many`), and the components are found by label propagation.
# Nothing but counts reaches the driver.

STORY_COLUMNS = ("id", "text", "published", "title", "dateline", "minhash")


def _story_prep_schema():
    return pa.schema([
        pa.field("ord", pa.int64()), pa.field("id", pa.string()), pa.field("bands", pa.list_(pa.int64())),
        pa.field("shingles", pa.int64()),
    ])


def _story_prep(batches):
    """Per article: its band keys (from the record's MinHash) and distinct shingle count."""
    schema = _story_prep_schema()
    for batch in batches:
        cols = batch.to_pydict()
        bands, counts = [], []
        for text, start, end, minhash in zip(cols["text"], cols["dl_start"], cols["dl_end"], cols["minhash"]):
            bands.append(dateline.story_bands(minhash))
            counts.append(dateline.shingle_count(text or "", start, end))
        yield pa.RecordBatch.from_arrays(
            [pa.array(cols["ord"], pa.int64()), pa.array(cols["id"], pa.string()),
             pa.array(bands, pa.list_(pa.int64())), pa.array(counts, pa.int64())], schema=schema)


def _pair_decision(batches):
    """The store's pair decision over (a, b) rows with both texts and dateline spans."""
    schema = pa.schema([pa.field("a", pa.int64()), pa.field("b", pa.int64()), pa.field("similarity", pa.float64())])
    for batch in batches:
        c = batch.to_pydict()
        pairs = [((ta or "", sa, ea), (tb or "", sb, eb)) for ta, sa, ea, tb, sb, eb in
                 zip(c["text_a"], c["start_a"], c["end_a"], c["text_b"], c["start_b"], c["end_b"])]
        sims = dateline.same_story_many(pairs, jobs=1)
        keep = [i for i, s in enumerate(sims) if s is not None]
        yield pa.RecordBatch.from_arrays(
            [pa.array([c["a"][i] for i in keep], pa.int64()), pa.array([c["b"][i] for i in keep], pa.int64()),
             pa.array([sims[i] for i in keep], pa.float64())], schema=schema)


def candidate_pairs(bands, per_bucket=None, candidates=None):
    """The (a, b) pairs the store would compare: `bands` has `ord` and `bands` (an article's
    band keys); b is stored before a, among the `per_bucket` articles stored last before a in
    some band a is in, and among the `candidates` such articles sharing the most bands with a."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    opts = dateline.story_options()
    per_bucket = per_bucket or opts["per_bucket"]
    candidates = candidates or opts["candidates"]
    keys = bands.select("ord", F.explode("bands").alias("key")).distinct()
    # A bucket of one article pairs nothing: at scale most buckets are such.
    keys = keys.withColumn("n", F.count("*").over(Window.partitionBy("key"))).where("n > 1")
    keys = keys.withColumn("rank", F.row_number().over(Window.partitionBy("key").orderBy("ord")))
    keys = keys.withColumn("block", F.floor((F.col("rank") - 1) / per_bucket))
    a = keys.select("key", "block", F.col("ord").alias("a"), F.col("rank").alias("ra"))
    # The earlier article b may lie in a's block or the one before: at most 2 x per_bucket pairs
    # per article and band, however large the bucket.
    b = keys.select("key", F.explode(F.array(F.col("block"), F.col("block") + 1)).alias("block"),
                    F.col("ord").alias("b"), F.col("rank").alias("rb"))
    pairs = a.join(b, ["key", "block"]).where((F.col("ra") > F.col("rb")) & (F.col("ra") - F.col("rb") <= per_bucket))
    shared = pairs.groupBy("a", "b").agg(F.count("*").alias("shared"))
    best = Window.partitionBy("a").orderBy(F.col("shared").desc(), F.col("b").asc())
    return shared.withColumn("pick", F.row_number().over(best)).where(F.col("pick") <= candidates).select("a", "b")


def connected_components(edges, max_rounds=200):
    """`edges` (a, b) → (ord, root): each vertex with the least `ord` of its component, by
    min-label propagation with pointer jumping, each round checkpointed; only counts are
    collected."""
    from pyspark.sql import functions as F

    both = edges.select("a", "b").union(edges.select(F.col("b").alias("a"), F.col("a").alias("b"))).distinct()
    both = both.localCheckpoint()
    labels = both.groupBy("a").agg(F.least(F.min("b"), F.first("a")).alias("root")).withColumnRenamed("a", "ord")
    labels = labels.localCheckpoint()
    for _ in range(max_rounds):
        # What a vertex's neighbours call their root, and the root of its root (pointer jumping).
        heard = both.join(labels.withColumnRenamed("ord", "b"), "b").select(F.col("a").alias("ord"), "root")
        jumped = labels.alias("l").join(labels.alias("r"), F.col("l.root") == F.col("r.ord")) \
            .select(F.col("l.ord").alias("ord"), F.col("r.root").alias("root"))
        new = labels.union(heard).union(jumped).groupBy("ord").agg(F.min("root").alias("root")).localCheckpoint()
        changed = new.join(labels.withColumnRenamed("root", "old"), "ord").where(F.col("root") != F.col("old")).count()
        labels = new
        if changed == 0:
            return labels
    raise RuntimeError(f"connected components did not converge in {max_rounds} rounds")


def _origin_udf():
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    origin_type = T.StructType([
        T.StructField("article", T.StringType()), T.StructField("reason", T.StringType()),
        T.StructField("credits", T.ArrayType(T.StringType())), T.StructField("earliest", T.StringType()),
        T.StructField("most_complete", T.StringType()), T.StructField("uncredited", T.ArrayType(T.StringType())),
    ])

    def story_origin(members):
        # The store's member order: dated before undated, by date, then storage order.
        ms = sorted(members, key=lambda m: (m["published"] is None, m["published"] or "", m["ord"]))
        return dateline.story_origin([(m["id"], m["published"], list(m["sources"] or []), m["shingles"]) for m in ms])

    return F.udf(story_origin, origin_type)


def stories(records):
    """The stories of analysed records (dateline's columns plus `ord`, the storage order): one row
    per story with `story_id` (the id of its first stored version), `size`, `first_seen`,
    `last_seen` (publication dates; null when no version has one), `title`, `origin` (the store's
    rule) and `members` (id, published, title, shingles; origin first, then by date). Articles
    with the same text as an earlier one are left out, as the store skips them."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    recs = records.select("ord", *STORY_COLUMNS)
    first = Window.partitionBy("sha").orderBy("ord")
    recs = recs.withColumn("sha", F.sha2("text", 256)).withColumn("dup", F.row_number().over(first)) \
        .where("dup = 1").drop("sha", "dup")
    recs = recs.select("ord", "id", "text", "published", "title", "minhash",
                       F.col("dateline.start").alias("dl_start"), F.col("dateline.end").alias("dl_end"),
                       F.coalesce(F.col("dateline.sources"), F.array().cast("array<string>")).alias("sources"))
    prep = recs.select("ord", "id", "text", "dl_start", "dl_end", "minhash") \
        .mapInArrow(_story_prep, _spark_prep_schema()).localCheckpoint()
    pairs = candidate_pairs(prep.select("ord", "bands"))
    side = recs.select("ord", "text", "dl_start", "dl_end")
    sa = side.select(F.col("ord").alias("a"), F.col("text").alias("text_a"), F.col("dl_start").alias("start_a"),
                     F.col("dl_end").alias("end_a"))
    sb = side.select(F.col("ord").alias("b"), F.col("text").alias("text_b"), F.col("dl_start").alias("start_b"),
                     F.col("dl_end").alias("end_b"))
    from pyspark.sql.pandas.types import from_arrow_schema

    edge_schema = from_arrow_schema(pa.schema([pa.field("a", pa.int64()), pa.field("b", pa.int64()),
                                               pa.field("similarity", pa.float64())]))
    edges = pairs.join(sa, "a").join(sb, "b").select("a", "b", "text_a", "start_a", "end_a", "text_b", "start_b",
                                                       "end_b").mapInArrow(_pair_decision, edge_schema)
    roots = connected_components(edges.localCheckpoint())
    members = recs.join(prep.select("ord", "shingles"), "ord").join(roots, "ord", "left") \
        .withColumn("root", F.coalesce("root", "ord"))
    member = F.struct("ord", "id", "published", "title", "sources", "shingles")
    grouped = members.groupBy("root").agg(
        F.count("*").alias("size"), F.min("published").alias("first_seen"), F.max("published").alias("last_seen"),
        F.min_by("id", "ord").alias("story_id"), F.collect_list(member).alias("m"))
    out = grouped.withColumn("origin", _origin_udf()("m"))
    ordered = F.array_sort(F.transform("m", lambda x: F.struct(
        (x["id"] != F.col("origin.article")).alias("o"), x["published"].isNull().alias("u"),
        x["published"].alias("p"), x["ord"].alias("ord"), x["id"].alias("id"), x["title"].alias("title"),
        x["shingles"].alias("shingles"))))
    out = out.withColumn("members", F.transform(ordered, lambda x: F.struct(
        x["id"].alias("id"), x["p"].alias("published"), x["title"].alias("title"), x["shingles"].alias("shingles"))))
    titled = F.filter("members", lambda x: x["title"].isNotNull())
    out = out.withColumn("title", F.try_element_at(F.transform(titled, lambda x: x["title"]), F.lit(1)))
    return out.select("story_id", "size", "first_seen", "last_seen", "title", "origin", "members")


def _spark_prep_schema():
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(_story_prep_schema())


# ---------------------------------------------------------------------------------------------
# Writing from the executors with pyarrow (the job's default): each task analyses its inputs and
# writes its own Parquet files, one directory per publication date, and its own error lines; the
# JVM only orchestrates (it reads the inputs and hands them over, then collects one row per file
# written). Spark's own partitioned writer sorts each task's rows (the wide records, text and
# nested lists) by date first, and the error report needs a second pass over the result: the two
# cost the JVM more than the analysis costs the workers (docs/BENCHMARKS.md).

NULL_DATE = "__HIVE_DEFAULT_PARTITION__"
ROW_GROUP_ROWS = 1024  # records per row group at most, as `dateline analyze --format parquet` writes
BUFFER_BYTES = 16 << 20  # Arrow bytes of records a task holds before spilling them to local disk
PIECES = 8  # a spill gathers the rows of its sorted buffer in this many pieces (`_DateFiles._runs`)
# Column statistics and dictionaries cost about a millisecond per row group over dateline's ~80
# leaf columns, and a task writes a row group per date it meets: kept where readers filter.
STATS_COLUMNS = ["id", "url", "language", "published", "source_format"]
DICTIONARY_COLUMNS = ["language", "source_format"]


def _arrow_uri(spark, path):
    """`path` as a URI pyarrow.fs opens, qualified as Spark would (a path without a scheme is on
    Spark's default file system: HDFS on a cluster, the local disk in local mode)."""
    from urllib.parse import urlparse

    uri = path
    jvm = getattr(spark, "_jvm", None)
    if jvm is not None:
        hpath = jvm.org.apache.hadoop.fs.Path(path)
        uri = hpath.getFileSystem(spark._jsc.hadoopConfiguration()).makeQualified(hpath).toString()
    parsed = urlparse(uri)
    if parsed.scheme in ("", "file"):
        return "file://" + os.path.abspath(parsed.path if parsed.scheme else uri)
    if parsed.scheme in ("s3a", "s3n"):  # Hadoop's names for S3; pyarrow knows it as s3
        return "s3" + uri[len(parsed.scheme):]
    return uri


def _filesystem(uri):
    from pyarrow import fs

    return fs.FileSystem.from_uri(uri)


def _lean_worker():
    """Makes pyarrow allocate with the system allocator in this worker. Its default, mimalloc,
    keeps the pages of freed buffers (the spill's sorted copy, Parquet pages) for reuse, and a
    worker's peak RSS was about 40 MB higher with it at the same CPU (docs/BENCHMARKS.md, session
    11). The analysed records themselves are not pyarrow's: they arrive as IPC bytes that Python
    owns, read without a copy."""
    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())


def _trim():
    """Hands the C heap's free pages back to the system (glibc's `malloc_trim`; elsewhere
    nothing). A worker runs one task after another, and what a task's spills and Parquet files
    freed stayed in the heap, scattered between live blocks: at 100,000 articles (tasks of about
    40,000) a reused worker peaked 20 MB above a fresh one (docs/BENCHMARKS.md, session 11).
    Called after each spill and at the end of a task: a few milliseconds each."""
    global _TRIM
    if _TRIM is None:
        try:
            import ctypes

            _TRIM = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)


_TRIM = None


def _local_dir():
    """A directory on the executor's local disks (Spark's, when the worker is told them)."""
    dirs = os.environ.get("SPARK_LOCAL_DIRS") or os.environ.get("LOCAL_DIRS") or ""
    first = next((d for d in dirs.split(",") if d and os.path.isdir(d)), None)
    return tempfile.mkdtemp(prefix="dateline-", dir=first)


class _DateFiles:
    """One task's Parquet files under `root`: one file per publication date, in a
    `published_date=D` directory (Spark's layout; `__HIVE_DEFAULT_PARTITION__` for records
    without a date), rows in input order, row groups of at most ROW_GROUP_ROWS records.

    Records are held in memory up to `buffer_bytes` of Arrow data; past that, the held records
    are sorted by date (a stable sort of the row indices, then `take` in pieces: `_runs`) and
    spilled to a local Arrow IPC file, one record batch per date. At the end each date's file is
    written in one go from its batches in every spill (read back one date at a time), so memory
    stays bounded and a task writes one file and few row groups per date however its dates are
    mixed. (Spark's
    writer gets the same layout by sorting the task's rows; writing a row group per date each
    time a buffer fills would cost a millisecond or more per row group.)"""

    def __init__(self, uri, name, schema, buffer_bytes=BUFFER_BYTES):
        self.uri, self.name, self.schema = uri, name, schema
        self.buffer_bytes = buffer_bytes
        self.pending, self.pending_bytes = [], 0
        self.spills = []  # (IPC path, {date: batch index})
        self.tmp = None

    def add(self, table):
        self.pending.append(table)
        self.pending_bytes += table.nbytes
        if self.pending_bytes >= self.buffer_bytes:
            self._spill()

    def _runs(self):
        """The pending records by date, stably sorted: yields (date, that date's records). The
        held chunks are combined into one table, the only copy of them all (the chunks are let go
        once it is made), and the rows are gathered in date order a piece of about an eighth of
        the buffer at a time: a spill holds the buffer about twice at its peak, not three times
        (the chunks, a concatenation and the sorted copy), which is 16 MB less of the worker at
        the default --buffer-mb (docs/BENCHMARKS.md, session 11)."""
        import pyarrow.compute as pc

        table = pa.concat_tables(self.pending)
        self.pending, self.pending_bytes = [], 0
        keys = pc.fill_null(pc.cast(table.column("published_date"), pa.string()), NULL_DATE)
        table = table.drop_columns(["published_date"]).combine_chunks()
        order = pc.sort_indices(keys)
        sorted_keys = keys.take(order).to_pylist()
        runs, start = [], 0
        for i in range(1, len(sorted_keys) + 1):
            if i == len(sorted_keys) or sorted_keys[i] != sorted_keys[start]:
                runs.append((sorted_keys[start], start, i - start))
                start = i
        piece = max(1, len(sorted_keys) // PIECES)
        i = 0
        while i < len(runs):
            first, rows, j = runs[i][1], 0, i
            while j < len(runs) and (j == i or rows + runs[j][2] <= piece):
                rows += runs[j][2]
                j += 1
            part = table.take(order.slice(first, rows)).cast(self.schema)
            for key, start, length in runs[i:j]:
                yield key, part.slice(start - first, length)
            i = j

    def _spill(self):
        if self.tmp is None:
            self.tmp = _local_dir()
        path = os.path.join(self.tmp, f"spill-{len(self.spills)}.arrow")
        index, n = {}, 0
        with pa.ipc.new_file(path, self.schema) as sink:
            for key, records in self._runs():
                batches = records.to_batches()
                for batch in batches:
                    sink.write_batch(batch)
                index[key] = range(n, n + len(batches))
                n += len(batches)
        self.spills.append((path, index))
        _trim()

    def _write(self, fs, root, key, tables):
        import pyarrow.parquet as pq

        folder = f"{root}/published_date={key}"
        fs.create_dir(folder, recursive=True)
        path = f"{folder}/{self.name}.c000.snappy.parquet"
        table = pa.concat_tables(tables) if len(tables) > 1 else tables[0]
        with fs.open_output_stream(path) as stream:
            pq.write_table(table, stream, row_group_size=ROW_GROUP_ROWS, compression="snappy",
                           write_statistics=STATS_COLUMNS, use_dictionary=DICTIONARY_COLUMNS)
        return path, table.num_rows

    def discard(self):
        """Drops what is held and spilled (a failed task): its files are removed at commit."""
        import shutil

        self.pending, self.spills = [], []
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def close(self):
        """Writes every date's file; returns [(path, rows)]."""
        fs, root = _filesystem(self.uri)
        if not self.spills:
            return [self._write(fs, root, key, [records]) for key, records in self._runs()] if self.pending else []
        files = []
        if self.pending:
            self._spill()
        readers = [(pa.ipc.open_file(pa.OSFile(path)), index) for path, index in self.spills]
        try:
            for key in sorted({k for _, index in self.spills for k in index}):
                tables = [pa.Table.from_batches([r.get_batch(i) for i in index[key]], schema=self.schema)
                          for r, index in readers if key in index]
                files.append(self._write(fs, root, key, tables))
        finally:
            import shutil

            shutil.rmtree(self.tmp, ignore_errors=True)
        return files


class _ErrorLines:
    """One task's error report: JSON lines {"input", "error"}, in a file opened at the first."""

    def __init__(self, uri, name):
        self.uri, self.name = uri, name
        self.stream = self.path = None
        self.rows = 0

    def add(self, errors):
        if self.stream is None:
            fs, root = _filesystem(self.uri)
            fs.create_dir(root, recursive=True)
            self.path = f"{root}/{self.name}.json"
            self.stream = fs.open_output_stream(self.path)
        self.stream.write("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors).encode())
        self.rows += len(errors)

    def close(self):
        if self.stream is None:
            return []
        self.stream.close()
        return [(self.path, self.rows)]


def _task_schema():
    """What a writing task hands back: one row per file it wrote (`kind` "articles" or "errors",
    `path`, `rows`) and a row of kind "count" with its articles and errors; with stories, also a
    row per article with the columns the stories need (`kind` null)."""
    return pa.schema([
        pa.field("kind", pa.string()), pa.field("path", pa.string()), pa.field("rows", pa.int64()),
        pa.field("errors", pa.int64()), pa.field("ord", pa.int64()), pa.field("id", pa.string()),
        pa.field("text", pa.string()), pa.field("published", pa.string()), pa.field("title", pa.string()),
        pa.field("dateline", pa.struct([pa.field("sources", pa.list_(pa.string())), pa.field("start", pa.int64()),
                                        pa.field("end", pa.int64())])),
        pa.field("minhash", pa.string()),
    ])


def _story_batch(table, first_ord, schema):
    n = table.num_rows
    dl = table.column("dateline").combine_chunks()
    dateline_col = pa.StructArray.from_arrays(
        [dl.field("sources").cast(pa.list_(pa.string())), dl.field("start"), dl.field("end")],
        fields=list(schema.field("dateline").type), mask=dl.is_null())
    cols = {
        "kind": pa.nulls(n, pa.string()), "path": pa.nulls(n, pa.string()), "rows": pa.nulls(n, pa.int64()),
        "errors": pa.nulls(n, pa.int64()), "ord": pa.array(range(first_ord, first_ord + n), pa.int64()),
        "id": table.column("id"), "text": table.column("text"), "published": table.column("published"),
        "title": table.column("title"), "dateline": dateline_col, "minhash": table.column("minhash"),
    }
    return pa.Table.from_arrays([cols[f.name] for f in schema], schema=schema).to_batches()


def _summary_batch(rows, schema):
    return pa.RecordBatch.from_pylist([dict(zip(("kind", "path", "rows", "errors"), r)) for r in rows], schema=schema)


def _write_task(pairs, jobs, chunk, out_uri, errors_uri, tag, with_stories, buffer_bytes, arrow=True):
    """A task that analyses its inputs and writes them (`_DateFiles`, `_ErrorLines`), then hands
    back one (kind, path, rows, errors) row per file and a count: as an Arrow batch of
    `_task_schema` for `mapInArrow` (`arrow`, and with stories a row per article before), else as
    tuples for an RDD's `mapPartitions` (input rows as tuples)."""
    schema = _task_schema()
    file_schema = pa.schema([f for f in dateline.arrow_schema() if f.name != "published_date"])

    def task(data):
        from pyspark import TaskContext

        _lean_worker()
        ctx = TaskContext.get()
        part, attempt = (ctx.partitionId(), ctx.attemptNumber()) if ctx else (0, 0)
        name = f"part-{part:05d}-{tag}-{attempt}"
        files = _DateFiles(out_uri, name, file_schema, buffer_bytes)
        report = _ErrorLines(errors_uri, name) if errors_uri else None
        # The storage order of the stories: Spark's monotonically_increasing_id numbering.
        first_ord, good, bad = part << 33, 0, 0
        try:
            for table, errs in _analysed(pairs(_rows(data) if arrow else data), jobs, chunk):
                if table is not None and table.num_rows:
                    if with_stories:
                        yield from _story_batch(table, first_ord + good, schema)
                    good += table.num_rows
                    files.add(table)
                    del table  # held by `files` only, so that a spill frees it
                if errs:
                    bad += len(errs)
                    if report:
                        report.add(errs)
        except BaseException:  # a failed or cancelled task leaves no spill behind
            files.discard()
            raise
        rows = [("articles", p, n, None) for p, n in files.close()]
        rows += [("errors", p, n, None) for p, n in (report.close() if report else [])]
        rows.append(("count", None, good, bad))
        _trim()
        if arrow:
            yield _summary_batch(rows, schema)
        else:
            yield from rows

    return task


def _prepare_dir(uri, mode):
    fs, root = _filesystem(uri)
    info = fs.get_file_info(root)
    from pyarrow.fs import FileType

    if info.type != FileType.NotFound:
        if mode == "overwrite" and info.type == FileType.Directory:
            fs.delete_dir_contents(root, missing_dir_ok=True)
        elif mode == "overwrite":
            fs.delete_file(root)
        elif mode in ("error", "errorifexists"):
            raise FileExistsError(f"{uri} already exists (mode {mode!r})")
    fs.create_dir(root, recursive=True)


def _commit_dir(uri, tag, kept):
    """Removes the files of this run that no successful task reported (failed or speculative
    attempts) and marks the directory complete with `_SUCCESS`, as Spark does."""
    from pyarrow.fs import FileSelector, FileType

    fs, root = _filesystem(uri)
    for info in fs.get_file_info(FileSelector(root, recursive=True, allow_not_found=True)):
        if info.type == FileType.File and f"-{tag}-" in info.base_name and info.path not in kept:
            fs.delete_file(info.path)
    with fs.open_output_stream(f"{root}/_SUCCESS"):
        pass


def run(spark, inputs, out, errors=None, stories_out=None, jobs=1, chunk=CHUNK, writer="arrow", mode="overwrite",
        buffer_bytes=BUFFER_BYTES):
    """The job: analyses `inputs` (JSONL / WARC paths or URIs), writes Parquet partitioned by
    publication date under `out`, every failed input as a JSON line under `errors` and, with
    `stories_out`, the stories table; returns (articles, errors) counted. `spark` is a
    SparkSession or a SparkContext; with a SparkContext a session is made only if an input or the
    stories need one (`_session`).

    `writer="arrow"` (the default): the executors write with pyarrow, one pass, the JVM only
    orchestrating; `out` and `errors` must be on a file system pyarrow opens (local, HDFS, S3:
    `s3a://` is read as `s3://`, with pyarrow's credentials, not Hadoop's). `writer="spark"`:
    Spark's own writer (`write`), for any file system Spark writes to, at a higher cost."""
    if writer == "spark":
        return write(analyze_inputs(spark, inputs, jobs, chunk), out, errors, mode, stories_out)
    if writer != "arrow":
        raise ValueError(f"writer must be 'arrow' or 'spark', not {writer!r}")
    import uuid

    out_uri = _arrow_uri(spark, out)
    errors_uri = _arrow_uri(spark, errors) if errors else None
    for uri in (out_uri, errors_uri):
        if uri:
            _prepare_dir(uri, mode)
    tag = uuid.uuid4().hex[:12]
    sources = _sources(spark, inputs)
    if not stories_out and all(columns is not None for _, columns, _ in sources):
        # Nothing needs Spark SQL: plain RDD tasks (`_frame` says why), one row per file back.
        rdds = [data.mapPartitions(_write_task(pairs, jobs, chunk, out_uri, errors_uri, tag, False, buffer_bytes,
                                               arrow=False))
                for data, _, pairs in sources]
        summary = _context(spark).union(rdds).collect()
    else:
        from pyspark import StorageLevel
        from pyspark.sql import functions as F
        from pyspark.sql.pandas.types import from_arrow_schema

        schema = from_arrow_schema(_task_schema())
        result = _union([_frame(spark, data, columns).mapInArrow(
            _write_task(pairs, jobs, chunk, out_uri, errors_uri, tag, bool(stories_out), buffer_bytes), schema)
            for data, columns, pairs in sources])
        if stories_out:
            result = result.persist(StorageLevel.DISK_ONLY)
        summary = [tuple(r) for r in
                   result.where(F.col("kind").isNotNull()).select("kind", "path", "rows", "errors").collect()]
    n_good = sum(rows for kind, _, rows, _ in summary if kind == "count")
    n_bad = sum(errs for kind, _, _, errs in summary if kind == "count")
    for uri, kind in ((out_uri, "articles"), (errors_uri, "errors")):
        if uri:
            _commit_dir(uri, tag, {path for k, path, _, _ in summary if k == kind})
    if stories_out:
        stories(result.where(F.col("kind").isNull())).write.mode(mode).parquet(stories_out)
        result.unpersist()
    return n_good, n_bad


def write(out_df, out, errors=None, mode="overwrite", stories_out=None):
    """Writes analysed rows as Parquet partitioned by publication date, error rows as JSON lines
    and, with `stories_out`, the stories table (Parquet, see `stories`); returns (articles, errors)
    counted. The input order (Spark's row order of `out_df`) stands for the store's ingest order."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    out_df = out_df.withColumn("ord", F.monotonically_increasing_id()).persist(StorageLevel.DISK_ONLY)
    good = out_df.where(F.col("error").isNull())
    bad = out_df.where(F.col("error").isNotNull()).select("input", "error")
    good.drop("input", "error", "ord").write.mode(mode).partitionBy("published_date").parquet(out)
    n_bad = 0
    if errors:
        bad.write.mode(mode).json(errors)
        n_bad = bad.count()
    n_good = good.count()
    if stories_out:
        stories(good).write.mode(mode).parquet(stories_out)
    out_df.unpersist()
    return n_good, n_bad


# What `python -m dateline.spark` sets when it starts Spark itself (not under spark-submit, whose
# JVM is already running), unless given with --conf: no web UI or console progress bar, whose
# upkeep costs CPU for as long as the job runs; and, without stories (LEAN_JVM), a JVM that only
# orchestrates while the executors write: a small heap, started small (-Xms32m: the JVM otherwise
# commits 1/64 of the machine's memory at once) with a young generation of 8 MB (the serial
# collector otherwise sizes it from the heap and touches every page of it between collections:
# 12 MB more of RSS, for a JVM that allocates little), one GC thread, the quick JIT only; with
# these and RDD tasks a one-core executor stays under 500 MB (docs/BENCHMARKS.md, session 11).
# The stories are joins and shuffles in the JVM, which keeps Spark's own JVM settings for them
# (docs/BENCHMARKS.md, "The executors write").
LOCAL_DEFAULTS = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
}
LEAN_JVM = {
    "spark.driver.memory": "512m",
    "spark.driver.extraJavaOptions": "-XX:+UseSerialGC -Xms32m -Xmn8m -XX:TieredStopAtLevel=1",
}


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m dateline.spark", description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help=".jsonl, .warc or .warc.gz paths or URIs")
    ap.add_argument("--out", required=True, help="output directory (Parquet, partitioned by published_date)")
    ap.add_argument("--errors", help="directory for the error report (JSON lines: input, error)")
    ap.add_argument("--stories", help="directory for the stories table (Parquet; default: OUT_stories)")
    ap.add_argument("--no-stories", action="store_true", help="do not cluster stories")
    ap.add_argument("--jobs", type=int, default=1, help="threads per task (Spark runs one task per core)")
    ap.add_argument("--chunk", type=int, default=CHUNK, help="articles per analyze_many call")
    ap.add_argument("--master", help="Spark master when not run by spark-submit (e.g. local[2])")
    ap.add_argument("--writer", choices=("arrow", "spark"), default="arrow",
                    help="who writes the Parquet: the executors with pyarrow (default) or Spark's writer")
    ap.add_argument("--buffer-mb", type=int, default=BUFFER_BYTES >> 20,
                    help="MB of analysed records a task holds before spilling them to local disk (--writer arrow)")
    ap.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="a Spark setting (repeatable)")
    ap.add_argument("--no-local-defaults", action="store_true",
                    help="start Spark with its own defaults, not the job's (LOCAL_DEFAULTS, LEAN_JVM)")
    args = ap.parse_args(argv)
    from pyspark import SparkConf, SparkContext

    # Local workers run this interpreter (the one with dateline installed) unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    lean = args.no_stories and args.writer == "arrow"
    conf = dict(kv.partition("=")[::2] for kv in args.conf)
    if not args.no_local_defaults and "PYSPARK_GATEWAY_PORT" not in os.environ:
        conf = {**LOCAL_DEFAULTS, **(LEAN_JVM if lean else {}), **conf}
    spark_conf = SparkConf().setAppName("dateline")
    if args.master:
        spark_conf.setMaster(args.master)
    spark_conf.setAll(list(conf.items()))
    if lean:
        # No stories and the executors write: RDD tasks, no SparkSession unless an input needs
        # Spark's own sources (`_session`).
        spark = SparkContext.getOrCreate(spark_conf)
    else:
        from pyspark.sql import SparkSession

        spark = SparkSession.builder.config(conf=spark_conf).getOrCreate()
    try:
        stories_out = None if args.no_stories else (args.stories or args.out.rstrip("/") + "_stories")
        n_good, n_bad = run(spark, args.inputs, args.out, args.errors, stories_out=stories_out, jobs=args.jobs,
                            chunk=args.chunk, writer=args.writer, buffer_bytes=args.buffer_mb << 20)
    finally:
        spark.stop()
    print(f"dateline.spark: {n_good} article(s) written to {args.out}; {n_bad} error(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
