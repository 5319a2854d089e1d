//! Wire datelines in the styles news sites and agencies use. The sentences after the datelines
//! are our own.

mod common;

use common::{expect_dateline, res};
use dateline_analyze::{parse_dateline, Dateline, Span};
use proptest::prelude::*;

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
    expect_dateline(parse(text, reference), text, place, country, sources, date, span_text);
}

#[test]
fn two_outlets_with_an_ordinal_date_and_no_dash() {
    let text = "MOSCOW (Riverside Wire / Tass - 18th September, 2019) The talks in the capital \
                ended without a joint statement.";
    check(
        text,
        Some("2019-09-18"),
        "Moscow",
        Some("RU"),
        &["Riverside Wire", "Tass"],
        Some("2019-09-18"),
        "MOSCOW (Riverside Wire / Tass - 18th September, 2019)",
    );
    assert_eq!(parse(text, None).map(|d| d.span), Some(Span(0, 53)));
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
fn two_outlets_after_the_date_with_colon() {
    check(
        "ISLAMABAD, Jul 2 (Indus Desk / Capital Point News - 2nd Jul, 2021 ) : The committee met \
         on Friday.",
        Some("2021-07-02"),
        "Islamabad",
        Some("PK"),
        &["Indus Desk", "Capital Point News"],
        Some("2021-07-02"),
        "ISLAMABAD, Jul 2 (Indus Desk / Capital Point News - 2nd Jul, 2021 ) :",
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
fn place_month_day_dash_without_agency() {
    check(
        "LONDON, Nov 9 - The pound slipped as traders waited for the budget.",
        Some("2022-11-09"),
        "London",
        Some("GB"),
        &[],
        Some("2022-11-09"),
        "LONDON, Nov 9 -",
    );
    check(
        "NEW YORK, Nov 9 - Bond prices edged up in light dealing.",
        Some("2022-11-09"),
        "New York",
        Some("US"),
        &[],
        Some("2022-11-09"),
        "NEW YORK, Nov 9 -",
    );
    check(
        "SAN SALVADOR, Nov 9 - The bus drivers' union called off its strike.",
        Some("2022-11-09"),
        "San Salvador",
        Some("SV"),
        &[],
        Some("2022-11-09"),
        "SAN SALVADOR, Nov 9 -",
    );
    check(
        "    SALVADOR, Nov 9 - Fishing boats stayed in port for a third day.",
        Some("2022-11-09"),
        "Salvador",
        Some("BR"),
        &[],
        Some("2022-11-09"),
        "SALVADOR, Nov 9 -",
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
        "FRESNO, Calif., March 4 - The bakery chain said its orders doubled.",
        Some("2022-03-04"),
        "Fresno",
        Some("US"),
        &[],
        Some("2022-03-04"),
        "FRESNO, Calif., March 4 -",
    );
    // A town too small for the gazetteer still gets its state's country.
    check(
        "WILLOWBECK, Conn., Feb 26 - The school board approved the new bus routes.",
        Some("2022-02-26"),
        "Willowbeck",
        Some("US"),
        &[],
        Some("2022-02-26"),
        "WILLOWBECK, Conn., Feb 26 -",
    );
}

#[test]
fn loose_punctuation() {
    // Date after the state without a comma; period dropped from the state; stray comma.
    let d = parse("BEAUMONT, Tex. May 8 - The refinery restarted.", Some("2022-05-08")).expect("no comma before date");
    assert_eq!(d.date.as_deref(), Some("2022-05-08"));
    assert_eq!(d.country.as_deref(), Some("US"));
    let d = parse("TAMPA, Fla, May 8 - The port reopened.", Some("2022-05-08")).expect("Fla without period");
    assert_eq!(d.country.as_deref(), Some("US"));
    let d = parse("DENVER, May 9, - Ticket sales rose.", Some("2022-05-09")).expect("stray comma");
    assert_eq!(d.date.as_deref(), Some("2022-05-09"));
    // A comma before the credit; a filing time in the credit.
    let d =
        parse("SAN FRANCISCO, January 01, (THEWILL) \u{2013} Text.", Some("2020-01-01")).expect("comma before credit");
    assert_eq!(d.sources, ["THEWILL"]);
    let d = parse("BEIRUT, LEBANON (10:00 A.M.) \u{2013} Text.", None).expect("filing time");
    assert_eq!((d.place.as_deref(), d.country.as_deref()), (Some("Beirut"), Some("LB")));
    // An unknown title-case town with a known province and a date.
    let d = parse("Maplewick, Ontario, May 8 - The council voted.", Some("2022-05-08"))
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
        "PEKING, May 7 - Officials announced a new rail timetable.",
        Some("2022-05-08"),
        "Peking",
        Some("CN"),
        &[],
        Some("2022-05-07"),
        "PEKING, May 7 -",
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
        "The arrival of new ferries in the harbour is easing the queues, an official said.",
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
