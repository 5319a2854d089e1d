use std::sync::OnceLock;

use super::*;

fn gaz() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let t = std::time::Instant::now();
        let g = Gazetteer::embedded().expect("embedded gazetteer loads");
        // Printed, not asserted: timings vary with the machine and the build profile.
        eprintln!("gazetteer: {} places loaded in {:?}", g.len(), t.elapsed());
        g
    })
}

#[test]
fn load_timing_breakdown() {
    use std::io::Read;
    let t = std::time::Instant::now();
    let mut text = String::new();
    let _ = flate2::read::GzDecoder::new(EMBEDDED).read_to_string(&mut text);
    let inflate = t.elapsed();
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        n += f.len();
    }
    let split = t.elapsed();
    let t = std::time::Instant::now();
    let mut h = 0u64;
    for line in text.lines() {
        for f in line.split('\t') {
            h ^= name_hash(f);
        }
    }
    eprintln!("split {split:?} ({n}), hash all fields {:?} ({h})", t.elapsed());
    let t = std::time::Instant::now();
    let g = Gazetteer::from_text(&text, "t").expect("parses");
    eprintln!(
        "gazetteer timing: inflate {inflate:?}, parse+index {:?} ({} bytes, {} places)",
        t.elapsed(),
        text.len(),
        g.len()
    );
}

#[test]
fn loads_embedded() {
    let g = gaz();
    assert!(g.len() > 30_000);
    assert!(g.countries().len() > 240);
}

#[test]
fn lookup_is_case_insensitive_and_ranked() {
    let g = gaz();
    let moscow = g.lookup("MOSCOW");
    assert_eq!(moscow.first().map(|c| c.place.country.as_str()), Some("RU"));
    assert_eq!(moscow.first().map(|c| c.matched_name), Some("Moscow"));
    let london = g.lookup("london");
    assert_eq!(london.first().map(|c| c.place.country.as_str()), Some("GB"));
    assert!(london.iter().any(|c| c.place.country == "CA"));
    let washington = g.lookup("Washington");
    assert_eq!(washington.first().map(|c| c.place.admin1.as_deref()), Some(Some("DC")));
}

#[test]
fn exonyms_and_variants() {
    let g = gaz();
    let peking = g.lookup("PEKING");
    assert_eq!(peking.first().map(|c| c.place.name.as_str()), Some("Beijing"));
    assert_eq!(peking.first().map(|c| c.via), Some(NameMatch::Alternate));
    let ny = g.lookup("NEW YORK");
    assert_eq!(ny.first().map(|c| c.matched_name), Some("New York"));
    assert_eq!(ny.first().map(|c| c.place.population > 1_000_000), Some(true));
    assert_eq!(g.lookup("ST. LOUIS").first().map(|c| c.place.name.as_str()), Some("St. Louis"));
    assert_eq!(g.lookup("Saint Louis").first().map(|c| c.place.country.as_str()), Some("US"));
    assert!(g.lookup("Nowhereville").is_empty());
}

#[test]
fn context_narrows() {
    let g = gaz();
    let il = g.admin1_by_name("Ill.");
    assert_eq!(il.len(), 1);
    let within = Within { country: Some("US"), admin1: Some("IL") };
    let hit = g.best_within("SPRINGFIELD", within).expect("Springfield, Ill.");
    assert_eq!(hit.place.admin1.as_deref(), Some("IL"));
    let kabul = g.best_within("KABUL", Within { country: Some("AF"), admin1: None });
    assert_eq!(kabul.map(|c| c.place.kind), Some(PlaceKind::Capital));
}

#[test]
fn countries() {
    let g = gaz();
    for name in ["US", "U.S.", "USA", "United States of America", "united states"] {
        assert_eq!(g.country_by_name(name).map(|c| c.code.as_str()), Some("US"), "{name}");
    }
    for name in ["UK", "Britain", "Great Britain", "United Kingdom"] {
        assert_eq!(g.country_by_name(name).map(|c| c.code.as_str()), Some("GB"), "{name}");
    }
    assert_eq!(g.country_by_name("Netherlands").map(|c| c.code.as_str()), Some("NL"));
    assert_eq!(g.country_by_code("af").map(|c| c.name.as_str()), Some("Afghanistan"));
    assert_eq!(g.country_by_code("RUS").map(|c| c.code.as_str()), Some("RU"));
    let af = g.country_by_code("AF").expect("Afghanistan");
    assert_eq!(af.capital.as_deref(), Some("Kabul"));
    assert!(af.lat.is_some_and(|lat| (lat - 34.5).abs() < 1.0));
    assert!(g.country_by_name("Atlantis").is_none());
}

#[test]
fn place_by_id() {
    let g = gaz();
    let p = g.place_by_id(524_901).expect("Moscow by id");
    assert_eq!(p.name, "Moscow");
    assert!((p.lat - 55.75).abs() < 0.01);
}

#[test]
fn rejects_bad_files() {
    assert!(Gazetteer::from_text("", "t").is_err());
    assert!(Gazetteer::from_text("#dateline-gazetteer\t99\tx\n", "t").is_err());
    let e = Gazetteer::from_text("#dateline-gazetteer\t1\tx\nP\tnotanumber\n", "t");
    assert!(matches!(e, Err(AnalyzeError::Resource { line: 2, .. })));
    assert!(Gazetteer::from_gzip(b"not gzip", "t").is_err());
    let ok =
        Gazetteer::from_text("#dateline-gazetteer\t1\tx\nP\t1\tTestville\t\t1.5\t2.5\tZZ\t\t100\tPPL\tTestburg\n", "t")
            .expect("tiny gazetteer");
    assert_eq!(ok.lookup("testburg").len(), 1);
}

#[test]
fn normalizes_names() {
    assert_eq!(normalize_name("  Port-au-Prince "), "port-au-prince");
    assert_eq!(normalize_name("O\u{2019}HARE  AIRPORT"), "o'hare airport");
}
