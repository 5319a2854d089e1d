//! The analysis pipeline: runs the stages in order over one document.

use dateline_text::Document;
use sha2::{Digest, Sha256};

use chrono::NaiveDate;
use dateline_text::language;
use dateline_text::segment::{self, TokenTable};

use crate::amounts::amounts_in;
use crate::entities::find_entities_in;
use crate::lead::{iso, read_lead, Lead};
use crate::quotes::find_quotes_in;
use crate::times::{times_in, tokens::Toks};
use crate::{Analysis, Dateline, Entity, LeadBlock, Mention, Quote, Resources, Span, Stage, TimeExpr};

/// Stages that only read English text.
const ENGLISH_ONLY_STAGES: [Stage; 5] = [Stage::Entities, Stage::Quotes, Stage::Times, Stage::Amounts, Stage::Tone];

/// Stages not run for the other languages that have lists of their own (`crate::intl`).
const OTHER_LANGUAGE_SKIPPED: [Stage; 1] = [Stage::Tone];

/// The language code when detection cannot tell (BCP 47 `und`); English stages still run.
const UNDETERMINED: &str = "und";

/// Analyses one prepared document. Pure and deterministic: the same document and resources
/// always give the same record.
pub fn analyze(doc: &Document, resources: &Resources) -> Analysis {
    // Hard-wrapped paragraphs are joined first: a `\n` becomes a space, byte for byte, so every
    // span below is also a span of the document's text.
    let unwrapped = dateline_text::unwrap::unwrap(&doc.text);
    let (text, line_joins) = match &unwrapped {
        Some((t, joins)) => (t.as_str(), joins.clone()),
        None => (doc.text.as_str(), Vec::new()),
    };
    let header = doc.meta.header.clone();
    let given_published = doc.meta.published.as_deref().and_then(iso_date_prefix);
    let header_date = header.as_ref().and_then(|h| h.date.as_deref()).and_then(iso_date_prefix);
    let reference = header_date.or(given_published);
    // The lead: headline, byline, date lines, and the dateline wherever the body starts.
    let lead = read_lead(text, resources, reference);
    let lead_date = lead.published().map(iso);
    let page_date = given_published.or(header_date).map(str::to_string).or(lead_date);
    let mut dateline = lead.dateline.clone();
    if let Some(d) = dateline.as_mut() {
        // A dateline without a date of its own was filed on the page's date; one without a
        // credit is the byline's agency's (`By Jane Roe, Example News`).
        if d.date.is_none() {
            d.date.clone_from(&page_date);
        }
        if d.sources.is_empty() {
            if let Some(agency) = lead.byline.as_ref().and_then(|b| b.agency.clone()) {
                d.sources.push(agency);
            }
        }
    }
    let published = page_date.or_else(|| dateline.as_ref().and_then(|d| d.date.clone()));
    let reference_day = dateline
        .as_ref()
        .and_then(|d| d.date.as_deref())
        .or(published.as_deref())
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    // The language: the source's word wins; else detection, with how sure it is. The entity,
    // quote, time and amount stages read English, and French, Spanish, Italian, Portuguese,
    // German and Dutch through their own lists (crate::intl); they are skipped only when another language
    // is reliably detected (short and tabular English may look like anything to trigrams).
    // Other languages keep their provenance, repairs and fingerprint, and the record lists what
    // was skipped.
    let given_language = doc.meta.language.as_deref().map(str::trim).filter(|l| !l.is_empty()).map(|l| {
        let l = l.to_ascii_lowercase();
        l.split(['-', '_']).next().unwrap_or(&l).to_string()
    });
    let (language, language_confidence) = match given_language {
        Some(l) => (Some(l), None),
        None => {
            let d = language::detect_with_confidence_with(text, &resources.lexicon.text);
            let code = match d.code {
                Some(c) if c != "en" && !d.reliable => None,
                c => c,
            };
            (code, Some((d.confidence * 100.0).round() / 100.0))
        }
    };
    let english = language.as_deref().is_none_or(|l| l == "en");
    // Other languages with their own lists get every stage but tone (crate::intl).
    let other = if english { None } else { language.as_deref().and_then(crate::intl::for_language) };
    // One token table for the article: sentences and quotes read its tokens; the entity model
    // splits its chunks into treebank pieces, times and amounts into letter, digit and mark pieces.
    let table = segment::TokenTable::with_lists(text, &resources.lexicon.text);
    let sentences = segment::sentences_of_with(text, table.tokens(), &resources.lexicon.text);
    let mut truncated_stages = Vec::new();
    // a byline's agency is an organisation wherever the stages read it
    let credits: Vec<Span> = lead.byline.as_ref().and_then(|b| b.agency_span).into_iter().collect();
    let (entities, quotes, times, amounts) = if english {
        let (mut entities, cut) =
            find_entities_in(text, &table, &sentences, resources, dateline.as_ref(), &credits, None);
        if cut {
            truncated_stages.push(Stage::Entities);
        }
        let (mut quotes, cut) =
            quotes_after_dateline(text, &table, &sentences, &entities, dateline.as_ref(), &resources.lexicon);
        if cut {
            truncated_stages.push(Stage::Quotes);
        }
        for q in &mut quotes {
            q.tone = Some(crate::quote_tone(&q.content, &resources.tone, &resources.lexicon));
        }
        crate::quotes::add_speaker_mentions(&mut entities, &quotes);
        // Times and amounts read the same tokens. With a reference date every time expression
        // (relative ones too) is in `times`, so amounts reuse them; without one they find the
        // spans themselves.
        let toks = Toks::from_table(text, &table);
        let mut times = times_in(&toks, text, reference_day);
        add_lead_times(&mut times, text, &lead);
        let amounts =
            amounts_in(&toks, text, &entities, reference_day.is_some().then_some(&times[..]), &resources.lexicon);
        (entities, quotes, times, amounts)
    } else if let Some(lex) = other {
        let (mut entities, cut) =
            find_entities_in(text, &table, &sentences, resources, dateline.as_ref(), &credits, Some(lex));
        if cut {
            truncated_stages.push(Stage::Entities);
        }
        let find =
            |s: &[Span], e: &[Entity]| (crate::intl::quotes::find(text, table.tokens(), s, e, lex, lead.title), false);
        let (quotes, _) = dateline_kept_out(text, &sentences, &entities, dateline.as_ref(), find);
        crate::quotes::add_speaker_mentions_with(&mut entities, &quotes, |w| {
            crate::intl::Lists::has(&lex.determiners, w)
        });
        let mut times = crate::intl::times::find(text, table.tokens(), lex, reference_day);
        add_lead_times(&mut times, text, &lead);
        let amounts = crate::intl::amounts::find(text, table.tokens(), lex, &times);
        (entities, quotes, times, amounts)
    } else {
        Default::default()
    };
    // Tone reads English lexicons; other languages get `null`.
    let tone =
        english.then(|| crate::article_tone(&doc.text, &sentences, &quotes, &resources.tone, &resources.lexicon));
    let skipped_stages = match (english, other) {
        (true, _) => Vec::new(),
        (false, Some(_)) => OTHER_LANGUAGE_SKIPPED.to_vec(),
        (false, None) => ENGLISH_ONLY_STAGES.to_vec(),
    };
    let fingerprint = crate::fingerprint(text, dateline.as_ref().map(|d| d.span));
    let title = doc.meta.title.clone().or_else(|| lead.title.and_then(|s| s.slice(text)).map(str::to_string));
    let author = doc.meta.author.clone().or_else(|| lead.byline.as_ref().map(|b| b.author.clone()));
    let lead_record = lead_record(&lead);
    Analysis {
        id: content_id(text),
        source: doc.source.clone(),
        language: language.unwrap_or_else(|| UNDETERMINED.to_string()),
        language_confidence,
        skipped_stages,
        truncated_stages,
        title,
        author,
        header,
        dateline,
        published,
        lead: lead_record,
        text: text.to_string(),
        line_joins,
        text_repairs: doc.repairs.clone(),
        entities,
        quotes,
        times,
        amounts,
        tone,
        fingerprint: Some(fingerprint),
    }
}

/// The quotes of the article, with the dateline kept out of them: the sentence that holds the
/// dateline starts after it, and an entity named only inside the dateline (its agency) is no
/// speaker (`June 29 (Agency) -` never opens a quote, and `it` never resolves to the agency).
fn quotes_after_dateline(
    text: &str,
    table: &TokenTable,
    sentences: &[Span],
    entities: &[Entity],
    dateline: Option<&Dateline>,
    lx: &crate::Lexicon,
) -> (Vec<Quote>, bool) {
    dateline_kept_out(text, sentences, entities, dateline, |s, e| find_quotes_in(text, table, s, e, lx))
}

/// Runs a quote finder over the sentences and entities with the dateline kept out (see
/// [`quotes_after_dateline`]).
fn dateline_kept_out(
    text: &str,
    sentences: &[Span],
    entities: &[Entity],
    dateline: Option<&Dateline>,
    find: impl Fn(&[Span], &[Entity]) -> (Vec<Quote>, bool),
) -> (Vec<Quote>, bool) {
    let Some(d) = dateline else {
        return find(sentences, entities);
    };
    let end = d.span.1 + text.get(d.span.1..).map_or(0, |r| r.len() - r.trim_start().len());
    let sentences: Vec<Span> = sentences
        .iter()
        .filter_map(|s| match (s.0 < end, s.1 > end) {
            (true, true) => Some(Span(end, s.1)),
            (true, false) if s.1 <= d.span.0 => Some(*s),
            (true, false) => None,
            _ => Some(*s),
        })
        .collect();
    let inside = |m: &Mention| m.span.0 >= d.span.0 && m.span.1 <= d.span.1;
    let (mut quotes, cut) = if entities.iter().any(|e| e.mentions.iter().all(inside)) {
        let kept: Vec<Entity> = entities.iter().filter(|e| !e.mentions.iter().all(inside)).cloned().collect();
        find(&sentences, &kept)
    } else {
        find(&sentences, entities)
    };
    quotes.retain(|q| q.span.0 >= d.span.1 || q.span.1 <= d.span.0);
    (quotes, cut)
}

/// The dates and clock times printed in the lead, as time expressions, where the time stage
/// did not already find them (`15.4.09`, `18:20hrs`, `| 08:05 PM` beside a byline date).
fn add_lead_times(times: &mut Vec<TimeExpr>, text: &str, lead: &Lead) {
    let overlaps = |times: &[TimeExpr], s: Span| times.iter().any(|t| t.span.0 < s.1 && s.0 < t.span.1);
    let mut added = false;
    for d in &lead.dates {
        if !overlaps(times, d.span) {
            if let Some(t) = d.span.slice(text) {
                times.push(TimeExpr { text: t.to_string(), value: iso(d.date), span: d.span });
                added = true;
            }
        }
        if let Some((span, h, m)) = d.time {
            if !overlaps(times, span) {
                if let Some(t) = span.slice(text) {
                    let value = format!("{}T{h:02}:{m:02}", iso(d.date));
                    times.push(TimeExpr { text: t.to_string(), value, span });
                    added = true;
                }
            }
        }
    }
    if added {
        times.sort_by_key(|t| (t.span.0, t.span.1));
    }
}

/// What the record says of the lead: the spans it found.
fn lead_record(lead: &Lead) -> Option<LeadBlock> {
    let block = LeadBlock {
        body_start: lead.body_start,
        title: lead.title,
        byline: lead.byline.as_ref().map(|b| b.span),
        dates: lead.dates.iter().map(|d| d.span).collect(),
    };
    (block.body_start > 0 || block.title.is_some() || block.byline.is_some() || !block.dates.is_empty())
        .then_some(block)
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
