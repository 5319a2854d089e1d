//! Unit tests of the amounts scanner on sentences written for them.

use super::*;
use crate::{EntityType, Mention};

fn amounts(text: &str) -> Vec<(String, f64, Option<String>, Option<String>)> {
    find_amounts(text, &[]).into_iter().map(|a| (a.text, a.value, a.unit, a.qualifier.map(|q| q.to_string()))).collect()
}

fn has(text: &str, want: &str, value: f64, unit: Option<&str>, qualifier: Option<&str>) {
    let got = amounts(text);
    assert!(
        got.iter().any(|(t, v, u, q)| t == want && *v == value && u.as_deref() == unit && q.as_deref() == qualifier),
        "{text:?}: want {want:?} {value} {unit:?} {qualifier:?}, got {got:?}"
    );
}

#[test]
fn counts_with_qualifiers() {
    has(
        "The shelter holds some 12,500 people in tents.",
        "some 12,500 people",
        12500.0,
        Some("people"),
        Some("approximately"),
    );
    has(
        "Officials said over 41,000 people live there.",
        "over 41,000 people",
        41000.0,
        Some("people"),
        Some("more than"),
    );
    has("visitors from over 35 countries.", "over 35 countries", 35.0, Some("countries"), Some("more than"));
    has("with 60 percent of them", "60 percent", 60.0, Some("percent"), None);
    has("at least 12 soldiers were killed", "at least 12 soldiers", 12.0, Some("soldiers"), Some("at least"));
    has("up to 500 troops", "up to 500 troops", 500.0, Some("troops"), Some("at most"));
    has("fewer than 30 families", "fewer than 30 families", 30.0, Some("families"), Some("less than"));
    has("nearly 1,000 refugees", "nearly 1,000 refugees", 1000.0, Some("refugees"), Some("less than"));
    has("exactly 7 ships", "exactly 7 ships", 7.0, Some("ships"), Some("exactly"));
    has("sent 1500 troops", "1500 troops", 1500.0, Some("troops"), None);
    has("some 25,000 Syrian refugees", "some 25,000 Syrian refugees", 25000.0, Some("refugees"), Some("approximately"));
}

#[test]
fn a_negated_bound_turns_over() {
    has("turnout must not go below 40 percent", "below 40 percent", 40.0, Some("percent"), Some("at least"));
    has("a crowd of not over 300 people", "over 300 people", 300.0, Some("people"), Some("at most"));
    has("the level did not fall below 12 percent", "below 12 percent", 12.0, Some("percent"), Some("at least"));
    has("the level fell below 12 percent", "below 12 percent", 12.0, Some("percent"), Some("less than"));
}

#[test]
fn words_and_scales() {
    has("two million people fled", "two million people", 2e6, Some("people"), None);
    has("a dozen villages", "a dozen villages", 12.0, Some("villages"), None);
    has("three ministers resigned", "three ministers", 3.0, Some("ministers"), None);
    has("hundreds of protesters", "hundreds of protesters", 200.0, Some("protesters"), Some("at least"));
    has("one soldier died", "one soldier", 1.0, Some("soldier"), None);
    assert!(amounts("one of the three said no one came").is_empty());
}

/// Money: `(text, value, unit, currency)` found in `text`.
fn money(text: &str, want: &str, value: f64, unit: &str, currency: &str) {
    let got = find_amounts(text, &[]);
    assert!(
        got.iter().any(|a| a.text == want
            && a.value == value
            && a.unit.as_deref() == Some(unit)
            && a.currency.as_deref() == Some(currency)),
        "{text:?}: want {want:?} {value} {unit} {currency}, got {got:?}"
    );
}

#[test]
fn money_and_percent() {
    // A sign or code gives the currency's name as the unit and its ISO code as the currency.
    money("a $3.5bn deal", "$3.5bn", 3.5e9, "dollars", "USD");
    money("a €20m fund", "€20m", 2e7, "euros", "EUR");
    money("£1.2 billion contract", "£1.2 billion", 1.2e9, "pounds", "GBP");
    money("fined Rs 500 by", "Rs 500", 500.0, "rupees", "INR");
    money("a A$40 million grant", "A$40 million", 4e7, "dollars", "AUD");
    money("a USD 5 million loan", "USD 5 million", 5e6, "dollars", "USD");
    // A word keeps its spelling; an abbreviation is written out.
    money("worth 3.5 billion dollars", "3.5 billion dollars", 3.5e9, "dollars", "USD");
    money("profit of 5.93 mln dlrs", "5.93 mln dlrs", 5.93e6, "dollars", "USD");
    money("debt of 1.2 trillion yen", "1.2 trillion yen", 1.2e12, "yen", "JPY");
    money("a 40 billion rouble budget", "40 billion rouble", 4e10, "rouble", "RUB");
    money("paid 300 million roubles", "300 million roubles", 3e8, "roubles", "RUB");
    money("worth 2 million Canadian dollars", "2 million Canadian dollars", 2e6, "dollars", "CAD");
    money("a 5 million pounds sterling fund", "5 million pounds sterling", 5e6, "pounds", "GBP");
    // A country before the word names the currency when it is that country's.
    money("fees of 12 Swiss francs", "12 Swiss francs", 12.0, "francs", "CHF");
    money("a 3 billion Hong Kong dollar loan", "3 billion Hong Kong dollar", 3e9, "dollar", "HKD");
    money("bills of 500 Mexican pesos", "500 Mexican pesos", 500.0, "pesos", "MXN");
    money("paid 40 million British pounds", "40 million British pounds", 4e7, "pounds", "GBP");
    // A word several currencies share, with no country, and pounds that may weigh: no code.
    for text in ["bills of 500 pesos", "a sack of 50 pounds", "fees of 9 Canadian rupees"] {
        let got = find_amounts(text, &[]);
        assert!(got.iter().all(|a| a.currency.is_none()), "{text}: {got:?}");
    }
    has("about US$ 2.2 billion", "about US$ 2.2 billion", 2.2e9, Some("dollars"), Some("approximately"));
    // Not money: no currency code.
    let plain = find_amounts("some 12,500 people and 80% of them", &[]);
    assert!(plain.iter().all(|a| a.currency.is_none()), "{plain:?}");
    has("rose 80% in", "80%", 80.0, Some("percent"), None);
    has("rose 80 per cent in", "80 per cent", 80.0, Some("percent"), None);
    has("fell 3.5 pct", "3.5 pct", 3.5, Some("percent"), None);
    has("a 60GB drive", "60GB", 60.0, Some("GB"), None);
}

#[test]
fn durations_are_amounts_of_time() {
    has("the siege lasted 12 days", "12 days", 12.0, Some("days"), None);
    has("two blasts within six minutes", "within six minutes", 6.0, Some("minutes"), Some("at most"));
    has("jailed for six years", "six years", 6.0, Some("years"), None);
}

#[test]
fn ranges_give_their_lower_bound() {
    has("stocks would last 12-13 days", "12-13 days", 12.0, Some("days"), None);
    has("prices rose 10 to 12 percent", "10 to 12 percent", 10.0, Some("percent"), None);
    has("between three and four people", "four people", 4.0, Some("people"), None);
}

#[test]
fn not_amounts() {
    for s in [
        "in 2013 and since 2014",
        "on 18th September, 2019",
        "the 2nd round",
        "a Boeing 737 and the G20 summit and COVID-19",
        "call 555-1234 or +44 20 7946 0958",
        "No. 10 and Article 5 of the treaty",
        "at 10:30 a.m. and 3 p.m.",
        "two days ago, a 35-year-old man",
        "she was 35 years old, and 20 years later",
    ] {
        assert!(amounts(s).is_empty(), "{s:?}: {:?}", amounts(s));
    }
    assert!(amounts(&format!("{} people", "9".repeat(400))).is_empty());
}

fn entity(id: &str, mentions: &[(&str, usize)]) -> Entity {
    Entity {
        id: id.into(),
        name: mentions.first().map(|m| m.0).unwrap_or_default().into(),
        kind: EntityType::Loc,
        title: None,
        role: None,
        country: None,
        geo: None,
        mentions: mentions
            .iter()
            .map(|&(text, start)| Mention { text: text.into(), span: Span(start, start + text.len()), via: None })
            .collect(),
    }
}

fn about_of(text: &str, entities: &[Entity]) -> Vec<Option<String>> {
    find_amounts(text, entities).into_iter().map(|a| a.about).collect()
}

#[test]
fn about_subject_and_place() {
    let text = "The Northfield camp shelters some 3,400 families in poor conditions.";
    let e = [entity("e1", &[("Northfield camp", 4)])];
    assert_eq!(about_of(text, &e), [Some("e1".to_string())]);

    let text = "According to the Relief Agency, about 600 families are living in the camp.";
    let agency = text.find("Relief Agency").unwrap_or(0);
    let camp = text.find("the camp").unwrap_or(0);
    let e = [entity("e2", &[("Relief Agency", agency)]), entity("e3", &[("the camp", camp)])];
    assert_eq!(about_of(text, &e), [Some("e3".to_string())]);

    // A mention after a preposition is not the subject.
    let text = "In Eastport officials counted 300 boats.";
    let e = [entity("e4", &[("Eastport", 3)])];
    assert_eq!(about_of(text, &e), [None]);
}

#[test]
fn measures_currencies_and_non_counts_seen_on_pages() {
    has(
        "The pipeline carries 30 billion cubic metres a year.",
        "30 billion cubic metres",
        30e9,
        Some("cubic metres"),
        None,
    );
    has("The farm covers 12 square kilometres.", "12 square kilometres", 12.0, Some("square kilometres"), None);
    money("The fee was 100 U.S. dollars per visa.", "100 U.S. dollars", 100.0, "dollars", "USD");
    let got = amounts("It was the only one possible, and she chose one because it was cheap.");
    assert!(got.iter().all(|a| a.2.as_deref() != Some("possible") && a.2.as_deref() != Some("because")), "{got:?}");
}
