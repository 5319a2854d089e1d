//! Amounts: counts, money and percentages with their unit, qualifier and the entity they describe.
//!
//! One pass over the shared [`tokens`](crate::times::tokens): at each token a [`number`] is read
//! (digits or words, a currency sign, a scale), then [`unit`] finds what it counts and the words
//! before it give the qualifier; [`about`] links it to an entity when the clause says so. Years,
//! dates and relative times are found first by the times scanner and skipped, as are numbers
//! that name or identify rather than count ("Boeing 737", "G20", "Article 5", "2nd", "10:30").

mod about;
mod number;
mod unit;

use chrono::NaiveDate;

pub(crate) use unit::currency_name;

use crate::times::tokens::Toks;
use crate::{Amount, Entity, Qualifier, Span, TimeExpr};

/// Finds amounts in `text`; `entities` lets an amount name what it is about.
///
/// With the embedded English word lists; [`analyze`](fn@crate::analyze) reads those of its
/// [`Resources`](crate::Resources).
pub fn find_amounts(text: &str, entities: &[Entity]) -> Vec<Amount> {
    amounts_in(&Toks::new(text), text, entities, None, &crate::Lexicon::embedded())
}

/// Like [`find_amounts`], with the article's time expressions already found (by
/// [`find_times`](crate::find_times) with a reference date, so that relative ones are among them):
/// their numbers are not amounts, and the times are not scanned for a second time.
pub fn find_amounts_outside_times(text: &str, entities: &[Entity], times: &[TimeExpr]) -> Vec<Amount> {
    amounts_in(&Toks::new(text), text, entities, Some(times), &crate::Lexicon::embedded())
}

/// The amounts of `text`, already tokenized, outside its time expressions: `times` when they
/// were found with a reference date, else their spans are found here.
/// The word lists are `lx`'s `amounts/`.
pub(crate) fn amounts_in(
    t: &Toks,
    text: &str,
    entities: &[Entity],
    times: Option<&[TimeExpr]>,
    lx: &crate::Lexicon,
) -> Vec<Amount> {
    let spans: Vec<(usize, usize)> = match times {
        Some(times) => times.iter().map(|x| (x.span.0, x.span.1)).collect(),
        // Any date works: only the spans of the time expressions matter here, not their values.
        None => {
            crate::times::time_spans(t, NaiveDate::from_ymd_opt(2000, 1, 1)).iter().map(|h| (h.start, h.end)).collect()
        }
    };
    amounts_outside(t, text, entities, &time_mask(t, &spans), lx)
}

fn amounts_outside(t: &Toks, text: &str, entities: &[Entity], in_time: &[bool], lx: &crate::Lexicon) -> Vec<Amount> {
    let rupee = unit::rupee_code(text);
    let mentions = about::Mentions::new(entities);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if in_time[i] || !starts_number(t, i) {
            i += 1;
            continue;
        }
        match read_amount(t, i, rupee, lx) {
            Some(found) => {
                if let Some(a) = to_amount(t, &found, &mentions) {
                    out.push(a);
                }
                i = found.next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Which tokens lie inside one of the time expressions `hits` (byte ranges in text order).
fn time_mask(t: &Toks, hits: &[(usize, usize)]) -> Vec<bool> {
    let mut mask = vec![false; t.len()];
    let mut h = hits.iter().peekable();
    for (i, tok) in t.toks.iter().enumerate() {
        while h.peek().is_some_and(|x| x.1 <= tok.start) {
            h.next();
        }
        if let Some(x) = h.peek() {
            mask[i] = x.0 <= tok.start && tok.end <= x.1;
        }
    }
    mask
}

/// Cheap pre-check: a digit, a currency sign or code, or a word that may start a number.
fn starts_number(t: &Toks, i: usize) -> bool {
    if t.is_num(i) {
        return true;
    }
    let s = t.s(i);
    if t.is_word(i) {
        // Number words, "a dozen", vague plurals, currency prefixes ("US$", "Rs", "USD").
        return crate::times::lexicon::small_number(s).is_some()
            || ((t.is(i, "a") || t.is(i, "an")) && t.is_word(i + 1))
            || ["dozens", "hundreds", "thousands", "tens", "millions", "billions"]
                .iter()
                .any(|w| s.eq_ignore_ascii_case(w))
            || (t.is_punct(i + 1, "$") && t.glued(i + 1))
            || (s.len() <= 3 && s.bytes().all(|b| b.is_ascii_alphabetic()) && t.is_num(i + 1))
            || (s == "Rs" || s == "RS");
    }
    matches!(s, "$" | "\u{20ac}" | "\u{a3}" | "\u{a5}" | "\u{20b9}" | "\u{20bd}")
}

/// An amount before it becomes a record.
struct Found {
    start_tok: usize,
    next: usize,
    value: f64,
    unit: Option<String>,
    currency: Option<&'static str>,
    qualifier: Option<Qualifier>,
}

fn read_amount(t: &Toks, i: usize, rupee: &'static str, lx: &crate::Lexicon) -> Option<Found> {
    let n = number::read(t, i, rupee)?;
    // Hundreds of digits overflow f64; such a "number" is not an amount.
    if !n.value.is_finite() {
        return None;
    }
    // "12-13 days", "10 to 12 percent": a range whose unit follows its upper bound; the value
    // is the lower bound, the text the whole range.
    let ranged = range_end(t, &n, rupee).and_then(|m| {
        let u = unit::after(t, &m, rupee, lx)?;
        u.unit.is_some().then_some((m, u))
    });
    if !n.in_words && !n.vague && !digits_count(t, i, n.currency.is_some(), n.at, ranged.is_some()) {
        return None;
    }
    if n.in_words && !words_count(t, i) {
        return None;
    }
    let (n, u) = match ranged {
        Some((m, u)) => (number::Number { next: m.next, ..n }, u),
        None => {
            let u = unit::after(t, &n, rupee, lx)?;
            (n, u)
        }
    };
    // Words alone ("the three said") are not amounts; they need something counted.
    if n.in_words && u.unit.is_none() && n.currency.is_none() {
        return None;
    }
    let (q_tok, qualifier) = match qualifier_before(t, i) {
        Some((q, name)) => (q, Some(name)),
        None => (i, None),
    };
    let qualifier = qualifier.or(n.vague.then_some(Qualifier::AtLeast));
    Some(Found { start_tok: q_tok, next: u.next, value: n.value, unit: u.unit, currency: u.currency, qualifier })
}

/// The upper bound of a range that starts with `n`: "-" glued between two numbers written in
/// digits, or "to" between two numbers written alike; it must be larger than `n`.
fn range_end(t: &Toks, n: &number::Number, rupee: &'static str) -> Option<number::Number> {
    let k = n.next;
    if n.glued_unit.is_some() || n.vague {
        return None;
    }
    let glued_dash = !n.in_words && t.is_punct(k, "-") && t.glued(k) && t.glued(k + 1);
    let to = t.is(k, "to");
    if !glued_dash && !to {
        return None;
    }
    let m = number::read(t, k + 1, rupee)?;
    let alike = m.in_words == n.in_words && !m.vague && m.currency.is_none();
    (alike && m.value > n.value && m.value.is_finite()).then_some(m)
}

fn to_amount(t: &Toks, f: &Found, mentions: &about::Mentions) -> Option<Amount> {
    let start = t.start(f.start_tok);
    let end = t.end(f.next.checked_sub(1)?);
    let text = t.text.get(start..end)?.to_string();
    let about = mentions.about(t, f.start_tok, f.next);
    Some(Amount {
        text,
        value: f.value,
        unit: f.unit.clone(),
        currency: f.currency.map(str::to_string),
        qualifier: f.qualifier,
        about,
        span: Span(start, end),
    })
}

/// Words before a number that make it an identifier, not a count ("No. 10", "Article 5").
const ID_WORDS: [&str; 34] = [
    "no",
    "nos",
    "number",
    "article",
    "art",
    "section",
    "resolution",
    "chapter",
    "paragraph",
    "clause",
    "flight",
    "route",
    "highway",
    "interstate",
    "room",
    "page",
    "pages",
    "version",
    "vol",
    "volume",
    "episode",
    "season",
    "level",
    "grade",
    "platform",
    "gate",
    "phase",
    "item",
    "amendment",
    "tel",
    "telephone",
    "phone",
    "fax",
    "ext",
];

/// Qualifier words that may start a sentence before a number ("Some 25,000", "About 80").
const QUALIFIER_WORDS: [&str; 16] = [
    "some",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "over",
    "under",
    "more",
    "less",
    "fewer",
    "only",
    "just",
    "exactly",
    "precisely",
];

/// Checks the context of a number written in digits (`num_tok` is its digits token); `range`:
/// it opens a range with a unit ("12-13 days"), so a glued dash and number after it are fine.
fn digits_count(t: &Toks, i: usize, money: bool, num_tok: usize, range: bool) -> bool {
    // Glued to what comes before: "G20", "COVID-19", "#5", "+44", "1/2", "v.2".
    if !money && i > 0 && t.glued(i) {
        let p = t.s(i - 1);
        let ok = matches!(p, "(" | "\"" | "\u{201c}" | "[" | "~" | "\u{2014}")
            || (p == "-" && !(i >= 2 && t.glued(i - 1) && (t.is_word(i - 2) || t.is_num(i - 2))));
        if !ok {
            return false;
        }
    }
    // Digit groups in a row ("+44 20 7946 0958") and leading zeros ("0958") are phone numbers,
    // codes and references.
    let digits = t.s(num_tok);
    if (digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0."))
        || t.is_num(num_tok + 1)
        || num_tok.checked_sub(1).is_some_and(|p| t.is_num(p))
    {
        return false;
    }
    let after = num_tok + 1;
    // Glued to what comes after: "10:30", "9/11", "35-year-old", "555-1234", "2nd".
    if t.glued(after) {
        let s = t.s(after);
        if matches!(s, ":" | "/") && t.glued(after + 1) && t.is_num(after + 1) {
            return false;
        }
        if s == "-" && t.glued(after + 1) && (t.is_word(after + 1) || t.is_num(after + 1) && !range) {
            return false;
        }
        if t.is_word(after) && matches!(s.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th") {
            return false;
        }
    }
    // Times of day: "3 p.m.", "0800 GMT".
    let next = t.lower(after);
    if matches!(&*next, "am" | "pm" | "gmt" | "utc" | "hrs" | "est" | "edt" | "bst")
        || (matches!(&*next, "a" | "p") && t.is_punct(after + 1, "."))
    {
        return false;
    }
    if i == 0 || money {
        return true;
    }
    // Identifiers: "No. 10", "Article 5", "#3".
    let mut p = i - 1;
    if t.is_punct(p, ".") && p > 0 {
        p -= 1;
    }
    let prev = t.lower(p);
    if prev == "#" || ID_WORDS.contains(&&*prev) {
        return false;
    }
    // Names with numbers: "Boeing 737", "Windows 10" (a capitalised word that does not open
    // the sentence, before an integer without thousands separators).
    let plain_int = t.s(i).bytes().all(|b| b.is_ascii_digit());
    if plain_int
        && t.capitalized(i - 1)
        && !t.sentence_start(i - 1)
        && !QUALIFIER_WORDS.contains(&&*prev)
        && crate::times::lexicon::month(t.s(i - 1)).is_none()
    {
        return false;
    }
    true
}

/// Checks the context of a number written in words: "one of", "no one", "the one" are not counts.
fn words_count(t: &Toks, i: usize) -> bool {
    if t.is(i, "one") {
        if t.is(i + 1, "of") || t.is(i + 1, "another") {
            return false;
        }
        let prev = i.checked_sub(1).map(|p| t.lower(p));
        if prev.is_some_and(|p| {
            matches!(&*p, "no" | "any" | "every" | "each" | "the" | "this" | "that" | "which" | "some")
        }) {
            return false;
        }
    }
    true
}

/// The qualifier written before the number at token `i`: its first token and its name.
///
/// Mapping (the six values of docs/RECORD.md): some/about/around/approximately/roughly/an estimated/close
/// to → approximately; more than/over/above/upwards of/in excess of → more than; less than/
/// fewer than/under/below/nearly/almost → less than (they put the true figure below the one
/// written); at least/no less than/no fewer than/a minimum of → at least; at most/up to/no more
/// than/a maximum of/as many as/as much as → at most; exactly/precisely → exactly; a negated
/// bound turns over (not below → at least, not above → at most).
fn qualifier_before(t: &Toks, i: usize) -> Option<(usize, Qualifier)> {
    let w = |k: usize| i.checked_sub(k).filter(|&j| t.is_word(j)).map(|j| t.lower(j)).unwrap_or_default();
    let (w1, w2, w3) = (w(1), w(2), w(3));
    let three = match (&*w3, &*w2, &*w1) {
        ("no", "more", "than") => Some(Qualifier::AtMost),
        ("no", "less" | "fewer", "than") => Some(Qualifier::AtLeast),
        ("in", "excess", "of") => Some(Qualifier::MoreThan),
        ("a", "maximum", "of") => Some(Qualifier::AtMost),
        ("a", "minimum", "of") => Some(Qualifier::AtLeast),
        ("as", "many" | "much", "as") => Some(Qualifier::AtMost),
        _ => None,
    };
    if let Some(q) = three {
        return Some((i - 3, q));
    }
    let two = match (&*w2, &*w1) {
        ("more" | "greater", "than") => Some(Qualifier::MoreThan),
        ("less" | "fewer", "than") => Some(Qualifier::LessThan),
        ("at", "least") => Some(Qualifier::AtLeast),
        ("at", "most") => Some(Qualifier::AtMost),
        ("up", "to") => Some(Qualifier::AtMost),
        ("close", "to") => Some(Qualifier::Approximately),
        ("upwards", "of") => Some(Qualifier::MoreThan),
        ("an", "estimated") => Some(Qualifier::Approximately),
        _ => None,
    };
    if let Some(q) = two {
        return Some((i - 2, q));
    }
    let one = match &*w1 {
        "some" | "about" | "around" | "approximately" | "roughly" | "circa" | "approx" | "estimated" => {
            Qualifier::Approximately
        }
        "within" => Qualifier::AtMost,
        // "must not go below 40 percent", "not over 300": the negated bound is the other one.
        "over" | "above" if negated(&w2, &w3) => Qualifier::AtMost,
        "under" | "below" if negated(&w2, &w3) => Qualifier::AtLeast,
        "over" | "above" => Qualifier::MoreThan,
        "under" | "below" | "nearly" | "almost" => Qualifier::LessThan,
        "exactly" | "precisely" => Qualifier::Exactly,
        _ => return None,
    };
    Some((i - 1, one))
}

/// "not below", "not be below", "never fall below": a negation right before a bound word.
fn negated(w2: &str, w3: &str) -> bool {
    matches!(w2, "not" | "never")
        || matches!(w3, "not" | "never") && matches!(w2, "be" | "go" | "fall" | "rise" | "drop")
}

#[cfg(test)]
mod tests;
