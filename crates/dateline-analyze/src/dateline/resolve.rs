//! Resolving the dateline's place and country in the gazetteer.

use super::scan::{is_particle, Case, Raw};
use crate::gazetteer::{Candidate, Gazetteer, Within};

/// The place as it goes into the record.
#[derive(Debug)]
pub(super) struct Resolved {
    /// Properly cased name.
    pub place: String,
    /// ISO2 country code.
    pub country: Option<String>,
}

/// Resolves the place, deciding on the way whether the scan really found a dateline (see the
/// module documentation for the rules). `None` when it did not.
pub(super) fn resolve(g: &Gazetteer, raw: &Raw<'_>, lx: &crate::Lexicon) -> Option<Resolved> {
    let lower = raw.place.to_lowercase();
    if lx.dateline.labels.contains(&lower.as_str()) {
        return None;
    }
    // What the qualifiers say: a country, or regions (`Ill.`, `Georgia` may be either).
    let mut q_country: Option<&str> = None;
    let mut q_regions: Vec<(&str, &str)> = Vec::new();
    let mut q_known = true;
    for q in &raw.qualifiers {
        let country = g.country_by_name(q);
        let mut regions = g.admin1_by_name(q);
        if regions.is_empty() && !q.ends_with('.') {
            // `Fla` for `Fla.`: the period is often dropped.
            regions = g.admin1_by_name(&format!("{q}."));
        }
        if country.is_none() && regions.is_empty() {
            q_known = false;
        }
        if q_country.is_none() {
            q_country = country.map(|c| c.code.as_str());
        }
        q_regions.extend(regions.iter().map(|a| (a.country.as_str(), a.code.as_str())));
    }
    // Regions several countries name alike are tried in the English-language wire's usual
    // order: a US state, a Canadian province, an Australian state, then the rest.
    let rank = |c: &str| ["US", "CA", "AU", "GB"].iter().position(|p| *p == c).unwrap_or(usize::MAX);
    q_regions.sort_by_key(|r| rank(r.0));
    let candidate = best_candidate(g, raw.place, q_country, &q_regions);
    let place_country = if candidate.is_none() { g.country_by_name(raw.place).map(|c| c.code.as_str()) } else { None };
    let known = candidate.is_some() || place_country.is_some();
    // Title case needs more evidence than capitals: a known place with a date, credit or
    // known qualifier after it, or an unknown one with a known qualifier and a date or credit
    // (`Scarborough, Ontario, Feb 26 -`).
    let dated = raw.credit || !raw.dates.is_empty();
    let qualified = !raw.qualifiers.is_empty() && q_known;
    // A city in title case with a spaced dash and nothing else (`Paris - `), when it is a city
    // and not a country (`Iran - ` opens a headline).
    let bare_city = raw.spaced_dash && candidate.is_some() && g.country_by_name(raw.place).is_none();
    match raw.case {
        Some(Case::Caps) if !raw.has_structure() && !known => return None,
        // Any other case: a known place, a date and a closing (`omaha, april 7 -`).
        Some(Case::Other) if !(candidate.is_some() && !raw.dates.is_empty() && raw.closed) => return None,
        // A title-case place with a credit alone and no closing reads as a sentence
        // (`Place (Agency) said ...`).
        Some(Case::Title) if raw.credit && raw.dates.is_empty() && raw.qualifiers.is_empty() && !raw.closed => {
            return None
        }
        Some(Case::Title) if bare_city && raw.qualifiers.is_empty() => {}
        Some(Case::Title) if !q_known => return None,
        // A title-case country is not a dateline place (`Iran, Russia: ...` is a headline).
        Some(Case::Title) if !(candidate.is_some() && raw.has_structure() || qualified && dated) => return None,
        None => return None,
        _ => {}
    }
    // A candidate found under the qualifiers agrees with them (it was looked up inside the
    // named country or region), and tells which reading of an ambiguous qualifier was meant:
    // `ATLANTA, Georgia` is in the US state, `TBILISI, Georgia` in the country.
    // A region name several countries use (`Montana`) with no place found in any: the first
    // in that order.
    let country = candidate
        .map(|c| c.place.country.as_str())
        .or(q_country)
        .or_else(|| q_regions.first().map(|r| r.0))
        .or(place_country)
        .map(str::to_string);
    let place = match (candidate, raw.case) {
        (Some(c), _) => c.matched_name.to_string(),
        (None, Some(Case::Caps | Case::Other)) => title_case(raw.place),
        (None, _) => raw.place.to_string(),
    };
    Some(Resolved { place, country })
}

/// The best place of that name given the qualifiers: in the named country, else in one of the
/// named regions, else (no qualifier at all) the best-ranked anywhere.
fn best_candidate<'g>(
    g: &'g Gazetteer,
    place: &str,
    country: Option<&str>,
    regions: &[(&str, &str)],
) -> Option<Candidate<'g>> {
    if let Some(c) = country {
        if let Some(hit) = g.best_within(place, Within { country: Some(c), admin1: None }) {
            return Some(hit);
        }
    }
    for &(c, a) in regions {
        if let Some(hit) = g.best_within(place, Within { country: Some(c), admin1: Some(a) }) {
            return Some(hit);
        }
    }
    if country.is_none() && regions.is_empty() {
        return g.best_within(place, Within::default());
    }
    None
}

/// `ST. LOUIS` → `St. Louis`, `PORT-AU-PRINCE` → `Port-au-Prince`, `D.C.` stays.
pub(super) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    let mut first_word = true;
    let flush = |word: &mut String, out: &mut String, first: &mut bool| {
        if word.is_empty() {
            return;
        }
        let lower = word.to_lowercase();
        if !*first && is_particle(&lower) {
            out.push_str(&lower);
        } else {
            // Capitalise the first letter and any letter after `.` or an apostrophe that
            // follows a single letter (`D.C.`, `O'Hare`).
            let mut cap_next = true;
            let mut run = 0;
            for c in lower.chars() {
                if cap_next && c.is_alphabetic() {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                if c.is_alphabetic() {
                    run += 1;
                    cap_next = false;
                } else {
                    cap_next = c == '.' || (run == 1 && matches!(c, '\'' | '\u{2019}'));
                    run = 0;
                }
            }
        }
        word.clear();
        *first = false;
    };
    for c in s.chars() {
        if c == ' ' || c == '-' {
            flush(&mut word, &mut out, &mut first_word);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out, &mut first_word);
    out
}

#[cfg(test)]
mod tests {
    use super::title_case;

    #[test]
    fn titles() {
        assert_eq!(title_case("ST. LOUIS"), "St. Louis");
        assert_eq!(title_case("PORT-AU-PRINCE"), "Port-au-Prince");
        assert_eq!(title_case("RIO DE JANEIRO"), "Rio de Janeiro");
        assert_eq!(title_case("D.C."), "D.C.");
        assert_eq!(title_case("O'HARE"), "O'Hare");
        assert_eq!(title_case("SUFFIELD"), "Suffield");
    }
}
