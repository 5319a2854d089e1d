//! Amounts in other languages: "plus de 130.000 contaminations", "5,3 milliards de dollars",
//! "3.000 millones de euros", "rund 30 Prozent", with value, unit and qualifier.
//!
//! These languages write the decimal mark as a comma and group thousands with dots or spaces;
//! a number counts as an amount only with a unit after it (a noun, a currency or percent), so
//! years, days and house numbers stay out.

use dateline_text::segment::{Token, TokenKind};
use dateline_text::Span;

use super::lexicon::Lists;
use super::split_elided;
use crate::amounts::currency_name;
use crate::{Amount, TimeExpr};

/// Currency signs and the ISO codes the English stage gives them.
const CURRENCY_SIGNS: [(&str, &str); 4] = [("€", "EUR"), ("$", "USD"), ("£", "GBP"), ("¥", "JPY")];

/// The amounts of an article in `lex`'s language; numbers inside `times` are dates, not amounts.
pub(crate) fn find(text: &str, toks: &[Token], lex: &Lists, times: &[TimeExpr]) -> Vec<Amount> {
    let low: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
    let w = |i: usize| low.get(i).map_or("", String::as_str);
    let in_time = |b: usize| {
        let k = times.partition_point(|t| t.span.1 <= b);
        times.get(k).is_some_and(|t| t.span.0 <= b)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].kind != TokenKind::Number || in_time(toks[i].span.0) {
            i += 1;
            continue;
        }
        // "130 000": groups of three digits after single spaces belong to the number
        let mut last = i;
        while toks.get(last + 1).is_some_and(|n| {
            n.kind == TokenKind::Number
                && n.text(text).len() == 3
                && n.text(text).bytes().all(|b| b.is_ascii_digit())
                && matches!(&text[toks[last].span.1..n.span.0], " " | "\u{a0}" | "\u{202f}")
        }) {
            last += 1;
        }
        let digits = &text[toks[i].span.0..toks[last].span.1];
        let Some(mut value) = parse_number(digits) else {
            i = last + 1;
            continue;
        };
        let mut j = last + 1;
        while let Some(&p) = lex.multipliers.get(w(j)) {
            value *= 10f64.powi(p);
            j += 1;
        }
        let sign = i.checked_sub(1).and_then(|k| CURRENCY_SIGNS.iter().find(|(s, _)| w(k) == *s));
        let money = |code: &'static str| Some((currency_name(code).to_string(), Some(code)));
        let (unit, end) = if w(j) == "%" {
            (Some(("percent".to_string(), None)), j)
        } else if let Some(p) = lex.percent.iter().find(|p| p.iter().enumerate().all(|(k, x)| w(j + k) == x)) {
            (Some(("percent".to_string(), None)), j + p.len() - 1)
        } else if let Some((_, code)) = CURRENCY_SIGNS.iter().find(|(s, _)| w(j) == *s) {
            (money(code), j)
        } else if let Some((_, code)) = sign {
            (money(code), j - 1)
        } else {
            let (unit, end) = unit_after(text, toks, &w, lex, j);
            (
                unit.map(|u| {
                    let code = currency_word(&u);
                    (u, code)
                }),
                end,
            )
        };
        let Some((unit, currency)) = unit else {
            i = last + 1;
            continue;
        };
        let first_num = if sign.is_some() && end < i { i - 1 } else { i };
        let (first, qualifier) = qualifier_before(&w, lex, first_num);
        let end = end.max(last);
        let span = Span(toks[first].span.0, toks[end].span.1);
        out.push(Amount {
            text: text[span.0..span.1].to_string(),
            value,
            unit: Some(unit),
            currency: currency.map(str::to_string),
            qualifier,
            about: None,
            span,
        });
        i = end + 1;
    }
    out
}

/// The ISO code of a currency word these languages share ("dollars", "dólares", "Euro"):
/// dollars with no country are US dollars, as in the English stage.
fn currency_word(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    if w.starts_with("dollar") || w.starts_with("dólar") {
        return Some("USD");
    }
    matches!(w.as_str(), "euro" | "euros").then_some("EUR")
}

/// The number a token gives in these languages: "130.000" and "130 000" are 130000, "5,3" is
/// 5.3; "1,234,567" (several commas) is read with commas as thousands.
fn parse_number(s: &str) -> Option<f64> {
    let s: String = s.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let plain = if commas > 1 {
        s.replace(',', "")
    } else if dots > 1 || (dots == 1 && commas == 1) {
        s.replace('.', "").replace(',', ".")
    } else if dots == 1 {
        // "130.000" groups thousands; "2.5" (a translated text) is a decimal
        let (_, after) = s.split_once('.')?;
        if after.len() == 3 {
            s.replace('.', "")
        } else {
            s.clone()
        }
    } else {
        s.replace(',', ".")
    };
    plain.parse().ok().filter(|v: &f64| v.is_finite())
}

/// The counted noun after a number ("contaminations", "de dollars", "d'euros", "Euro"): the
/// unit as written and the last token.
fn unit_after<'w>(
    text: &str,
    toks: &[Token],
    w: &impl Fn(usize) -> &'w str,
    lex: &Lists,
    j: usize,
) -> (Option<String>, usize) {
    let nouns_capitalised = super::lexicon::NOUNS_CAPITALISED.contains(&lex.code);
    let mut k = j;
    if matches!(w(k), "de" | "di" | "do" | "da" | "del") {
        k += 1;
    }
    let Some(t) = toks.get(k).filter(|t| t.kind == TokenKind::Word) else { return (None, j) };
    let mut word = t.text(text);
    // an elided "de" in the unit's own token: "d'euros"
    if let Some((d, rest)) = split_elided(word) {
        if matches!(d, "d'" | "D'" | "d\u{2019}" | "D\u{2019}") && !rest.is_empty() {
            word = rest;
        }
    }
    let lower = word.chars().next().is_some_and(char::is_lowercase);
    let function = lex.closed_class(word)
        || Lists::has(&lex.auxiliaries, word)
        || lex.months.contains_key(&word.to_lowercase())
        || lex.weekdays.contains_key(&word.to_lowercase());
    if function || !(lower || nouns_capitalised) || word.chars().count() < 3 {
        return (None, j);
    }
    (Some(word.to_string()), k)
}

/// The qualifier phrase ending right before token `i` ("plus de", "rund"), with the token where
/// the amount then starts.
fn qualifier_before<'w>(w: &impl Fn(usize) -> &'w str, lex: &Lists, i: usize) -> (usize, Option<crate::Qualifier>) {
    for (phrase, q) in &lex.qualifiers {
        let n = phrase.len();
        let Some(start) = i.checked_sub(n) else { continue };
        if phrase.iter().enumerate().all(|(k, x)| w(start + k) == x) {
            return (start, Some(*q));
        }
    }
    (i, None)
}
