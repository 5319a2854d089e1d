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
    args = ap.parse_args(argv)
    from pyspark.sql import SparkSession

    # Local workers run this interpreter (the one with dateline installed) unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("dateline")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        stories_out = None if args.no_stories else (args.stories or args.out.rstrip("/") + "_stories")
        n_good, n_bad = write(analyze_inputs(spark, args.inputs, args.jobs, args.chunk), args.out, args.errors,
                              stories_out=stories_out)
    finally:
        spark.stop()
    print(f"dateline.spark: {n_good} article(s) written to {args.out}; {n_bad} error(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
