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
        "SAR" | "QAR" => "riyals",
        "IRR" => "rials",
        "AED" => "dirhams",
        "NGN" => "naira",
        "ZAR" => "rand",
        "KRW" => "won",
        "BDT" => "taka",
        "BRL" => "reais",
        "MXN" | "PHP" | "ARS" => "pesos",
        "KES" | "UGX" | "TZS" => "shillings",
        "IDR" => "rupiah",
        "MYR" => "ringgit",
        "THB" => "baht",
        "UAH" => "hryvnias",
        "PLN" => "zlotys",
        "ILS" => "shekels",
        "GHS" => "cedis",
        "KWD" => "dinars",
        "SEK" => "kronor",
        "NOK" | "DKK" => "kroner",
        // USD, AUD, CAD, HKD, SGD, NZD, TWD: the dollars
        _ => "dollars",
    }
}

/// Country adjectives (one or two words) that may stand before a currency word, with the ISO
/// code of their country's currency: "Swiss francs" are CHF, "Hong Kong dollars" HKD.
const COUNTRY_CURRENCIES: [(&str, &str); 47] = [
    ("US", "USD"),
    ("American", "USD"),
    ("Australian", "AUD"),
    ("Canadian", "CAD"),
    ("Singapore", "SGD"),
    ("Singaporean", "SGD"),
    ("Hong Kong", "HKD"),
    ("New Zealand", "NZD"),
    ("Taiwan", "TWD"),
    ("Taiwanese", "TWD"),
    ("Swiss", "CHF"),
    ("Indian", "INR"),
    ("Pakistani", "PKR"),
    ("Sri Lankan", "LKR"),
    ("Nepali", "NPR"),
    ("Nepalese", "NPR"),
    ("Saudi", "SAR"),
    ("Qatari", "QAR"),
    ("Iranian", "IRR"),
    ("Emirati", "AED"),
    ("Turkish", "TRY"),
    ("South African", "ZAR"),
    ("Chinese", "CNY"),
    ("Japanese", "JPY"),
    ("South Korean", "KRW"),
    ("Korean", "KRW"),
    ("British", "GBP"),
    ("Egyptian", "EGP"),
    ("Russian", "RUB"),
    ("Brazilian", "BRL"),
    ("Mexican", "MXN"),
    ("Philippine", "PHP"),
    ("Argentine", "ARS"),
    ("Nigerian", "NGN"),
    ("Kenyan", "KES"),
    ("Ugandan", "UGX"),
    ("Tanzanian", "TZS"),
    ("Indonesian", "IDR"),
    ("Malaysian", "MYR"),
    ("Thai", "THB"),
    ("Bangladeshi", "BDT"),
    ("Ukrainian", "UAH"),
    ("Polish", "PLN"),
    ("Israeli", "ILS"),
    ("Ghanaian", "GHS"),
    ("Kuwaiti", "KWD"),
    ("Swedish", "SEK"),
];

/// The first bytes of [`COUNTRY_CURRENCIES`]' adjectives: a word opening with another byte is
/// the first word of none of them, told without the scan of all 47 and the split of each
/// (asked at the word after every number).
const COUNTRY_FIRST_BYTES: [bool; 256] = {
    let mut set = [false; 256];
    let mut i = 0;
    while i < COUNTRY_CURRENCIES.len() {
        let adj = COUNTRY_CURRENCIES[i].0.as_bytes();
        if !adj.is_empty() {
            set[adj[0] as usize] = true;
        }
        i += 1;
    }
    set
};

/// A currency word as written (lower case): the name of its currency family, as
/// [`currency_name`] writes it, and the code it has with no country before it (none when the
/// word is shared by several currencies and the country is needed: "pesos", "shillings").
fn currency_family(w: &str, rupee: &'static str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match w {
        "dollars" | "dollar" | "dlrs" | "dlr" => ("dollars", Some("USD")),
        "euros" | "euro" => ("euros", Some("EUR")),
        "yen" => ("yen", Some("JPY")),
        "yuan" | "renminbi" => ("yuan", Some("CNY")),
        "roubles" | "rubles" | "rouble" | "ruble" => ("rubles", Some("RUB")),
        "riyals" | "riyal" => ("riyals", Some("SAR")),
        "rials" | "rial" => ("rials", None),
        "dirhams" | "dirham" => ("dirhams", Some("AED")),
        "lira" | "liras" => ("lira", Some("TRY")),
        "naira" => ("naira", Some("NGN")),
        "francs" | "franc" => ("francs", Some("CHF")),
        "rupees" | "rupee" => ("rupees", Some(rupee)),
        "rand" => ("rand", Some("ZAR")),
        "rupiah" => ("rupiah", Some("IDR")),
        "ringgit" => ("ringgit", Some("MYR")),
        "baht" => ("baht", Some("THB")),
        "taka" => ("taka", Some("BDT")),
        "hryvnias" | "hryvnia" => ("hryvnias", Some("UAH")),
        "zlotys" | "zloty" | "zlotych" => ("zlotys", Some("PLN")),
        "shekels" | "shekel" => ("shekels", Some("ILS")),
        "cedis" | "cedi" => ("cedis", Some("GHS")),
        "reais" | "real" => ("reais", None),
        "pesos" | "peso" => ("pesos", None),
        "shillings" | "shilling" => ("shillings", None),
        "dinars" | "dinar" => ("dinars", None),
        "kronor" | "krona" => ("kronor", None),
        "kroner" | "krone" => ("kroner", None),
        "won" => ("won", None),
        // a weight as often as money: only with a country or "sterling"
        "pounds" | "pound" => ("pounds", None),
        _ => return None,
    })
}

/// "dollars", "US dollars", "Swiss francs", "dlrs", "euros", "pounds sterling", "yen": the ISO
/// code and the token after the currency word.
fn currency_word(t: &Toks, k: usize, rupee: &'static str) -> Option<(&'static str, usize)> {
    // "U.S. dollars": letters and full stops are separate tokens.
    let dotted_us = t.s(k) == "U" && t.is_punct(k + 1, ".") && t.s(k + 2) == "S" && t.is_punct(k + 3, ".");
    let country = if dotted_us {
        Some(("USD", k + 4))
    } else if t.s(k).as_bytes().first().is_some_and(|&b| !COUNTRY_FIRST_BYTES[usize::from(b)]) {
        // (an adjective's first word opens with its first byte: none can equal this word)
        None
    } else {
        COUNTRY_CURRENCIES.iter().find_map(|(adj, code)| {
            let mut words = adj.split(' ');
            let first = words.next()?;
            match words.next() {
                None => (t.s(k) == first).then_some((*code, k + 1)),
                Some(second) => (t.s(k) == first && t.s(k + 1) == second).then_some((*code, k + 2)),
            }
        })
    };
    let j = country.map_or(k, |c| c.1);
    let (family, default) = currency_family(&t.lower(j), rupee)?;
    if family == "pounds" && country.is_none() {
        return t.is(j + 1, "sterling").then_some(("GBP", j + 2));
    }
    let code = match country {
        // the country's currency must be the one the word names ("Canadian rupees" is none)
        Some((code, _)) => (currency_name(code) == family).then_some(code)?,
        None => default?,
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

#[cfg(test)]
mod first_byte_tests {
    use super::*;

    /// The first-byte set holds the first byte of every adjective, so no adjective's first word
    /// is turned away; and it turns away the lower-case words that follow most numbers.
    #[test]
    fn the_first_bytes_hold_every_adjective() {
        for (adj, _) in COUNTRY_CURRENCIES {
            let first = adj.split(' ').next().unwrap_or_default();
            assert!(first.as_bytes().first().is_some_and(|&b| COUNTRY_FIRST_BYTES[usize::from(b)]), "{adj}");
        }
        assert!(!COUNTRY_FIRST_BYTES[usize::from(b'd')] && !COUNTRY_FIRST_BYTES[usize::from(b'%')]);
    }
}
