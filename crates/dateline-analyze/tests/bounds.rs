//! Bounded output on adversarial articles, generated at test time (`dateline_analyze::adversarial`):
//! what comes out grows linearly with what goes in, every cap is reported in
//! `truncated_stages`, and ordinary text is never cut. Sizes and counts are asserted, never time
//! (speed is measured in docs/BENCHMARKS.md).

use std::sync::LazyLock;

use dateline_analyze::adversarial::{acronym_storm, capitalised_run, mention_storm, news_like, quote_storm};
use dateline_analyze::{
    analyze, entity_work, Analysis, Resources, Stage, BYTES_PER_QUOTE, MAX_MENTIONS_BASE, MAX_QUOTE_CONTENT_BYTES,
    QUOTES_BASE, QUOTE_CONTENT_SLACK, TEXT_BYTES_PER_MENTION,
};
use dateline_ingest::{text_record, Limits};

static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::embedded().expect("embedded resources"));

fn run(text: &str) -> (Analysis, usize) {
    let doc = text_record("bounds.txt", text.as_bytes().to_vec()).into_document(&Limits::default()).expect("document");
    let a = analyze(&doc, &RESOURCES);
    let json = serde_json::to_string(&a).expect("json");
    (a, json.len())
}

fn assert_within_caps(a: &Analysis) {
    let n = a.text.len();
    assert!(a.quotes.len() <= QUOTES_BASE + n / BYTES_PER_QUOTE, "{} quotes", a.quotes.len());
    assert!(a.quotes.iter().all(|q| q.content.len() <= MAX_QUOTE_CONTENT_BYTES));
    let content: usize = a.quotes.iter().map(|q| q.content.len()).sum();
    assert!(content <= n + QUOTE_CONTENT_SLACK, "{content} bytes of quote content for {n} of text");
    let mentions: usize = a.entities.iter().map(|e| e.mentions.len()).sum();
    assert!(mentions <= MAX_MENTIONS_BASE + n / TEXT_BYTES_PER_MENTION, "{mentions} mentions");
    for (field, span) in a.spans() {
        assert!(a.text.get(span.0..span.1).is_some(), "{field} span {span:?} does not slice the text");
    }
}

/// The storm that made 18.76 GB of output from 650 KB: every reported clause ran to the end of
/// one unbounded sentence, so output grew with the square of the fragments.
#[test]
fn quote_storm_output_is_linear_and_reported() {
    let small = quote_storm(1_000);
    let large = quote_storm(8_000);
    let (a_small, out_small) = run(&small);
    let (a_large, out_large) = run(&large);
    for a in [&a_small, &a_large] {
        assert_within_caps(a);
        assert_eq!(a.truncated_stages, vec![Stage::Quotes], "the cut is recorded");
        assert!(!a.quotes.is_empty(), "analysed up to the cap, not dropped");
    }
    // Eight times the input, at most about eight times the output (quadratic would be 64).
    assert!(out_large <= 10 * out_small, "{out_small} -> {out_large} bytes");
    assert!(out_large <= 12 * large.len(), "{out_large} bytes of record for {} of text", large.len());
}

#[test]
fn mention_storm_is_bounded() {
    let (small, out_small) = run(&mention_storm(1_000));
    let text = mention_storm(4_000);
    let (a, out) = run(&text);
    for a in [&small, &a] {
        assert_within_caps(a);
        assert!(a.skipped_stages.is_empty() && !a.entities.is_empty(), "the English stages ran");
    }
    assert!(out <= 5 * out_small, "{out_small} -> {out} bytes for 4x the names");
    assert!(out <= 40 * text.len(), "{out} bytes of record for {} of text", text.len());
}

/// Ordinary prose is never cut, however long, and its record grows in proportion.
#[test]
fn news_like_text_is_not_truncated_and_grows_linearly() {
    let (a1, out1) = run(&news_like(50_000, 1));
    let (a4, out4) = run(&news_like(200_000, 1));
    for a in [&a1, &a4] {
        assert_within_caps(a);
        assert!(a.truncated_stages.is_empty(), "{:?}", a.truncated_stages);
        assert!(!a.entities.is_empty() && !a.quotes.is_empty() && !a.times.is_empty() && !a.amounts.is_empty());
    }
    let ratio = out4 as f64 / out1 as f64;
    assert!((3.0..5.0).contains(&ratio), "record size ratio {ratio} for 4x the text");
}

/// Nothing is added to the JSON of an ordinary record: `truncated_stages` appears only when set.
#[test]
fn truncated_stages_is_absent_when_nothing_was_cut() {
    let (a, _) = run("The council said on Monday that the bridge would reopen in May.\n");
    let json = serde_json::to_string(&a).expect("json");
    assert!(!json.contains("truncated_stages"), "{json}");
    let (storm, _) = run(&quote_storm(2_000));
    let json = serde_json::to_string(&storm).expect("json");
    assert!(json.contains("\"truncated_stages\":[\"quotes\"]"));
    let back: Analysis = serde_json::from_str(&json).expect("parses back");
    assert_eq!(back.truncated_stages, storm.truncated_stages);
}

/// The entity stage's search work (name propagation's tries, the surname index) on `text`.
fn work_of(text: &str) -> u64 {
    let before = entity_work();
    let (a, _) = run(text);
    assert_within_caps(&a);
    entity_work() - before
}

/// Distinct names: 4x the names is about 4x the search work (measured 5.25x: the rest is
/// occurrences really found, as more of the storm's single words become names of their own).
/// Searching each name over the text, as propagation did, is 16x.
#[test]
fn name_search_work_is_linear_in_distinct_names() {
    let small = work_of(&mention_storm(1_000));
    let large = work_of(&mention_storm(4_000));
    assert!(small > 1_000, "the searches are counted: {small}");
    let ratio = large as f64 / small as f64;
    assert!(ratio < 6.0, "{small} -> {large} steps for 4x the names (ratio {ratio:.2})");
}

/// Acronyms looking for their names: 4x the acronyms is about 4x the entity stage's work. The
/// acronym pass counts its candidate checks (from an index by initials; it used to compare every
/// acronym with every entity, 9.4 s of a debug run on 3,000 of them, now 1.7 s).
#[test]
fn acronyms_find_their_names_in_linear_work() {
    // The storm does what it is for: acronyms join the names they abbreviate.
    let (a, _) = run(&acronym_storm(200));
    let joined = a
        .entities
        .iter()
        .filter(|e| e.name.contains(' '))
        .filter(|e| e.mentions.iter().any(|m| a.text[m.span.0..m.span.1].bytes().all(|b| b.is_ascii_uppercase())))
        .count();
    assert!(joined >= 50, "{joined} organisations took their acronym");
    let small = work_of(&acronym_storm(1_000));
    let large = work_of(&acronym_storm(4_000));
    let ratio = large as f64 / small as f64;
    assert!(ratio < 6.0, "{small} -> {large} steps for 4x the acronyms (ratio {ratio:.2})");
}

/// A run of capitalised words (one long sentence of would-be names): 4x the text is about 4x the
/// work, where hashing every suffix of a long name grew with its square.
#[test]
fn a_run_of_capitalised_words_costs_linear_work() {
    let small = work_of(&capitalised_run(20_000));
    let large = work_of(&capitalised_run(80_000));
    assert!(small > 2_000, "the searches are counted: {small}");
    let ratio = large as f64 / small as f64;
    assert!(ratio < 5.0, "{small} -> {large} steps for 4x the text (ratio {ratio:.2})");
}

/// News-like text, whose names recur: the work stays proportional to the text too.
#[test]
fn name_search_work_on_news_like_text_is_linear() {
    let small = work_of(&news_like(50_000, 2));
    let large = work_of(&news_like(200_000, 2));
    let ratio = large as f64 / small as f64;
    assert!((3.0..5.0).contains(&ratio), "{small} -> {large} steps for 4x the text (ratio {ratio:.2})");
}

/// First-person speech without quote marks (`quotes/unquoted.rs`) in one unbroken paragraph:
/// every attribution turns its words direct and the first-person sentences after it continue
/// them, each sentence read once, so the record grows in proportion.
#[test]
fn unquoted_first_person_speech_in_one_paragraph_grows_linearly() {
    let para = |n: usize| {
        let mut s = String::new();
        for i in 0..n {
            s.push_str("We will not sell the harbour, the minister said. ");
            for _ in 0..(i % 4) {
                s.push_str("Our crews are ready and I will stand with them. ");
            }
        }
        s.push('\n');
        s
    };
    let (a_small, out_small) = run(&para(500));
    let (a_large, out_large) = run(&para(4_000));
    for a in [&a_small, &a_large] {
        assert_within_caps(a);
        assert!(a.quotes.iter().any(|q| q.kind == dateline_analyze::QuoteKind::Direct && q.cue.is_none()));
    }
    assert!(out_large <= 10 * out_small, "{out_small} -> {out_large} bytes");
}
