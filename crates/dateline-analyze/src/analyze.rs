//! The analysis pipeline: runs the stages in order over one document.

use dateline_text::Document;
use sha2::{Digest, Sha256};

use chrono::NaiveDate;
use dateline_text::{language, segment};

use crate::amounts::amounts_in;
use crate::times::{times_in, tokens::Toks};
use crate::{find_entities, find_quotes, parse_dateline, Analysis, Resources};

/// Stages that only read English text.
const ENGLISH_ONLY_STAGES: [&str; 5] = ["entities", "quotes", "times", "amounts", "tone"];

/// The language code when detection cannot tell (BCP 47 `und`); English stages still run.
const UNDETERMINED: &str = "und";

/// Analyses one prepared document. Pure and deterministic: the same document and resources
/// always give the same record.
pub fn analyze(doc: &Document, resources: &Resources) -> Analysis {
    let header = doc.meta.header.clone();
    let given_published = doc.meta.published.as_deref().and_then(iso_date_prefix);
    let header_date = header.as_ref().and_then(|h| h.date.as_deref()).and_then(iso_date_prefix);
    let reference = header_date.or(given_published);
    let dateline = parse_dateline(&doc.text, resources, reference);
    let published =
        given_published.or(header_date).map(str::to_string).or_else(|| dateline.as_ref().and_then(|d| d.date.clone()));
    let reference_day = dateline
        .as_ref()
        .and_then(|d| d.date.as_deref())
        .or(published.as_deref())
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let language = language::detect(&doc.text);
    // The entity, quote, time and amount stages read English; other languages keep their
    // provenance, repairs and fingerprint, and the record lists what was skipped.
    let english = language.as_deref().is_none_or(|l| l == "en");
    let sentences = segment::sentences(&doc.text);
    let (entities, quotes, times, amounts) = if english {
        let entities = find_entities(&doc.text, &sentences, resources, dateline.as_ref());
        let mut quotes = find_quotes(&doc.text, &sentences, &entities);
        for q in &mut quotes {
            q.tone = Some(crate::quote_tone(&q.content, &resources.tone));
        }
        // Times and amounts read the same tokens. With a reference date every time expression
        // (relative ones too) is in `times`, so amounts reuse them; without one they find the
        // spans themselves.
        let toks = Toks::new(&doc.text);
        let times = times_in(&toks, &doc.text, reference_day);
        let amounts = amounts_in(&toks, &doc.text, &entities, reference_day.is_some().then_some(&times[..]));
        (entities, quotes, times, amounts)
    } else {
        Default::default()
    };
    // Tone reads English lexicons; other languages get `null`.
    let tone = english.then(|| crate::article_tone(&doc.text, &sentences, &quotes, &resources.tone));
    let skipped_stages = if english { Vec::new() } else { ENGLISH_ONLY_STAGES.iter().map(|s| s.to_string()).collect() };
    let fingerprint = crate::fingerprint(&doc.text, dateline.as_ref().map(|d| d.span));
    Analysis {
        id: content_id(&doc.text),
        source: doc.source.clone(),
        language: language.unwrap_or_else(|| UNDETERMINED.to_string()),
        skipped_stages,
        title: doc.meta.title.clone(),
        header,
        dateline,
        published,
        text: doc.text.clone(),
        text_repairs: doc.repairs.clone(),
        entities,
        quotes,
        times,
        amounts,
        tone,
        fingerprint: Some(fingerprint),
    }
}

/// The article id: the first 16 hex digits of the SHA-256 of the normalised text.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The `YYYY-MM-DD`, `YYYY-MM` or `YYYY` prefix of an ISO 8601 date or timestamp, if it has one.
fn iso_date_prefix(s: &str) -> Option<&str> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if !digits(0..4) {
        return None;
    }
    if b.get(4) == Some(&b'-') && digits(5..7) {
        if b.get(7) == Some(&b'-') && digits(8..10) {
            return Some(&s[..10]);
        }
        return Some(&s[..7]);
    }
    (b.len() == 4 || !b[4].is_ascii_digit()).then(|| &s[..4])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_prefix_keeps_precision() {
        assert_eq!(iso_date_prefix("2019-09-18T10:00:00Z"), Some("2019-09-18"));
        assert_eq!(iso_date_prefix("2018-12"), Some("2018-12"));
        assert_eq!(iso_date_prefix("2019"), Some("2019"));
        assert_eq!(iso_date_prefix("Sept 18"), None);
        assert_eq!(iso_date_prefix("20190918"), None);
    }

    #[test]
    fn content_id_is_16_hex() {
        let id = content_id("hello");
        assert_eq!(id.len(), 16);
        assert_eq!(id, "2cf24dba5fb0a30e");
    }
}
