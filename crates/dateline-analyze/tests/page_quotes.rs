//! Quotes on pages as they come: reported speech that ends its paragraph before a quoted one,
//! and the dateline's agency, which is never a speaker. Our own sentences, invented people.

use std::sync::OnceLock;

use dateline_analyze::{analyze, Resources};
use dateline_text::{Document, Format, Metadata, SourceRef};

fn res() -> &'static Resources {
    static R: OnceLock<Resources> = OnceLock::new();
    R.get_or_init(|| Resources::embedded().expect("embedded resources load"))
}

fn quotes(text: &str) -> Vec<(String, Option<String>, String)> {
    let prepared = dateline_text::prepare(text.as_bytes(), &Default::default(), 0).expect("prepared");
    let source = SourceRef { path: Some("t.txt".into()), url: None, format: Format::Text, record: None };
    let a = analyze(&Document::new(prepared, Metadata::default(), source), res());
    a.quotes.into_iter().map(|q| (q.kind.to_string(), q.speaker_name, q.content)).collect()
}

#[test]
fn reported_speech_before_a_quoted_paragraph_is_kept() {
    let q = quotes(
        "The city council will not raise the ferry fares this year, Deputy Mayor Anna Belova said.\n\n\
         \"It is a fair deal for everyone,\" she said.\n",
    );
    assert!(
        q.iter().any(|(k, s, c)| k == "indirect"
            && s.as_deref() == Some("Anna Belova")
            && c.starts_with("The city council will not raise")),
        "{q:?}"
    );
    assert!(q.iter().any(|(k, _, c)| k == "direct" && c.starts_with("It is a fair deal")), "{q:?}");
}

#[test]
fn the_dateline_agency_is_no_speaker() {
    let q = quotes(
        "Ferry fares to stay\n\nOSLO, May 4 (Nordwire) - The council will keep the fares, Deputy Mayor \
         Anna Belova said.\n\n\"The port is busy, it knows what a rise would cost,\" she said.\n",
    );
    for (_, s, c) in &q {
        assert_ne!(s.as_deref(), Some("Nordwire"), "{q:?}");
        assert!(!c.contains("May 4"), "{q:?}");
    }
    assert!(q.iter().any(|(_, s, c)| s.as_deref() == Some("Anna Belova") && c.starts_with("The council")), "{q:?}");
}

#[test]
fn a_connective_before_a_pronoun_is_no_speaker() {
    let q = quotes(
        "Deputy Mayor Anna Belova said the port would stay open all summer.\n\n\
         However, she added that the night ferries would stop in August.\n",
    );
    let added = q.iter().find(|(_, _, c)| c.contains("night ferries")).expect("the added clause");
    assert_eq!(added.1.as_deref(), Some("Anna Belova"), "{q:?}");
}

#[test]
fn a_headline_before_the_dateline_keeps_its_attribution() {
    let q = quotes(
        "Port Chief Says Ferry Traffic Will Recover\n\nOSLO, May 4 (Nordwire) - The harbour reopened on \
         Monday after the storm, Deputy Mayor Anna Belova said.\n",
    );
    assert!(q.iter().any(|(k, _, c)| k == "indirect" && c == "Ferry Traffic Will Recover"), "{q:?}");
    // The dateline itself is still no one's words.
    for (_, s, c) in &q {
        assert_ne!(s.as_deref(), Some("Nordwire"), "{q:?}");
        assert!(!c.contains("May 4"), "{q:?}");
    }
}
