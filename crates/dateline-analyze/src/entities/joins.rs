//! Organisation names the recogniser cut in two: a place or nationality word right before an
//! organisation's name belongs to it ("the Westland Farmers Party", "the Norland Federal
//! Reserve").

use super::{demonym, Cand, Kind, Source};
use crate::Resources;

/// Whether `c` may open an organisation's name: a place or a nationality adjective, not the
/// dateline's and not a place extended over a head word ("Kestrel camp").
fn may_lead_org(c: &Cand) -> bool {
    matches!(c.kind, Kind::Gpe | Kind::Loc | Kind::Norp) && c.source != Source::Dateline && c.head.is_none()
}

/// Whether `c` is an organisation's name that a place word may lead: written with lower-case
/// letters (an acronym after a place, "Westland NFU", is two names), not the dateline's, and
/// not itself named after a place or people (a body such as the European Union stands alone:
/// "the Westland European Union referendum" names two).
fn may_follow_place(text: &str, c: &Cand, res: &Resources) -> bool {
    let name = &text[c.start..c.end];
    let first = name.split(' ').next().unwrap_or(name);
    c.kind == Kind::Org
        && c.source != Source::Dateline
        && name.starts_with(char::is_uppercase)
        && name.chars().any(char::is_lowercase)
        && demonym(first, &res.lexicon).is_none()
        && res.gazetteer.country_by_name(first).is_none()
}

/// "the Norland Federal Reserve", "the Westlandic Labour Party": a place or nationality mention
/// followed, one space apart in the same sentence, by an organisation's mention is one
/// organisation, as news corpora annotate it (on the dev sets, 264 organisation names start with
/// a nationality word against 3 written after one; places likewise). `out` is in text order
/// and its mentions do not overlap; so it stays.
pub(super) fn places_leading_orgs(text: &str, out: &mut Vec<Cand>, res: &Resources) {
    let mut joined: Vec<Cand> = Vec::with_capacity(out.len());
    for b in out.drain(..) {
        if let Some(a) = joined.last_mut() {
            if may_lead_org(a)
                && may_follow_place(text, &b, res)
                && a.sentence == b.sentence
                && text.get(a.end..b.start) == Some(" ")
            {
                *a = super::mentions::cand(a.start, b.end, Kind::Org, Source::Rule, a.sentence);
                a.name_end = b.name_end;
                continue;
            }
        }
        joined.push(b);
    }
    *out = joined;
}
