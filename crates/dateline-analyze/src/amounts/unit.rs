//! What an amount counts: a percent sign, a currency word, or the noun after the number.

use super::number::Number;
use crate::times::tokens::Toks;

/// The unit found after a number and the token after the whole amount.
pub(crate) struct UnitFound {
    pub unit: Option<String>,
    /// The ISO 4217 code when the amount is money.
    pub currency: Option<&'static str>,
    pub next: usize,
}

/// Words that end the search for a counted noun.
const STOP: [&str; 73] = [
    "of", "in", "at", "on", "to", "for", "from", "by", "with", "and", "or", "but", "the", "a", "an", "were", "was",
    "are", "is", "be", "been", "had", "have", "has", "who", "that", "which", "than", "as", "per", "each", "more",
    "less", "this", "these", "those", "it", "they", "he", "she", "we", "said", "says", "will", "would", "could", "can",
    "may", "might", "must", "should", "did", "do", "does", "not", "no", "between", "after", "before", "into", "while",
    "when", "where", "also", "because", "if", "since", "though", "although", "whether", "so", "unless", "until",
];

/// Time units: a number counting them is a duration ("lasted 12 days", "within six minutes"), an
/// amount of time with the unit as written, unless a word after it makes it an age or a point
/// in time (see `amounts/not-duration-after.txt`); relative times the times scanner resolves ("two days
/// ago", "in three weeks") never reach here.
const TIME_UNITS: [&str; 18] = [
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
];

/// Counted nouns whose plural does not end in "s", and measure units.
const NOUNS: [&str; 40] = [
    "people",
    "children",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "aircraft",
    "cattle",
    "sheep",
    "fish",
    "feet",
    "foot",
    "teeth",
    "km",
    "kilometres",
    "kilometers",
    "mph",
    "kg",
    "tonnes",
    "tons",
    "mw",
    "gw",
    "kw",
    "gb",
    "mb",
    "tb",
    "ha",
    "hectares",
    "acres",
    "barrels",
    "bpd",
    "litres",
    "liters",
    "gallons",
    "mm",
    "cm",
    "lb",
    "lbs",
    "m",
];

/// Lowercase words ending in "s" that are not plural nouns.
const S_WORDS: [&str; 16] = [
    "was", "has", "is", "as", "its", "his", "this", "thus", "does", "goes", "says", "plus", "less", "across",
    "previous", "various",
];

/// Finds the unit after number `n`. `None` means the number is not an amount (a duration).
pub(crate) fn after(t: &Toks, n: &Number, rupee: &'static str, lx: &crate::Lexicon) -> Option<UnitFound> {
    let k = n.next;
    let found = |unit: &str, next: usize| Some(UnitFound { unit: Some(unit.to_string()), currency: None, next });
    let money = |unit: &str, code: &'static str, next: usize| {
        Some(UnitFound { unit: Some(unit.to_string()), currency: Some(code), next })
    };
    if let Some(g) = n.glued_unit {
        return found(t.s(g), k);
    }
    if t.is_punct(k, "%") || t.is(k, "percent") || t.is(k, "pct") {
        return found("percent", k + 1);
    }
    if t.is(k, "per") && t.is(k + 1, "cent") {
        return found("percent", k + 2);
    }
    if t.is(k, "percentage") && (t.is(k + 1, "points") || t.is(k + 1, "point")) {
        return found("percentage points", k + 2);
    }
    if let Some(code) = n.currency {
        return money(currency_name(code), code, k);
    }
    if let Some((code, next)) = currency_word(t, k, rupee) {
        // The word as written names the unit ("roubles", "dollar"), the abbreviation in full.
        let written = t.lower(next - 1);
        let unit = match &*written {
            "dlrs" => "dollars",
            "dlr" => "dollar",
            "sterling" => "pounds",
            w => w,
        };
        return money(unit, code, next);
    }
    counted_noun(t, n, k, lx)
}

/// The English name of the currency with ISO code `code`, as a reader writes it after an
/// amount: "$5 million" is five million dollars, "€20" twenty euros.
pub(crate) fn currency_name(code: &str) -> &'static str {
    match code {
        "EUR" => "euros",
        "GBP" | "EGP" => "pounds",
        "JPY" => "yen",
        "CNY" => "yuan",
        "RUB" => "rubles",
        "INR" | "PKR" | "LKR" | "NPR" => "rupees",
        "CHF" => "francs",
        "TRY" => "lira",
        "SAR" => "riyals",
        "AED" => "dirhams",
        "NGN" => "naira",
        "ZAR" => "rand",
        "KRW" => "won",
        "BDT" => "taka",
        "BRL" => "reais",
        // USD, AUD, CAD, HKD, SGD, NZD: the dollars
        _ => "dollars",
    }
}

/// "dollars", "US dollars", "dlrs", "euros", "pounds sterling", "yen".
fn currency_word(t: &Toks, k: usize, rupee: &'static str) -> Option<(&'static str, usize)> {
    // "U.S. dollars": letters and full stops are separate tokens.
    let dotted_us = t.s(k) == "U" && t.is_punct(k + 1, ".") && t.s(k + 2) == "S" && t.is_punct(k + 3, ".");
    let (dollar, j) = match t.s(k) {
        _ if dotted_us => ("USD", k + 4),
        "US" => ("USD", k + 1),
        "Australian" => ("AUD", k + 1),
        "Canadian" => ("CAD", k + 1),
        "Singapore" => ("SGD", k + 1),
        _ => ("USD", k),
    };
    let w = t.lower(j);
    let code = match &*w {
        "dollars" | "dollar" | "dlrs" | "dlr" => dollar,
        _ if j != k => return None,
        "euros" | "euro" => "EUR",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "roubles" | "rubles" | "rouble" | "ruble" => "RUB",
        "riyals" => "SAR",
        "dirhams" => "AED",
        "lira" => "TRY",
        "naira" => "NGN",
        "francs" => "CHF",
        "pounds" if t.is(j + 1, "sterling") => return Some(("GBP", j + 2)),
        "rupees" | "rupee" => rupee,
        _ => return None,
    };
    Some((code, j + 1))
}

/// The counted noun within three words after the number, past modifiers ("25,000 Syrian
/// refugees").
fn counted_noun(t: &Toks, n: &Number, k: usize, lx: &crate::Lexicon) -> Option<UnitFound> {
    let none = Some(UnitFound { unit: None, currency: None, next: k });
    let mut first = None;
    for j in k..k + 3 {
        if !t.is_word(j) || t.glued(j) {
            break;
        }
        let w = t.s(j);
        let lw = w.to_ascii_lowercase();
        if STOP.contains(&lw.as_str()) {
            break;
        }
        if TIME_UNITS.contains(&lw.as_str()) {
            // Only the number right before the unit counts it ("six minutes", not "6 more days").
            let after = t.lower(j + 1);
            if j != k || lx.amounts.not_duration_after.contains(&&*after) || t.is_punct(j + 1, "-") {
                return None;
            }
            return Some(UnitFound { unit: Some(w.to_string()), currency: None, next: j + 1 });
        }
        let capital = t.capitalized(j);
        if !capital && (NOUNS.contains(&lw.as_str()) || plural(&lw)) {
            // "cubic metres", "square kilometres": the measure is the unit.
            if j > k && matches!(&*t.lower(j - 1), "cubic" | "square") {
                return Some(UnitFound { unit: Some(format!("{} {w}", t.s(j - 1))), currency: None, next: j + 1 });
            }
            return Some(UnitFound { unit: Some(w.to_string()), currency: None, next: j + 1 });
        }
        if first.is_none() && !capital {
            first = Some(j);
        }
    }
    // A singular count ("one soldier"): the first lowercase word, when it is not a verb form.
    if let Some(j) = first.filter(|_| n.value == 1.0) {
        let w = t.s(j);
        // Not a verb form, nor an adjective with no noun after it ("one possible").
        let adjective = ["ible", "able", "ous", "ive", "ful"].iter().any(|x| w.ends_with(x));
        if !w.ends_with("ed") && !w.ends_with("ing") && !w.ends_with("ly") && !adjective {
            return Some(UnitFound { unit: Some(w.to_string()), currency: None, next: j + 1 });
        }
    }
    none
}

/// A lowercase word that looks like a regular plural noun.
fn plural(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("ous") && !S_WORDS.contains(&w)
}

/// The ISO code "Rs" and "rupees" most likely mean in this text: the rupee of the country the
/// text names most, Indian by default.
pub(crate) fn rupee_code(text: &str) -> &'static str {
    if !text.contains("Rs") && !text.contains("rupee") {
        return "INR";
    }
    let candidates = [
        ("INR", text.matches("India").count()),
        ("PKR", text.matches("Pakistan").count()),
        ("LKR", text.matches("Sri Lanka").count()),
        ("NPR", text.matches("Nepal").count()),
    ];
    candidates.iter().max_by_key(|c| c.1).filter(|c| c.1 > 0).map_or("INR", |c| c.0)
}
