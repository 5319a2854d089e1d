//! Streamed exports, shared by every export endpoint: quotes (`/api/quotes/export`), search
//! results (`/api/search/export`) and a story's versions (`/api/stories/{id}/export`).
//!
//! An export runs a store row walk on a blocking thread and hands rows to the response body
//! through a bounded channel of chunks, so a slow client slows the walk instead of filling
//! memory: an export of any size holds at most [`EXPORT_CHANNEL`] chunks of about
//! [`CHUNK_BYTES`] each, whatever the number of rows. Each row is written as one JSON line or
//! one CSV record (RFC 4180, with a header row).

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use dateline_store::{ArticleRow, Store};
use http_body::Frame;
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;
use utoipa::{IntoParams, ToSchema};

use super::api::search_filter;
use super::extract::{ApiPath, ApiQuery};
use crate::model::SearchParams;
use crate::state::AppState;
use crate::ServerError;

/// The most rows one export carries; narrow the filters for more.
pub const EXPORT_MAX: usize = 1_000_000;

/// Chunks in flight between the store thread and the response body.
const EXPORT_CHANNEL: usize = 16;

/// Rows are gathered into chunks of about this many bytes before they are sent.
const CHUNK_BYTES: usize = 16 * 1024;

/// How an export is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line (`application/x-ndjson`).
    Jsonl,
    /// CSV with a header row (`text/csv`).
    Csv,
}

impl Format {
    /// The format a `format` parameter names (`jsonl` when absent), or a 400.
    pub fn parse(given: Option<&str>) -> Result<Format, ServerError> {
        match given.map(str::trim).unwrap_or_default() {
            "" | "jsonl" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            other => Err(ServerError::BadRequest(format!("format must be jsonl or csv, not {other:?}"))),
        }
    }
}

/// The format of an export.
#[derive(Debug, Clone, Default, Deserialize, Serialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `jsonl` (default: one JSON object per line) or `csv` (a header row, then one row each).
    pub format: Option<String>,
}

/// A row an export can write: as a JSON object (its `Serialize`) or as CSV fields in the order
/// of [`ExportRow::CSV_HEADER`].
pub trait ExportRow: Serialize {
    /// The CSV header row, with its line end.
    const CSV_HEADER: &'static str;
    /// The CSV fields of this row, in header order.
    fn csv_fields(&self) -> Vec<String>;
}

/// Where a walk puts its rows: gathers them into chunks and sends each full chunk down the
/// channel, blocking while the client is behind.
pub struct Sink {
    tx: mpsc::Sender<Bytes>,
    format: Format,
    buf: Vec<u8>,
}

impl Sink {
    /// Writes one row; `false` when the client went away (the walk should stop).
    pub fn send<R: ExportRow>(&mut self, row: &R) -> bool {
        match self.format {
            Format::Jsonl => {
                if serde_json::to_writer(&mut self.buf, row).is_err() {
                    return true;
                }
                self.buf.push(b'\n');
            }
            Format::Csv => self.buf.extend_from_slice(csv_row(&row.csv_fields()).as_bytes()),
        }
        if self.buf.len() >= CHUNK_BYTES {
            self.flush()
        } else {
            true
        }
    }

    fn flush(&mut self) -> bool {
        if self.buf.is_empty() {
            return true;
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK_BYTES)));
        self.tx.blocking_send(chunk).is_ok()
    }
}

/// The streamed response of an export named `file` (`quotes`, `search`, `story-7`): `walk` runs on
/// a pooled connection and sends rows into the sink until it is done or the sink says stop. A
/// store error after the response started ends the download early (logged), since the status
/// is already sent.
pub fn stream<R, F>(state: &AppState, file: &str, format: Format, walk: F) -> Response
where
    R: ExportRow,
    F: FnOnce(&Store, &mut Sink) -> Result<(), ServerError> + Send + 'static,
{
    let (tx, rx) = mpsc::channel::<Bytes>(EXPORT_CHANNEL);
    let pool = state.pool().clone();
    let what = file.to_string();
    tokio::spawn(async move {
        let result = pool
            .run(move |store| {
                let mut sink = Sink { tx, format, buf: Vec::with_capacity(CHUNK_BYTES) };
                if format == Format::Csv {
                    sink.buf.extend_from_slice(R::CSV_HEADER.as_bytes());
                }
                walk(store, &mut sink)?;
                sink.flush();
                Ok(())
            })
            .await;
        if let Err(e) = result {
            eprintln!("dateline serve: {what} export stopped: {e}");
        }
    });
    let (content_type, ext) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "csv"),
        Format::Jsonl => ("application/x-ndjson", "jsonl"),
    };
    let mut response = Body::new(ChannelBody { rx }).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    // File names are ours (letters, digits, '-'), never user text.
    let safe: String = file.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{safe}.{ext}\"")) {
        headers.insert(CONTENT_DISPOSITION, v);
    }
    response
}

/// One CSV record with its line end.
pub fn csv_row(fields: &[String]) -> String {
    let mut row = fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
    row.push_str("\r\n");
    row
}

/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
/// A field opening with `=`, `+`, `-` or `@` gets a leading apostrophe, so a spreadsheet shows a
/// quote such as "=HYPERLINK(...)" as text instead of running it.
pub fn csv_field(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// An optional value as a CSV field (empty when absent).
pub fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// A response body fed by a channel: each message is one chunk; the body ends when the sender
/// is dropped.
struct ChannelBody {
    rx: mpsc::Receiver<Bytes>,
}

impl http_body::Body for ChannelBody {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        self.rx.poll_recv(cx).map(|chunk| chunk.map(|b| Ok(Frame::data(b))))
    }
}

/// One article of a search export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ExportedArticle {
    /// Article id: `GET /api/articles/{id}`.
    pub id: String,
    /// The headline, or the opening of the first sentence of an untitled article.
    pub headline: String,
    /// Best publication date known (ISO 8601).
    pub published: Option<String>,
    /// Dateline place.
    pub place: Option<String>,
    /// Dateline country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Language code.
    pub language: String,
    /// Wire credits of the dateline, in order.
    pub sources: Vec<String>,
    /// The URL it was read from, else its file.
    pub url: Option<String>,
    /// Relevance (larger is better; only comparable within one query); null without a text query.
    pub score: Option<f64>,
    /// The story of the article's versions: `GET /api/stories/{id}`.
    pub story: Option<i64>,
    /// Versions in that story, this one included.
    pub versions: u64,
}

impl From<ArticleRow> for ExportedArticle {
    fn from(r: ArticleRow) -> ExportedArticle {
        ExportedArticle {
            id: r.id,
            headline: r.headline,
            published: r.published,
            place: r.place,
            country: r.country,
            language: r.language,
            sources: r.sources,
            url: r.url,
            score: r.score,
            story: r.story,
            versions: r.versions,
        }
    }
}

impl ExportRow for ExportedArticle {
    const CSV_HEADER: &'static str =
        "published,headline,place,country,language,sources,url,score,story,versions,id\r\n";

    fn csv_fields(&self) -> Vec<String> {
        vec![
            opt(&self.published),
            self.headline.clone(),
            opt(&self.place),
            opt(&self.country),
            self.language.clone(),
            self.sources.join("; "),
            opt(&self.url),
            opt(&self.score),
            opt(&self.story),
            self.versions.to_string(),
            self.id.clone(),
        ]
    }
}

/// One version of a story export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ExportedVersion {
    /// The story.
    pub story: i64,
    /// Article id: `GET /api/articles/{id}`.
    pub id: String,
    /// Headline, when it had one.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// File or URL it came from.
    pub source: Option<String>,
    /// Wire credits of its dateline.
    pub sources: Vec<String>,
    /// Distinct shingles (how much story text it carries).
    pub shingles: u64,
    /// The version it joined through (null for the first).
    pub via: Option<String>,
    /// Similarity to that version.
    pub similarity: Option<f64>,
    /// True when the story has credits and this version carries none of them.
    pub uncredited: bool,
    /// True for the likely origin.
    pub origin: bool,
}

impl ExportRow for ExportedVersion {
    const CSV_HEADER: &'static str =
        "story,published,title,sources,source,origin,uncredited,shingles,via,similarity,id\r\n";

    fn csv_fields(&self) -> Vec<String> {
        vec![
            self.story.to_string(),
            opt(&self.published),
            opt(&self.title),
            self.sources.join("; "),
            opt(&self.source),
            self.origin.to_string(),
            self.uncredited.to_string(),
            self.shingles.to_string(),
            opt(&self.via),
            opt(&self.similarity),
            self.id.clone(),
        ]
    }
}

/// Export search results: every matching article, as JSON Lines or CSV.
///
/// The filters and sort of `/api/search` (`page` and `per_page` are ignored), in the same order,
/// at most 1,000,000 articles: all matches, not only the best 2,000 that search pages through.
/// Streamed, so it starts at once and any size downloads in constant server memory. A store error
/// after the first row ends the download early.
#[utoipa::path(
    get,
    path = "/api/search/export",
    tag = "search",
    params(SearchParams, ExportParams),
    responses(
        (status = 200, description = "The articles: one JSON object per line, or CSV with a header row",
         content((ExportedArticle = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, description = "A bad parameter (format, sort, dates)", body = crate::error::ApiError)
    )
)]
pub async fn search_export(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<SearchParams>,
    ApiQuery(e): ApiQuery<ExportParams>,
) -> Result<Response, ServerError> {
    let (filter, order) = search_filter(&p)?;
    let format = Format::parse(e.format.as_deref())?;
    Ok(stream::<ExportedArticle, _>(&state, "search", format, move |store, sink| {
        store.for_each_article(&filter, order, EXPORT_MAX, |row| sink.send(&ExportedArticle::from(row)))?;
        Ok(())
    }))
}

/// Export a story's versions, as JSON Lines or CSV.
///
/// Every version in the order of `/api/stories/{id}` (by publication date, undated last), with
/// its credits, similarity and the origin flags. Streamed like every export.
#[utoipa::path(
    get,
    path = "/api/stories/{id}/export",
    tag = "stories",
    params(("id" = i64, Path, description = "Story id"), ExportParams),
    responses(
        (status = 200, description = "The versions: one JSON object per line, or CSV with a header row",
         content((ExportedVersion = "application/x-ndjson"), (String = "text/csv"))),
        (status = 400, description = "Not a story id, or a bad format", body = crate::error::ApiError),
        (status = 404, description = "No such story", body = crate::error::ApiError)
    )
)]
pub async fn story_export(
    State(state): State<AppState>,
    ApiPath(id): ApiPath,
    ApiQuery(e): ApiQuery<ExportParams>,
) -> Result<Response, ServerError> {
    let n: i64 =
        id.trim().parse().map_err(|_| ServerError::BadRequest(format!("story id must be a number, not {id:?}")))?;
    let format = Format::parse(e.format.as_deref())?;
    // Answer 404 before the download starts: once streaming, the status is sent.
    let exists = state.pool().run(move |store| Ok(store.for_each_story_version(n, |_| false)?.is_some())).await?;
    if !exists {
        return Err(ServerError::NotFound(format!("no story {n}")));
    }
    Ok(stream::<ExportedVersion, _>(&state, &format!("story-{n}"), format, move |store, sink| {
        store.for_each_story_version(n, |m| {
            sink.send(&ExportedVersion {
                story: n,
                id: m.id,
                title: m.title,
                published: m.published,
                source: m.source,
                sources: m.sources,
                shingles: m.shingles,
                via: m.via,
                similarity: m.similarity,
                uncredited: m.uncredited,
                origin: m.origin,
            })
        })?;
        Ok(())
    }))
}

#[cfg(test)]
mod tests {
    use super::{csv_field, Format};

    #[test]
    fn csv_fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("he said \"no\""), "\"he said \"\"no\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("-5, he said"), "\"'-5, he said\"");
    }

    #[test]
    fn formats_are_jsonl_by_default_or_csv() {
        assert_eq!(Format::parse(None).ok(), Some(Format::Jsonl));
        assert_eq!(Format::parse(Some(" csv ")).ok(), Some(Format::Csv));
        assert!(Format::parse(Some("xlsx")).is_err());
    }
}
