//! Names listed after a plural noun for organisations that nobody found: "groups including the
//! Harbour Workers Association, Open Doors and Voices for Rivers", "parties such as Tamsin
//! Forward". The list's cue says every item is an organisation; the recogniser often misses
//! the items made of common words ("Open Doors"). An item no mention covers becomes an
//! organisation (the items it did find are retyped by `companies_by_evidence`).

use super::mentions::cand;
use super::{capitalised, tok, Cand, Kind, Source, Tok};

/// How many tokens after its cue a list is read (a list of a dozen names of a few words).
const MAX_LIST: usize = 48;

/// Words inside a name of the list, between its capitalised words ("Voices for Rivers",
/// "Friends of the Valley").
fn inner(w: &str) -> bool {
    matches!(w, "of" | "for" | "the" | "on" | "&" | "'s" | "'" | "’s" | "’" | "-")
}

/// Adds an organisation for each item of a list after a plural noun for organisations
/// (`entities/org-plurals.txt`) and "such as", "including" or "like" that no mention of `out`
/// overlaps. An item is an optional "the", then capitalised words with [`inner`] words between
/// them, ending in a capitalised word; items are separated by commas, "and", "or"; a
/// parenthesised acronym after an item is skipped; the list ends at any other word ("and"
/// always separates: "Friends and Neighbours" is read as two names). A weekday or a month
/// alone is no item ("banks like Monday's ruling"). `out` is in text order and stays so.
pub(super) fn orgs_listed_after_plurals(text: &str, toks: &[Tok], out: &mut Vec<Cand>, lx: &crate::Lexicon) {
    let mut found = Vec::new();
    for c in 1..toks.len() {
        let start = match tok(text, toks, c) {
            "including" | "like" => c + 1,
            "as" if tok(text, toks, c - 1) == "such" && c >= 2 => c + 1,
            _ => continue,
        };
        let noun_at = if tok(text, toks, c) == "as" { c - 2 } else { c - 1 };
        if !lx.entities.org_plurals.contains(&tok(text, toks, noun_at)) {
            continue;
        }
        let s = toks[c].sentence;
        let end = (start + MAX_LIST).min(toks.len());
        let same = |k: usize| k < end && toks[k].sentence == s;
        let mut k = start;
        loop {
            if same(k) && tok(text, toks, k).eq_ignore_ascii_case("the") {
                k += 1;
            }
            // the item: capitalised words and inner words, ending in a capitalised word
            let a = k;
            let mut last = None;
            while same(k) {
                let w = tok(text, toks, k);
                if capitalised(w) {
                    last = Some(k);
                } else if !inner(w) {
                    break;
                }
                k += 1;
            }
            let Some(z) = last.filter(|_| capitalised(tok(text, toks, a))) else { break };
            if !(z == a && super::mentions::is_calendar_word(tok(text, toks, a))) {
                found.push((toks[a].start, toks[z].end, s));
            }
            k = z + 1;
            // a parenthesised acronym after the item, then a separator
            if same(k + 2) && tok(text, toks, k) == "(" && tok(text, toks, k + 2) == ")" {
                k += 3;
            }
            let mut sep = false;
            while same(k) && matches!(tok(text, toks, k), "," | "and" | "or") {
                sep = true;
                k += 1;
            }
            if !sep {
                break;
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let before = out.len();
    for (a, b, s) in found {
        // (`out` is in text order and does not overlap itself: the mention starting last
        // before `b` is the only one that can overlap)
        let i = out[..before].partition_point(|m| m.start < b);
        if i > 0 && out[i - 1].end > a {
            continue;
        }
        let mut m = cand(a, b, Kind::Org, Source::Rule, s);
        m.name_end = b;
        out.push(m);
    }
    if out.len() > before {
        out.sort_by_key(|m| m.start);
    }
}
