//! Geocoding places against the gazetteer, in the article's context.

use rustc_hash::FxHashMap as HashMap;

use super::merge::Ent;
use super::{tok, tok_ending, Kind, Tok};
use crate::gazetteer::Candidate;
use crate::{Dateline, Geo, Resources};

/// How many tokens after a place mention an "in COUNTRY" is looked for.
const GEO_REACH: usize = 64;

/// Sets `country`, `geo` and the canonical country name of every place entity.
pub(super) fn geocode(text: &str, toks: &[Tok], ents: &mut [Ent], res: &Resources, dateline: Option<&Dateline>) {
    let gaz = &res.gazetteer;
    // context: countries named in the article, by number of mentions, and the dateline's
    let mut context: HashMap<String, usize> = HashMap::default();
    for e in ents.iter() {
        if let (Kind::Gpe, Some(c)) = (e.kind, &e.country) {
            *context.entry(c.clone()).or_default() += e.mentions.len();
        }
    }
    if let Some(c) = dateline.and_then(|d| d.country.as_ref()) {
        *context.entry(c.clone()).or_default() += 2;
    }
    // 1. countries, and places the gazetteer knows
    for e in ents.iter_mut() {
        if !e.kind.is_place() {
            continue;
        }
        let names: Vec<String> = e.mentions.iter().map(|m| text[m.start..m.name_end].to_string()).collect();
        if let Some(country) = names.iter().find_map(|n| gaz.country_by_name(n)) {
            e.kind = Kind::Gpe;
            e.country = Some(country.code.clone());
            e.country_name = Some(country.name.clone());
            if let (Some(lat), Some(lon)) = (country.lat, country.lon) {
                e.geo =
                    Some(Geo { lat, lon, geonames_id: u64::from(country.geonames_id), country: country.code.clone() });
            }
            continue;
        }
        if e.mentions.iter().any(|m| m.head.is_some()) {
            // "X camp": a camp named after a town is not the town
            continue;
        }
        let mut cands: Vec<Candidate<'_>> = Vec::new();
        for n in &names {
            cands.extend(gaz.lookup(n));
        }
        let pick = cands
            .iter()
            .enumerate()
            .max_by_key(|(rank, c)| {
                let ctx = context.get(&c.place.country).copied().unwrap_or(0);
                (ctx.min(1), std::cmp::Reverse(*rank))
            })
            .map(|(_, c)| *c);
        if let Some(c) = pick {
            e.kind = Kind::Gpe;
            e.country = Some(c.place.country.clone());
            e.geo = Some(Geo {
                lat: c.place.lat,
                lon: c.place.lon,
                geonames_id: u64::from(c.place.geonames_id),
                country: c.place.country.clone(),
            });
        } else if let Some(a) = names.iter().find_map(|n| {
            let found = gaz.admin1_by_name(n);
            found.iter().max_by_key(|a| context.get(&a.country).copied().unwrap_or(0)).map(|a| a.country.clone())
        }) {
            e.kind = Kind::Gpe;
            e.country = Some(a);
        }
    }
    // 2. places the gazetteer lacks: "in (southeast) Syria" after a mention
    let country_at: HashMap<usize, String> = ents
        .iter()
        .filter(|e| e.kind == Kind::Gpe && e.country_name.is_some())
        .flat_map(|e| {
            let c = e.country.clone().unwrap_or_default();
            e.mentions.iter().map(move |m| (m.start, c.clone()))
        })
        .collect();
    for e in ents.iter_mut() {
        if !e.kind.is_place() || e.country.is_some() {
            continue;
        }
        'mentions: for m in &e.mentions {
            let Some(last) = tok_ending(toks, m.end) else { continue };
            let s = toks[last].sentence;
            let mut k = last + 1;
            // (within GEO_REACH tokens: a sentence of many places stays linear)
            while k < toks.len() && toks[k].sentence == s && k - last <= GEO_REACH {
                if tok(text, toks, k) == "in" {
                    let mut c = k + 1;
                    if matches!(tok(text, toks, c), "the" | "The") {
                        c += 1;
                    }
                    if res.lexicon.entities.directions.contains(&tok(text, toks, c).to_lowercase().as_str()) {
                        c += 1;
                    }
                    if let Some(code) = toks.get(c).and_then(|t| country_at.get(&t.start)) {
                        // "US-controlled": a country used as a modifier is not where it is
                        let after =
                            toks.iter().skip(c + 1).find(|t| t.start >= toks[c].end).map(|t| &text[t.start..t.end]);
                        if after != Some("-") {
                            e.country = Some(code.clone());
                            break 'mentions;
                        }
                    }
                }
                k += 1;
            }
        }
    }
    // 3. still unknown: the country of the nearest place named just before (same or previous
    //    sentence) that is not itself a country
    let sentence_at = |start: usize| {
        let k = toks.partition_point(|t| t.start < start);
        toks.get(k).filter(|t| t.start == start).map(|t| t.sentence)
    };
    let mut located: Vec<(usize, usize, String)> = ents
        .iter()
        .filter(|e| e.kind.is_place() && e.country_name.is_none())
        .filter_map(|e| e.country.clone().map(|c| (e, c)))
        .flat_map(|(e, c)| {
            e.mentions.iter().filter_map(move |m| {
                let s = sentence_at(m.start)?;
                Some((m.start, s, c.clone()))
            })
        })
        .collect();
    located.sort_by_key(|(start, _, _)| *start);
    located.sort_by_key(|(start, _, _)| *start);
    for e in ents.iter_mut() {
        if !e.kind.is_place() || e.country.is_some() {
            continue;
        }
        let Some(m) = e.mentions.first() else { continue };
        let Some(s) = sentence_at(m.start) else {
            continue;
        };
        // The latest place mention before this one (the last of equal starts, as `max_by_key`
        // would pick); sentences grow with starts, so if it is too far back, all are.
        let latest = located.partition_point(|(start, _, _)| *start < m.start).checked_sub(1).map(|k| &located[k]);
        if let Some((_, _, c)) = latest.filter(|(_, ls, _)| *ls + 1 >= s) {
            e.country = Some(c.clone());
        }
    }
}
