//! Ministries written with a capitalised portfolio and a lower-case head, as some wire styles
//! print them ("the Foreign ministry said", "Defence ministry spokesman Ivo Marek"): the
//! recogniser, trained on text that capitalises both words, often misses them, and the
//! portfolio alone reads as an adjective. The two words are an organisation.

use super::mentions::cand;
use super::{tok, Cand, Kind, Source, Tok};

/// An organisation for each capitalised portfolio (`entities/portfolios.txt`) right before a
/// lower-case "ministry" in the same sentence; "Ministry" in capitals is the recogniser's.
pub(super) fn portfolio_ministries(text: &str, toks: &[Tok], lx: &crate::Lexicon) -> Vec<Cand> {
    let mut out = Vec::new();
    for k in 1..toks.len() {
        if tok(text, toks, k) != "ministry" || toks[k - 1].sentence != toks[k].sentence {
            continue;
        }
        if lx.entities.portfolios.contains(tok(text, toks, k - 1)) {
            out.push(cand(toks[k - 1].start, toks[k].end, Kind::Org, Source::Rule, toks[k].sentence));
        }
    }
    out
}
