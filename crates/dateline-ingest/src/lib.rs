//! dateline-ingest
