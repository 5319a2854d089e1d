//! The number at the heart of an amount: digits or words, a scale, a currency before it.

use crate::times::lexicon::{scale, small_number};
use crate::times::tokens::Toks;

/// A number read from the tokens.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    /// First token (the currency sign when there is one).
    pub first: usize,
    /// The token after the number and its scale.
    pub next: usize,
    pub value: f64,
    /// ISO 4217 code from a sign or code before the number ("$", "€", "Rs", "US$").
    pub currency: Option<&'static str>,
    /// Written in words ("three", "a dozen"): needs a unit to count as an amount.
    pub in_words: bool,
    /// A vague plural ("hundreds of"): the value is the least the words allow.
    pub vague: bool,
    /// A unit glued to the digits ("60GB", "5km").
    pub glued_unit: Option<usize>,
    /// The token of the digits or first number word (after any currency sign).
    pub at: usize,
}

/// Units that may be written glued to digits.
const GLUED_UNITS: [&str; 22] = [
    "gb", "mb", "tb", "kb", "km", "kg", "mm", "cm", "m", "mw", "kw", "gw", "mph", "ft", "lb", "lbs", "g", "t", "ml",
    "l", "bpd", "ha",
];

/// The currency written before a number at token `i`: the code and the token after the sign.
pub(crate) fn currency_before(t: &Toks, i: usize, rupee: &'static str) -> Option<(&'static str, usize)> {
    let s = t.s(i);
    let sign = |c: &str| -> Option<&'static str> {
        Some(match c {
            "$" => "USD",
            "\u{20ac}" => "EUR",
            "\u{a3}" => "GBP",
            "\u{a5}" => "JPY",
            "\u{20b9}" => "INR",
            "\u{20bd}" => "RUB",
            _ => return None,
        })
    };
    if let Some(code) = sign(s) {
        return Some((code, i + 1));
    }
    if !t.is_word(i) {
        return None;
    }
    // "US$", "A$", "HK$": a prefix glued to the dollar sign.
    if t.glued(i + 1) && t.is_punct(i + 1, "$") {
        let code = match s {
            "US" | "U.S" => "USD",
            "A" | "AU" => "AUD",
            "C" | "CA" => "CAD",
            "HK" => "HKD",
            "S" => "SGD",
            "NZ" => "NZD",
            "R" => "BRL",
            _ => return None,
        };
        return Some((code, i + 2));
    }
    let code: &'static str = match s {
        "Rs" | "RS" => rupee,
        other => CODES.iter().copied().find(|c| *c == other)?,
    };
    let mut next = i + 1;
    if t.glued(next) && t.is_punct(next, ".") {
        next += 1;
    }
    t.is_num(next).then_some((code, next))
}

/// ISO 4217 codes accepted when written before a number ("USD 5 million").
const CODES: [&str; 20] = [
    "USD", "EUR", "GBP", "JPY", "CNY", "RUB", "INR", "PKR", "CHF", "AUD", "CAD", "TRY", "SAR", "AED", "NGN", "ZAR",
    "KRW", "BDT", "LKR", "EGP",
];

/// Reads a number (with currency sign and scale) starting at token `i`.
pub(crate) fn read(t: &Toks, i: usize, rupee: &'static str) -> Option<Number> {
    let (currency, at) = match currency_before(t, i, rupee) {
        Some((c, j)) => (Some(c), j),
        None => (None, i),
    };
    let mut n = if t.is_num(at) {
        digits(t, at, currency.is_some())?
    } else if currency.is_none() {
        words(t, at)?
    } else {
        return None;
    };
    n.first = i;
    n.at = at;
    n.currency = currency;
    Some(n)
}

/// Digits with an optional glued or spaced scale ("3.5bn", "2 million", "5.93 mln").
fn digits(t: &Toks, i: usize, money: bool) -> Option<Number> {
    let mut value = t.num(i)?;
    let mut next = i + 1;
    let mut glued_unit = None;
    if t.glued(next) && t.is_word(next) {
        let w = t.lower(next);
        match &*w {
            "bn" | "mn" | "mln" | "bln" | "tn" | "trn" => value *= scale(&w)?,
            "m" | "b" | "k" if money => {
                value *= match &*w {
                    "m" => 1e6,
                    "b" => 1e9,
                    _ => 1e3,
                }
            }
            _ if GLUED_UNITS.contains(&&*w) => glued_unit = Some(next),
            _ => return None,
        }
        next += 1;
    } else {
        while let Some(f) = t.is_word(next).then(|| scale(t.s(next))).flatten() {
            value *= f;
            next += 1;
        }
    }
    Some(Number { first: i, next, value, currency: None, in_words: false, vague: false, glued_unit, at: i })
}

/// Number words: "three", "twenty-five", "two million", "a dozen", "hundreds of".
fn words(t: &Toks, i: usize) -> Option<Number> {
    let vague = |w: &str| -> Option<f64> {
        Some(match w {
            "dozens" => 24.0,
            "hundreds" => 200.0,
            "thousands" => 2e3,
            "tens" => 2e4,
            "millions" => 2e6,
            "billions" => 2e9,
            _ => return None,
        })
    };
    let first = t.lower(i);
    if let Some(v) = vague(&first) {
        if t.is(i + 1, "of") {
            // "tens of thousands of"
            if first == "tens" && t.is(i + 2, "thousands") && t.is(i + 3, "of") {
                return Some(number(i, i + 4, v, true, true));
            }
            return Some(number(i, i + 2, v, true, true));
        }
        return None;
    }
    let (mut total, mut cur, mut any) = (0.0_f64, 0.0_f64, false);
    let mut k = i;
    loop {
        if !t.is_word(k) {
            break;
        }
        let w = t.lower(k);
        if let Some(v) = small_number(&w) {
            if any && cur % 100.0 != 0.0 {
                break;
            }
            let mut v = f64::from(v);
            // "twenty-five"
            if v >= 20.0 && t.is_punct(k + 1, "-") && t.glued(k + 1) && t.glued(k + 2) {
                if let Some(u) = small_number(t.s(k + 2)).filter(|u| *u < 10) {
                    v += f64::from(u);
                    k += 2;
                }
            }
            cur += v;
            any = true;
            k += 1;
            continue;
        }
        let next_is_scale = scale(t.s(k + 1)).is_some() || t.is(k + 1, "dozen");
        if (w == "a" || w == "an") && !any && next_is_scale {
            cur = 1.0;
            any = true;
            k += 1;
            continue;
        }
        if any && w == "dozen" {
            cur *= 12.0;
            k += 1;
            continue;
        }
        if any && w == "hundred" {
            cur *= 100.0;
            k += 1;
            continue;
        }
        if any && w == "and" && cur % 100.0 == 0.0 && small_number(t.s(k + 1)).is_some() {
            k += 1;
            continue;
        }
        if let Some(f) = scale(&w).filter(|f| any && *f >= 1e3) {
            total += cur * f;
            cur = 0.0;
            k += 1;
            continue;
        }
        break;
    }
    if !any {
        return None;
    }
    Some(number(i, k, total + cur, true, false))
}

fn number(first: usize, next: usize, value: f64, in_words: bool, vague: bool) -> Number {
    Number { first, next, value, currency: None, in_words, vague, glued_unit: None, at: first }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str) -> Option<(f64, Option<&'static str>)> {
        let t = Toks::new(s);
        read(&t, 0, "INR").map(|n| (n.value, n.currency))
    }

    #[test]
    fn numbers() {
        assert_eq!(val("25,000 people"), Some((25000.0, None)));
        assert_eq!(val("$3.5bn"), Some((3.5e9, Some("USD"))));
        assert_eq!(val("US$ 2.2 billion"), Some((2.2e9, Some("USD"))));
        assert_eq!(val("€20m"), Some((2e7, Some("EUR"))));
        assert_eq!(val("£1.2 billion"), Some((1.2e9, Some("GBP"))));
        assert_eq!(val("Rs 500"), Some((500.0, Some("INR"))));
        assert_eq!(val("5.93 mln dlrs"), Some((5.93e6, None)));
        assert_eq!(val("two million"), Some((2e6, None)));
        assert_eq!(val("a dozen"), Some((12.0, None)));
        assert_eq!(val("twenty-five"), Some((25.0, None)));
        assert_eq!(val("one hundred and twenty"), Some((120.0, None)));
        assert_eq!(val("hundreds of"), Some((200.0, None)));
        assert_eq!(val("1.2 trillion"), Some((1.2e12, None)));
        assert_eq!(val("18th"), None);
    }
}
