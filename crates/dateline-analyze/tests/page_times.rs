//! Times seen wrong on real pages, in sentences of our own: clock times with a zone, year
//! ranges, dotted dates, and months joined by "or".

use chrono::NaiveDate;
use dateline_analyze::find_times;

fn times(text: &str, reference: &str) -> Vec<(String, String)> {
    let r = NaiveDate::parse_from_str(reference, "%Y-%m-%d").ok();
    find_times(text, r).into_iter().map(|t| (t.text, t.value)).collect()
}

fn has(got: &[(String, String)], text: &str, value: &str) -> bool {
    got.iter().any(|(t, v)| t == text && v == value)
}

#[test]
fn a_clock_time_with_a_zone_is_not_a_year() {
    let got = times("The ballot closed on Tuesday evening (2058 GMT), the board said.", "2008-11-05");
    assert!(has(&got, "2058 GMT", "2008-11-05T20:58"), "{got:?}");
    assert!(!got.iter().any(|(_, v)| v == "2058"), "{got:?}");
}

#[test]
fn a_postponed_meeting_looks_ahead_and_keeps_its_time() {
    let got = times("The vote was postponed until 15:00 GMT Saturday, the speaker said.", "2008-11-05");
    assert!(has(&got, "until 15:00 GMT Saturday", "2008-11-08T15:00"), "{got:?}");
}

#[test]
fn both_years_of_a_range() {
    let got = times("The budgets for 2009-2010 and for 1957-58 were both cut.", "2011-01-10");
    assert!(got.iter().any(|(_, v)| v == "2010"), "{got:?}");
    assert!(got.iter().any(|(_, v)| v == "1958"), "{got:?}");
}

#[test]
fn dotted_dates_are_day_first() {
    let got = times("Trading resumed on 15.4.09 and closed early on 21.06.2010.", "2011-01-10");
    assert!(has(&got, "15.4.09", "2009-04-15"), "{got:?}");
    assert!(has(&got, "21.06.2010", "2010-06-21"), "{got:?}");
}

#[test]
fn months_joined_by_or_share_a_year() {
    let got = times("The union hopes to resume in January or February talks with the firm.", "2006-12-27");
    let jan = got.iter().find(|(t, _)| t.contains("January")).map(|x| x.1.clone());
    let feb = got.iter().find(|(t, _)| t.contains("February")).map(|x| x.1.clone());
    assert_eq!(jan.as_deref().map(|v| &v[..4]), feb.as_deref().map(|v| &v[..4]), "{got:?}");
}

#[test]
fn a_dotted_clock_time_reads_its_minutes() {
    let got = times("The second vote came at 3.15 pm on Monday, the clerk said.", "2021-07-02");
    assert!(has(&got, "3.15 pm on Monday", "2021-06-28T15:15"), "{got:?}");
    // A decimal with no "am"/"pm" stays a number.
    let got = times("Prices rose 3.15 percent on Monday.", "2021-07-02");
    assert!(!got.iter().any(|(_, v)| v.contains('T')), "{got:?}");
}

#[test]
fn a_time_of_day_alone_takes_the_day_the_story_just_named() {
    let text = "Fire crews reached the depot before dawn on Sunday.\n\nThe roof fell in \
                at around 2.15 am, the chief said.";
    let got = times(text, "2021-07-02");
    assert!(has(&got, "2.15 am", "2021-06-27T02:15"), "{got:?}");
    // With no day named before it, a time of day alone is left out.
    let got = times("The roof fell in at around 2.15 am, the chief said.", "2021-07-02");
    assert!(!got.iter().any(|(t, _)| t.contains("2.15")), "{got:?}");
}
