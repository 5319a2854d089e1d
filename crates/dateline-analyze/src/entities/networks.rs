//! "the Haqqani network", "the Kestrel network": a name followed by the lower-case noun
//! "network" names a network (a militant group, a broadcaster, a smuggling ring), an
//! organisation whose name includes the noun. The recogniser stops before the lower-case word
//! and reads the name alone as a person or a place.

use super::{tok, Cand, Kind, Source, Tok};

/// Extends the recogniser's mentions in `model` right before a lower-case "network" (one space
/// between, the same sentence) over it, typed as organisations. Nationality words ("the Syrian
/// network") are not names of a network and are left alone.
pub(super) fn named_networks(text: &str, toks: &[Tok], model: &mut [Cand]) {
    for c in model.iter_mut().filter(|c| c.source == Source::Model && c.kind != Kind::Norp) {
        let Some(last) = super::tok_ending(toks, c.end) else { continue };
        let next = last + 1;
        let same = toks.get(next).is_some_and(|t| t.sentence == toks[last].sentence);
        if same && tok(text, toks, next) == "network" && text.get(c.end..toks[next].start) == Some(" ") {
            c.end = toks[next].end;
            c.name_end = c.end;
            c.kind = Kind::Org;
        }
    }
}
