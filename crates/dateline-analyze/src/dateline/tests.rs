use super::*;
use crate::dates::MonthDay;

#[test]
fn prefix_respects_char_boundaries() {
    let s = "é".repeat(150);
    let p = prefix(&s, WINDOW);
    assert!(p.len() <= WINDOW);
    assert!(s.is_char_boundary(p.len()));
    assert_eq!(prefix("short", WINDOW), "short");
}

#[test]
fn prefers_a_date_with_a_year() {
    let no_year = DatePhrase::Date(MonthDay { year: None, month: 7, day: 2 });
    let year = DatePhrase::Date(MonthDay { year: Some(2021), month: 7, day: 2 });
    assert_eq!(pick_date(&[no_year, year]), Some(year));
    assert_eq!(pick_date(&[no_year]), Some(no_year));
    assert_eq!(pick_date(&[]), None);
}

#[test]
fn empty_resources_still_parse_caps_datelines() {
    // Without a gazetteer, a capitals dateline with a credit is still found (unresolved).
    let r = Resources::default();
    let d = parse_dateline("WILLOWBECK, Conn., May 8 - Text", &r, Some("2022-05-08")).expect("dateline");
    assert_eq!(d.place.as_deref(), Some("Willowbeck"));
    assert_eq!(d.country, None);
    assert_eq!(d.date.as_deref(), Some("2022-05-08"));
    assert!(parse_dateline("PARIS - Text", &r, None).is_none());
}

#[test]
fn too_much_leading_space() {
    let r = Resources::default();
    let text = format!("{}LONDON, Feb 26 - Text", " ".repeat(100));
    assert!(parse_dateline(&text, &r, None).is_none());
}

/// Regression: a dash lost to a misread charset (U+FFFD) still closes the dateline.
#[test]
fn replacement_character_closes_a_dateline() {
    let r = Resources::default();
    let d = parse_dateline("NAIROBI, Kenya \u{FFFD} Talks resumed on Monday.", &r, None).expect("dateline");
    assert_eq!(d.place.as_deref(), Some("Nairobi"));
    assert_eq!(d.span, crate::Span(0, "NAIROBI, Kenya \u{FFFD}".len()));
    assert!(parse_dateline("NAIROBI\u{FFFD}s talks resumed.", &r, None).is_none());
}

#[test]
fn a_credit_alone_opens_a_story_with_no_place() {
    let r = Resources::embedded().expect("resources");
    let parse = |t: &str| parse_dateline(t, &r, None);
    let d = parse("(CNN) \u{2014} The harbour reopened on Monday.").expect("(CNN) —");
    assert_eq!((d.place, d.sources, d.span), (None, vec!["CNN".to_string()], crate::Span(0, "(CNN) \u{2014}".len())));
    let d = parse("(CNN)The harbour reopened on Monday.").expect("(CNN)The");
    assert_eq!((d.sources, d.span), (vec!["CNN".to_string()], crate::Span(0, 5)));
    let d = parse("(AP) - Pilots said the pier was safe.").expect("(AP) -");
    assert_eq!(d.sources, vec!["AP".to_string()]);
    // A known agency written in full, with a dash.
    let d = parse("(Reuters) - Pilots said the pier was safe.").expect("(Reuters) -");
    assert_eq!(d.sources, vec!["Reuters".to_string()]);
    // Labels, remarks and words that are no credit.
    for text in [
        "(VIDEO) - The harbour reopened on Monday.",
        "(Updated) The harbour reopened on Monday.",
        "(Harbour Board) The pier reopened on Monday.",
        "(AP) the pier reopened.",
        "(This story was corrected.) The pier reopened.",
        "(CNN",
    ] {
        assert!(parse(text).is_none(), "{text}");
    }
}
