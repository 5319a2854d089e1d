//! `POST /api/ingest` without HTTP: a body of JSON Lines in, one result per line out.
//!
//! The handler calls [`ingest_body`] on a blocking thread; the fuzz target `ingest_body` and the
//! property tests call it directly. Every line is read, analysed and stored on its own account: a
//! line that is not an article is `invalid`, an article the store cannot take is `rejected`, and
//! neither costs the lines around it, so the route answers 200 with per-line results for any
//! body. Only a failure of the store itself (disk full, a poisoned lock) fails the request, and
//! then the batches committed before it stay (ingest is idempotent, so resending finishes the job).

use std::sync::Mutex;

use dateline_analyze::{try_analyze, Analysis, Resources};
use dateline_ingest::{read_jsonl_line, Limits};
use dateline_store::{ArticleStatus, Store};

use crate::model::{IngestLine, IngestResponse, LineStatus};
use crate::ServerError;

/// Articles analysed and stored per transaction.
pub const INGEST_BATCH: usize = 200;

/// How the body's lines are named in error messages.
const BODY: &str = "request body";

/// Reads, analyses and stores the JSON Lines of `body`; see the module documentation. The store
/// is locked only while a batch is written, so reads and other work go on during analysis.
pub fn ingest_body(
    body: &[u8],
    store: &Mutex<Store>,
    resources: &Resources,
    limits: &Limits,
) -> Result<IngestResponse, ServerError> {
    let mut out = IngestResponse {
        received: 0,
        stored: 0,
        duplicates: 0,
        ids: Vec::new(),
        errors: Vec::new(),
        lines: Vec::new(),
    };
    // Analyses waiting to be stored, with the index of their entry in `out.lines`.
    let mut batch: Vec<Analysis> = Vec::new();
    let mut slots: Vec<usize> = Vec::new();
    for (i, bytes) in body.split(|&b| b == b'\n').enumerate() {
        let line = i + 1;
        let Some(read) = read_jsonl_line(BODY, line, bytes, limits) else { continue };
        out.received += 1;
        // An analysis that stops on an internal error fails its line only, like an unreadable one.
        match read.map_err(|e| e.to_string()).and_then(|r| {
            let doc = r.into_document(limits).map_err(|e| e.to_string())?;
            try_analyze(&doc, resources).map_err(|e| e.to_string())
        }) {
            Ok(analysis) => {
                slots.push(out.lines.len());
                out.lines.push(IngestLine {
                    line,
                    status: LineStatus::Stored,
                    id: Some(analysis.id.clone()),
                    error: None,
                });
                batch.push(analysis);
                if batch.len() >= INGEST_BATCH {
                    flush(store, &mut batch, &mut slots, &mut out)?;
                }
            }
            Err(e) => out.lines.push(IngestLine { line, status: LineStatus::Invalid, id: None, error: Some(e) }),
        }
    }
    flush(store, &mut batch, &mut slots, &mut out)?;
    for l in &out.lines {
        match (l.status, &l.id, &l.error) {
            (LineStatus::Stored | LineStatus::Duplicate, Some(id), _) => out.ids.push(id.clone()),
            (_, _, Some(e)) => out.errors.push(e.clone()),
            _ => {}
        }
    }
    Ok(out)
}

/// Stores the waiting analyses in one transaction and marks their lines.
fn flush(
    store: &Mutex<Store>,
    batch: &mut Vec<Analysis>,
    slots: &mut Vec<usize>,
    out: &mut IngestResponse,
) -> Result<(), ServerError> {
    if batch.is_empty() {
        return Ok(());
    }
    let outcome = {
        let mut store = store.lock().map_err(|_| ServerError::Internal("the writer lock is poisoned".into()))?;
        store.insert_batch(batch)?
    };
    out.stored += outcome.stored;
    out.duplicates += outcome.duplicates;
    for (&slot, status) in slots.iter().zip(&outcome.statuses) {
        out.lines[slot].status = match status {
            ArticleStatus::Stored => LineStatus::Stored,
            ArticleStatus::Duplicate => LineStatus::Duplicate,
            ArticleStatus::Rejected => LineStatus::Rejected,
        };
    }
    for r in outcome.rejected {
        if let Some(&slot) = slots.get(r.index) {
            let l = &mut out.lines[slot];
            l.error = Some(format!("{BODY}:{}: article {} not stored: {}", l.line, r.id, r.reason));
        }
    }
    batch.clear();
    slots.clear();
    Ok(())
}
