//! Builds `resources/gazetteer.tsv.gz`, the place gazetteer embedded in dateline-analyze, from a
//! GeoNames extract.
//!
//! ```text
//! cargo run -p dateline-analyze --example build_gazetteer -- ../shared/data/geonames resources/
//! ```
//!
//! Reads `cities15000.txt`, `countryInfo.tsv` and `regionInfo.tsv` (or `admin1CodesASCII.txt`) from
//! the input folder. The output format is described in `resources/README.md`; the loader is
//! `dateline_analyze::gazetteer`. Output is deterministic: the same input gives the same bytes.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// Version of the file format; the loader refuses other versions.
const FORMAT_VERSION: u32 = 1;

/// Common English names of countries that GeoNames' `countryInfo` does not give. Kept short on
/// purpose: only names that wire datelines and news text actually use.
const COUNTRY_ALIASES: &[(&str, &[&str])] = &[
    ("US", &["United States of America", "USA", "U.S.A.", "U.S.", "US", "America"]),
    ("GB", &["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"]),
    ("NL", &["Netherlands", "Holland"]),
    ("CZ", &["Czech Republic"]),
    ("MK", &["Macedonia"]),
    ("CI", &["Cote d'Ivoire"]),
    ("CD", &["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"]),
    ("CG", &["Congo", "Congo-Brazzaville"]),
    ("KP", &["DPRK"]),
    ("RU", &["Russian Federation"]),
    ("PS", &["Palestine", "Palestinian Territories", "Gaza", "Gaza Strip", "West Bank"]),
    ("AE", &["UAE", "U.A.E."]),
    ("SZ", &["Swaziland"]),
    ("CV", &["Cape Verde"]),
    ("MM", &["Burma"]),
    ("TL", &["East Timor", "Timor-Leste"]),
    ("VA", &["Vatican City", "Holy See"]),
    ("TR", &["Turkiye"]),
    ("VN", &["Viet Nam"]),
];

/// Newspaper (AP-style) and postal abbreviations of US states and Canadian provinces, as they
/// appear after a dateline's city (`SPRINGFIELD, Ill.`). US postal codes are GeoNames' admin1
/// codes and are added automatically.
const ADMIN1_ALIASES: &[(&str, &[&str])] = &[
    ("US.AL", &["Ala."]),
    ("US.AZ", &["Ariz."]),
    ("US.AR", &["Ark."]),
    ("US.CA", &["Calif.", "Cal."]),
    ("US.CO", &["Colo."]),
    ("US.CT", &["Conn."]),
    ("US.DE", &["Del."]),
    ("US.DC", &["D.C.", "Washington, D.C."]),
    ("US.FL", &["Fla."]),
    ("US.GA", &["Ga."]),
    ("US.IL", &["Ill."]),
    ("US.IN", &["Ind."]),
    ("US.KS", &["Kan.", "Kans."]),
    ("US.KY", &["Ky."]),
    ("US.LA", &["La."]),
    ("US.MD", &["Md."]),
    ("US.MA", &["Mass."]),
    ("US.MI", &["Mich."]),
    ("US.MN", &["Minn."]),
    ("US.MS", &["Miss."]),
    ("US.MO", &["Mo."]),
    ("US.MT", &["Mont."]),
    ("US.NE", &["Neb.", "Nebr."]),
    ("US.NV", &["Nev."]),
    ("US.NH", &["N.H."]),
    ("US.NJ", &["N.J."]),
    ("US.NM", &["N.M.", "N.Mex."]),
    ("US.NY", &["N.Y."]),
    ("US.NC", &["N.C."]),
    ("US.ND", &["N.D.", "N.Dak."]),
    ("US.OK", &["Okla."]),
    ("US.OR", &["Ore.", "Oreg."]),
    ("US.PA", &["Pa.", "Penn."]),
    ("US.RI", &["R.I."]),
    ("US.SC", &["S.C."]),
    ("US.SD", &["S.D.", "S.Dak."]),
    ("US.TN", &["Tenn."]),
    ("US.TX", &["Tex."]),
    ("US.VT", &["Vt."]),
    ("US.VA", &["Va."]),
    ("US.WA", &["Wash."]),
    ("US.WV", &["W.Va.", "W. Va."]),
    ("US.WI", &["Wis.", "Wisc."]),
    ("US.WY", &["Wyo."]),
    ("CA.01", &["Alta."]),
    ("CA.02", &["B.C."]),
    ("CA.03", &["Man."]),
    ("CA.04", &["N.B."]),
    ("CA.05", &["Nfld.", "Newfoundland"]),
    ("CA.07", &["N.S."]),
    ("CA.08", &["Ont."]),
    ("CA.09", &["P.E.I."]),
    ("CA.10", &["Que.", "Quebec"]),
    ("CA.11", &["Sask."]),
];

/// Alternate names are kept only for places at least this big (or capitals): exonyms such as
/// `Peking` or `Bombay` belong to big cities, and small places' alternates are mostly the same
/// name in other languages, which would triple the file for little gain.
const ALTERNATES_MIN_POPULATION: u64 = 100_000;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 {
        eprintln!("usage: build_gazetteer GEONAMES_DIR OUT_DIR");
        std::process::exit(2);
    }
    if let Err(e) = run(Path::new(&args[0]), Path::new(&args[1])) {
        eprintln!("build_gazetteer: {e}");
        std::process::exit(1);
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// One `cities15000.txt` row, with the fields we keep.
struct City {
    id: u32,
    name: String,
    ascii: String,
    alternates: Vec<String>,
    lat: String,
    lon: String,
    country: String,
    admin1: String,
    population: u64,
    fcode: String,
}

fn run(input: &Path, out_dir: &Path) -> Result<(), String> {
    let cities = read_cities(&input.join("cities15000.txt"))?;
    let mut out = String::with_capacity(4 << 20);
    let _ = writeln!(
        out,
        "#dateline-gazetteer\t{FORMAT_VERSION}\tData: GeoNames (https://www.geonames.org/), CC BY 4.0\t\
         built by `cargo run -p dateline-analyze --example build_gazetteer` from cities15000.txt, \
         countryInfo.tsv, regionInfo.tsv; see resources/README.md"
    );
    let _ = writeln!(out, "#C\tiso2\tiso3\tname\tcapital\tcapital_geonameid\tgeonameid\tpopulation\taliases");
    let _ = writeln!(out, "#A\tcountry\tcode\tname\tascii_name\tgeonameid\taliases");
    let _ = writeln!(
        out,
        "#P\tgeonameid\tname\tascii_name_if_different\tlat\tlon\tcountry\tadmin1\tpopulation\tfeature_code\talternates"
    );
    write_countries(&read(&input.join("countryInfo.tsv"))?, &cities, &mut out)?;
    let regions = match read(&input.join("regionInfo.tsv")) {
        Ok(text) => text,
        Err(_) => read(&input.join("admin1CodesASCII.txt"))?,
    };
    write_admin1(&regions, &mut out);
    let mut n_alt = 0usize;
    for c in &cities {
        n_alt += c.alternates.len();
        let ascii = if c.ascii == c.name { "" } else { c.ascii.as_str() };
        let _ = writeln!(
            out,
            "P\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            c.id,
            c.name,
            ascii,
            c.lat,
            c.lon,
            c.country,
            c.admin1,
            c.population,
            c.fcode,
            c.alternates.join("|")
        );
    }
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let path = out_dir.join("gazetteer.tsv.gz");
    let file = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    // mtime 0 and no file name in the gzip header: identical input gives identical bytes.
    let mut gz = flate2::GzBuilder::new().mtime(0).write(file, flate2::Compression::best());
    gz.write_all(out.as_bytes())
        .and_then(|_| gz.finish().map(|_| ()))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "wrote {}: {} places, {} alternate names, {} bytes uncompressed, {} bytes gzipped",
        path.display(),
        cities.len(),
        n_alt,
        out.len(),
        size
    );
    Ok(())
}

fn read_cities(path: &Path) -> Result<Vec<City>, String> {
    let text = read(path)?;
    let mut cities = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 15 {
            return Err(format!("{}:{}: expected 19 columns", path.display(), i + 1));
        }
        let id = f[0].parse().map_err(|_| format!("{}:{}: bad geonameid", path.display(), i + 1))?;
        let population: u64 = f[14].parse().unwrap_or(0);
        let name = clean(f[1]);
        let ascii = clean(f[2]);
        let fcode = f[7].to_string();
        let alternates = if population >= ALTERNATES_MIN_POPULATION || fcode == "PPLC" {
            filter_alternates(f[3], &name, &ascii)
        } else {
            Vec::new()
        };
        cities.push(City {
            id,
            name,
            ascii,
            alternates,
            lat: trim_coord(f[4]),
            lon: trim_coord(f[5]),
            country: f[8].to_string(),
            admin1: f[10].to_string(),
            population,
            fcode,
        });
    }
    cities.sort_by_key(|c| c.id);
    Ok(cities)
}

/// Removes the characters our format uses as separators.
fn clean(s: &str) -> String {
    s.trim().replace(['\t', '|'], " ")
}

/// Four decimals (about 11 m) are plenty for a city and save a few hundred KB.
fn trim_coord(s: &str) -> String {
    match s.parse::<f64>() {
        Ok(v) => {
            let t = format!("{v:.4}");
            let t = t.trim_end_matches('0').trim_end_matches('.');
            if t == "-0" {
                "0".to_string()
            } else {
                t.to_string()
            }
        }
        Err(_) => "0".to_string(),
    }
}

/// Keeps the alternate names that could be English exonyms or plain transliterations: ASCII,
/// capitalised words, no digits, not all-caps (airport and other codes), not the same as the
/// name. GeoNames does not tag the language in this file, so this is a heuristic.
fn filter_alternates(field: &str, name: &str, ascii: &str) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(name.to_lowercase());
    seen.insert(ascii.to_lowercase());
    let mut out = Vec::new();
    for alt in field.split(',') {
        let alt = alt.trim();
        if !looks_english(alt) {
            continue;
        }
        if seen.insert(alt.to_lowercase()) {
            out.push(clean(alt));
        }
    }
    out
}

fn looks_english(s: &str) -> bool {
    let len = s.len();
    if !(3..=40).contains(&len) || !s.is_ascii() {
        return false;
    }
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_ascii_uppercase() {
        return false;
    }
    if !s.chars().any(|c| c.is_ascii_lowercase()) {
        return false;
    }
    if !s.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '.' | '\'')) {
        return false;
    }
    // Every word capitalised, except short particles (`de`, `la`, `upon`, `al`).
    s.split([' ', '-']).all(|w| {
        w.is_empty()
            || w.starts_with(|c: char| c.is_ascii_uppercase())
            || matches!(
                w,
                "de" | "del"
                    | "la"
                    | "le"
                    | "les"
                    | "du"
                    | "da"
                    | "do"
                    | "dos"
                    | "das"
                    | "of"
                    | "on"
                    | "upon"
                    | "am"
                    | "an"
                    | "al"
                    | "el"
                    | "en"
                    | "sur"
                    | "and"
                    | "y"
            )
    })
}

fn write_countries(text: &str, cities: &[City], out: &mut String) -> Result<(), String> {
    let aliases: BTreeMap<&str, &[&str]> = COUNTRY_ALIASES.iter().copied().collect();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 17 {
            return Err(format!("countryInfo: short line {line:?}"));
        }
        let (iso2, iso3, name, capital) = (f[0], f[1], clean(f[4]), clean(f[5]));
        let capital_id = find_capital(cities, iso2, &capital);
        let mut names: Vec<String> = Vec::new();
        if let Some(stripped) = name.strip_prefix("The ") {
            names.push(stripped.to_string());
        }
        names.extend(aliases.get(iso2).into_iter().flat_map(|a| a.iter()).map(|s| s.to_string()));
        let _ = writeln!(
            out,
            "C\t{iso2}\t{iso3}\t{name}\t{capital}\t{}\t{}\t{}\t{}",
            capital_id.map(|i| i.to_string()).unwrap_or_default(),
            f[16].trim(),
            f[7].trim(),
            names.join("|")
        );
    }
    Ok(())
}

/// The capital's geonameid: the place of that name in the country, preferring the `PPLC` one.
fn find_capital(cities: &[City], iso2: &str, capital: &str) -> Option<u32> {
    if capital.is_empty() {
        return None;
    }
    let mut best: Option<(&City, u8)> = None;
    for c in cities.iter().filter(|c| c.country == iso2) {
        let named = c.name.eq_ignore_ascii_case(capital) || c.ascii.eq_ignore_ascii_case(capital);
        let score = u8::from(named) * 2 + u8::from(c.fcode == "PPLC");
        if score >= 2 && best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c.id).or_else(|| cities.iter().find(|c| c.country == iso2 && c.fcode == "PPLC").map(|c| c.id))
}

fn write_admin1(text: &str, out: &mut String) {
    let aliases: BTreeMap<&str, &[&str]> = ADMIN1_ALIASES.iter().copied().collect();
    // (key "CC.code", country, code, name, ascii name, geonameid)
    let mut rows: Vec<(&str, &str, &str, &str, &str, &str)> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            continue;
        }
        if let Some((cc, code)) = f[0].split_once('.') {
            rows.push((f[0], cc, code, f[1], f[2], f[3].trim()));
        }
    }
    rows.sort();
    for (key, cc, code, name, ascii, id) in rows {
        let mut names: Vec<String> =
            aliases.get(key).into_iter().flat_map(|a| a.iter()).map(|s| s.to_string()).collect();
        if cc == "US" {
            names.push(code.to_string());
        }
        let ascii = if ascii == name { "" } else { ascii };
        let _ = writeln!(out, "A\t{cc}\t{code}\t{}\t{}\t{id}\t{}", clean(name), clean(ascii), names.join("|"));
    }
}
