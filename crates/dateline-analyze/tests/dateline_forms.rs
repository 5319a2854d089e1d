//! Wire dateline forms as they come on real pages: agency before or after the date, any case,
//! `CITY :`, `City - `, slashed credits, qualifiers that decide the country, misspelt months,
//! star prefixes, and datelines after a page's lead (headline, byline, date lines). Every
//! sentence here is our own, with invented people.

mod common;

use common::{expect_dateline, res};
use dateline_analyze::{analyze, find_dateline, lead_spans, Dateline};
use dateline_text::{Document, Format, Metadata, SourceRef};
use proptest::prelude::*;

fn find(text: &str, reference: Option<&str>) -> Option<Dateline> {
    find_dateline(text, res(), reference)
}

/// Finds and checks place, country, sources, date, and the text the span covers.
#[track_caller]
fn check(
    text: &str,
    reference: Option<&str>,
    place: &str,
    country: Option<&str>,
    sources: &[&str],
    date: Option<&str>,
    span_text: &str,
) {
    expect_dateline(find(text, reference), text, place, country, sources, date, span_text);
}

fn doc(text: &str) -> Document {
    let prepared = dateline_text::prepare(text.as_bytes(), &Default::default(), 0).expect("prepared");
    let source = SourceRef { path: Some("t.txt".into()), url: None, format: Format::Text, record: None };
    Document::new(prepared, Metadata::default(), source)
}

#[test]
fn agency_in_parentheses_after_the_date() {
    check(
        "MINSK, December 27 (Itar-Tass) - The mill will close for a week, its director Pavel Orlik said.",
        Some("2006-12-28"),
        "Minsk",
        Some("BY"),
        &["Itar-Tass"],
        Some("2006-12-27"),
        "MINSK, December 27 (Itar-Tass) -",
    );
    check(
        "ATHENS, June 29 (Reuters) - Ferry workers ended their strike on Thursday, the union said.",
        Some("2011-06-30"),
        "Athens",
        Some("GR"),
        &["Reuters"],
        Some("2011-06-29"),
        "ATHENS, June 29 (Reuters) -",
    );
}

#[test]
fn agency_after_the_date_without_parentheses() {
    check(
        "YEREVAN, AUGUST 12, ARMENPRESS: The minister of roads Aram Velyan said the bridge would reopen.",
        Some("2008-08-13"),
        "Yerevan",
        Some("AM"),
        &["ARMENPRESS"],
        Some("2008-08-12"),
        "YEREVAN, AUGUST 12, ARMENPRESS:",
    );
    check(
        "Tehran, Oct 14, IRNA -- The cabinet approved the new port budget, a spokesman said on Monday.",
        None,
        "Tehran",
        Some("IR"),
        &["IRNA"],
        None,
        "Tehran, Oct 14, IRNA --",
    );
}

#[test]
fn slashed_credit_after_the_date() {
    check(
        "YEREVAN, June 21. /ARKA/. The bank cut its main rate by a quarter point, its board said.",
        Some("2012-06-22"),
        "Yerevan",
        Some("AM"),
        &["ARKA"],
        Some("2012-06-21"),
        "YEREVAN, June 21. /ARKA/.",
    );
}

#[test]
fn place_and_colon_or_dash_alone() {
    check(
        "SINGAPORE : The port authority said on Tuesday that it would extend the night shifts.",
        None,
        "Singapore",
        Some("SG"),
        &[],
        None,
        "SINGAPORE :",
    );
    check(
        "RAWALPINDI: A new bus line will link the old city to the airport, officials said.",
        None,
        "Rawalpindi",
        Some("PK"),
        &[],
        None,
        "RAWALPINDI:",
    );
    check(
        "Paris - A spokesman for the opposition on Tuesday accused the government of delays.",
        None,
        "Paris",
        Some("FR"),
        &[],
        None,
        "Paris -",
    );
    check(
        "PARIS (AFP) - The strike at the airports ended overnight.",
        None,
        "Paris",
        Some("FR"),
        &["AFP"],
        None,
        "PARIS (AFP) -",
    );
}

#[test]
fn lowercase_datelines() {
    check(
        "omaha, april 7 - The county board voted to repave the river road, its chairman said.",
        Some("2015-04-08"),
        "Omaha",
        Some("US"),
        &[],
        Some("2015-04-07"),
        "omaha, april 7 -",
    );
}

#[test]
fn the_qualifier_decides_the_country() {
    check(
        "HAMILTON, Montana, March 24 - The sawmill will hire forty workers, its owner said.",
        Some("2014-03-25"),
        "Hamilton",
        Some("US"),
        &[],
        Some("2014-03-24"),
        "HAMILTON, Montana, March 24 -",
    );
    // A town the gazetteer does not know still takes its qualifier's country.
    let d =
        find("QUARRYVALE, Montana, March 24 - The school reopened on Monday.", Some("2014-03-25")).expect("dateline");
    assert_eq!(d.country.as_deref(), Some("US"));
}

#[test]
fn misspelt_months() {
    check(
        "LONDON, Marc 3 (Reuters) - Bus fares will rise next month, the city said.",
        Some("1987-03-04"),
        "London",
        Some("GB"),
        &["Reuters"],
        Some("1987-03-03"),
        "LONDON, Marc 3 (Reuters) -",
    );
    check(
        "TOKYO, Junee 2 - The central bank left its rate unchanged, a spokesman said.",
        Some("1987-06-03"),
        "Tokyo",
        Some("JP"),
        &[],
        Some("1987-06-02"),
        "TOKYO, Junee 2 -",
    );
}

#[test]
fn star_prefixes() {
    check(
        "****BRUSSELS, Feb 3 (Reuters) - The ministers agreed a new fishing quota.",
        Some("1987-02-04"),
        "Brussels",
        Some("BE"),
        &["Reuters"],
        Some("1987-02-03"),
        "BRUSSELS, Feb 3 (Reuters) -",
    );
}

#[test]
fn lowercase_agency_in_parentheses() {
    let d =
        find("BERLIN (dts Nachrichtenagentur) \u{2013} Die Stadt baut eine neue Br\u{fc}cke.", None).expect("dateline");
    assert_eq!(d.place.as_deref(), Some("Berlin"));
    assert_eq!(d.sources, ["dts Nachrichtenagentur"]);
}

#[test]
fn dateline_after_a_headline_and_byline() {
    let text = "Harbour News\n\nCity to widen the ferry channel, says minister\n\nBy Jane Roe, Example News\n\
                9 March 2016\n\nLISBON : Transport minister Rui Falcao said on Wednesday the channel would be \
                widened before the summer.\n";
    let d = find(text, None).expect("dateline after the lead");
    assert_eq!(d.place.as_deref(), Some("Lisbon"));
    let a = analyze(&doc(text), res());
    let d = a.dateline.expect("dateline");
    // The byline's agency credits the dateline, and the lead's date dates it.
    assert_eq!(d.sources, ["Example News"]);
    assert_eq!(d.date.as_deref(), Some("2016-03-09"));
    assert_eq!(a.published.as_deref(), Some("2016-03-09"));
    assert_eq!(a.author.as_deref(), Some("Jane Roe"));
    assert_eq!(a.title.as_deref(), Some("City to widen the ferry channel, says minister"));
    assert!(a.times.iter().any(|t| t.value == "2016-03-09" && t.text.contains("Wednesday")));
}

#[test]
fn dateline_after_a_standfirst() {
    let text = "Bridge repairs to finish early\n\n\
                The city's main bridge will reopen a month early, the transport office said on Friday.\n\n\
                OSLO, May 6 (Reuters) - The city's main bridge will reopen a month early, the transport office \
                said on Friday, after crews worked through the winter.\n";
    let d = find(text, Some("2016-05-07")).expect("dateline in the second paragraph");
    assert_eq!(d.place.as_deref(), Some("Oslo"));
    assert_eq!(d.date.as_deref(), Some("2016-05-06"));
}

#[test]
fn mastheads_and_section_paths_are_not_datelines() {
    assert!(find("NEWSWIRE - The Daily Agency Service\n\nOfficials said nothing.", None).is_none());
    assert!(find("World / Europe\n\nThe talks ended on Friday without a deal.", None).is_none());
    // Deep in the body, a place opening a paragraph is not a dateline.
    let body = "The mayor spoke first and at length about the port and its plans for the year.\n\n\
                The council answered with a long list of questions about money and the schedule.\n\n\
                Her deputy then read the budget line by line to the members of the council.\n\n\
                LONDON, March 3 - This paragraph is deep in the body.";
    assert!(find(body, None).is_none());
}

#[test]
fn a_date_line_dates_a_dateline_without_a_year() {
    let text = "Aug 3, 2009\nKIEV, August 3 (Reuters) - The grain harvest started early this year, the ministry said.";
    let d = find(text, None).expect("dateline");
    assert_eq!(d.date.as_deref(), Some("2009-08-03"));
}

#[test]
fn undated_stays_undated() {
    let a = analyze(&doc("Tehran, Oct 14, IRNA -- The cabinet met on Monday to approve the budget."), res());
    assert_eq!(a.published, None);
    assert_eq!(a.dateline.and_then(|d| d.date), None);
    assert!(a.times.is_empty(), "no relative time without a date: {:?}", a.times);
}

#[test]
fn the_dateline_is_not_part_of_a_quote() {
    let text = "ATHENS, June 29 (Reuters) - The port will stay open all summer, harbour master Nikos Varvas said.";
    let a = analyze(&doc(text), res());
    let d = a.dateline.expect("dateline");
    for q in &a.quotes {
        assert!(q.span.0 >= d.span.1, "quote {:?} overlaps the dateline", q.content);
        assert!(!q.content.contains("Reuters"));
        if let Some(m) = &q.speaker_mention {
            assert!(m.span.0 >= d.span.1, "speaker {:?} inside the dateline", m.text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Lead parsing reports spans only: each slices the text on char boundaries, and the body
    /// start is a char boundary within it.
    #[test]
    fn lead_spans_slice_the_text(lines in prop::collection::vec(
        prop_oneof![
            Just("By Jane Roe, Example News".to_string()),
            Just("5 Nov 2013 at 18:20hrs | Views".to_string()),
            Just("DATE: 04/01/2007".to_string()),
            Just("Updated: 21.06.2010 14:05".to_string()),
            Just("LISBON, May 6 (Reuters) - The minister said the plan works.".to_string()),
            Just("Home > World".to_string()),
            Just("".to_string()),
            "[A-Za-z0-9 ,.:/()\u{e9}\u{2014}-]{0,90}",
        ], 0..10)) {
        let text = lines.join("\n");
        let (spans, body) = lead_spans(&text, res());
        prop_assert!(text.is_char_boundary(body) && body <= text.len());
        for s in spans {
            prop_assert!(s.0 <= s.1 && text.get(s.0..s.1).is_some(), "span {:?} of {:?}", s, text);
        }
    }

    /// Unwrapping changes only the bytes it reports, each a `\n` become a space.
    #[test]
    fn unwrapping_changes_only_what_it_reports(words in prop::collection::vec("[a-z\u{e9}]{1,9}|\n|\n\n", 0..200)) {
        let text = words.join(" ").replace(" \n", "\n").replace("\n ", "\n");
        match dateline_text::unwrap::unwrap(&text) {
            None => {}
            Some((out, joins)) => {
                prop_assert_eq!(out.len(), text.len());
                let (a, b) = (text.as_bytes(), out.as_bytes());
                for i in 0..a.len() {
                    if joins.binary_search(&i).is_ok() {
                        prop_assert_eq!((a[i], b[i]), (b'\n', b' '));
                    } else {
                        prop_assert_eq!(a[i], b[i]);
                    }
                }
            }
        }
    }
}

#[test]
fn unknown_title_case_town_with_a_known_region() {
    let d =
        find("Scarborough, Ontario, Feb 26 - The plant will add a night shift.", Some("1987-02-27")).expect("dateline");
    assert_eq!(d.country.as_deref(), Some("CA"));
}
