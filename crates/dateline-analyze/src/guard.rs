//! One document's analysis, with an internal failure kept to that document.
//!
//! The analysis is meant never to panic (every stage is fuzzed and property-tested), but a crawl
//! of millions of pages finds what tests did not. A panic inside one document's analysis would
//! take the whole run down with it, and with it every other document of the batch: the opposite
//! of "bad input never stops the run". [`try_analyze`] catches it, names the document and the
//! failure, and lets the caller count it as one failed input and go on.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use dateline_text::{Document, SourceRef};

use crate::{analyze, Analysis, AnalyzeError, Resources};

/// [`analyze`](crate::analyze), with a panic inside it returned as [`AnalyzeError::Internal`]
/// naming the document instead of unwinding into the caller.
pub fn try_analyze(doc: &Document, resources: &Resources) -> Result<Analysis, AnalyzeError> {
    guarded(&doc.source, || analyze(doc, resources))
}

/// Runs `work` for the document from `source`; a panic becomes an error naming the source.
///
/// `AssertUnwindSafe`: the work only reads shared state (the resources are immutable once
/// built), so nothing it leaves half-written can be seen after the panic.
fn guarded<T>(source: &SourceRef, work: impl FnOnce() -> T) -> Result<T, AnalyzeError> {
    catch_unwind(AssertUnwindSafe(work))
        .map_err(|payload| AnalyzeError::Internal { input: source.describe(), message: panic_message(&*payload) })
}

/// The message a panic was raised with (`panic!("...")` gives a `&str` or a `String`).
fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_text::{Format, Metadata};

    fn source(path: &str, record: Option<&str>) -> SourceRef {
        SourceRef { path: Some(path.into()), url: None, format: Format::Text, record: record.map(Into::into) }
    }

    #[test]
    fn a_panic_becomes_an_error_naming_the_document_and_the_message() {
        let err = guarded(&source("crawl.jsonl", Some("17")), || -> u32 { panic!("index 9 out of range") })
            .expect_err("the panic is caught");
        let text = err.to_string();
        assert!(text.starts_with("crawl.jsonl record 17: "), "{text}");
        assert!(text.contains("index 9 out of range"), "{text}");
        let formatted =
            guarded(&source("a.txt", None), || -> u32 { panic!("slice {}..{}", 3, 2) }).expect_err("caught");
        assert!(formatted.to_string().contains("a.txt: ") && formatted.to_string().contains("slice 3..2"));
    }

    #[test]
    fn work_that_finishes_is_returned_unchanged() {
        assert_eq!(guarded(&source("a.txt", None), || 41 + 1).ok(), Some(42));
    }

    #[test]
    fn a_real_document_is_analysed_as_by_analyze() {
        let resources = Resources::embedded().expect("resources");
        let text = "NAIROBI, March 3 (Wire) - Kenya's farm ministry said on Tuesday that rains had returned.";
        let prepared = dateline_text::prepare(text.as_bytes(), &Default::default(), 0).expect("prepared");
        let doc = Document::new(prepared, Metadata::default(), source("k.txt", None));
        let guarded = try_analyze(&doc, &resources).expect("no panic");
        let plain = analyze(&doc, &resources);
        assert_eq!(serde_json::to_string(&guarded).ok(), serde_json::to_string(&plain).ok());
    }
}
