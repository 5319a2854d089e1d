//! Helpers shared by the dateline tests (`dateline.rs`: the parser alone; `dateline_forms.rs`:
//! the lead-aware finder the analysis uses).

use std::sync::OnceLock;

use dateline_analyze::{Dateline, Resources};

/// The embedded resources, loaded once per test binary.
pub fn res() -> &'static Resources {
    static R: OnceLock<Resources> = OnceLock::new();
    R.get_or_init(|| Resources::embedded().expect("embedded resources load"))
}

/// Checks a dateline found in `text`: place, country, sources, date, and the text its span covers.
#[track_caller]
pub fn expect_dateline(
    found: Option<Dateline>,
    text: &str,
    place: &str,
    country: Option<&str>,
    sources: &[&str],
    date: Option<&str>,
    span_text: &str,
) {
    let d = found.unwrap_or_else(|| panic!("no dateline in {text:?}"));
    assert_eq!(d.place.as_deref(), Some(place), "place in {text:?}");
    assert_eq!(d.country.as_deref(), country, "country in {text:?}");
    assert_eq!(d.sources, sources, "sources in {text:?}");
    assert_eq!(d.date.as_deref(), date, "date in {text:?}");
    assert_eq!(&text[d.span.0..d.span.1], span_text, "span in {text:?}");
}
