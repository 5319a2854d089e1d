"""dateline from Python: who said what, where and when.

    import dateline
    rec = dateline.analyze(text="NAIROBI, March 5 (Wire) - ...", published="2024-03-05")
    recs = dateline.analyze_many(texts_or_dicts, jobs=4)             # list of dicts
    table = dateline.analyze_many(items, jobs=4, output="arrow")     # pyarrow.Table
    for page in dateline.read_warc("crawl.warc.gz"): ...
    dateline.same_story_many([((text_a, None, None), (text_b, None, None))])  # the store's decision

Each record is the JSON record of ``dateline analyze --json`` (docs/RECORD.md); the Arrow
table has the Parquet schema of docs/EXPORTS.md. The embedded resources are loaded once per
process; ``analyze_many`` releases the GIL and analyses on ``jobs`` threads, in input order.

The story functions expose the store's own story clustering pieces (LSH band keys of a record's
MinHash, the exact pair decision, the origin rule) so that ``dateline.spark`` clusters stories
at scale exactly as ``dateline ingest`` does.
"""

from ._dateline import Page, Pages, __version__, analyze, analyze_many, read_warc
from ._dateline import same_story_many, shingle_count, story_bands, story_options, story_origin
from ._dateline import _schema_ipc

__all__ = ["analyze", "analyze_many", "read_warc", "arrow_schema", "Page", "Pages", "__version__",
           "same_story_many", "shingle_count", "story_bands", "story_options", "story_origin"]


def arrow_schema():
    """The pyarrow schema of ``analyze_many(..., output="arrow")`` and of dateline's Parquet files."""
    import pyarrow.ipc

    return pyarrow.ipc.open_stream(_schema_ipc()).schema
