//! Reading the gazetteer file (format version 1, described in `resources/README.md`).
//!
//! One line per record, tab-separated, the first field naming the record type: `C` country,
//! `A` admin1 region, `P` place. Lines starting with `#` are comments; the first one carries
//! the format version and the attribution. Lists inside a field are `|`-separated.

use std::io::Read;

use super::{name_hash, normalize_name, Admin1, Country, Gazetteer, Hit, Place, PlaceKind};
use crate::AnalyzeError;

/// The format version this loader reads.
pub(super) const FORMAT_VERSION: &str = "1";

/// Decompresses and parses a gzip-compressed gazetteer.
pub(super) fn from_gzip(bytes: &[u8], name: &str) -> Result<Gazetteer, AnalyzeError> {
    let mut text = String::with_capacity(bytes.len() * 4);
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|e| bad(name, 0, format!("cannot decompress: {e}")))?;
    from_text(&text, name)
}

fn bad(name: &str, line: usize, message: impl Into<String>) -> AnalyzeError {
    AnalyzeError::Resource { name: name.to_string(), line, message: message.into() }
}

/// Parses the uncompressed text.
pub(super) fn from_text(text: &str, name: &str) -> Result<Gazetteer, AnalyzeError> {
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    let mut head = header.split('\t');
    if head.next() != Some("#dateline-gazetteer") {
        return Err(bad(name, 1, "not a dateline gazetteer (missing header)"));
    }
    let version = head.next().unwrap_or_default();
    if version != FORMAT_VERSION {
        return Err(bad(name, 1, format!("format version {version:?}, this build reads {FORMAT_VERSION}")));
    }
    let mut g = Gazetteer::default();
    let mut country_capitals: Vec<Option<u32>> = Vec::new();
    let mut fields: Vec<&str> = Vec::with_capacity(12);
    g.places.reserve(40_000);
    g.place_names.reserve(100_000);
    for (i, line) in lines.enumerate() {
        let line_no = i + 2;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        fields.clear();
        split_tabs(line, &mut fields);
        let err = |m: &str| bad(name, line_no, m);
        match fields.first().copied() {
            Some("P") => add_place(&mut g, &fields).map_err(err)?,
            Some("C") => {
                let cap = add_country(&mut g, &fields).map_err(err)?;
                country_capitals.push(cap);
            }
            Some("A") => add_admin1(&mut g, &fields).map_err(err)?,
            _ => return Err(err("unknown record type")),
        }
    }
    // Countries' representative points are their capitals'.
    for (ci, cap) in country_capitals.into_iter().enumerate() {
        let point = cap.and_then(|id| g.place_by_id(id)).map(|p| (p.lat, p.lon));
        if let (Some(c), Some((lat, lon))) = (g.countries.get_mut(ci), point) {
            c.lat = Some(lat);
            c.lon = Some(lon);
        }
    }
    rank(&mut g);
    Ok(g)
}

/// Appends the tab-separated fields of `line` to `fields`: what `line.split('\t')` gives, found
/// by `memchr` (many bytes per step, where the split's char searcher took about one). The
/// gazetteer's 37,000 lines are split once per process, before the first article.
fn split_tabs<'a>(line: &'a str, fields: &mut Vec<&'a str>) {
    let mut from = 0;
    for tab in memchr::memchr_iter(b'\t', line.as_bytes()) {
        // (a tab is ASCII: both ends are char boundaries)
        fields.push(line.get(from..tab).unwrap_or_default());
        from = tab + 1;
    }
    fields.push(line.get(from..).unwrap_or_default());
}

fn field<'a>(f: &[&'a str], i: usize) -> &'a str {
    f.get(i).copied().unwrap_or_default()
}

fn list(s: &str) -> Vec<String> {
    s.split('|').filter(|x| !x.is_empty()).map(str::to_string).collect()
}

fn add_place(g: &mut Gazetteer, f: &[&str]) -> Result<(), &'static str> {
    // P id name ascii lat lon country admin1 population fcode alternates
    let id: u32 = field(f, 1).parse().map_err(|_| "bad geonameid")?;
    let name = field(f, 2).to_string();
    let ascii = match field(f, 3) {
        "" => name.clone(),
        a => a.to_string(),
    };
    let lat: f64 = field(f, 4).parse().map_err(|_| "bad latitude")?;
    let lon: f64 = field(f, 5).parse().map_err(|_| "bad longitude")?;
    let admin1 = match field(f, 7) {
        "" => None,
        a => Some(a.to_string()),
    };
    let population = field(f, 8).parse().unwrap_or(0);
    let alternate_names = list(field(f, 10));
    if name.is_empty() || field(f, 6).len() != 2 {
        return Err("place without name or country");
    }
    let index = u32::try_from(g.places.len()).map_err(|_| "too many places")?;
    let names = [name.as_str(), ascii.as_str()].into_iter().chain(alternate_names.iter().map(String::as_str));
    let first = g.place_names.len();
    for (n, alias) in names.enumerate() {
        let hash = name_hash(alias);
        // A place listed twice under one key (name == ASCII name, case variants) counts once.
        if !g.place_names[first..].iter().any(|h| h.hash == hash) {
            g.place_names.push(Hit { hash, place: index, name: u16::try_from(n).map_err(|_| "too many names")? });
        }
    }
    g.place_ids.insert(id, index);
    g.places.push(Place {
        geonames_id: id,
        name,
        ascii_name: ascii,
        alternate_names,
        country: field(f, 6).to_string(),
        admin1,
        lat,
        lon,
        population,
        kind: PlaceKind::from_feature_code(field(f, 9)),
    });
    Ok(())
}

fn add_country(g: &mut Gazetteer, f: &[&str]) -> Result<Option<u32>, &'static str> {
    // C iso2 iso3 name capital capital_geonameid geonameid population aliases
    let code = field(f, 1).to_string();
    let code3 = field(f, 2).to_string();
    let name = field(f, 3).to_string();
    if code.len() != 2 || name.is_empty() {
        return Err("country without code or name");
    }
    let index = u32::try_from(g.countries.len()).map_err(|_| "too many countries")?;
    let aliases = list(field(f, 8));
    for n in std::iter::once(&name).chain(aliases.iter()) {
        // First writer wins: a GeoNames name is never shadowed by a later alias.
        let key = normalize_name(n);
        let first = key.split(' ').next().unwrap_or_default();
        g.country_first_words.insert(first.to_string(), ());
        g.country_names.entry(key).or_insert(index);
    }
    g.country_codes.insert(code.clone(), index);
    if !code3.is_empty() {
        g.country_codes.insert(code3.clone(), index);
    }
    let capital_id = field(f, 5).parse().ok();
    g.countries.push(Country {
        code,
        code3,
        name,
        aliases,
        geonames_id: field(f, 6).parse().unwrap_or(0),
        population: field(f, 7).parse().unwrap_or(0),
        capital: Some(field(f, 4).to_string()).filter(|c| !c.is_empty()),
        capital_geonames_id: capital_id,
        lat: None,
        lon: None,
    });
    Ok(capital_id)
}

fn add_admin1(g: &mut Gazetteer, f: &[&str]) -> Result<(), &'static str> {
    // A country code name ascii geonameid aliases
    let country = field(f, 1).to_string();
    let code = field(f, 2).to_string();
    let name = field(f, 3).to_string();
    if country.len() != 2 || code.is_empty() || name.is_empty() {
        return Err("region without country, code or name");
    }
    let index = u32::try_from(g.admin1.len()).map_err(|_| "too many regions")?;
    let mut aliases = list(field(f, 6));
    if !field(f, 4).is_empty() {
        aliases.insert(0, field(f, 4).to_string());
    }
    for n in std::iter::once(&name).chain(aliases.iter()) {
        let entry = g.admin1_names.entry(normalize_name(n)).or_default();
        if !entry.contains(&index) {
            entry.push(index);
        }
    }
    g.admin1_codes.insert((country.clone(), code.clone()), index);
    g.admin1.push(Admin1 { country, code, name, aliases, geonames_id: field(f, 5).parse().unwrap_or(0) });
    Ok(())
}

/// Sorts every name's candidates best first, so an unqualified lookup is the first entry.
/// The score is the population, tripled for a national capital and quartered when the name is
/// only an alternate (an exonym should not beat a real city of that name of similar size).
fn rank(g: &mut Gazetteer) {
    let places = &g.places;
    let score = |h: &Hit| -> u64 {
        let Some(p) = places.get(h.place as usize) else {
            return 0;
        };
        let mut s = p.population.saturating_add(1);
        if p.kind == PlaceKind::Capital {
            s = s.saturating_mul(3);
        }
        if h.name >= 2 {
            s /= 4;
        }
        s
    };
    // One u128 per hit (hash, then the score descending) sorts faster than a tuple; hits are in
    // place order already, so the stable sort keeps places ascending among equal scores.
    let mut keyed: Vec<(u128, Hit)> =
        g.place_names.iter().map(|h| ((u128::from(h.hash) << 64) | u128::from(u64::MAX - score(h)), *h)).collect();
    debug_assert!(keyed.windows(2).all(|w| w[0].1.place <= w[1].1.place));
    keyed.sort_by_key(|k| k.0);
    g.place_names = keyed.into_iter().map(|k| k.1).collect();
}

#[cfg(test)]
mod split_tests {
    use super::split_tabs;

    proptest::proptest! {
        /// The memchr split gives the fields `split('\t')` gives, empty ones included.
        #[test]
        fn split_tabs_equals_split(line in "[a-z\t|é]{0,30}|\\PC{0,40}") {
            let mut fields = Vec::new();
            split_tabs(&line, &mut fields);
            proptest::prop_assert_eq!(fields, line.split('\t').collect::<Vec<_>>());
        }
    }
}
