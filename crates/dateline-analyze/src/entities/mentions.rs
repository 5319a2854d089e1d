//! Candidate mentions: the recogniser's spans, lexicon and rule mentions, overlap resolution and
//! fine typing.

use dateline_ner::lexicon::{Vocabulary, WordMap};
use dateline_ner::Label;
use dateline_text::Span;

use super::{capitalised, demonym, is_person_title, tok, with_lowercase, Cand, Kind, Source, Tok};
use crate::{Dateline, Resources};

pub(super) fn cand(start: usize, end: usize, kind: Kind, source: Source, sentence: usize) -> Cand {
    Cand { start, end, kind, source, country: None, alias_of: None, name_end: end, head: None, sentence }
}

/// All candidate mentions of the article, non-overlapping, in text order.
pub(super) fn find(
    text: &str,
    toks: &[Tok],
    sentences: &[Span],
    res: &Resources,
    dateline: Option<&Dateline>,
    credits: &[Span],
) -> Vec<Cand> {
    let lx = &res.lexicon;
    let mut model = model_mentions(text, toks, res);
    let tag_lines = super::tag_lists::tag_lines(text, toks, res);
    super::tag_lists::drop_runs_over_tags(text, toks, &tag_lines, &mut model, res);
    super::networks::named_networks(text, toks, &mut model);
    extend_org_names(text, toks, &mut model, lx);
    shouted_org_heads(text, toks, &mut model, lx);
    modifiers_before_titles(text, toks, &mut model, res);
    let mut rules = Vec::new();
    if let Some(d) = dateline {
        rules.extend(dateline_mentions(text, toks, d));
    }
    // Agencies credited outside the dateline (a byline's `By Jane Roe, Agency`).
    for &c in credits {
        if text.get(c.0..c.1).is_some_and(|s| !s.is_empty()) {
            let sentence = super::tok_at(toks, c.0).map_or(0, |i| toks[i].sentence);
            rules.push(cand(c.0, c.1, Kind::Org, Source::Dateline, sentence));
        }
    }
    rules.extend(acronyms_before_titles(text, toks, res));
    rules.extend(acronyms_after_org_words(text, toks, &model, res));
    let mut roles = role_orgs(text, toks, lx);
    swallowing_model_names(&model, &mut roles);
    rules.extend(roles);
    let mut of_places = orgs_of_places(text, toks, lx, &model);
    within_model_orgs(&model, &mut of_places);
    rules.extend(of_places);
    rules.extend(facility_names(text, toks, lx));
    rules.extend(places_after_nouns(text, toks, lx));
    rules.extend(events_of_places(text, toks, res));
    let lexicon_places = known_places_after_prepositions(text, toks, res);
    rules.extend(places_before_heads(text, toks, res));
    rules.extend(names_after_titles(text, toks, &model, res));
    rules.extend(names_after_roles(text, toks, lx));
    rules.extend(places_before_plural_heads(text, toks, lx));
    rules.extend(super::ministries::portfolio_ministries(text, toks, lx));
    let lexicon = lexicon_mentions(text, toks, res);
    // Rules and the dateline first (longest first), then model and lexicon mentions, longer
    // first and the lexicon ahead on ties.
    rules.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start));
    model.extend(lexicon);
    model.extend(lexicon_places);
    model.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.source != Source::Lexicon, c.start));
    let mut out: Vec<Cand> = Vec::new();
    let mut kept = Kept::default();
    for c in rules.into_iter().chain(model) {
        if !kept.overlaps(c.start, c.end) {
            kept.insert(c.start, c.end);
            out.push(c);
        }
    }
    // last, the names nobody found that say or report something
    out.extend(super::reporters::reporters(text, toks, |a, b| kept.overlaps(a, b), lx));
    out.sort_by_key(|c| c.start);
    super::listed::orgs_listed_after_plurals(text, toks, &mut out, lx);
    super::surnames::demonym_surnames(text, toks, &mut out, lx);
    super::common_words::trim_shouted_verbs(text, toks, &mut out, lx);
    for c in &mut out {
        refine(text, toks, c, res);
    }
    super::definitions::defined_places(text, toks, &mut out, lx);
    super::joins::places_leading_orgs(text, &mut out, res);
    super::joins::places_naming_orgs(text, toks, &mut out, res);
    super::joins::orgs_ending_in_places(text, toks, &mut out, res);
    super::joins::org_branches(text, &mut out, res);
    super::joins::coordinated_org_names(text, toks, &mut out, res);
    super::joins::short_org_names(text, &mut out, res);
    propagate(text, toks, &mut out, res);
    // (again: propagation finds the names the recogniser missed in their definitions)
    super::definitions::defined_places(text, toks, &mut out, lx);
    super::events::event_names(text, toks, &mut out, lx);
    super::common_words::drop_sentence_initial_common_words(text, toks, &mut out);
    super::common_words::drop_plural_acronyms(text, &mut out);
    super::bare_titles::drop_bare_titles(text, toks, &mut out, lx);
    super::common_words::drop_shouted_function_words(text, toks, &mut out, lx);
    super::tag_lists::keep_names_told_elsewhere(text, toks, &tag_lines, &mut out, res);
    let (long_forms, aliases): (Vec<Cand>, Vec<Cand>) =
        acronyms(text, toks, &out).into_iter().partition(|a| a.alias_of.is_none());
    for a in long_forms {
        // a long form found through its acronym replaces the shorter mentions it covers
        out.retain(|o| o.source == Source::Dateline || o.end <= a.start || o.start >= a.end);
        out.push(a);
    }
    // Each later use of an acronym retypes the mention it coincides with, or is a new mention
    // when it overlaps none: the first overlapping mention by start, found by binary search.
    out.sort_by_key(|c| c.start);
    let max_end: Vec<usize> = out
        .iter()
        .scan(0, |m, c| {
            *m = c.end.max(*m);
            Some(*m)
        })
        .collect();
    let mut new_aliases = Vec::new();
    for a in aliases {
        let first = max_end.partition_point(|&e| e <= a.start);
        if let Some(o) = out.get_mut(first).filter(|o| o.start < a.end) {
            if o.start == a.start && o.end == a.end && o.source != Source::Dateline {
                o.kind = a.kind;
                o.alias_of = a.alias_of;
                o.source = Source::Rule;
            }
            continue;
        }
        new_aliases.push(a);
    }
    out.extend(new_aliases);
    let unintroduced = acronyms_of_names(text, toks, &mut out);
    out.extend(unintroduced);
    let inside = places_inside_events(text, &out, res);
    if !inside.is_empty() {
        // (rare: the places events are named after, found elsewhere in the article too, when
        // the recogniser missed them there)
        out.extend(inside);
        out.sort_by_key(|c| c.start);
        propagate(text, toks, &mut out, res);
    }
    out.sort_by_key(|c| c.start);
    let _ = sentences;
    out
}

/// Where the recogniser's mentions of one kind start and end (byte offsets, sorted), for the rules
/// that stop at or step over them.
struct Bounds {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Bounds {
    /// The bounds of the mentions of one kind.
    fn of(model: &[Cand], kind: Kind) -> Bounds {
        Bounds::matching(model, |c| c.kind == kind)
    }

    /// The bounds of the mentions `keep` accepts.
    fn matching(model: &[Cand], keep: impl Fn(&Cand) -> bool) -> Bounds {
        let kept = || model.iter().filter(|c| keep(c));
        let mut starts: Vec<usize> = kept().map(|c| c.start).collect();
        let mut ends: Vec<usize> = kept().map(|c| c.end).collect();
        starts.sort_unstable();
        ends.sort_unstable();
        Bounds { starts, ends }
    }

    fn starts_at(&self, at: usize) -> bool {
        self.starts.binary_search(&at).is_ok()
    }

    fn ends_at(&self, at: usize) -> bool {
        self.ends.binary_search(&at).is_ok()
    }
}

/// "the Federation of Growers and Millers of Westland": a rule's organisation "X of Y" that
/// stops at "and" inside a longer organisation the recogniser read is dropped, so that the
/// recogniser's name stands. `model` is in text order and non-overlapping.
pub(super) fn within_model_orgs(model: &[Cand], rules: &mut Vec<Cand>) {
    rules.retain(|r| {
        let k = model.partition_point(|c| c.start <= r.start);
        !k.checked_sub(1).is_some_and(|k| {
            let c = &model[k];
            c.kind == Kind::Org && c.start <= r.start && c.end >= r.end && c.end - c.start > r.end - r.start
        })
    });
}

/// "the head of the KGP criticised the rival Kestrel Farmers Party": a role phrase's organisation that
/// holds a name the recogniser found after its own start is no organisation written in lower
/// case but words around names; it is dropped. `model` is in text order and non-overlapping.
pub(super) fn swallowing_model_names(model: &[Cand], rules: &mut Vec<Cand>) {
    rules.retain(|r| {
        let k = model.partition_point(|c| c.start <= r.start);
        !model.get(k).is_some_and(|c| c.start < r.end && c.end <= r.end)
    });
}

/// "KLPA Director Ivo Dak", "the WFA Deputy Chairman": an acronym right before a capitalised title
/// and a name (or another title) is the organisation the person works for, unless it is a place
/// the gazetteer knows ("US President X") or is itself a title ("CEO").
pub(super) fn acronyms_before_titles(text: &str, toks: &[Tok], res: &Resources) -> Vec<Cand> {
    let lx = &res.lexicon;
    let mut out = Vec::new();
    for i in 0..toks.len().saturating_sub(2) {
        let w = tok(text, toks, i);
        // (the cheap test first: few words are acronyms)
        if w.len() < 2 || !is_acronym(w) || w.contains('.') {
            continue;
        }
        let same = |k: usize| toks.get(k).is_some_and(|t| t.sentence == toks[i].sentence);
        let title = tok(text, toks, i + 1);
        let after = tok(text, toks, i + 2);
        if !same(i + 2) || !capitalised(title) || !is_person_title(title, lx) || !title.chars().any(char::is_lowercase)
        {
            continue;
        }
        if !(name_like(after, lx) || capitalised(after) && is_person_title(after, lx)) {
            continue;
        }
        if is_person_title(w, lx) || demonym(w, lx).is_some() || is_known_place(w, res) {
            continue;
        }
        out.push(cand(toks[i].start, toks[i].end, Kind::Org, Source::Rule, toks[i].sentence));
    }
    out
}

/// "the Foreign Office" ... "the FO": an acronym nobody introduced, found by no one, whose letters
/// are the initials of an organisation named in the article, is a mention of an organisation
/// (the merge joins it to the name). `out` is sorted by start on return.
fn acronyms_of_names(text: &str, toks: &[Tok], out: &mut [Cand]) -> Vec<Cand> {
    let mut by_initials: std::collections::HashMap<String, ()> = std::collections::HashMap::new();
    for c in out.iter().filter(|c| c.kind == Kind::Org) {
        let name = &text[c.start..c.name_end];
        for ini in [initials(name), camel_initials(name)] {
            if name.contains(' ') && ini.chars().count() >= 2 {
                by_initials.insert(ini, ());
            }
        }
    }
    if by_initials.is_empty() {
        return Vec::new();
    }
    out.sort_by_key(|c| c.start);
    let starts: Vec<usize> = out.iter().map(|c| c.start).collect();
    let max_end: Vec<usize> = out
        .iter()
        .scan(0, |m, c| {
            *m = c.end.max(*m);
            Some(*m)
        })
        .collect();
    let covered = |a: usize, b: usize| {
        let k = starts.partition_point(|&s| s < b);
        k.checked_sub(1).is_some_and(|k| max_end[k] > a)
    };
    let mut found = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let w = tok(text, toks, i);
        if w.len() < 2 || !is_acronym(w) || !by_initials.contains_key(&w.replace('.', "")) {
            continue;
        }
        if !covered(t.start, t.end) {
            found.push(cand(t.start, t.end, Kind::Org, Source::Rule, t.sentence));
        }
    }
    found
}

/// "the 2016 Battle of Mosul", "the Siege of Sarajevo": the place an event is named after is a
/// mention of that place too (nested inside the event's span), when the gazetteer knows it.
fn places_inside_events(text: &str, cands: &[Cand], res: &Resources) -> Vec<Cand> {
    let mut out = Vec::new();
    for c in cands.iter().filter(|c| c.kind == Kind::Event) {
        let name = &text[c.start..c.name_end];
        let Some(at) = name.rfind(" of ") else { continue };
        let place = name[at + 4..].trim_start_matches("the ");
        let start = c.name_end - place.len();
        if !capitalised(place) || place.contains(" of ") {
            continue;
        }
        let known = res.gazetteer.country_by_name(place).is_some() || !res.gazetteer.lookup(place).is_empty();
        if known {
            out.push(cand(start, c.name_end, Kind::Gpe, Source::Rule, c.sentence));
        }
    }
    out
}

/// Names found once are found everywhere: other occurrences of a recognised name (same case, at
/// token boundaries) that the recogniser missed become mentions too.
pub(super) fn propagate(text: &str, toks: &[Tok], out: &mut Vec<Cand>, res: &Resources) {
    let lx = &res.lexicon;
    companies_by_evidence(text, toks, out, lx);
    one_type_per_name(text, out, lx);
    // (with the organisation a short name stands for: "Brandvik" after "Brandvik Polytechnic"
    // is that organisation wherever propagation finds it, at a sentence's start too)
    let mut names: Vec<(String, Kind, Option<usize>)> = Vec::new();
    let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    for c in out.iter() {
        let name = &text[c.start..c.name_end];
        if c.kind == Kind::Norp || c.source == Source::Dateline || name.chars().count() < 3 {
            continue;
        }
        if seen.insert(name) {
            names.push((name.to_string(), c.kind, c.alias_of));
        }
        // a person's surname alone ("Odhiambo said") is that person too
        if c.kind == Kind::Person {
            if let Some((_, last)) = name.rsplit_once(' ') {
                if last.chars().count() >= 3 && capitalised(last) && seen.insert(last) {
                    names.push((last.to_string(), Kind::Person, None));
                }
            }
        }
    }
    let mut added = Vec::new();
    // `out` is sorted by start but refined mentions may reach into the next one: a running
    // maximum of ends answers for them; `added` never overlaps and goes in `kept`.
    let out_starts: Vec<usize> = out.iter().map(|c| c.start).collect();
    let out_max_end: Vec<usize> = out
        .iter()
        .scan(0, |m, c| {
            *m = c.end.max(*m);
            Some(*m)
        })
        .collect();
    let in_out = |a: usize, b: usize| {
        // some `c` with `c.start < b && c.end > a`
        let k = out_starts.partition_point(|&s| s < b);
        k.checked_sub(1).is_some_and(|k| out_max_end[k] > a)
    };
    let mut kept = Kept::default();
    let (found, work) = super::occurrences::occurrences(text, toks, names.iter().map(|(n, _, _)| n.as_str()));
    super::add_work(work);
    for ((name, kind, alias_of), starts) in names.into_iter().zip(found) {
        for a in starts {
            let b = a + name.len();
            let (Some(ta), Some(_)) = (super::tok_at(toks, a), super::tok_ending(toks, b)) else {
                continue;
            };
            if !in_out(a, b) && !kept.overlaps(a, b) {
                kept.insert(a, b);
                let mut c = cand(a, b, kind, Source::Model, toks[ta].sentence);
                refine(text, toks, &mut c, res);
                if c.kind == kind {
                    c.alias_of = alias_of;
                }
                added.push(c);
            }
        }
    }
    out.extend(added);
    out.sort_by_key(|c| c.start);
    // evidence at an occurrence only propagation found ("Kestrel CEO" where the recogniser saw
    // no name) retypes the name too
    companies_by_evidence(text, toks, out, lx);
}

/// Kept mentions, pairwise non-overlapping, for the overlap test of each new candidate in
/// O(log n): `a` and `b` overlap when neither ends at or before the other's start.
#[derive(Default)]
struct Kept {
    /// Non-empty spans by start (their ends are in the same order, as they do not overlap).
    spans: std::collections::BTreeMap<usize, usize>,
    /// Empty spans (a point overlaps a span strictly around it).
    points: std::collections::BTreeSet<usize>,
}

impl Kept {
    /// Whether `[a, b)` overlaps a kept span, as `!(b <= o.start || a >= o.end)` for some `o`.
    fn overlaps(&self, a: usize, b: usize) -> bool {
        // The kept span starting last before `b` has the largest end of all that start before
        // `b`: the only one that can reach past `a`.
        self.spans.range(..b).next_back().is_some_and(|(_, &e)| e > a)
            || a < b && self.points.range(a + 1..b).next().is_some()
    }

    fn insert(&mut self, a: usize, b: usize) {
        if a < b {
            self.spans.insert(a, b);
        } else {
            self.points.insert(a);
        }
    }
}

/// The class a type vote is about: people, organisations, places (GPE, LOC, FAC), events.
fn class(k: Kind) -> usize {
    match k {
        Kind::Person => 0,
        Kind::Org => 1,
        Kind::Gpe | Kind::Loc | Kind::Fac => 2,
        Kind::Event => 3,
        Kind::Norp => 4,
    }
}

/// One type per name in an article: the recogniser's mentions of a name written the same way
/// take the class most mentions of that name have (rules and head words counting double, as in
/// the merge, and the dateline's place and agencies triple; the first mention's class on a tie), so one mistyped mention neither stands apart
/// as another entity nor spreads through [`propagate`].
pub(super) fn one_type_per_name(text: &str, out: &mut [Cand], lx: &crate::Lexicon) {
    // name → (votes per class, the kind and country of the first mention of each class)
    type First = Option<(Kind, Option<String>)>;
    let mut votes: Vec<(&str, [usize; 5], [First; 5])> = Vec::new();
    // Name → its row of `votes`, so each mention is one lookup (a mention storm stays linear).
    let mut row: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for c in out.iter() {
        if c.kind == Kind::Norp {
            continue;
        }
        let name = &text[c.start..c.name_end];
        let k = *row.entry(name).or_insert_with(|| {
            votes.push((name, [0; 5], [None, None, None, None, None]));
            votes.len() - 1
        });
        // The dateline says what its words are ("Tehran, Oct 14, XNA --": the agency).
        let w = match c.source {
            Source::Dateline => 3,
            Source::Model if c.head.is_none() => 1,
            _ => 2,
        };
        let cl = class(c.kind);
        votes[k].1[cl] += w;
        votes[k].2[cl].get_or_insert_with(|| (c.kind, c.country.clone()));
        // "Tomas Fenwick" read as an organisation at some mentions: a known first name and one
        // more name-like word is a person's name, one more vote for a person at each mention
        if c.kind != Kind::Person && first_name_and_surname(name, lx) {
            votes[k].1[0] += 1;
        }
    }
    let winners: rustc_hash::FxHashMap<&str, (usize, Kind, Option<String>)> = votes
        .into_iter()
        .filter_map(|(name, v, mut firsts)| {
            let best = (0..5).max_by_key(|&k| v[k])?;
            // strictly more votes than every other class, else nothing changes
            let clear = (0..5).all(|k| k == best || v[k] < v[best]);
            let (kind, country) = firsts[best].take()?;
            clear.then_some((name, (best, kind, country)))
        })
        .collect();
    for c in out.iter_mut() {
        if c.source != Source::Model || c.head.is_some() || c.kind == Kind::Norp {
            continue;
        }
        let name = &text[c.start..c.name_end];
        if let Some((cl, kind, country)) = winners.get(name) {
            if class(c.kind) != *cl {
                c.kind = *kind;
                c.country.clone_from(country);
            }
        }
    }
}

/// Where a recogniser's mention `a..b` of the sentence starting at token `first` starts without
/// a leading "the": "The" inside a sentence, capitalised and read by the recogniser as the start
/// of a name, with more words after it, is part of it ("members of The Harbour Collective"), not at the
/// sentence's start or after a quotation mark, colon or dash, where any word is capitalised.
pub(super) fn after_leading_the(text: &str, toks: &[Tok], first: usize, mut a: usize, b: usize) -> usize {
    // (a dash too: the one after a dateline, "LONDON, Feb 26 - The Bank of England ...")
    let opens = a == first
        || matches!(tok(text, toks, a - 1), ":" | "\"" | "“" | "‘" | "'" | "`" | "``" | "--" | "—" | "-" | "–");
    while a < b
        && matches!(tok(text, toks, a), "the" | "The" | "THE")
        && (tok(text, toks, a) != "The" || opens || b == a + 1)
    {
        a += 1;
    }
    a
}

/// Where a recogniser's mention `a..b` starts without the conjunction or linking adverb that
/// opens its sentence ("But Harbour Democrats said", "Yet Harbour Authority officials"): capitalised
/// only because it opens the sentence, it is never the first word of the name after it.
fn after_opening_conjunction(text: &str, toks: &[Tok], first: usize, a: usize, b: usize) -> usize {
    let opens = a == first || matches!(tok(text, toks, a - 1), "\"" | "“" | "‘" | "—" | "--");
    let linking = matches!(
        tok(text, toks, a),
        "But"
            | "And"
            | "Yet"
            | "So"
            | "Or"
            | "Nor"
            | "Meanwhile"
            | "However"
            | "Still"
            | "Then"
            | "Also"
            | "Instead"
            | "Indeed"
    );
    if opens && linking && b > a + 1 {
        a + 1
    } else {
        a
    }
}

/// A capitalised possessive determiner ("His", "Their"): a name starts after it ("His Treasury
/// Department" is the department), and one inside a span shows a title-case clause, not a name
/// ("The Party Elite Betrayed Their Voters"). Honorifics stay whole: "Her Majesty", "Your Honor".
fn possessive_determiner(text: &str, toks: &[Tok], k: usize) -> bool {
    matches!(tok(text, toks, k), "His" | "Her" | "Its" | "Their" | "Our" | "My" | "Your")
        && !matches!(
            tok(text, toks, k + 1),
            "Majesty"
                | "Majesty's"
                | "Holiness"
                | "Highness"
                | "Excellency"
                | "Eminence"
                | "Grace"
                | "Lordship"
                | "Royal"
                | "Honor"
                | "Honour"
                | "Worship"
        )
}

/// Whether the recogniser's span `a..b` holds a possessive determiner after its first word, so
/// is a title-case clause ("The Party Elite Betrayed Their Voters"), not a name.
fn is_a_clause(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    (a + 1..b).any(|k| possessive_determiner(text, toks, k))
}

/// A company's closing abbreviation with its full stop ("Co.", "Inc.", "Corp.", "Ltd."; not "Bros.",
/// which often goes on: "Warner Bros. Pictures").
fn is_company_suffix(w: &str) -> bool {
    matches!(w, "Co." | "Inc." | "Corp." | "Ltd.")
}

/// Whether `name` is two words, a first name the tables know and a name-like word that heads no
/// organisation or place ("Tomas Fenwick", not "Christian Democrats" or "Victoria Harbour").
fn first_name_and_surname(name: &str, lx: &crate::Lexicon) -> bool {
    let Some((first, last)) = name.split_once(' ') else { return false };
    let lower = last.to_lowercase();
    !last.contains(' ')
        && crate::quotes::is_first_name(first)
        && name_like(first, lx)
        && name_like(last, lx)
        && !lx.ner.org_words.contains(&lower.as_str())
        && !lx.entities.org_heads.contains(&lower.as_str())
        && head_kind(lx, &lower).is_none()
        && !last.ends_with('s')
}

/// The recogniser's mentions, sentence by sentence, without leading determiners and trailing
/// possessives.
fn model_mentions(text: &str, toks: &[Tok], res: &Resources) -> Vec<Cand> {
    let lx = &res.lexicon;
    let mut out = Vec::new();
    for (i, j) in super::sentence_runs(toks) {
        let s = toks[i].sentence;
        let words: Vec<&str> = (i..j).map(|k| tok(text, toks, k)).collect();
        for (a, b, label) in res.ner.predict(&words) {
            let (mut a, mut b) = (i + a, i + b);
            a = after_leading_the(text, toks, i, a, b);
            a = after_opening_conjunction(text, toks, i, a, b);
            // (with two words left at least: "Your Party" may be a party's name)
            if a + 2 < b && possessive_determiner(text, toks, a) {
                a += 1;
            }
            if is_a_clause(text, toks, a, b) {
                continue;
            }
            // a name ends with a capitalised word or a number: "United States and its allies"
            // → "United States", "US-led coalition" → "US"
            while b > a && {
                let w = tok(text, toks, b - 1);
                !w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            } {
                b -= 1;
            }
            while a < b
                && !capitalised(tok(text, toks, a))
                && !tok(text, toks, a).starts_with(|c: char| c.is_ascii_digit())
            {
                a += 1;
            }
            // a title-case headline: "Harbour Authority Says Port Will Reopen" → the name ends
            // before the first capitalised verb of reporting or auxiliary
            if let Some(k) = (a..b).find(|&k| k > a && is_headline_verb(tok(text, toks, k))) {
                b = k;
            }
            // "D.E. Marek & Co. Ruiz said": a company's closing abbreviation ends its name, and
            // the word after it, read into the name because the abbreviation's full stop also
            // ended the sentence, is not part of it
            if let Some(k) = (a..b).find(|&k| {
                k > a
                    && k + 1 < b
                    && is_company_suffix(tok(text, toks, k))
                    && !is_company_suffix(tok(text, toks, k + 1))
                    && !matches!(
                        tok(text, toks, k + 1),
                        "Ltd"
                            | "Limited"
                            | "LLC"
                            | "LLP"
                            | "LP"
                            | "AG"
                            | "SA"
                            | "NV"
                            | "BV"
                            | "KG"
                            | "GmbH"
                            | "plc"
                            | "PLC"
                            | "Inc"
                            | "&"
                            | ","
                            | "("
                            | "-"
                    )
            }) {
                b = k + 1;
            }
            // "at Harbour Polytechnic on Tuesday": a date after the name is not part of it
            if let Some(k) =
                (a..b).find(|&k| k > a && tok(text, toks, k) == "on" && is_calendar_word(tok(text, toks, k + 1)))
            {
                b = k;
            }
            // a lower-case word inside that is not a connector ("envoy met officials") shows the
            // tagger ran on past the name: drop the span, rules and lexicons cover what is left
            let runaway = (a..b).find(|&k| {
                let w = tok(text, toks, k);
                w.starts_with(char::is_lowercase)
                    && !matches!(
                        w,
                        "of" | "the" | "and" | "for" | "de" | "du" | "la" | "von" | "van" | "al" | "el" | "bin" | "on"
                    )
            });
            if let Some(k) = runaway {
                // ... unless a place ran on over its place noun ("the Hamra district of X"): the
                // capitalised words before the noun are the place
                let w = tok(text, toks, k);
                let place_noun = place_noun_kind(lx, w).is_some();
                if label == Label::Loc && place_noun && k > a && capitalised(tok(text, toks, k - 1)) {
                    b = k;
                } else {
                    continue;
                }
            }
            if a >= b {
                continue;
            }
            // "US $ 7.2 bn", "AU$52": a currency code, not a place
            if b == a + 1 && tok(text, toks, a).len() <= 3 && tok(text, toks, b).starts_with('$') {
                continue;
            }
            let kind = match label {
                Label::Per => Kind::Person,
                Label::Org => Kind::Org,
                Label::Loc => Kind::Loc,
                Label::Event => Kind::Event,
            };
            if kind == Kind::Org {
                // "Shares of Kestrel Mining rose": a common word opening the sentence and "of"
                // are no part of the organisation's name after them
                if b > a + 2 && common_word_of(text, toks, a, lx) {
                    a += 2;
                    while a < b && matches!(tok(text, toks, a), "the" | "The") {
                        a += 1;
                    }
                    if a >= b || !capitalised(tok(text, toks, a)) {
                        continue;
                    }
                }
                // "the Westland European Union debate": a country before a body named after a
                // place or people is a mention of its own
                if b > a + 2 && country_before_named_body(text, toks, a, res) {
                    out.push(cand(toks[a].start, toks[a].end, Kind::Loc, Source::Model, s));
                    a += 1;
                }
            }
            out.push(cand(toks[a].start, toks[b - 1].end, kind, Source::Model, s));
        }
    }
    out
}

/// Whether token `a` opens its sentence, is followed by "of", and is a word that starts no
/// organisation's name "X of Y" (no organisation, facility or place head word, title or
/// nationality): "Shares of", "Parts of", not "Bank of", "University of", "Minister of".
fn common_word_of(text: &str, toks: &[Tok], a: usize, lx: &crate::Lexicon) -> bool {
    let opens = a == 0 || toks[a - 1].sentence != toks[a].sentence;
    let w = tok(text, toks, a);
    if !opens || tok(text, toks, a + 1) != "of" || !w.chars().skip(1).all(char::is_lowercase) {
        return false;
    }
    let lower = w.to_lowercase();
    !lx.entities.org_heads.contains(&lower.as_str())
        && !lx.entities.facility_heads.contains(&w)
        && head_kind(lx, &lower).is_none()
        && !lx.entities.not_org_after_place.contains(&w)
        && !is_person_title(w, lx)
        && demonym(w, lx).is_none()
}

/// Whether token `a` is a country's name followed by a nationality adjective or another
/// country's name ("Westland European ...", "Westland Norland ..."), which starts a body of its
/// own rather than a part of a name that starts with the country.
fn country_before_named_body(text: &str, toks: &[Tok], a: usize, res: &Resources) -> bool {
    let next = tok(text, toks, a + 1);
    capitalised(next)
        && res.gazetteer.country_by_name(tok(text, toks, a)).is_some()
        && (demonym(next, &res.lexicon).is_some() || res.gazetteer.country_by_name(next).is_some())
}

/// Capitalised verbs of reporting and auxiliaries as title-case headlines write them ("Says",
/// "Will"): never inside a name.
pub(super) fn is_headline_verb(w: &str) -> bool {
    matches!(
        w,
        "Says"
            | "Said"
            | "Tells"
            | "Warns"
            | "Urges"
            | "Denies"
            | "Vows"
            | "Seeks"
            | "Slams"
            | "Rejects"
            | "Announces"
            | "Agrees"
            | "Confirms"
            | "Claims"
            | "Will"
            | "Would"
            | "Could"
            | "Should"
            | "Must"
            | "Is"
            | "Are"
            | "Was"
            | "Were"
            | "Has"
            | "Have"
            | "Had"
    )
}

/// "Veterans Affairs Minister Jane Doe", "Kestrel Mining CEO Ivo Pantic": a recogniser's mention
/// right before a capitalised title that is followed by a name is a modifier of the title, not a
/// person. It is an organisation when the recogniser or its head word says so or the title is a
/// corporate one; a place the gazetteer knows stays a place; anything else is dropped (a
/// portfolio, part of the title).
pub(super) fn modifiers_before_titles(text: &str, toks: &[Tok], model: &mut Vec<Cand>, res: &Resources) {
    let lx = &res.lexicon;
    model.retain_mut(|c| {
        let Some(mut last) = super::tok_ending(toks, c.end) else { return true };
        // the recogniser ran on over the title ("Foreign Office Spokesperson" + a name): the
        // mention ends before it
        let first = super::tok_at(toks, c.start).unwrap_or(last);
        // ("Westland Foreign" + "Minister" + a name: the title's first words too)
        let ends_in_title = |k: usize| capitalised(tok(text, toks, k)) && is_person_title(tok(text, toks, k), lx);
        let same_sentence = |k: usize| toks.get(k).is_some_and(|t| t.sentence == toks[last].sentence);
        let mut after = last + 1;
        while same_sentence(after) && ends_in_title(after) {
            after += 1;
        }
        let mut kept = last;
        while kept > first && ends_in_title(kept) {
            kept -= 1;
        }
        if kept < last && !ends_in_title(kept) && same_sentence(after) && name_like(tok(text, toks, after), lx) {
            last = kept;
            c.end = toks[last].end;
            c.name_end = c.end;
        }
        let t = tok(text, toks, last + 1);
        let same = |k: usize| toks.get(k).is_some_and(|x| x.sentence == toks[last].sentence);
        if !capitalised(t) || !is_person_title(t, lx) || !same(last + 2) || !name_like(tok(text, toks, last + 2), lx) {
            return true;
        }
        // the person after the title must be a name, not the title's own second word
        if is_person_title(tok(text, toks, last + 2), lx) {
            return true;
        }
        let name = &text[c.start..c.end];
        if res.gazetteer.country_by_name(name).is_some() || demonym(name, lx).is_some() {
            return true;
        }
        let head = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
        let corporate = with_lowercase(t, |l| res.lexicon.entities.corporate_titles.contains(l));
        // "Fisheries Minister X": one word the recogniser read as an organisation before a
        // government title is the minister's portfolio, unless a list knows the organisation
        // (an acronym or a word without lower-case letters is left to the recogniser)
        let portfolio = !corporate
            && !name.contains(' ')
            && name.chars().any(char::is_lowercase)
            && !lx.ner.org_words.contains(&head.as_str())
            && !lx.entities.org_names.contains(&name)
            && !res.org_names.contains(name);
        if (c.kind == Kind::Org && !portfolio) || lx.ner.org_words.contains(&head.as_str()) || corporate {
            c.kind = Kind::Org;
            return true;
        }
        if c.kind != Kind::Person && !res.gazetteer.lookup(name).is_empty() {
            return true;
        }
        false
    });
}

/// "United Nations Office" + "for the Coordination of Humanitarian Affairs": an organisation
/// whose name ends with an organisation head word ("Office", "Ministry", "Commission") and goes
/// on with "for"/"of"/"on" and capitalised words is one name, whatever the recogniser cut it into.
/// The mention is extended over the capitalised words (with inner "of", "and", "for", "the") and
/// the recogniser's mentions inside the extension are dropped.
pub(super) fn extend_org_names(text: &str, toks: &[Tok], model: &mut Vec<Cand>, lx: &crate::Lexicon) {
    let mut extended = Vec::new();
    let orgs = Bounds::of(model, Kind::Org);
    // every recogniser's mention, for the names a start may not take in
    let bounds = Bounds::matching(model, |_| true);
    for c in model.iter_mut().filter(|c| c.kind == Kind::Org) {
        let Some(last) = super::tok_ending(toks, c.end) else { continue };
        if let Some(first) = super::tok_at(toks, c.start) {
            // "the Office for" + "National Statistics": a capitalised organisation word and
            // "for"/"of" right before the name start it (with the capitalised words before them)
            let head_before = first >= 2
                && matches!(tok(text, toks, first - 1), "for" | "of")
                && toks[first - 2].sentence == toks[first].sentence
                && capitalised(tok(text, toks, first - 2))
                && lx.ner.org_words.contains(&tok(text, toks, first - 2).to_ascii_lowercase().as_str());
            // "East" + "Kestrel Railway Co.": a capitalised compass word right before the name
            // starts it
            let direction_before = first >= 1
                && toks[first - 1].sentence == toks[first].sentence
                && text.get(toks[first - 1].end..c.start) == Some(" ")
                && capitalised(tok(text, toks, first - 1))
                && lx.entities.directions.contains(&tok(text, toks, first - 1).to_ascii_lowercase().as_str());
            // "Justice and" + "Development Party": one capitalised word and "and" right before a
            // name of several words ending in an organisation head start it, when the recogniser
            // read no name of its own there and no capitalised word comes before
            let and_before = first >= 2
                && tok(text, toks, first - 1) == "and"
                && toks[first - 2].sentence == toks[first].sentence
                && super::tok_ending(toks, c.end).is_some_and(|l| {
                    l > first && lx.entities.org_heads.contains(&tok(text, toks, l).to_ascii_lowercase().as_str())
                })
                && name_like(tok(text, toks, first - 2), lx)
                && !is_calendar_word(tok(text, toks, first - 2))
                && !bounds.starts_at(toks[first - 2].start)
                && !bounds.ends_at(toks[first - 2].end)
                && (first == 2
                    || toks[first - 3].sentence != toks[first].sentence
                    || !capitalised(tok(text, toks, first - 3)));
            let a = if head_before {
                name_words_before(text, toks, first - 2, lx)
            } else if direction_before {
                first - 1
            } else if and_before {
                first - 2
            } else {
                first
            };
            if a < first {
                extended.push((toks[a].start, c.start));
                c.start = toks[a].start;
            }
        }
        let head = tok(text, toks, last).to_ascii_lowercase();
        // "Xandrian News" + "Agency": a capitalised organisation head right after the name
        // belongs to it (the recogniser stopped one word short).
        let next = tok(text, toks, last + 1);
        let same_sentence = toks.get(last + 1).is_some_and(|t| t.sentence == toks[last].sentence);
        // ... unless the name of several words already ends in one ("the X Party Coalition")
        let complete =
            lx.entities.org_heads.contains(&head.as_str()) && super::tok_at(toks, c.start).is_some_and(|f| f < last);
        if same_sentence
            && !complete
            && capitalised(next)
            && lx.entities.org_heads.contains(&next.to_ascii_lowercase().as_str())
        {
            extended.push((c.end, toks[last + 1].end));
            c.end = toks[last + 1].end;
            c.name_end = c.end;
            continue;
        }
        if !lx.ner.org_words.contains(&head.as_str()) || !matches!(tok(text, toks, last + 1), "for" | "of" | "on") {
            continue;
        }
        let sentence = toks[last].sentence;
        let mut k = last + 2;
        if tok(text, toks, k) == "the" {
            k += 1;
        }
        // "the X Party for the Y Party": the recogniser read two organisations
        if lx.entities.org_heads.contains(&head.as_str()) && toks.get(k).is_some_and(|t| orgs.starts_at(t.start)) {
            continue;
        }
        let mut end = None;
        while k < toks.len() && toks[k].sentence == sentence && k - last < 12 {
            let w = tok(text, toks, k);
            if is_calendar_word(w) {
                break; // "the Commerce Department on Tuesday"
            }
            if capitalised(w) && w.chars().any(char::is_alphabetic) {
                end = Some(k);
            } else if !matches!(w, "of" | "and" | "for" | "the" | "on" | "&") {
                break;
            }
            k += 1;
        }
        if let Some(e) = end {
            extended.push((c.end, toks[e].end));
            c.end = toks[e].end;
            c.name_end = c.end;
        }
    }
    model.retain(|m| !extended.iter().any(|&(a, b)| m.start >= a && m.end <= b));
}

/// Whether `w` is a word written in capitals ("ORCHESTRA", not "Orchestra" or "2015").
fn shouted_word(w: &str) -> bool {
    w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase)
}

/// "THE TENBY PHILHARMONIC ORCHESTRA": in text written in capitals, where the recogniser often
/// reads only the place an organisation is named after, a recogniser's place or person followed
/// by one to three words in capitals, the last an organisation head word (`entities/org-heads.txt`),
/// is that organisation; no function word or name the recogniser found may come between.
/// `model` is in text order and non-overlapping.
pub(super) fn shouted_org_heads(text: &str, toks: &[Tok], model: &mut Vec<Cand>, lx: &crate::Lexicon) {
    let names = Bounds::matching(model, |c| matches!(c.kind, Kind::Person | Kind::Loc | Kind::Org));
    let mut extended = Vec::new();
    for c in model.iter_mut().filter(|c| matches!(c.kind, Kind::Loc | Kind::Person)) {
        // (the cheap test first: a name in capitals)
        if !shouted_word(&text[c.start..c.end]) {
            continue;
        }
        let Some(last) = super::tok_ending(toks, c.end) else { continue };
        let sentence = toks[last].sentence;
        let mut k = last + 1;
        while k < toks.len() && toks[k].sentence == sentence && k - last <= 3 {
            let w = tok(text, toks, k);
            if !shouted_word(w)
                || !w.chars().all(char::is_alphabetic)
                || matches!(w, "THE" | "OF" | "AND" | "FOR" | "IN" | "AT" | "ON" | "TO" | "BY" | "A" | "AN" | "WITH")
                || names.starts_at(toks[k].start)
            {
                break;
            }
            if with_lowercase(w, |l| lx.entities.org_heads.contains(l)) {
                // ... and over the head words right after it ("PHILHARMONIC ORCHESTRA")
                let mut e = k;
                while toks.get(e + 1).is_some_and(|t| t.sentence == sentence) && {
                    let n = tok(text, toks, e + 1);
                    shouted_word(n) && with_lowercase(n, |l| lx.entities.org_heads.contains(l))
                } {
                    e += 1;
                }
                extended.push((c.end, toks[e].end));
                c.end = toks[e].end;
                c.name_end = c.end;
                c.kind = Kind::Org;
                break;
            }
            k += 1;
        }
    }
    model.retain(|m| !extended.iter().any(|&(a, b)| m.start >= a && m.end <= b));
}

/// Full weekday and month names, which follow a name without being part of it (the times
/// stage's lexicon; abbreviations such as "Sun" or "Mar" can be parts of names).
pub(super) fn is_calendar_word(w: &str) -> bool {
    use crate::times::lexicon::{month, weekday};
    capitalised(w) && (weekday(w).is_some() || month(w).is_some_and(|(_, abbreviated)| !abbreviated))
}

/// The dateline's place and wire sources.
fn dateline_mentions(text: &str, toks: &[Tok], d: &Dateline) -> Vec<Cand> {
    let mut out = Vec::new();
    let Some(region) = text.get(d.span.0..d.span.1.min(text.len())) else {
        return out;
    };
    let lower = region.to_lowercase();
    let sentence = toks.first().map_or(0, |t| t.sentence);
    let mut add = |name: &str, kind: Kind, country: Option<String>| {
        if name.is_empty() || lower.len() != region.len() {
            return;
        }
        if let Some(p) = lower.find(&name.to_lowercase()) {
            let (a, b) = (d.span.0 + p, d.span.0 + p + name.len());
            if text.is_char_boundary(a) && text.is_char_boundary(b) {
                let mut c = cand(a, b, kind, Source::Dateline, sentence);
                c.country = country;
                out.push(c);
            }
        }
    };
    if let Some(p) = &d.place {
        add(p, Kind::Gpe, d.country.clone());
    }
    for s in &d.sources {
        add(s, Kind::Org, None);
    }
    out
}

/// Whether some name of `entities/org-names.txt` starts with `w` (not empty): one lookup
/// among their prefixes, since it is asked for every capitalised word.
fn starts_org_name(lx: &crate::Lexicon, w: &str) -> bool {
    lx.entity_tables().org_prefixes.contains_key(w)
}

/// The lookup tables the entity rules derive from a set's `entities/` lists, built once per
/// set ([`crate::Lexicon`]).
pub(crate) struct Tables {
    /// Every prefix of the names of `org-names.txt` (see [`starts_org_name`]).
    org_prefixes: WordMap<()>,
    /// `place-nouns.tsv` (a noun and the record name of its kind), the kinds read as [`Kind`].
    place_nouns: Vec<(&'static str, Kind)>,
    /// `plural-place-heads.tsv`, likewise.
    plural_place_heads: Vec<(&'static str, Kind)>,
    /// The lengths and last bytes of `plural_place_heads`: their scan runs at every token.
    plural_head_shapes: Shapes,
    /// `loc-words.txt` as LOC, then `fac-words.txt` as FAC (see [`head_kind`]).
    heads: WordMap<Kind>,
    /// The set's `ner/demonyms.tsv` and `ner/person-titles.txt`: the rules share the entity
    /// model's vocabulary, but read the set's copy (the model reads the lists it was trained
    /// with).
    vocabulary: Vocabulary,
}

impl Tables {
    pub(crate) fn new(set: &dateline_lexicon::Lexicon) -> Self {
        let lx = &set.entities;
        let prefixes = lx.org_names.iter().flat_map(|n| n.char_indices().map(|(i, c)| &n[..i + c.len_utf8()]));
        let mut heads = WordMap::default();
        for w in &lx.loc_words {
            heads.entry(w.to_string()).or_insert(Kind::Loc);
        }
        for w in &lx.fac_words {
            heads.entry(w.to_string()).or_insert(Kind::Fac);
        }
        Tables {
            org_prefixes: prefixes.map(|p| (p.to_string(), ())).collect(),
            place_nouns: with_kinds(&lx.place_nouns),
            plural_place_heads: with_kinds(&lx.plural_place_heads),
            plural_head_shapes: Shapes::of(lx.plural_place_heads.iter().map(|(w, _)| *w)),
            heads,
            vocabulary: Vocabulary::new(&set.ner.demonyms, &set.ner.person_titles),
        }
    }

    /// Demonyms and person titles (see [`Tables::vocabulary`]).
    pub(crate) fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }
}

/// Countries (and their aliases) from the gazetteer; nationality adjectives as NORP.
fn lexicon_mentions(text: &str, toks: &[Tok], res: &Resources) -> Vec<Cand> {
    let lx = &res.lexicon;
    let mut out = Vec::new();
    let mut name = String::new();
    let mut i = 0;
    while i < toks.len() {
        let w = tok(text, toks, i);
        if !capitalised(w) {
            i += 1;
            continue;
        }
        let mut org = None;
        // (cheap test first: most capitalised words start no listed organisation)
        let may_start_org = starts_org_name(lx, w);
        for n in (1..=6).rev().filter(|_| may_start_org) {
            let Some(last) = toks.get(i + n - 1) else { continue };
            if last.sentence != toks[i].sentence {
                continue;
            }
            if res.lexicon.entities.org_names.contains(&&text[toks[i].start..last.end]) {
                org = Some(n);
                break;
            }
        }
        // the organisation names of the training documents, longest first (tokens joined by
        // single spaces, as the list writes them)
        if org.is_none() && res.org_names.may_start(w) {
            org = longest_org_name(text, toks, i, res, &mut name, |n, _| res.org_names.contains(n));
        }
        // an all-caps listed name in all-caps text ("WHO" in "WHO KNEW") is a word, not a name
        let shouting = |k: usize| {
            let w = tok(text, toks, k);
            w.chars().any(char::is_alphabetic) && w.chars().all(|c| !c.is_lowercase())
        };
        // text in capitals: the listed names of several words, written in capitals
        if org.is_none() && shouting(i) && res.org_names.may_start_shouted(w) {
            org = longest_org_name(text, toks, i, res, &mut name, |n, words| {
                words > 1 && res.org_names.contains_shouted(n)
            });
        }
        if org == Some(1)
            && w.chars().all(|c| !c.is_lowercase())
            && ((i > 0 && toks[i - 1].sentence == toks[i].sentence && shouting(i - 1))
                || toks.get(i + 1).is_some_and(|t| t.sentence == toks[i].sentence) && shouting(i + 1))
        {
            org = None;
        }
        if let Some(n) = org {
            out.push(cand(toks[i].start, toks[i + n - 1].end, Kind::Org, Source::Lexicon, toks[i].sentence));
            i += n;
            continue;
        }
        let mut found = None;
        // (cheap test first: most capitalised words start no country's name)
        let may_start_country = res.gazetteer.may_start_country_name(w);
        for n in (1..=4).rev().filter(|_| may_start_country) {
            let Some(last) = toks.get(i + n - 1) else { continue };
            // A country's name ends with a capitalised word ("Bosnia and Herzegovina").
            if last.sentence != toks[i].sentence || !capitalised(tok(text, toks, i + n - 1)) {
                continue;
            }
            // The words as written, single-spaced.
            name.clear();
            for k in i..i + n {
                if k > i {
                    name.push(' ');
                }
                name.push_str(tok(text, toks, k));
            }
            if let Some(c) = res.gazetteer.country_by_name(&name) {
                // "US" yes, "us" no: short all-caps aliases must be written in capitals.
                if name.len() <= 3 && name != name.to_uppercase() {
                    continue;
                }
                // "US$ 40 million", "AU $52": a currency, not the country
                if name.len() <= 3 && tok(text, toks, i + n).starts_with('$') {
                    continue;
                }
                found = Some((n, c.code.clone()));
                break;
            }
        }
        if let Some((n, code)) = found {
            let mut c = cand(toks[i].start, toks[i + n - 1].end, Kind::Gpe, Source::Lexicon, toks[i].sentence);
            c.country = Some(code);
            out.push(c);
            i += n;
            continue;
        }
        if let Some(code) = demonym(w, lx) {
            let mut c = cand(toks[i].start, toks[i].end, Kind::Norp, Source::Lexicon, toks[i].sentence);
            c.country = (!code.is_empty()).then(|| code.to_string());
            out.push(c);
        }
        i += 1;
    }
    out
}

/// Tokens split at single spaces, all in one sentence: the token tables the tests of the entity
/// passes write by hand.
#[cfg(test)]
pub(super) fn space_tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for w in text.split(' ') {
        out.push(Tok { start, end: start + w.len(), sentence: 0, word: w });
        start += w.len() + 1;
    }
    out
}

/// A recogniser's mention of kind `kind` over the first occurrence of `words` in `text`, for the
/// tests of the entity passes.
#[cfg(test)]
pub(super) fn model_cand(text: &str, words: &str, kind: Kind) -> Cand {
    let a = text.find(words).expect("words in text");
    cand(a, a + words.len(), kind, Source::Model, 0)
}

/// How many tokens from `i`, inside its sentence, make the longest name of the training
/// documents' organisation list that `listed` accepts (called with the tokens joined by single
/// spaces, as the list writes them, and their count): as written, or in capitals ("NORLAND
/// FARMERS UNION" in a headline or text in capitals). `name` is a reused buffer.
fn longest_org_name(
    text: &str,
    toks: &[Tok],
    i: usize,
    res: &Resources,
    name: &mut String,
    listed: impl Fn(&str, usize) -> bool,
) -> Option<usize> {
    name.clear();
    let mut found = None;
    for k in i..(i + res.org_names.max_words()).min(toks.len()) {
        if toks[k].sentence != toks[i].sentence {
            break;
        }
        if k > i {
            name.push(' ');
        }
        name.push_str(tok(text, toks, k));
        if listed(name, k + 1 - i) {
            found = Some(k + 1 - i);
        }
    }
    found
}

/// "according to the national statistics institute INE": an acronym right after a lower-case
/// organisation word ("institute", "agency", "union") names that organisation, unless it is a
/// place or a nationality or the recogniser read a name over it.
pub(super) fn acronyms_after_org_words(text: &str, toks: &[Tok], model: &[Cand], res: &Resources) -> Vec<Cand> {
    let lx = &res.lexicon;
    let mut out = Vec::new();
    for i in 1..toks.len() {
        let w = tok(text, toks, i);
        if !is_acronym(w) || toks[i - 1].sentence != toks[i].sentence {
            continue;
        }
        let before = tok(text, toks, i - 1);
        // (not the words of newspapers' names, "the press", "the post")
        if !before.bytes().all(|b| b.is_ascii_lowercase())
            || !lx.ner.org_words.contains(&before)
            || matches!(before, "news" | "times" | "post" | "press")
            || is_known_place(w, res)
            || demonym(w, lx).is_some()
        {
            continue;
        }
        // (`model` is in text order and its mentions do not overlap: the last one starting
        // before the acronym's end is the only one that can cover it)
        let (a, b) = (toks[i].start, toks[i].end);
        let k = model.partition_point(|c| c.start < b);
        if k.checked_sub(1).is_some_and(|k| model[k].end > a) {
            continue;
        }
        out.push(cand(a, b, Kind::Org, Source::Rule, toks[i].sentence));
    }
    out
}

/// Organisations named in role phrases: "the director of Kenyan national agency for water
/// safety, ..." names an organisation even when the writer did not capitalise it.
pub(super) fn role_orgs(text: &str, toks: &[Tok], lx: &crate::Lexicon) -> Vec<Cand> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        // (the cheap test first: few words are followed by "of")
        if tok(text, toks, i + 1) != "of" || !with_lowercase(tok(text, toks, i), |l| lx.entities.role_of.contains(l)) {
            continue;
        }
        let mut a = i + 2;
        if matches!(tok(text, toks, a), "the" | "The") {
            a += 1;
        }
        if !capitalised(tok(text, toks, a)) {
            continue;
        }
        let mut b = a;
        while b < toks.len() && b - a < 10 && toks[b].sentence == toks[i].sentence {
            let t = tok(text, toks, b);
            if !t.chars().any(char::is_alphanumeric)
                || matches!(t, "and" | "said" | "says")
                || lx.entities.role_stop.contains(&t)
            {
                break;
            }
            b += 1;
        }
        // A lower-case word inside shows the name was not capitalised as a whole, which the
        // recogniser cannot see; fully capitalised names are left to it. The organisation word
        // must come at or after that word: "member of the Reform Party of X from 1990" is a
        // capitalised name followed by other words, not a name written in lower case.
        let lower_at = (a..b).find(|&k| {
            let t = tok(text, toks, k);
            !capitalised(t) && !matches!(t, "of" | "for" | "and" | "the" | "on")
        });
        let has_org_word = lower_at
            .is_some_and(|l| (l..b).any(|k| with_lowercase(tok(text, toks, k), |w| lx.ner.org_words.contains(w))));
        if b > a + 1 && has_org_word {
            out.push(cand(toks[a].start, toks[b - 1].end, Kind::Org, Source::Rule, toks[i].sentence));
        }
    }
    out
}

/// How many mentions before a parenthesised acronym are tried as its long form.
const ACRONYM_LOOKBACK: usize = 64;

/// Acronyms introduced in parentheses after their long form ("Northern Farmers Union (NFU)",
/// "Coastal Liberation Front militia (CLF, banned in ...)") and their later uses.
fn acronyms(text: &str, toks: &[Tok], cands: &[Cand]) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut defined: Vec<(String, Kind, usize)> = Vec::new();
    for i in 1..toks.len() {
        if tok(text, toks, i - 1) != "(" {
            continue;
        }
        let acr = tok(text, toks, i);
        if !is_acronym(acr) || !matches!(tok(text, toks, i + 1), ")" | "," | ";") {
            continue;
        }
        let paren = toks[i - 1].start;
        // the nearest named mention before the parenthesis in this sentence whose initials
        // match, or the one right before it
        // (`cands` is in text order: walk back from the parenthesis, at most
        // `ACRONYM_LOOKBACK` mentions, so a sentence of many names stays linear)
        let upto = cands.partition_point(|c| c.start <= paren);
        let mut before: Vec<&Cand> = cands[..upto]
            .iter()
            .rev()
            .take_while(|c| c.sentence >= toks[i].sentence)
            .filter(|c| c.end <= paren && c.sentence == toks[i].sentence)
            .take(ACRONYM_LOOKBACK)
            .collect();
        before.reverse();
        let adjacent = before.last().filter(|c| super::tok_ending(toks, c.end).is_some_and(|k| k + 2 == i));
        let matching = before.iter().rev().find(|c| initials(&text[c.start..c.name_end]) == acr.replace('.', ""));
        // A person's name is no long form ("Director General of X Services (XS)" read as a
        // person's title): the capitalised words before the parenthesis are tried instead.
        let long = matching.copied().or(adjacent.copied());
        let long =
            long.filter(|l| l.kind != Kind::Person || initials(&text[l.start..l.name_end]) == acr.replace('.', ""));
        if let Some(long) = long {
            if long.kind == Kind::Person || long.end - long.start <= acr.len() {
                continue;
            }
            // the recogniser's name runs on before the words the acronym spells ("Office of the
            // Regional Commissioner for Water Safety (RCWS)"): those words are the long form
            let want = acr.replace('.', "");
            let inner = (matching.is_none())
                .then(|| {
                    let (a, z) = (super::tok_at(toks, long.start)?, super::tok_ending(toks, long.name_end)?);
                    (a + 1..=z).find(|&p| {
                        capitalised(tok(text, toks, p)) && initials(&text[toks[p].start..long.name_end]) == want
                    })
                })
                .flatten();
            if let Some(p) = inner {
                let a = toks[p].start;
                out.push(cand(a, long.name_end, Kind::Org, Source::Rule, toks[p].sentence));
                defined.push((acr.to_string(), Kind::Org, a));
                continue;
            }
            if matching.is_some() {
                defined.push((acr.to_string(), long.kind, long.start));
                continue;
            }
        }
        // the mention right before spells no initials (the recogniser's "Coastal Survey
        // Services" before "(ICSS)", missing the "Inter-" that starts it) or no mention was
        // found: capitalised words (and "of", "the", "for", "and") right before, whose initials
        // spell the acronym ("the Coastal Liberation Front militia (CLF, ...)", "Office of the
        // Regional Commissioner for Water Safety (RCWS)"); else the mention right before
        let fallback = long.filter(|l| l.kind != Kind::Person && l.end - l.start > acr.len());
        let want = acr.replace('.', "");
        let lo = i.saturating_sub(16);
        let mut found = None;
        for end in (lo + 1..i).rev() {
            if !capitalised(tok(text, toks, end - 1)) || toks[end - 1].sentence != toks[i].sentence {
                continue;
            }
            let mut p = end - 1;
            loop {
                if capitalised(tok(text, toks, p)) && initials(&text[toks[p].start..toks[end - 1].end]) == want {
                    found = Some((p, end));
                }
                if p == lo || toks[p - 1].sentence != toks[i].sentence {
                    break;
                }
                let prev = tok(text, toks, p - 1);
                // "Inter-Agency": the hyphen of a capitalised compound joins its halves.
                let hyphen = prev == "-" && p >= 2 && capitalised(tok(text, toks, p - 2));
                if capitalised(prev) || hyphen || matches!(prev, "of" | "the" | "for" | "and" | "on") {
                    p -= 1;
                } else {
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
        if let Some((p, end)) = found {
            let a = toks[p].start;
            out.push(cand(a, toks[end - 1].end, Kind::Org, Source::Rule, toks[p].sentence));
            defined.push((acr.to_string(), Kind::Org, a));
        } else if let Some(long) = fallback {
            defined.push((acr.to_string(), long.kind, long.start));
        }
    }
    // "XNA - Xandrian News Agency" (a masthead or credit line): an acronym, a dash set off by
    // spaces, and capitalised words whose initials spell it, to the end of the line.
    for i in 0..toks.len().saturating_sub(2) {
        let acr = tok(text, toks, i);
        let dash = matches!(tok(text, toks, i + 1), "-" | "\u{2013}" | "\u{2014}")
            && text[toks[i].end..toks[i + 1].start].contains(' ');
        if !is_acronym(acr) || acr.contains('.') || !dash {
            continue;
        }
        let from = i + 2;
        let mut end = from;
        while end < toks.len() && end - from < 10 && !text[toks[end - 1].end..toks[end].start].contains('\n') && {
            let w = tok(text, toks, end);
            capitalised(w) || matches!(w, "of" | "the" | "for" | "and")
        } {
            end += 1;
        }
        if end > from && text[toks[end - 1].end..].starts_with(['\n', '\r']) || end == toks.len() {
            let long = &text[toks[from].start..toks[end - 1].end];
            if end > from && spells(long, acr) {
                out.push(cand(toks[from].start, toks[end - 1].end, Kind::Org, Source::Rule, toks[from].sentence));
                defined.push((acr.to_string(), Kind::Org, toks[from].start));
            }
        }
    }
    let mut first_defined: rustc_hash::FxHashMap<&str, (Kind, usize)> = rustc_hash::FxHashMap::default();
    for (a, kind, start) in &defined {
        first_defined.entry(a.as_str()).or_insert((*kind, *start));
    }
    for i in 0..toks.len() {
        let w = tok(text, toks, i);
        if let Some((kind, start)) = first_defined.get(w) {
            let mut c = cand(toks[i].start, toks[i].end, *kind, Source::Rule, toks[i].sentence);
            c.alias_of = Some(*start);
            out.push(c);
        }
    }
    out
}

/// The pairs of a `word TAB kind` list with their kinds read (a kind outside the record's set is
/// left out; a test keeps every kind of the files known).
fn with_kinds(pairs: &[(&'static str, &'static str)]) -> Vec<(&'static str, Kind)> {
    pairs.iter().filter_map(|&(w, k)| Some((w, Kind::parse(k)?))).collect()
}

/// The byte lengths and last bytes of a short list of words: a word whose length or last byte
/// no entry has is in none of them, told in two bit tests where the list's scan compared it with
/// every entry of its length.
#[derive(Debug, Default)]
struct Shapes {
    /// Bit `n` for a word of `n` bytes; bit 63 for 63 bytes or more.
    lengths: u64,
    /// Bit `b` for a word ending in byte `b`.
    lasts: [u64; 4],
}

impl Shapes {
    fn of<'w>(words: impl Iterator<Item = &'w str>) -> Shapes {
        let mut shapes = Shapes::default();
        for w in words {
            shapes.lengths |= 1 << w.len().min(63);
            // (an empty word counts as ending in byte 0, as `may_hold` reads it)
            let b = w.as_bytes().last().copied().unwrap_or(0);
            shapes.lasts[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        shapes
    }

    /// False when no word of the list can equal `w`.
    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        let last = w.as_bytes().last().copied().unwrap_or(0);
        self.lengths >> w.len().min(63) & 1 == 1 && self.lasts[usize::from(last >> 6)] >> (last & 63) & 1 == 1
    }
}

/// "across the Westmark", "sur le Westmark": a capitalised word mid-sentence right after a
/// place preposition (and an article), followed by no other capitalised word, that the
/// gazetteer knows as a region, is a mention of that place when nobody else
/// found one there (it goes in with the lexicon's mentions, after the recogniser's and the
/// rules').
pub(super) fn known_places_after_prepositions(text: &str, toks: &[Tok], res: &Resources) -> Vec<Cand> {
    let mut out = Vec::new();
    for i in 1..toks.len() {
        let w = tok(text, toks, i);
        // (the cheap tests first: a capitalised word with lower-case letters after a preposition)
        if !capitalised(w) || !w.chars().skip(1).all(char::is_lowercase) || w.len() < 4 {
            continue;
        }
        let s = toks[i].sentence;
        let same = |k: usize| toks.get(k).is_some_and(|t| t.sentence == s);
        let mut p = i - 1;
        if matches!(tok(text, toks, p), "the" | "le" | "la" | "les") && p > 0 {
            p -= 1;
        }
        let prep = res.lexicon.entities.place_prepositions.contains(&tok(text, toks, p));
        if !prep || !same(p) || (same(i + 1) && capitalised(tok(text, toks, i + 1))) {
            continue;
        }
        // a region the gazetteer lists (a city's name is too often a person's), not a month,
        // a season or a compass word, nor the start of a name with "of" ("the Horn of ...")
        let region = !res.gazetteer.admin1_by_name(w).is_empty()
            && !is_calendar_word(w)
            && !res.lexicon.entities.seasons.contains(&w)
            && !with_lowercase(w, |l| res.lexicon.entities.directions.contains(l))
            && tok(text, toks, i + 1) != "of";
        if region {
            out.push(cand(toks[i].start, toks[i].end, Kind::Loc, Source::Lexicon, s));
        }
    }
    out
}

/// "the Battle of Westbury", "the Siege of Port Avalon": a capitalised word for a battle or a
/// siege, "of" and the name of a place the gazetteer knows (one to three capitalised words,
/// ending the capitals) are an event named after the place.
fn events_of_places(text: &str, toks: &[Tok], res: &Resources) -> Vec<Cand> {
    let mut out = Vec::new();
    for i in 0..toks.len().saturating_sub(2) {
        // (the cheap test first: "of" after one of a few words)
        if tok(text, toks, i + 1) != "of" || !res.lexicon.entities.events_of_places.contains(&tok(text, toks, i)) {
            continue;
        }
        let s = toks[i].sentence;
        let a = i + 2;
        let mut b = a;
        while b < toks.len() && b - a < 4 && toks[b].sentence == s && capitalised(tok(text, toks, b)) {
            b += 1;
        }
        if b == a || b - a > 3 {
            continue;
        }
        if is_known_place(&text[toks[a].start..toks[b - 1].end], res) {
            out.push(cand(toks[i].start, toks[b - 1].end, Kind::Event, Source::Rule, s));
        }
    }
    out
}

/// "base at Al-Karim", "the town of Westbury": the capitalised words after a place noun and a
/// preposition name a place.
fn places_after_nouns(text: &str, toks: &[Tok], lx: &crate::Lexicon) -> Vec<Cand> {
    let mut out = Vec::new();
    for i in 0..toks.len().saturating_sub(2) {
        if !matches!(tok(text, toks, i + 1), "at" | "of" | "in" | "near") {
            continue;
        }
        let w = tok(text, toks, i);
        let Some((_, kind)) = lx.entity_tables().place_nouns.iter().find(|(n, _)| *n == w) else { continue };
        let a = i + 2;
        let mut b = a;
        while b < toks.len() && toks[b].sentence == toks[i].sentence {
            let t = tok(text, toks, b);
            let joined = t == "-" && capitalised(tok(text, toks, b + 1)) && toks[b].start == toks[b - 1].end;
            if capitalised(t) || (joined && b > a) {
                b += 1;
            } else {
                break;
            }
        }
        if b > a && b - a <= 5 {
            out.push(cand(toks[a].start, toks[b - 1].end, *kind, Source::Rule, toks[i].sentence));
        }
    }
    out
}

/// The kind a lower-case place head word gives a name: LOC for `entities/loc-words.txt`, else
/// FAC for `fac-words.txt`. Asked at every token, so the lists are read once into a table
/// ([`Tables`]). Inlined: out of line, its call at every token cost more than the lookup.
#[inline]
pub(super) fn head_kind(lx: &crate::Lexicon, w: &str) -> Option<Kind> {
    lx.entity_tables().heads.get(w).copied()
}

/// The kind a lower-case noun of a place gives the name it describes: `place-nouns.tsv`
/// ("village" GPE, "camp" LOC, "airport" FAC), else [`head_kind`].
pub(super) fn place_noun_kind(lx: &crate::Lexicon, w: &str) -> Option<Kind> {
    lx.entity_tables().place_nouns.iter().find(|(n, _)| *n == w).map(|&(_, k)| k).or_else(|| head_kind(lx, w))
}

/// "the Dadaab camp", "Kandahar air base": capitalised words right before a lower-case place
/// head word name a place (LOC, or FAC for buildings).
fn places_before_heads(text: &str, toks: &[Tok], res: &Resources) -> Vec<Cand> {
    let lx = &res.lexicon;
    let mut out = Vec::new();
    for h in 1..toks.len() {
        let Some(kind) = head_kind(lx, tok(text, toks, h)) else { continue };
        let mut a = h;
        while a > 0 && toks[a - 1].sentence == toks[h].sentence && h - a < 4 {
            let t = tok(text, toks, a - 1);
            let function = matches!(t, "The" | "A" | "An" | "This" | "That" | "Its" | "His" | "Her" | "Their" | "Our");
            if capitalised(t) && !function && demonym(t, lx).is_none() && !is_person_title(t, lx) {
                a -= 1;
            } else {
                break;
            }
        }
        // not the first word of a sentence (a capital there says nothing)
        if a == h || a == 0 || toks[a - 1].sentence != toks[a].sentence {
            continue;
        }
        // "the Westland border": a place the gazetteer knows before a descriptive head word is
        // that place (the lexicon or the recogniser finds it), not the name of another
        if is_descriptive_head(tok(text, toks, h)) && is_known_place(&text[toks[a].start..toks[h - 1].end], res) {
            continue;
        }
        let mut c = cand(toks[a].start, toks[h].end, kind, Source::Rule, toks[h].sentence);
        c.name_end = toks[h - 1].end;
        c.head = Some(Span(toks[h].start, toks[h].end));
        out.push(c);
    }
    out
}

/// "Chancellor Friedrich Baumann", "Gen. Ahmed Ali": capitalised words right after a
/// capitalised title name a person.
pub(super) fn names_after_titles(text: &str, toks: &[Tok], model: &[Cand], res: &Resources) -> Vec<Cand> {
    let lx = &res.lexicon;
    let mut out = Vec::new();
    for i in 0..toks.len().saturating_sub(1) {
        let t = tok(text, toks, i);
        if !capitalised(t) || !is_person_title(t, lx) || with_lowercase(t, |l| lx.entities.title_modifiers.contains(l))
        {
            continue;
        }
        let a = i + 1;
        let b = name_run_end(text, toks, a, toks[i].sentence, lx);
        // "President Jane Q. Doe": the recogniser's person starting right after the title and
        // going on past the run (over an initial) is the name
        let (na, nb) = (toks[a].start, toks[b.max(a + 1) - 1].end);
        let m = model.partition_point(|c| c.start < na);
        if b > a && model.get(m).is_some_and(|c| c.start == na && c.end > nb && c.kind == Kind::Person) {
            continue;
        }
        // "General Motors", "Premier League", "Animal Justice Party": the word that looks like a
        // title is part of an organisation's name when the name ends with an organisation word
        // or the recogniser read the title inside a name that is not a person's
        // (`model` is in text order and its mentions do not overlap: the last one starting at
        // or before the title is the only one that can cover it)
        let last = tok(text, toks, b.saturating_sub(1)).to_lowercase();
        let org_end =
            b > a && (lx.ner.org_words.contains(&last.as_str()) || matches!(last.as_str(), "motors" | "electric"));
        let ts = toks[i].start;
        let k = model.partition_point(|c| c.start <= ts);
        // (only when the name starts with the title word: in "Commerce Secretary Jane Doe" read
        // as one organisation the recogniser ran a portfolio, a title and a name together)
        let in_other_name = k
            .checked_sub(1)
            .is_some_and(|k| model[k].kind != Kind::Person && model[k].end > ts && model[k].start == ts);
        // "Former Norway test batsman X": a country after a title is the country
        let country = b > a && res.gazetteer.country_by_name(&text[toks[a].start..toks[b - 1].end]).is_some();
        // "Former Health Minister X": words between two titles are a portfolio, not a name
        if b > a && title_after_portfolio(text, toks, b, toks[i].sentence, lx) {
            continue;
        }
        // "Kestrel Mining CEO Ivo Pantic", "Kremlin spokesman X": the capitalised words before a
        // corporate title and a name are the organisation the person speaks for
        if b > a
            && !org_end
            && !in_other_name
            && !country
            && with_lowercase(t, |l| res.lexicon.entities.org_before_titles.contains(l))
        {
            let mut o = name_words_before(text, toks, i, lx);
            // "Foreign Office Spokesperson X": a title-like word starts an organisation's name
            // that ends in an organisation word
            let org_word = o < i && with_lowercase(tok(text, toks, i - 1), |l| lx.ner.org_words.contains(l));
            while org_word && o > 0 && toks[o - 1].sentence == toks[i].sentence && i - o < 4 && {
                let w = tok(text, toks, o - 1);
                capitalised(w) && is_person_title(w, lx) && w.chars().any(char::is_lowercase)
            } {
                o -= 1;
            }
            if o < i {
                let words = &text[toks[o].start..toks[i - 1].end];
                let place = is_known_place(words, res) || (o..i).any(|k| demonym(tok(text, toks, k), lx).is_some());
                if !place {
                    out.push(cand(toks[o].start, toks[i - 1].end, Kind::Org, Source::Rule, toks[i].sentence));
                }
            }
        }
        if b > a && !org_end && !in_other_name && !country {
            out.push(cand(toks[a].start, toks[b - 1].end, Kind::Person, Source::Rule, toks[i].sentence));
        }
    }
    out
}

/// Whether a capitalised title follows token `b` (the end of a run of name-like words), maybe
/// after more of a portfolio joined by "and" ("Fisheries and Oceans Minister").
fn title_after_portfolio(text: &str, toks: &[Tok], mut b: usize, sentence: usize, lx: &crate::Lexicon) -> bool {
    let same = |k: usize| toks.get(k).is_some_and(|t| t.sentence == sentence);
    while same(b + 1) && matches!(tok(text, toks, b), "and" | "&") && name_like(tok(text, toks, b + 1), lx) {
        b = name_run_end(text, toks, b + 1, sentence, lx);
    }
    let next = tok(text, toks, b);
    same(b) && capitalised(next) && is_person_title(next, lx)
}

/// Capitalised, with a lower-case letter, and not a function word, title or nationality: a word
/// that can be part of a person's name.
pub(super) fn name_like(w: &str, lx: &crate::Lexicon) -> bool {
    capitalised(w)
        && w.chars().any(char::is_lowercase)
        && !is_person_title(w, lx)
        && demonym(w, lx).is_none()
        && !matches!(w, "The" | "A" | "An" | "On" | "In" | "At" | "Of" | "And")
}

/// Where a run of at most three [`name_like`] words starting at token `a`, inside `sentence`,
/// ends (`a` itself when there is none).
fn name_run_end(text: &str, toks: &[Tok], a: usize, sentence: usize, lx: &crate::Lexicon) -> usize {
    let mut b = a;
    while b < toks.len() && b - a < 3 && toks[b].sentence == sentence && name_like(tok(text, toks, b), lx) {
        b += 1;
    }
    b
}

/// "the company's spokesman, Joe Bloggs, said", "NEPRA's chairman, X Y, told": two or three
/// name-like words set off by commas right after a role noun name a person, whether or not the
/// recogniser knows the name. One word alone is not enough ("its chairman, Reuters reported").
fn names_after_roles(text: &str, toks: &[Tok], lx: &crate::Lexicon) -> Vec<Cand> {
    let mut out = Vec::new();
    for i in 0..toks.len().saturating_sub(3) {
        // (the cheap test first: most words are not followed by a comma)
        if tok(text, toks, i + 1) != "," {
            continue;
        }
        let t = tok(text, toks, i);
        if !t.starts_with(char::is_lowercase) || !(lx.entities.role_of.contains(&t) || is_person_title(t, lx)) {
            continue;
        }
        let a = i + 2;
        let b = name_run_end(text, toks, a, toks[i].sentence, lx);
        let closed = matches!(tok(text, toks, b), "," | "said" | "says" | "told");
        if b - a >= 2 && closed && toks.get(b).is_some_and(|t| t.sentence == toks[i].sentence) {
            out.push(cand(toks[a].start, toks[b - 1].end, Kind::Person, Source::Rule, toks[i].sentence));
        }
    }
    out
}

/// "Turkana and Marsabit counties", "in Idlib and Hama provinces": each capitalised run of a
/// coordination ("A and B", "A, B and C") right before a plural place head is a place of that kind.
fn places_before_plural_heads(text: &str, toks: &[Tok], lx: &crate::Lexicon) -> Vec<Cand> {
    let mut out = Vec::new();
    let tables = lx.entity_tables();
    let heads = &tables.plural_place_heads;
    for h in 1..toks.len() {
        // the token sliced once, not once per head word
        let w = tok(text, toks, h);
        if !tables.plural_head_shapes.may_hold(w) {
            continue;
        }
        let Some((_, kind)) = heads.iter().find(|(head, _)| *head == w) else {
            continue;
        };
        let sentence = toks[h].sentence;
        let mut places = Vec::new();
        let mut end = h;
        let mut joined = false; // an "and" or a comma between two runs was seen
        loop {
            let mut a = end;
            while a > 0 && end - a < 3 && toks[a - 1].sentence == sentence && name_like(tok(text, toks, a - 1), lx) {
                a -= 1;
            }
            // not the first word of a sentence (a capital there says nothing)
            if a == end || a == 0 || toks[a - 1].sentence != sentence {
                break;
            }
            places.push((a, end));
            match tok(text, toks, a - 1) {
                "and" | "or" | "," if a >= 2 => {
                    joined = true;
                    end = a - 1;
                }
                _ => break,
            }
        }
        // a coordination of at least two runs: one run alone is left to the other rules
        if joined && places.len() >= 2 {
            for (a, e) in places {
                out.push(cand(toks[a].start, toks[e - 1].end, *kind, Source::Rule, sentence));
            }
        }
    }
    out
}

/// Two to six capitals, optionally with periods (`SDF`, `IS`, `U.N.`).
pub(crate) fn is_acronym(w: &str) -> bool {
    // Runs for most tokens: no allocation, and a lowercase first letter answers at once. Every
    // character but the dots is an ASCII capital, so counting bytes counts letters.
    let mut letters = 0usize;
    for &b in w.as_bytes() {
        match b {
            b'.' => {}
            b'A'..=b'Z' => letters += 1,
            _ => return false,
        }
    }
    (2..=6).contains(&letters)
}

/// Initials of the capitalised words of a name ("Syrian Democratic Forces" → "SDF").
/// The initials of `name` counting the inner capitals of camel-case words too ("Channel
/// SeaNews" → "CSN", "PetroChina Group" → "PCG"), which such names' acronyms spell.
pub(crate) fn camel_initials(name: &str) -> String {
    let mut out = String::new();
    for w in name.split(|c: char| c.is_whitespace() || c == '-') {
        let mut prev_lower = false;
        for (k, c) in w.chars().enumerate() {
            if c.is_uppercase() && (k == 0 || prev_lower) {
                out.push(c);
            }
            prev_lower = c.is_lowercase();
        }
    }
    out
}

/// Whether the acronym `acr` (no dots) spells `name`'s initials, plain or camel-case.
pub(crate) fn spells(name: &str, acr: &str) -> bool {
    initials(name) == acr || camel_initials(name) == acr
}

pub(crate) fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// "Bank of Canada", "Reserve Bank of Australia", "University of Westbury": a capitalised
/// organisation head word followed by "of" or "for" and capitalised words is one organisation's
/// name (with the capitalised words right before the head), even when the words after it name a
/// country the lexicon would take alone. The name stops before a person the recogniser found
/// ("the Farmers Party of Westland Ivo Dak"), and is not made of two organisations the recogniser
/// read on either side of "for" or "of" ("the X Party for the Y Party").
pub(super) fn orgs_of_places(text: &str, toks: &[Tok], lx: &crate::Lexicon, model: &[Cand]) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let (people, orgs) = (Bounds::of(model, Kind::Person), Bounds::of(model, Kind::Org));
    for i in 0..toks.len().saturating_sub(2) {
        // (the cheap test first: few words are followed by "of" or "for")
        if !matches!(tok(text, toks, i + 1), "of" | "for") {
            continue;
        }
        let head = tok(text, toks, i);
        // (the capital tested before the word is lowercased)
        if !capitalised(head)
            || !with_lowercase(head, |l| lx.entities.org_heads.contains(l) || lx.entities.media_heads.contains(l))
        {
            continue;
        }
        let s = toks[i].sentence;
        let mut k = i + 2;
        if tok(text, toks, k) == "the" {
            k += 1;
        }
        // "the X Party for the Y Party": the recogniser read two organisations
        if k < toks.len() && orgs.ends_at(toks[i].end) && orgs.starts_at(toks[k].start) {
            continue;
        }
        let mut end = None;
        while k < toks.len() && toks[k].sentence == s && k - i < 10 {
            let w = tok(text, toks, k);
            if is_calendar_word(w) || people.starts_at(toks[k].start) {
                break;
            }
            // "the Kestrel Party of Norland MP", "... of Tarvia Chairman": a title after the
            // name is the person's, not part of it (an acronym only in text not in capitals,
            // and no Roman numeral: "... of Charles III")
            let title = || {
                is_person_title(w, lx)
                    || lx.entities.corporate_titles.contains_ignore_ascii_case(w)
                    || is_acronym(w) && !w.bytes().all(|b| b"IVXL".contains(&b)) && head.chars().any(char::is_lowercase)
            };
            if end.is_some() && title() {
                break;
            }
            if capitalised(w) && w.chars().any(char::is_alphabetic) {
                end = Some(k);
            } else if w != "of" || end.is_none() {
                // ("and" ends the name: "the Party of X and the Y Party" are two)
                break;
            }
            k += 1;
        }
        let Some(e) = end else { continue };
        let a = name_words_before(text, toks, i, lx);
        if out.last().is_some_and(|o| o.end > toks[a].start) {
            continue;
        }
        out.push(cand(toks[a].start, toks[e].end, Kind::Org, Source::Rule, s));
    }
    // "the Westbury Morning Herald", "the Daily Courier Times": capitalised words before a
    // newspaper's head word, or before a news brand written in one word ("Kestrel NewsPress")
    for i in 1..toks.len() {
        let head = tok(text, toks, i);
        if !capitalised(head) || !(lx.entities.media_heads.contains_ignore_ascii_case(head) || news_brand(head, lx)) {
            continue;
        }
        let a = name_words_before(text, toks, i, lx);
        // (overlaps with the names above are resolved with every other rule's, longest first)
        if a == i {
            continue;
        }
        out.push(cand(toks[a].start, toks[i].end, Kind::Org, Source::Rule, toks[i].sentence));
    }
    out.sort_by_key(|c| c.start);
    out
}

/// Whether `w` is a news brand written as one word with inner capitals whose last part is a
/// newspaper's head word or "News", "Press", "Media", "Wire" ("NewsPress", "DailyWire").
fn news_brand(w: &str, lx: &crate::Lexicon) -> bool {
    let Some(last) = w.char_indices().skip(1).filter(|(_, c)| c.is_uppercase()).last().map(|(i, _)| &w[i..]) else {
        return false;
    };
    last.len() > 2
        && last.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && (lx.entities.media_heads.contains_ignore_ascii_case(last)
            || matches!(last, "News" | "Press" | "Media" | "Wire"))
}

/// "the Lakeside Cricket Ground", "Westbury Central Station": capitalised words before a
/// capitalised facility head word are one facility's name (not the place they start with),
/// unless the name goes on after the head ("Square Garden").
fn facility_names(text: &str, toks: &[Tok], lx: &crate::Lexicon) -> Vec<Cand> {
    let mut out = Vec::new();
    for i in 1..toks.len() {
        let head = tok(text, toks, i);
        if !capitalised(head) || !lx.entities.facility_heads.contains(&head) {
            continue;
        }
        let next = toks.get(i + 1).filter(|t| t.sentence == toks[i].sentence).map(|t| &text[t.start..t.end]);
        if next.is_some_and(|w| capitalised(w) || w == "of") {
            continue;
        }
        let a = name_words_before(text, toks, i, lx);
        if a < i {
            out.push(cand(toks[a].start, toks[i].end, Kind::Fac, Source::Rule, toks[i].sentence));
        }
    }
    out
}

/// Where the capitalised words of a name right before token `i` start (at most four; `i` when
/// there are none): nationality and party words count ("Canadian Institute of ...",
/// "Conservative Party of ..."), function words, titles and headline verbs do not.
fn name_words_before(text: &str, toks: &[Tok], i: usize, lx: &crate::Lexicon) -> usize {
    let s = toks[i].sentence;
    let mut a = i;
    while a > 0 && toks[a - 1].sentence == s && i - a < 4 && {
        // (nationality and party words too: "Canadian Institute of ...", "Conservative Party of ...")
        let w = tok(text, toks, a - 1);
        capitalised(w)
            && w.chars().any(char::is_lowercase)
            && !matches!(w, "The" | "A" | "An" | "On" | "In" | "At" | "Of" | "And" | "For" | "By" | "To" | "From")
            && !is_headline_verb(w)
            && !is_person_title(w, lx)
    } {
        a -= 1;
    }
    a
}

/// Words right after a name that show it is a company: "X CEO", "X shares", "X Inc".
fn company_evidence(w: &str) -> bool {
    matches!(w, "CEO" | "shares" | "stock" | "Inc" | "Inc." | "Corp" | "Corp." | "plc" | "Ltd" | "Ltd.")
}

/// A name the recogniser typed person or place that is followed, once or more, by company
/// evidence ("Kestrel CEO", "Kestrel shares", "Kestrel's CEO") is an organisation at every
/// mention the recogniser made of it: the evidence outweighs any number of model votes.
fn companies_by_evidence(text: &str, toks: &[Tok], out: &mut [Cand], lx: &crate::Lexicon) {
    let mut companies: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for c in out.iter().filter(|c| c.source == Source::Model && matches!(c.kind, Kind::Person | Kind::Loc | Kind::Org))
    {
        let Some(last) = super::tok_ending(toks, c.end) else { continue };
        let same = |k: usize| toks.get(k).is_some_and(|t| t.sentence == toks[last].sentence);
        let mut k = last + 1;
        if matches!(tok(text, toks, k), "'s" | "’s") {
            k += 1;
        }
        if same(k) && company_evidence(tok(text, toks, k)) {
            companies.insert(&text[c.start..c.end]);
        }
        // "the gas company Kestrel", "state carrier Kestrel": a noun for a company right before
        // (also when the recogniser typed that mention an organisation: its other mentions
        // follow it).
        let first = super::tok_at(toks, c.start);
        let before = first.and_then(|f| f.checked_sub(1)).filter(|&b| toks[b].sentence == toks[last].sentence);
        if before.is_some_and(|b| lx.entities.company_nouns.contains(&tok(text, toks, b))) {
            companies.insert(&text[c.start..c.end]);
        }
        // "parties such as Kestrel and Orvandi", "groups including ...": a name in the list
        // after a plural noun for organisations
        if c.kind != Kind::Org && first.is_some_and(|f| listed_after_org_plural(text, toks, f, lx)) {
            companies.insert(&text[c.start..c.end]);
        }
    }
    // "Velkaro, Tenmuir and the Harbour Party": a name in a list of names most of which are
    // organisations is one too
    companies.extend(listed_among_orgs(text, toks, out));
    if companies.is_empty() {
        return;
    }
    // The surname of a person the article names in full is that person ("Ana Ruiz", then "the
    // group Ruiz addressed": a relative clause, not a company noun before a name).
    let surnames: std::collections::HashSet<&str> = out
        .iter()
        .filter(|c| c.kind == Kind::Person)
        .filter_map(|c| text[c.start..c.end].rsplit_once(' ').map(|(_, last)| last))
        .collect();
    companies.retain(|name| !surnames.contains(name));
    let names: std::collections::HashSet<String> = companies.into_iter().map(str::to_string).collect();
    for c in out.iter_mut().filter(|c| c.source == Source::Model && matches!(c.kind, Kind::Person | Kind::Loc)) {
        if names.contains(&text[c.start..c.end]) {
            c.kind = Kind::Org;
            c.source = Source::Rule;
        }
    }
}

/// The names of the recogniser's people and places the gazetteer does not type (not a known
/// first name and a surname) that stand in a list of at least three mentions ("A, B and C",
/// "A, B, or the C") more than half of which are organisations: "Velkaro, Tenmuir and the
/// Harbour Party" when the recogniser read the first two as people. `out` is in text order.
pub(super) fn listed_among_orgs<'t>(text: &'t str, toks: &[Tok], out: &[Cand]) -> Vec<&'t str> {
    let mut names = Vec::new();
    let mut i = 0;
    while i < out.len() {
        // the list: mentions joined by commas, "and", "or" and "the" alone
        let mut j = i + 1;
        while j < out.len() && listed_next(text, toks, &out[j - 1], &out[j]) {
            j += 1;
        }
        let list = &out[i..j];
        let orgs = list.iter().filter(|c| c.kind == Kind::Org).count();
        if list.len() >= 3 && 2 * orgs > list.len() {
            for c in list.iter().filter(|c| c.source == Source::Model && matches!(c.kind, Kind::Person | Kind::Loc)) {
                let name = &text[c.start..c.end];
                if !name.split(' ').next().is_some_and(crate::quotes::is_first_name) {
                    names.push(name);
                }
            }
        }
        i = j;
    }
    names
}

/// Whether mention `b` follows `a` in a list: in the same sentence, with only commas, "and",
/// "or" and "the" between them, one comma, "and" or "or" at least.
fn listed_next(text: &str, toks: &[Tok], a: &Cand, b: &Cand) -> bool {
    if a.sentence != b.sentence || b.start <= a.end {
        return false;
    }
    let (Some(from), Some(to)) = (super::tok_ending(toks, a.end), super::tok_at(toks, b.start)) else {
        return false;
    };
    let gap = from + 1..to;
    !gap.is_empty()
        && gap.len() <= 3
        && gap.clone().all(|k| matches!(tok(text, toks, k), "," | "and" | "or" | "the"))
        && gap.clone().any(|k| tok(text, toks, k) != "the")
}

/// Whether token `f` stands in a list of names ("such as X, Y and Z", "including X or Y") right
/// after a plural noun for organisations ("parties", "groups", "companies"): walking back over
/// capitalised words and the list's commas, "and", "or", "the", "of", at most 40 tokens.
pub(super) fn listed_after_org_plural(text: &str, toks: &[Tok], f: usize, lx: &crate::Lexicon) -> bool {
    let s = toks[f].sentence;
    let mut k = f;
    while k > 0 && toks[k - 1].sentence == s && f - k < 40 {
        let w = tok(text, toks, k - 1);
        let cue = match w {
            "including" => Some(k - 1),
            "as" if k >= 2 && tok(text, toks, k - 2) == "such" => Some(k - 2),
            "like" => Some(k - 1),
            _ => None,
        };
        if let Some(c) = cue {
            let noun = c.checked_sub(1).map(|n| tok(text, toks, n)).unwrap_or("");
            return lx.entities.org_plurals.contains(&noun);
        }
        if !(capitalised(w) || matches!(w, "," | "and" | "or" | "the" | "of" | "-" | "'s" | "(" | ")")) {
            return false;
        }
        k -= 1;
    }
    false
}

/// Place head words that describe a part of a place rather than name one ("border", "region").
fn is_descriptive_head(w: &str) -> bool {
    matches!(w, "border" | "region" | "zone" | "coast" | "field" | "fields" | "corridor" | "plain" | "plains" | "basin")
}

/// A country, region or place of the gazetteer.
pub(super) fn is_known_place(name: &str, res: &Resources) -> bool {
    res.gazetteer.country_by_name(name).is_some()
        || !res.gazetteer.lookup(name).is_empty()
        || !res.gazetteer.admin1_by_name(name).is_empty()
}

/// Fine typing of one mention, and extension over a following place head word.
pub(super) fn refine(text: &str, toks: &[Tok], c: &mut Cand, res: &Resources) {
    let lx = &res.lexicon;
    let name = &text[c.start..c.end];
    if c.source == Source::Model && matches!(c.kind, Kind::Person | Kind::Gpe | Kind::Loc | Kind::Fac) {
        // "Free Mountain Army", "Harbour Workers Association": a name of several words that ends in an
        // organisation head word is an organisation, whatever the recogniser typed it.
        if let Some((_, last)) = name.rsplit_once(' ') {
            if capitalised(last) && with_lowercase(last, |l| res.lexicon.entities.org_heads.contains(l)) {
                c.kind = Kind::Org;
            }
        }
    }
    if c.source == Source::Model {
        if let Some(country) = res.gazetteer.country_by_name(name) {
            if c.kind != Kind::Person && (name.len() > 3 || name == name.to_uppercase()) {
                c.kind = Kind::Gpe;
                c.country = Some(country.code.clone());
                return;
            }
        }
        if c.kind != Kind::Person && !name.contains(' ') {
            if let Some(code) = demonym(name, lx) {
                c.kind = Kind::Norp;
                c.country = (!code.is_empty()).then(|| code.to_string());
                return;
            }
        }
    }
    if c.kind == Kind::Person && c.source == Source::Model && !name.contains(' ') {
        // "Washington has backed ...": a capital or region name alone is the place; a first
        // name is a capital's only by its own name, not an alternate ("Ben" for Bern)
        let capital = res.gazetteer.lookup(name).first().is_some_and(|p| {
            p.place.kind == crate::gazetteer::PlaceKind::Capital
                && (p.via == crate::gazetteer::NameMatch::Primary || !crate::quotes::is_first_name(name))
        });
        if capital || !res.gazetteer.admin1_by_name(name).is_empty() {
            c.kind = Kind::Gpe;
        }
        return;
    }
    if c.kind == Kind::Norp || c.source == Source::Dateline {
        return;
    }
    let Some(last) = super::tok_ending(toks, c.end) else { return };
    // A person never precedes "refugee camp" (a modified place head word): a model PERSON there
    // is the place's name. ("the Fenwick camp" alone may be a person's political camp.)
    let modified_head = |k: usize| {
        let modifier = tok(text, toks, k);
        !modifier.is_empty()
            && modifier.chars().all(char::is_lowercase)
            && head_kind(lx, tok(text, toks, k + 1)).is_some()
            && toks.get(k + 1).is_some_and(|t| t.sentence == toks[last].sentence)
    };
    if c.kind == Kind::Person && !(c.source == Source::Model && modified_head(last + 1)) {
        return;
    }
    // "Kestrel camp", "Al Noor refugee camp": a lower-case place head word right after the name
    // (one modifier allowed) makes the mention a LOC (or FAC) and joins the mention.
    let next = tok(text, toks, last + 1);
    let next2 = tok(text, toks, last + 2);
    let same_sentence = |k: usize| toks.get(k).is_some_and(|t| t.sentence == toks[last].sentence);
    let ext = if let (Some(k), true) = (head_kind(lx, next), same_sentence(last + 1)) {
        Some((last + 1, k))
    } else if let (Some(k), true, true) =
        (head_kind(lx, next2), next.chars().all(char::is_lowercase) && !next.is_empty(), same_sentence(last + 2))
    {
        Some((last + 2, k))
    } else {
        None
    };
    // "the Westland border", "the Westbury region", "Westbury's main airport": a place the
    // gazetteer knows followed by a descriptive head word (or a modified one) is that place, not
    // the name of another; an organisation is never extended over a descriptive word
    let ext = ext.filter(|&(h, _)| {
        let descriptive = is_descriptive_head(tok(text, toks, h));
        let known = || c.country.is_some() || is_known_place(&text[c.start..c.end], res);
        !(descriptive && c.kind == Kind::Org || (descriptive || h == last + 2) && known())
    });
    if let Some((h, k)) = ext {
        if c.kind != Kind::Org || c.source == Source::Model {
            c.kind = k;
            c.name_end = c.end;
            c.end = toks[h].end;
            c.head = Some(Span(toks[h].start, toks[h].end));
            return;
        }
    }
    if c.kind != Kind::Loc {
        return;
    }
    let lower_last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
    match head_kind(lx, &lower_last) {
        Some(Kind::Loc) => return,
        Some(_) => {
            c.kind = Kind::Fac;
            return;
        }
        None => {}
    }
    if !res.gazetteer.admin1_by_name(name).is_empty() || !res.gazetteer.lookup(name).is_empty() {
        c.kind = Kind::Gpe;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dateline_outvotes_a_mistyped_mention_of_its_agency() {
        // "XNA - ..." read as a place on a line of its own, "KAVALA, Oct 14, XNA --" the agency.
        let text = "XNA - a line\n\nKAVALA, Oct 14, XNA -- text";
        let mut cands = vec![cand(0, 3, Kind::Gpe, Source::Model, 0), cand(30, 33, Kind::Org, Source::Dateline, 1)];
        one_type_per_name(text, &mut cands, &crate::Lexicon::embedded());
        assert_eq!(cands[0].kind, Kind::Org);
        assert_eq!(cands[1].kind, Kind::Org);
    }

    #[test]
    fn every_kind_of_the_place_head_lists_is_a_record_kind() {
        let lx = crate::Lexicon::embedded();
        let en = &lx.entities;
        for (file, pairs) in [("place-nouns", &en.place_nouns), ("plural-place-heads", &en.plural_place_heads)] {
            assert!(!pairs.is_empty(), "{file}");
            for &(w, k) in pairs.iter() {
                assert!(Kind::parse(k).is_some_and(Kind::is_place), "{file}: {w} has kind {k}");
            }
        }
        let t = lx.entity_tables();
        assert_eq!(t.place_nouns.len(), en.place_nouns.len());
        assert_eq!(t.plural_place_heads.len(), en.plural_place_heads.len());
        assert!(t.place_nouns.contains(&("airport", Kind::Fac)));
    }

    fn toks(text: &str) -> Vec<Tok<'_>> {
        let sentences = dateline_text::segment::sentences(text);
        super::super::tokens(text, &dateline_text::segment::TokenTable::new(text), &sentences)
    }

    #[test]
    fn a_news_brand_is_one_word_with_a_news_head_after_an_inner_capital() {
        let lx = crate::Lexicon::embedded();
        for w in ["NewsPress", "DailyWire", "KestrelTimes"] {
            assert!(news_brand(w, &lx), "{w}");
        }
        // (letters outside ASCII anywhere: no panic, no brand)
        for w in [
            "News",
            "YouTube",
            "McDonald",
            "\u{391}\u{395}.",
            "\u{395}\u{3a1}\u{3a4}News\u{3a3}",
            "ÉditionsPresse",
            "A\u{395}",
        ] {
            assert!(!news_brand(w, &lx), "{w}");
        }
    }

    #[test]
    fn a_span_with_a_possessive_determiner_inside_is_a_clause() {
        let text = "The Harbour Elite Betrayed Their Voters";
        let t = toks(text);
        assert!(is_a_clause(text, &t, 0, t.len()));
        // first: a determiner before a name, not a clause; an honorific is a name
        assert!(!is_a_clause(text, &t, 4, t.len()));
        let text = "Her Majesty's Government";
        let t = toks(text);
        assert!(!is_a_clause(text, &t, 0, t.len()) && !possessive_determiner(text, &t, 0));
        let text = "The Harbour Authority";
        let t = toks(text);
        assert!(!is_a_clause(text, &t, 0, t.len()));
    }

    #[test]
    fn the_shapes_of_the_plural_heads_hold_each_head() {
        let lx = crate::Lexicon::embedded();
        let t = lx.entity_tables();
        for (w, _) in &t.plural_place_heads {
            assert!(t.plural_head_shapes.may_hold(w), "{w}");
        }
        assert!(!t.plural_head_shapes.may_hold("Idlib"));
        assert!(!t.plural_head_shapes.may_hold(""));
    }

    proptest::proptest! {
        /// The shape test before the scan of a short list never turns away a word of the list.
        #[test]
        fn shapes_never_turn_away_a_listed_word(
            list in proptest::collection::vec(r"\PC{0,70}", 0..6),
            w in r"\PC{0,70}",
            pick in 0usize..8,
        ) {
            let shapes = Shapes::of(list.iter().map(String::as_str));
            for entry in &list {
                proptest::prop_assert!(shapes.may_hold(entry));
            }
            let w = list.get(pick).cloned().unwrap_or(w);
            if list.contains(&w) {
                proptest::prop_assert!(shapes.may_hold(&w));
            }
        }
    }
}
