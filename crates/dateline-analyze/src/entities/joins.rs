//! Organisation names the recogniser cut in two: a place or nationality word right before an
//! organisation's name belongs to it ("the Westland Farmers Party", "the Norland Federal
//! Reserve").

use super::mentions::{head_kind, is_calendar_word, is_headline_verb, is_known_place, name_like};
use super::{capitalised, demonym, tok, Cand, Kind, Source, Tok};
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
    let mut plans = Vec::new();
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        // (the cheap tests first: most mentions are not a place right before another mention)
        let adjacent = a.sentence == b.sentence && text.get(a.end..b.start) == Some(" ");
        if adjacent && may_lead_org(a) && may_follow_place(text, b, res) {
            plans.push((i, b.end, 1));
            i += 2;
        } else {
            i += 1;
        }
    }
    apply_joins(out, &plans);
}

/// Whether token `k` can carry on the name of an organisation called after a place ("Falcons" in
/// "the Westbury Falcons", "Philharmonic" in "the Westbury Philharmonic"): a capitalised word with
/// lower-case letters that is no title, nationality, date, function word or headline verb, names
/// no place of its own, and is not a head word that makes the name an event or a place.
fn carries_org_name(text: &str, toks: &[Tok], k: usize, res: &Resources) -> bool {
    let lx = &res.lexicon;
    let w = tok(text, toks, k);
    name_like(w, lx)
        && !w.strip_suffix('s').is_some_and(|t| super::is_person_title(t, lx))
        && !is_calendar_word(w)
        && !is_headline_verb(w)
        && !lx.entities.not_org_after_place.contains(&w)
        && !lx.entities.facility_heads.contains(&w)
        && head_kind(lx, &w.to_lowercase()).is_none()
        && res.gazetteer.country_by_name(w).is_none()
        && res.gazetteer.lookup(w).is_empty()
}

/// Whether most words of each sentence are capitalised (a title-case headline, where a place
/// followed by capitalised words says nothing about a name), by sentence index.
fn title_case_sentences(text: &str, toks: &[Tok]) -> Vec<bool> {
    let n = toks.last().map_or(0, |t| t.sentence + 1);
    let mut counts = vec![(0usize, 0usize); n];
    for (k, t) in toks.iter().enumerate() {
        let w = tok(text, toks, k);
        if w.len() > 3 && w.chars().all(char::is_alphabetic) {
            counts[t.sentence].0 += 1;
            counts[t.sentence].1 += usize::from(capitalised(w));
        }
    }
    counts.into_iter().map(|(words, caps)| words >= 3 && caps * 10 >= words * 8).collect()
}

/// "the Westbury Falcons", "the Westbury Philharmonic", "Port Avalon Comets": a place's
/// mention followed, one space apart in the same sentence, by one to three capitalised words
/// that name no place and carry on a name ([`carries_org_name`]) and then by a word that does
/// not, is an organisation named after the place (a team, an orchestra, a band), as the dev
/// corpora annotate it. Words the recogniser read as a person or a place inside the run are part
/// of the name. Title-case headlines are left alone. `out` is in text order; so it stays.
pub(super) fn places_naming_orgs(text: &str, toks: &[Tok], out: &mut Vec<Cand>, res: &Resources) {
    // (both counted only when some place is followed by a word that may carry on a name)
    let headline = std::cell::OnceCell::new();
    let people = std::cell::OnceCell::new();
    let ctx = Context { headline: &headline, people: &people };
    let mut plans = Vec::new();
    let mut i = 0;
    while i < out.len() {
        match org_run_after_place(text, toks, out, i, &ctx, res) {
            Some((end, absorbed)) => {
                plans.push((i, end, absorbed));
                i += 1 + absorbed;
            }
            None => i += 1,
        }
    }
    apply_joins(out, &plans);
}

/// What [`org_run_after_place`] reads of the whole article, each counted the first time it is
/// asked.
struct Context<'a, 't> {
    /// Whether each sentence is a title-case headline ([`title_case_sentences`]).
    headline: &'a std::cell::OnceCell<Vec<bool>>,
    /// How many person mentions each name has: a name that stands alone elsewhere is that person
    /// after a place ("in Westbury Odhiambo said ... Odhiambo added"), not part of a name.
    people: &'a std::cell::OnceCell<rustc_hash::FxHashMap<&'t str, usize>>,
}

/// How many person mentions each name of `out` has.
fn person_counts<'t>(text: &'t str, out: &[Cand]) -> rustc_hash::FxHashMap<&'t str, usize> {
    let mut people: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for c in out.iter().filter(|c| c.kind == Kind::Person) {
        *people.entry(&text[c.start..c.end]).or_default() += 1;
    }
    people
}

/// For the place mention `out[i]`, where the organisation named after it ends and how many of
/// the mentions after it the name takes in, if one follows ([`places_naming_orgs`]).
fn org_run_after_place<'t>(
    text: &'t str,
    toks: &[Tok],
    out: &[Cand],
    i: usize,
    ctx: &Context<'_, 't>,
    res: &Resources,
) -> Option<(usize, usize)> {
    let a = &out[i];
    if !matches!(a.kind, Kind::Gpe | Kind::Loc) || a.source == Source::Dateline || a.head.is_some() {
        return None;
    }
    let last = super::tok_ending(toks, a.end)?;
    let s = toks[last].sentence;
    // (the cheap test first: most places are not followed by a capitalised word)
    if toks.get(last + 1).map(|t| text.get(a.end..t.start)) != Some(Some(" "))
        || !capitalised(tok(text, toks, last + 1))
    {
        return None;
    }
    // a place the gazetteer knows, or a name starting with one ("Port Avalon Sound"): not a
    // person's first name the recogniser took for a place
    let name = &text[a.start..a.end];
    if !is_known_place(name, res) && !is_known_place(name.split(' ').next().unwrap_or(name), res) {
        return None;
    }
    let same = |k: usize| toks.get(k).is_some_and(|t| t.sentence == s);
    let mut k = last + 1;
    while same(k) && k - last <= 3 && carries_org_name(text, toks, k, res) {
        k += 1;
    }
    // the run ends at a word that carries on no name: a capitalised one shows a longer name
    // (a title, a place) the run did not take in whole
    if k == last + 1 || (same(k) && capitalised(tok(text, toks, k))) {
        return None;
    }
    if ctx.headline.get_or_init(|| title_case_sentences(text, toks)).get(s).copied().unwrap_or(true) {
        return None;
    }
    let end = toks[k - 1].end;
    // the mentions inside the run must be the recogniser's people or places, inside it, and no
    // person named alone elsewhere
    let mut absorbed = 0;
    for c in out[i + 1..].iter().take_while(|c| c.start < end) {
        let name = &text[c.start..c.end];
        // (a person of several words, or with a known first name, is a person after a place:
        // "U.S. Presidents Richard Nixon and ...")
        let named_elsewhere = c.kind == Kind::Person
            && (name.contains(' ')
                || crate::quotes::is_first_name(name)
                || ctx.people.get_or_init(|| person_counts(text, out)).get(name).is_some_and(|&n| n > 1));
        if c.source != Source::Model
            || !matches!(c.kind, Kind::Person | Kind::Loc | Kind::Gpe)
            || c.end > end
            || named_elsewhere
        {
            return None;
        }
        absorbed += 1;
    }
    Some((end, absorbed))
}

/// A place the gazetteer knows or a continent or world region: what a company's branch is
/// named after.
fn branch_place(name: &str, res: &Resources) -> bool {
    is_known_place(name, res) || res.lexicon.entities.world_regions.contains(&name)
}

/// Whether `c` is a place an organisation's name may end with ([`branch_place`]), found by the
/// recogniser or the country lexicon, not extended over a head word.
fn may_end_org(text: &str, c: &Cand, res: &Resources) -> bool {
    matches!(c.kind, Kind::Gpe | Kind::Loc)
        && matches!(c.source, Source::Model | Source::Lexicon)
        && c.head.is_none()
        && branch_place(&text[c.start..c.end], res)
}

/// "Kestrel Europe", "Kestrel Australia" (a company's branch, after "Kestrel" alone): an
/// organisation's mention followed, one space apart in the same sentence, by a known place is
/// one organisation; so is a place right after a word that names organisations by their place
/// ("Air <country>" for airlines, `entities/org-before-place.txt`). `out` is in text order and
/// its mentions do not overlap; so it stays.
pub(super) fn orgs_ending_in_places(text: &str, toks: &[Tok], out: &mut Vec<Cand>, res: &Resources) {
    let lx = &res.lexicon;
    let mut joined: Vec<Cand> = Vec::with_capacity(out.len());
    for b in out.drain(..) {
        // (the cheap tests first: most mentions are no place, most places follow no
        // organisation and no listed word)
        if !matches!(b.kind, Kind::Gpe | Kind::Loc) {
            joined.push(b);
            continue;
        }
        let after_org = joined.last().is_some_and(|a| {
            a.kind == Kind::Org
                && a.source != Source::Dateline
                && a.head.is_none()
                && a.sentence == b.sentence
                && text.get(a.end..b.start) == Some(" ")
        });
        let first = super::tok_at(toks, b.start);
        let before = first.and_then(|f| f.checked_sub(1)).filter(|&k| {
            toks[k].sentence == b.sentence
                && joined.last().is_none_or(|a| a.end <= toks[k].start)
                && text.get(toks[k].end..b.start) == Some(" ")
                && lx.entities.org_before_place.contains(&tok(text, toks, k))
        });
        if !(after_org || before.is_some()) || !may_end_org(text, &b, res) {
            joined.push(b);
            continue;
        }
        match (joined.last_mut(), before) {
            (Some(a), _) if after_org => {
                *a = super::mentions::cand(a.start, b.end, Kind::Org, Source::Rule, a.sentence);
            }
            // "Air" + a country: the word before is no mention's
            (_, Some(k)) => {
                joined.push(super::mentions::cand(toks[k].start, b.end, Kind::Org, Source::Rule, b.sentence))
            }
            _ => joined.push(b),
        }
    }
    *out = joined;
}

/// "Kestrel Europe" read whole as a place, in an article that names the company
/// "Kestrel": a recogniser's mention made of an organisation's name in the article and a known
/// place is that organisation's branch, an organisation.
pub(super) fn org_branches(text: &str, out: &mut [Cand], res: &Resources) {
    let orgs: rustc_hash::FxHashSet<&str> =
        out.iter().filter(|c| c.kind == Kind::Org).map(|c| &text[c.start..c.name_end]).collect();
    if orgs.is_empty() {
        return;
    }
    for c in out.iter_mut().filter(|c| c.source == Source::Model && matches!(c.kind, Kind::Gpe | Kind::Loc)) {
        let name = &text[c.start..c.name_end];
        let branch =
            name.match_indices(' ').any(|(at, _)| orgs.contains(&name[..at]) && branch_place(&name[at + 1..], res));
        if branch {
            c.kind = Kind::Org;
            c.source = Source::Rule;
            c.country = None;
        }
    }
}

/// "the Ministry of Fisheries and Oceans", "the Party for Farmers and Workers": an
/// organisation's name that names what it is "of" or "for" goes on over "and" and one to three
/// capitalised words, when those words end the run of capitalised words and start no other
/// organisation (no organisation head word among them: "the Ministry of Defence and Home Office"
/// names two), "the" does not follow "and" ("the Party of X and the Y Party") and the words are
/// no organisation's or person's mention of their own (but the guess of the sayer rule, one word
/// before a verb of saying). The recogniser's and the rules' spans stop at the
/// "and". Places inside the extension are taken in ("... of England and Wales"). `out` is in text
/// order and stays so.
pub(super) fn coordinated_org_names(text: &str, toks: &[Tok], out: &mut Vec<Cand>, res: &Resources) {
    let mut plans = Vec::new();
    let mut i = 0;
    while i < out.len() {
        match org_over_and(text, toks, out, i, res) {
            Some((end, absorbed)) => {
                plans.push((i, end, absorbed));
                i += 1 + absorbed;
            }
            None => i += 1,
        }
    }
    apply_joins(out, &plans);
}

/// For the organisation's mention `out[i]`, where its name ends over "and" and how many of the
/// mentions after it the name takes in, if it goes on ([`coordinated_org_names`]).
fn org_over_and(text: &str, toks: &[Tok], out: &[Cand], i: usize, res: &Resources) -> Option<(usize, usize)> {
    let lx = &res.lexicon;
    let c = &out[i];
    if c.kind != Kind::Org || c.source == Source::Dateline {
        return None;
    }
    let last = super::tok_ending(toks, c.end)?;
    let name = &text[c.start..c.end];
    if tok(text, toks, last + 1) != "and" || !(name.contains(" of ") || name.contains(" for ")) {
        return None;
    }
    let s = toks[last].sentence;
    let same = |k: usize| toks.get(k).is_some_and(|t| t.sentence == s);
    let mut k = last + 2;
    while same(k) && k - last <= 4 && name_like(tok(text, toks, k), lx) {
        k += 1;
    }
    let run = last + 2..k;
    let org_head = run.clone().any(|j| lx.entities.org_heads.contains_ignore_ascii_case(tok(text, toks, j)));
    // an item of a list written without articles ("X, Y of Z and W") ends at the "and"
    let listed = super::tok_at(toks, c.start).and_then(|f| f.checked_sub(1)).is_some_and(|b| tok(text, toks, b) == ",");
    // (the run ends the capitalised words: no longer name goes on after it)
    let ends_capitals = !same(k) || !capitalised(tok(text, toks, k));
    let ok = !listed
        && !run.is_empty()
        && k - last <= 4
        && ends_capitals
        && !matches!(tok(text, toks, k), "of" | "for")
        && !org_head;
    if !ok {
        return None;
    }
    let end = toks[k - 1].end;
    // the mentions inside the run must lie inside it and be no organisation's or person's
    // (a person's name of one word before a verb of saying is the sayer rule's guess: "the
    // Ministry of Fisheries and Oceans said")
    let next = tok(text, toks, k);
    let sayer = k == last + 3 && (lx.entities.saying.contains(&next) || lx.entities.reporting.contains(&next));
    let fits = |o: &Cand| o.end <= end && o.kind != Kind::Org && (o.kind != Kind::Person || sayer);
    let inside = out[i + 1..].iter().take_while(|o| o.start < end).count();
    out[i + 1..i + 1 + inside].iter().all(fits).then_some((end, inside))
}

/// "Kestrel Preparatory School ... Kestrel's campus": a recogniser's person, place or
/// organisation mention of one word that starts an organisation's name of the article ending in an organisation head
/// word ("School", "Corp", "Party") is that organisation's short name, unless it names a place
/// the gazetteer knows or a nationality, or starts or ends a person's name in the article.
/// Runs before propagation, so every occurrence of the short name follows; the merge joins it to
/// the full name (as an acronym's use joins its long form).
pub(super) fn short_org_names(text: &str, out: &mut [Cand], res: &Resources) {
    let lx = &res.lexicon;
    // first word → where the first organisation name it starts begins
    let mut firsts: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for c in out.iter().filter(|c| c.kind == Kind::Org) {
        let name = &text[c.start..c.name_end];
        let Some((first, rest)) = name.split_once(' ') else { continue };
        let head = rest.rsplit(' ').next().unwrap_or(rest);
        if lx.entities.org_heads.contains_ignore_ascii_case(head) {
            firsts.entry(first).or_insert(c.start);
        }
    }
    if firsts.is_empty() {
        return;
    }
    let mut people: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for c in out.iter().filter(|c| c.kind == Kind::Person) {
        let name = &text[c.start..c.name_end];
        if let Some((first, rest)) = name.split_once(' ') {
            people.insert(first);
            people.insert(rest.rsplit(' ').next().unwrap_or(rest));
        }
    }
    for c in out.iter_mut() {
        // (an organisation of one word too: the same name, typed right, joins the full name)
        let guess = c.source == Source::Model && matches!(c.kind, Kind::Person | Kind::Loc | Kind::Gpe | Kind::Org);
        if !guess {
            continue;
        }
        let w = &text[c.start..c.end];
        let Some(&long) = firsts.get(w) else { continue };
        if w.contains(' ') || people.contains(w) || is_known_place(w, res) || demonym(w, lx).is_some() {
            continue;
        }
        c.kind = Kind::Org;
        c.source = Source::Rule;
        c.country = None;
        c.alias_of = Some(long);
    }
}

/// Rebuilds `out` (in text order) with each planned join applied: `(i, end, absorbed)` makes
/// `out[i]` an organisation's mention ending at `end` in place of it and the `absorbed`
/// mentions after it. `plans` are in order of `i` and do not overlap.
fn apply_joins(out: &mut Vec<Cand>, plans: &[(usize, usize, usize)]) {
    if plans.is_empty() {
        return;
    }
    let mut joined: Vec<Cand> = Vec::with_capacity(out.len());
    let mut next = plans.iter().peekable();
    let mut skip = 0;
    for (i, c) in std::mem::take(out).into_iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        match next.peek() {
            Some(&&(at, end, absorbed)) if at == i => {
                next.next();
                let mut j = super::mentions::cand(c.start, end, Kind::Org, Source::Rule, c.sentence);
                j.alias_of = c.alias_of;
                joined.push(j);
                skip = absorbed;
            }
            _ => joined.push(c),
        }
    }
    *out = joined;
}
