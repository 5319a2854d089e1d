//! The place gazetteer: countries, first-level regions and cities from GeoNames, looked up by
//! name.
//!
//! Built from a GeoNames extract by `examples/build_gazetteer.rs` into `resources/gazetteer.tsv.gz`
//! (format in `resources/README.md`) and compiled into the binary, so analysis needs no files at
//! run time. Names are matched case-insensitively (`MOSCOW`, `Moscow`); a name can mean several
//! places, so lookups return candidates ranked by population and capital status, and narrow by
//! context (a country, a US state) where the caller has one. The dateline parser uses it today;
//! entity geocoding will use the same API.

mod load;

use rustc_hash::FxHashMap as HashMap;
use std::hash::Hasher;

use dateline_ner::lexicon::{WordHasher, WordMap};

use crate::AnalyzeError;

/// The gazetteer file compiled into the binary.
static EMBEDDED: &[u8] = include_bytes!("../../../../resources/gazetteer.tsv.gz");

/// What kind of populated place a [`Place`] is, from its GeoNames feature code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// Capital of a country (`PPLC`).
    Capital,
    /// Seat of government that is not the capital (`PPLG`).
    GovernmentSeat,
    /// Seat of a region or district (`PPLA` .. `PPLA5`).
    AdminSeat,
    /// A section of a bigger city (`PPLX`): a borough or quarter.
    Section,
    /// Any other populated place (`PPL`, `PPLL`, ...).
    City,
}

impl PlaceKind {
    /// The kind for a GeoNames feature code.
    pub fn from_feature_code(code: &str) -> PlaceKind {
        match code {
            "PPLC" => PlaceKind::Capital,
            "PPLG" => PlaceKind::GovernmentSeat,
            "PPLX" => PlaceKind::Section,
            c if c.starts_with("PPLA") => PlaceKind::AdminSeat,
            _ => PlaceKind::City,
        }
    }
}

/// A populated place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id (`https://www.geonames.org/{id}`).
    pub geonames_id: u32,
    /// Name in GeoNames (local spelling, may carry diacritics: `São Paulo`).
    pub name: String,
    /// The name in plain ASCII (`Sao Paulo`).
    pub ascii_name: String,
    /// Other Latin-script names kept by the builder (English exonyms such as `Peking`).
    pub alternate_names: Vec<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// GeoNames admin1 code within the country (`IL` for Illinois, `48` for Moscow city).
    pub admin1: Option<String>,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Population (0 when unknown).
    pub population: u64,
    /// What kind of place.
    pub kind: PlaceKind,
}

/// A country.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (`RU`).
    pub code: String,
    /// ISO 3166-1 alpha-3 code (`RUS`).
    pub code3: String,
    /// English short name as GeoNames gives it (`Russia`).
    pub name: String,
    /// Other names it is called by (`U.S.`, `Britain`; see `resources/README.md`).
    pub aliases: Vec<String>,
    /// GeoNames id of the country.
    pub geonames_id: u32,
    /// Population.
    pub population: u64,
    /// Name of the capital, when it has one.
    pub capital: Option<String>,
    /// GeoNames id of the capital, when it is in the gazetteer.
    pub capital_geonames_id: Option<u32>,
    /// A representative point: the capital's coordinates (GeoNames' country table gives no
    /// centroid). `None` when the capital is not in the gazetteer.
    pub lat: Option<f64>,
    /// Longitude of the representative point.
    pub lon: Option<f64>,
}

/// A first-level administrative region: a US state, a Canadian province, a Russian oblast.
#[derive(Debug, Clone, PartialEq)]
pub struct Admin1 {
    /// ISO2 code of the country.
    pub country: String,
    /// GeoNames admin1 code (`IL`, `08`).
    pub code: String,
    /// Name (`Illinois`).
    pub name: String,
    /// Other names: ASCII spelling, newspaper abbreviations (`Ill.`), postal codes (US).
    pub aliases: Vec<String>,
    /// GeoNames id.
    pub geonames_id: u32,
}

/// How a name matched a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    /// The GeoNames name or its ASCII form.
    Primary,
    /// One of the alternate names.
    Alternate,
}

/// One candidate place for a name.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'g> {
    /// The place.
    pub place: &'g Place,
    /// The gazetteer's spelling of the name that matched (`New York` for New York City), in
    /// its proper case.
    pub matched_name: &'g str,
    /// Whether that name is the place's own name or an alternate.
    pub via: NameMatch,
}

/// Restricts a lookup to places in a country and, optionally, a region of it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Within<'a> {
    /// ISO2 country code.
    pub country: Option<&'a str>,
    /// Admin1 code within that country.
    pub admin1: Option<&'a str>,
}

impl Within<'_> {
    fn admits(&self, p: &Place) -> bool {
        self.country.is_none_or(|c| p.country == c) && self.admin1.is_none_or(|a| p.admin1.as_deref() == Some(a))
    }
}

/// An index entry: a place and which of its names the key came from (0 = name, 1 = ASCII
/// name, 2.. = alternate `n - 2`).
#[derive(Debug, Clone, Copy)]
struct Hit {
    hash: u64,
    place: u32,
    name: u16,
}

/// Places and countries by name. Cheap to share by reference; lookups are hash-map reads.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Every (name hash, place, which name) triple, sorted by hash and, within a hash, best
    /// rank first. A sorted vector loads several times faster than a `HashMap<String, _>`
    /// (no key strings to allocate) and a lookup is one binary search.
    place_names: Vec<Hit>,
    place_ids: HashMap<u32, u32>,
    countries: Vec<Country>,
    /// By [`normalize_name`]; looked up for many capitalised words of every article, hence the
    /// cheap hash.
    country_names: WordMap<u32>,
    /// The first word of every key of `country_names`.
    country_first_words: WordMap<()>,
    country_codes: HashMap<String, u32>,
    admin1: Vec<Admin1>,
    admin1_names: WordMap<Vec<u32>>,
    admin1_codes: HashMap<(String, String), u32>,
}

/// The lookup key of a name: lowercase, curly apostrophes straightened, runs of whitespace made
/// one space, trimmed.
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '\u{2019}' | '\u{2018}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Calls `f` with [`normalize_name`]`(name)`, built in a stack buffer when the name is short and
/// ASCII (nearly always) instead of allocated.
fn with_normalized_name<T>(name: &str, f: impl FnOnce(&str) -> T) -> T {
    const CAP: usize = 64;
    let name = name.trim();
    if !name.is_ascii() || name.len() > CAP {
        return f(&normalize_name(name));
    }
    let mut buf = [0u8; CAP];
    let mut n = 0;
    // never longer than the name, so it fits
    each_normalized_ascii_byte(name, |b| {
        buf[n] = b;
        n += 1;
    });
    // ASCII in, ASCII out.
    f(std::str::from_utf8(&buf[..n]).unwrap_or_default())
}

/// Calls `f` with each byte of [`normalize_name`]`(name)` for a trimmed ASCII `name`: runs of
/// whitespace become one space and letters are lowercased. (`normalize_name` without allocating.)
fn each_normalized_ascii_byte(name: &str, mut f: impl FnMut(u8)) {
    let mut space = false;
    for &b in name.as_bytes() {
        if (b as char).is_whitespace() {
            space = true;
            continue;
        }
        if space {
            f(b' ');
            space = false;
        }
        f(b.to_ascii_lowercase());
    }
}

/// Hash of [`normalize_name`]`(name)` (the word tables' FNV-1a). ASCII names (nearly all) take
/// a byte loop that allocates nothing: the gazetteer hashes some 90,000 names at load, in debug
/// builds too.
fn name_hash(name: &str) -> u64 {
    let name = name.trim();
    let mut h = WordHasher::default();
    if name.is_ascii() {
        each_normalized_ascii_byte(name, |b| h.write_u8(b));
    } else {
        h.write(normalize_name(name).as_bytes());
    }
    h.finish()
}

/// Whether two names are equal once normalised.
fn same_name(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() && !a.contains("  ") && !b.contains("  ") {
        a.trim().eq_ignore_ascii_case(b.trim())
    } else {
        normalize_name(a) == normalize_name(b)
    }
}

/// Spelling variants tried when a name is not found as written: `St.`/`St`/`Saint`,
/// `Ft.`/`Fort`, `Mt.`/`Mount`.
const PREFIX_VARIANTS: &[(&str, &[&str])] = &[
    ("st. ", &["saint ", "st "]),
    ("st ", &["saint ", "st. "]),
    ("saint ", &["st. ", "st "]),
    ("ft. ", &["fort "]),
    ("ft ", &["fort "]),
    ("mt. ", &["mount "]),
    ("mt ", &["mount "]),
];

impl Gazetteer {
    /// The gazetteer compiled into the binary.
    pub fn embedded() -> Result<Self, AnalyzeError> {
        load::from_gzip(EMBEDDED, "embedded gazetteer.tsv.gz")
    }

    /// Reads a gazetteer in the format `build_gazetteer` writes (gzip-compressed).
    pub fn from_gzip(bytes: &[u8], name: &str) -> Result<Self, AnalyzeError> {
        load::from_gzip(bytes, name)
    }

    /// Reads a gazetteer from its uncompressed text.
    pub fn from_text(text: &str, name: &str) -> Result<Self, AnalyzeError> {
        load::from_text(text, name)
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether there are no places (the `Default` gazetteer).
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The places a name may mean, best first: by population, with capitals ahead and matches
    /// on a place's own name counting more than matches on an alternate. Tries `St.`/`Saint`
    /// style variants when the name as written is unknown.
    pub fn lookup(&self, name: &str) -> Vec<Candidate<'_>> {
        self.lookup_within(name, Within::default())
    }

    /// Like [`lookup`](Self::lookup), keeping only places inside `within`.
    pub fn lookup_within(&self, name: &str, within: Within<'_>) -> Vec<Candidate<'_>> {
        self.candidates(name).filter(|c| within.admits(c.place)).collect()
    }

    /// The best-ranked place of that name inside `within`.
    pub fn best_within(&self, name: &str, within: Within<'_>) -> Option<Candidate<'_>> {
        self.candidates(name).find(|c| within.admits(c.place))
    }

    /// Candidates for the name as written, else for its first spelling variant that has any.
    fn candidates<'g>(&'g self, name: &str) -> impl Iterator<Item = Candidate<'g>> + 'g {
        let mut found = self.exact(name);
        if found.is_empty() {
            let key = normalize_name(name);
            'variants: for (prefix, alternatives) in PREFIX_VARIANTS {
                if let Some(rest) = key.strip_prefix(prefix) {
                    for alt in *alternatives {
                        found = self.exact(&format!("{alt}{rest}"));
                        if !found.is_empty() {
                            break 'variants;
                        }
                    }
                }
            }
        }
        found.into_iter()
    }

    /// Candidates whose name normalises to the same key as `name`, best first.
    fn exact(&self, name: &str) -> Vec<Candidate<'_>> {
        let hash = name_hash(name);
        let start = self.place_names.partition_point(|h| h.hash < hash);
        self.place_names[start..]
            .iter()
            .take_while(|h| h.hash == hash)
            .filter_map(|h| self.candidate(*h))
            .filter(|c| same_name(c.matched_name, name))
            .collect()
    }

    fn candidate(&self, hit: Hit) -> Option<Candidate<'_>> {
        let place = self.places.get(hit.place as usize)?;
        let (matched_name, via) = match hit.name {
            0 => (place.name.as_str(), NameMatch::Primary),
            1 => (place.ascii_name.as_str(), NameMatch::Primary),
            n => (place.alternate_names.get(usize::from(n) - 2)?.as_str(), NameMatch::Alternate),
        };
        Some(Candidate { place, matched_name, via })
    }

    /// The place with this GeoNames id.
    pub fn place_by_id(&self, geonames_id: u32) -> Option<&Place> {
        let i = *self.place_ids.get(&geonames_id)?;
        self.places.get(i as usize)
    }

    /// The country called `name` (`Afghanistan`, `U.S.`, `Britain`), case-insensitively.
    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        let i = *with_normalized_name(name, |key| self.country_names.get(key))?;
        self.countries.get(i as usize)
    }

    /// Whether some country name or alias starts with the word `word` (no whitespace in it): a
    /// phrase that starts with any other word is no country's name, so callers trying phrases
    /// of several lengths at every capitalised word can skip the lookups.
    pub fn may_start_country_name(&self, word: &str) -> bool {
        with_normalized_name(word, |key| self.country_first_words.contains_key(key))
    }

    /// The country with this ISO 3166-1 alpha-2 or alpha-3 code, case-insensitively.
    pub fn country_by_code(&self, code: &str) -> Option<&Country> {
        let i = *self.country_codes.get(&code.to_ascii_uppercase())?;
        self.countries.get(i as usize)
    }

    /// All countries, in ISO2 order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The regions called `name` (`Illinois`, `Ill.`, `Ontario`, `Georgia`), case-insensitively.
    pub fn admin1_by_name(&self, name: &str) -> Vec<&Admin1> {
        with_normalized_name(name, |key| self.admin1_names.get(key))
            .map(|v| v.iter().filter_map(|&i| self.admin1.get(i as usize)).collect())
            .unwrap_or_default()
    }

    /// The region with this admin1 code in this country.
    pub fn admin1(&self, country: &str, code: &str) -> Option<&Admin1> {
        let i = *self.admin1_codes.get(&(country.to_string(), code.to_string()))?;
        self.admin1.get(i as usize)
    }
}

#[cfg(test)]
mod tests;
