//! dateline analysis records as Arrow record batches with a nested schema, and a Parquet writer
//! that streams them in row groups so memory stays flat however many records pass through.
//!
//! The schema is documented column by column in docs/EXPORTS.md and frozen by a test
//! (`tests/schema.rs`): a change of it is a reviewed change, like a change of the JSON record.
//! Spans are byte offsets into `text` (as in the JSON record), as `start` and `end` columns.

mod columns;

use std::io::Write;
use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use dateline_analyze::Analysis;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

/// Version of the Parquet schema, written into the file's key-value metadata
/// (`dateline.schema_version`); bumped on any change of columns.
pub const SCHEMA_VERSION: &str = "3";

/// Records buffered before a row group is written, at most.
pub const ROW_GROUP_ROWS: usize = 1024;

/// Bytes of article text buffered before a row group is written, at most (a row group closes at
/// [`ROW_GROUP_ROWS`] records or this many bytes of text, whichever comes first).
pub const ROW_GROUP_TEXT_BYTES: usize = 32 << 20;

/// What can go wrong while writing Arrow or Parquet.
#[derive(Debug, thiserror::Error)]
pub enum ParquetError {
    /// Arrow refused to build a batch (a bug in the column builders: never expected).
    #[error("building an Arrow batch: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// The Parquet writer failed (usually the output: disk full, broken pipe).
    #[error("writing Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}

fn item(data_type: DataType) -> Field {
    Field::new("item", data_type, false)
}

fn list_of(data_type: DataType) -> DataType {
    DataType::List(Arc::new(item(data_type)))
}

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn i64f(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Int64, nullable)
}

fn f64f(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Float64, nullable)
}

pub(crate) fn dateline_fields() -> Fields {
    Fields::from(vec![
        utf8("place", true),
        utf8("country", true),
        Field::new("sources", list_of(DataType::Utf8), false),
        utf8("date", true),
        i64f("start", false),
        i64f("end", false),
    ])
}

pub(crate) fn mention_fields() -> Fields {
    Fields::from(vec![utf8("text", false), i64f("start", false), i64f("end", false), utf8("via", true)])
}

pub(crate) fn entity_fields() -> Fields {
    Fields::from(vec![
        utf8("id", false),
        utf8("name", false),
        utf8("type", false),
        utf8("title", true),
        utf8("role", true),
        utf8("country", true),
        f64f("lat", true),
        f64f("lon", true),
        i64f("geonames_id", true),
        Field::new("mentions", list_of(DataType::Struct(mention_fields())), false),
    ])
}

pub(crate) fn quote_fields() -> Fields {
    Fields::from(vec![
        utf8("kind", false),
        utf8("cue", true),
        utf8("content", false),
        i64f("start", false),
        i64f("end", false),
        utf8("speaker", true),
        utf8("speaker_name", true),
        utf8("speaker_mention", true),
        i64f("speaker_mention_start", true),
        i64f("speaker_mention_end", true),
        Field::new("confidence", DataType::Float32, false),
        f64f("tone", true),
        utf8("speaker_affiliation", true),
    ])
}

pub(crate) fn time_fields() -> Fields {
    Fields::from(vec![utf8("text", false), utf8("value", false), i64f("start", false), i64f("end", false)])
}

pub(crate) fn amount_fields() -> Fields {
    Fields::from(vec![
        utf8("text", false),
        f64f("value", false),
        utf8("unit", true),
        utf8("currency", true),
        utf8("qualifier", true),
        utf8("about", true),
        i64f("start", false),
        i64f("end", false),
    ])
}

pub(crate) fn speaker_tone_fields() -> Fields {
    Fields::from(vec![utf8("speaker", false), utf8("name", true), i64f("quotes", false), f64f("tone", false)])
}

pub(crate) fn tone_fields() -> Fields {
    Fields::from(vec![
        f64f("score", false),
        f64f("positive", false),
        f64f("negative", false),
        f64f("polarity", false),
        f64f("activity_density", false),
        f64f("self_group_density", false),
        i64f("word_count", false),
        f64f("compound", false),
        Field::new("speakers", list_of(DataType::Struct(speaker_tone_fields())), false),
    ])
}

/// The Arrow schema of one article row (documented in docs/EXPORTS.md, "Parquet").
pub fn schema() -> SchemaRef {
    let fields = vec![
        utf8("id", false),
        utf8("url", true),
        utf8("source_path", true),
        utf8("source_format", false),
        utf8("source_record", true),
        utf8("language", false),
        Field::new("language_confidence", DataType::Float32, true),
        utf8("title", true),
        utf8("author", true),
        utf8("published", true),
        Field::new("published_date", DataType::Date32, true),
        Field::new("dateline", DataType::Struct(dateline_fields()), true),
        utf8("text", false),
        Field::new("skipped_stages", list_of(DataType::Utf8), false),
        Field::new("truncated_stages", list_of(DataType::Utf8), false),
        Field::new("entities", list_of(DataType::Struct(entity_fields())), false),
        Field::new("quotes", list_of(DataType::Struct(quote_fields())), false),
        Field::new("times", list_of(DataType::Struct(time_fields())), false),
        Field::new("amounts", list_of(DataType::Struct(amount_fields())), false),
        Field::new("tone", DataType::Struct(tone_fields()), true),
        utf8("minhash", true),
    ];
    let metadata: std::collections::HashMap<String, String> =
        [("dateline.schema_version".to_string(), SCHEMA_VERSION.to_string())].into_iter().collect();
    Arc::new(Schema::new_with_metadata(fields, metadata))
}

/// One record batch of `records`, in order, with [`schema`].
pub fn to_record_batch(records: &[Analysis]) -> Result<RecordBatch, ParquetError> {
    Ok(RecordBatch::try_new(schema(), columns::build(records))?)
}

/// `records` as an Arrow IPC stream (schema and one batch), for readers that take Arrow data
/// by bytes (the Python package hands it to `pyarrow.ipc.open_stream`).
pub fn to_ipc_stream(records: &[Analysis]) -> Result<Vec<u8>, ParquetError> {
    let batch = to_record_batch(records)?;
    let mut out = Vec::new();
    {
        let mut writer = arrow_ipc::writer::StreamWriter::try_new(&mut out, &batch.schema())?;
        writer.write(&batch)?;
        writer.finish()?;
    }
    Ok(out)
}

/// Writes records to a Parquet file as they come: every [`ROW_GROUP_ROWS`] records (or
/// [`ROW_GROUP_TEXT_BYTES`] of text) become one row group, written and dropped, so memory does
/// not grow with the number of records.
pub struct ParquetSink<W: Write + Send> {
    writer: ArrowWriter<W>,
    pending: Vec<Analysis>,
    pending_bytes: usize,
    rows: u64,
}

impl<W: Write + Send> ParquetSink<W> {
    /// Starts a Parquet file on `out` (Snappy-compressed pages).
    pub fn new(out: W) -> Result<Self, ParquetError> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_created_by(format!("dateline {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = ArrowWriter::try_new(out, schema(), Some(props))?;
        Ok(ParquetSink { writer, pending: Vec::with_capacity(ROW_GROUP_ROWS), pending_bytes: 0, rows: 0 })
    }

    /// Adds one record; writes a row group when enough are buffered.
    pub fn push(&mut self, record: Analysis) -> Result<(), ParquetError> {
        self.pending_bytes = self.pending_bytes.saturating_add(record.text.len());
        self.pending.push(record);
        if self.pending.len() >= ROW_GROUP_ROWS || self.pending_bytes >= ROW_GROUP_TEXT_BYTES {
            self.write_pending()?;
        }
        Ok(())
    }

    fn write_pending(&mut self) -> Result<(), ParquetError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let batch = to_record_batch(&self.pending)?;
        self.writer.write(&batch)?;
        self.writer.flush()?;
        self.rows += self.pending.len() as u64;
        self.pending.clear();
        self.pending_bytes = 0;
        Ok(())
    }

    /// Writes what is buffered and the file footer; returns the number of rows written and the
    /// output.
    pub fn finish(mut self) -> Result<(u64, W), ParquetError> {
        self.write_pending()?;
        let out = self.writer.into_inner()?;
        Ok((self.rows, out))
    }
}
