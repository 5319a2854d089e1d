//! Wire datelines in the styles news sites and agencies use. The sentences after the datelines
//! are our own.

use std::sync::OnceLock;

use dateline_analyze::{parse_dateline, Dateline, Resources, Span};
use proptest::prelude::*;

fn res() -> &'static Resources {
    static R: OnceLock<Resources> = OnceLock::new();
    R.get_or_init(|| Resources::embedded().expect("embedded resources load"))
}

fn parse(text: &str, reference: Option<&str>) -> Option<Dateline> {
    parse_dateline(text, res(), reference)
}

/// Parses and checks place, country, sources, date, and the text the span covers.
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
    let d = parse(text, reference).unwrap_or_else(|| panic!("no dateline in {text:?}"));
    assert_eq!(d.place.as_deref(), Some(place), "place in {text:?}");
    assert_eq!(d.country.as_deref(), country, "country in {text:?}");
    assert_eq!(d.sources, sources, "sources in {text:?}");
    assert_eq!(d.date.as_deref(), date, "date in {text:?}");
    assert_eq!(&text[d.span.0..d.span.1], span_text, "span in {text:?}");
}

#[test]
fn urdupoint_sputnik_without_dash() {
    let text = "MOSCOW (UrduPoint News / Sputnik - 18th September, 2019) The talks in the capital \
                ended without a joint statement.";
    check(
        text,
        Some("2019-09-18"),
        "Moscow",
        Some("RU"),
        &["UrduPoint News", "Sputnik"],
        Some("2019-09-18"),
        "MOSCOW (UrduPoint News / Sputnik - 18th September, 2019)",
    );
    assert_eq!(parse(text, None).map(|d| d.span), Some(Span(0, 56)));
}

#[test]
fn reuters_credit() {
    check(
        "WASHINGTON (Reuters) - Lawmakers returned to the budget on Tuesday.",
        Some("2019-09-18"),
        "Washington",
        Some("US"),
        &["Reuters"],
        None,
        "WASHINGTON (Reuters) -",
    );
}

#[test]
fn country_qualifier_and_em_dash() {
    check(
        "KABUL, Afghanistan (AP) \u{2014} A bus carrying workers overturned near the city.",
        None,
        "Kabul",
        Some("AF"),
        &["AP"],
        None,
        "KABUL, Afghanistan (AP) \u{2014}",
    );
}

#[test]
fn pakistan_point_news_with_colon() {
    check(
        "ISLAMABAD, Jul 2 (UrduPoint / Pakistan Point News - 2nd Jul, 2021 ) : The committee met \
         on Friday.",
        Some("2021-07-02"),
        "Islamabad",
        Some("PK"),
        &["UrduPoint", "Pakistan Point News"],
        Some("2021-07-02"),
        "ISLAMABAD, Jul 2 (UrduPoint / Pakistan Point News - 2nd Jul, 2021 ) :",
    );
}

#[test]
fn afp_with_month_day() {
    check(
        "PARIS, March 3 (AFP) - Rail workers walked out for a second day.",
        Some("2020-03-04"),
        "Paris",
        Some("FR"),
        &["AFP"],
        Some("2020-03-03"),
        "PARIS, March 3 (AFP) -",
    );
}

#[test]
fn reuters_1987_style() {
    check(
        "LONDON, Feb 26 - Sterling eased in quiet trading.",
        Some("1987-02-26"),
        "London",
        Some("GB"),
        &[],
        Some("1987-02-26"),
        "LONDON, Feb 26 -",
    );
    check(
        "NEW YORK, Feb 26 - Shares closed higher.",
        Some("1987-02-26"),
        "New York",
        Some("US"),
        &[],
        Some("1987-02-26"),
        "NEW YORK, Feb 26 -",
    );
    check(
        "SAN SALVADOR, Feb 26 - Coffee growers met.",
        Some("1987-02-26"),
        "San Salvador",
        Some("SV"),
        &[],
        Some("1987-02-26"),
        "SAN SALVADOR, Feb 26 -",
    );
    check(
        "    SALVADOR, Feb 26 - Showers continued.",
        Some("1987-02-26"),
        "Salvador",
        Some("BR"),
        &[],
        Some("1987-02-26"),
        "SALVADOR, Feb 26 -",
    );
}

#[test]
fn double_dash_after_country() {
    check(
        "BEIRUT, Lebanon -- Power cuts spread across the city.",
        None,
        "Beirut",
        Some("LB"),
        &[],
        None,
        "BEIRUT, Lebanon --",
    );
}

#[test]
fn saint_abbreviation() {
    check(
        "ST. LOUIS (Reuters) - The brewer raised its prices.",
        None,
        "St. Louis",
        Some("US"),
        &["Reuters"],
        None,
        "ST. LOUIS (Reuters) -",
    );
}

#[test]
fn title_case_tass_day_month() {
    check(
        "Moscow, 18 September (TASS) \u{2013} The ministry published its figures.",
        Some("2019-09-19"),
        "Moscow",
        Some("RU"),
        &["TASS"],
        Some("2019-09-18"),
        "Moscow, 18 September (TASS) \u{2013}",
    );
}

#[test]
fn us_state_abbreviations() {
    check(
        "SPRINGFIELD, Ill. (AP) \u{2014} The governor signed the bill.",
        None,
        "Springfield",
        Some("US"),
        &["AP"],
        None,
        "SPRINGFIELD, Ill. (AP) \u{2014}",
    );
    check(
        "TORRANCE, Calif., March 4 - The company said sales rose.",
        Some("1987-03-04"),
        "Torrance",
        Some("US"),
        &[],
        Some("1987-03-04"),
        "TORRANCE, Calif., March 4 -",
    );
    // A town too small for the gazetteer still gets its state's country.
    check(
        "SUFFIELD, Conn., Feb 26 - The board approved the plan.",
        Some("1987-02-26"),
        "Suffield",
        Some("US"),
        &[],
        Some("1987-02-26"),
        "SUFFIELD, Conn., Feb 26 -",
    );
}

#[test]
fn loose_punctuation() {
    // Date after the state without a comma; period dropped from the state; stray comma.
    let d = parse("ANGLETON, Tex. March 3 - The plant restarted.", Some("1987-03-03")).expect("no comma before date");
    assert_eq!(d.date.as_deref(), Some("1987-03-03"));
    assert_eq!(d.country.as_deref(), Some("US"));
    let d = parse("CAPE CANAVERAL, Fla, Feb 26 - The launch slipped.", Some("1987-02-26")).expect("Fla without period");
    assert_eq!(d.country.as_deref(), Some("US"));
    let d = parse("CHICAGO, March 4, - Futures rose.", Some("1987-03-04")).expect("stray comma");
    assert_eq!(d.date.as_deref(), Some("1987-03-04"));
    // A comma before the credit; a filing time in the credit.
    let d =
        parse("SAN FRANCISCO, January 01, (THEWILL) \u{2013} Text.", Some("2020-01-01")).expect("comma before credit");
    assert_eq!(d.sources, ["THEWILL"]);
    let d = parse("BEIRUT, LEBANON (10:00 A.M.) \u{2013} Text.", None).expect("filing time");
    assert_eq!((d.place.as_deref(), d.country.as_deref()), (Some("Beirut"), Some("LB")));
    // An unknown title-case town with a known province and a date.
    let d = parse("Scarborough, Ontario, Feb 26 - The council voted.", Some("1987-02-26"))
        .expect("title case, known province");
    assert_eq!(d.country.as_deref(), Some("CA"));
}

#[test]
fn hyphenated_place_and_country() {
    check(
        "PORT-AU-PRINCE, Haiti (AP) \u{2014} Fuel trucks reached the port.",
        None,
        "Port-au-Prince",
        Some("HT"),
        &["AP"],
        None,
        "PORT-AU-PRINCE, Haiti (AP) \u{2014}",
    );
}

#[test]
fn exonym_keeps_its_spelling() {
    check(
        "PEKING, March 1 - Officials announced a new grain target.",
        Some("1987-03-02"),
        "Peking",
        Some("CN"),
        &[],
        Some("1987-03-01"),
        "PEKING, March 1 -",
    );
}

#[test]
fn year_from_reference() {
    // Late December read in early January is last year's.
    let d = parse("LONDON, Dec 30 - Markets were closed.", Some("2020-01-02"));
    assert_eq!(d.and_then(|d| d.date).as_deref(), Some("2019-12-30"));
    // No reference and no year: no date.
    let d = parse("LONDON, Dec 30 - Markets were closed.", None);
    assert_eq!(d.map(|d| d.date), Some(None));
    // Written year wins over the reference.
    let d = parse("PARIS, Sept. 18, 2019 (AP) - Text.", Some("2020-01-01"));
    assert_eq!(d.and_then(|d| d.date).as_deref(), Some("2019-09-18"));
}

#[test]
fn agency_lists() {
    let d = parse("BERLIN (dpa) - Text.", None).expect("dpa");
    assert_eq!(d.sources, ["dpa"]);
    let d = parse("NAIROBI, Kenya (Reuters, AP) - Text.", None).expect("two agencies");
    assert_eq!(d.sources, ["Reuters", "AP"]);
    assert_eq!(d.country.as_deref(), Some("KE"));
    let d = parse("PARIS (Agence France-Presse) - Text.", None).expect("AFP long");
    assert_eq!(d.sources, ["Agence France-Presse"]);
}

#[test]
fn georgia_the_state_and_the_country() {
    let d = parse("ATLANTA, Georgia (AP) - Text.", None).expect("Atlanta");
    assert_eq!(d.country.as_deref(), Some("US"));
    let d = parse("TBILISI, Georgia (AP) - Text.", None).expect("Tbilisi");
    assert_eq!(d.country.as_deref(), Some("GE"));
}

#[test]
fn not_datelines() {
    for text in [
        "The presence of US forces in Syria is worsening the situation, an official said.",
        "WASHINGTON officials said on Monday that talks would resume.",
        "Moscow, the capital, was quiet on Sunday.",
        "Moscow - the capital - was quiet.",
        "Georgia (the country) held elections.",
        "BREAKING - The minister has resigned.",
        "UPDATE: Figures revised.",
        "In LONDON, Feb 26 - shares fell.",
        "A - B testing is common.",
        "NATO allies met in Brussels on Tuesday.",
        "Iran, Russia: talks resume",
        "READ MORE: Vancouver police change tone",
        "RELATED: The biggest stories of the year",
        "",
        "   ",
        "LONDON",
        "LONDON, ",
        "PARIS (",
        "PARIS (Reuters",
    ] {
        assert_eq!(parse(text, Some("2019-09-18")), None, "{text:?}");
    }
}

#[test]
fn bare_capitals_need_a_known_place() {
    let d = parse("BEIRUT \u{2014} Power cuts spread across the city.", None).expect("Beirut");
    assert_eq!(d.country.as_deref(), Some("LB"));
    assert!(parse("NOWHEREVILLE \u{2014} Something happened.", None).is_none());
    let d = parse("NEW DELHI: The cabinet met on Monday.", None).expect("colon form");
    assert_eq!(d.place.as_deref(), Some("New Delhi"));
    assert_eq!(d.country.as_deref(), Some("IN"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_and_spans_are_char_boundaries(s in "\\PC{0,300}") {
        if let Some(d) = parse(&s, Some("2019-09-18")) {
            prop_assert!(d.span.0 <= d.span.1 && d.span.1 <= s.len());
            prop_assert!(s.get(d.span.0..d.span.1).is_some());
        }
    }

    #[test]
    fn dateline_like_inputs(
        place in "[A-Z][A-Z .'-]{0,20}",
        sep in "(, |,| )",
        mid in "[A-Za-z0-9 ,./-]{0,30}",
        credit in "(\\([^()]{0,40}\\))?",
        dash in "( -| --| \u{2014}|:|)",
        rest in "\\PC{0,40}",
    ) {
        let s = format!("{place}{sep}{mid}{credit}{dash}{rest}");
        if let Some(d) = parse(&s, None) {
            prop_assert!(d.span.1 <= s.len());
            prop_assert!(s.get(d.span.0..d.span.1).is_some());
            prop_assert!(d.place.is_some());
        }
    }
}
