//! The places map: countries shaded by how often the corpus names places in them, and a dot
//! for every other geocoded place, each linking to the articles about it.
//!
//! Drawn offline as inline SVG: the country shapes are compiled from Natural Earth (public
//! domain) into `static/world.svg` by `scripts/map/build.mjs`, in an equirectangular projection
//! at 2 units per degree, which this module shares (`x = (lon + 180) * 2`, `y = (90 - lat) * 2`).
//! Colours are presentation attributes, not inline styles, so the page's CSP (`style-src 'self'`)
//! holds. A country is recognised by its GeoNames id (carried by each path), so a country named
//! in an article shades its shape instead of sitting as a dot on its capital.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

use dateline_store::views::PlaceSummary;

use super::html::{escape, segment};

/// The compiled country shapes.
const WORLD_SVG: &str = include_str!("../../static/world.svg");

/// Dots drawn at most (the places named most).
pub const MAX_DOTS: usize = 400;

/// Fill of a country with no coverage, then five steps of coverage, light to dark.
const SHADES: [&str; 6] = ["#ece8df", "#f3d9c4", "#e9b48f", "#dc8c5f", "#c9653a", "#a8431f"];

/// One country shape of the compiled map.
#[derive(Debug)]
struct Shape {
    /// ISO 3166-1 alpha-2, or `xx` for areas without a code.
    code: &'static str,
    /// GeoNames id of the country (0 when unknown).
    geonames_id: u64,
    /// SVG path data.
    d: &'static str,
}

/// The shapes of `static/world.svg`, read once.
fn shapes() -> &'static [Shape] {
    static SHAPES: OnceLock<Vec<Shape>> = OnceLock::new();
    SHAPES.get_or_init(|| parse_shapes(WORLD_SVG))
}

/// Reads `<path id="XX" data-g="ID" d="..."/>` elements (the format `build.mjs` writes).
fn parse_shapes(svg: &'static str) -> Vec<Shape> {
    let attr = |tag: &'static str, name: &str| -> Option<&'static str> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let len = tag[start..].find('"')?;
        Some(&tag[start..start + len])
    };
    svg.split("<path")
        .skip(1)
        .filter_map(|tag| {
            Some(Shape {
                code: attr(tag, "id")?,
                geonames_id: attr(tag, "data-g").and_then(|g| g.parse().ok()).unwrap_or(0),
                d: attr(tag, "d")?,
            })
        })
        .collect()
}

fn x_of(lon: f64) -> f64 {
    ((lon.clamp(-180.0, 180.0) + 180.0) * 2.0 * 10.0).round() / 10.0
}

fn y_of(lat: f64) -> f64 {
    ((90.0 - lat.clamp(-90.0, 90.0)) * 2.0 * 10.0).round() / 10.0
}

/// The map of `places` as an inline `<svg>` element.
pub fn map_svg(places: &[PlaceSummary]) -> String {
    let shapes = shapes();
    let country_ids: HashMap<u64, &str> =
        shapes.iter().filter(|s| s.geonames_id != 0).map(|s| (s.geonames_id, s.code)).collect();
    // Coverage of a country: articles naming it or a place in it (an article naming two of its
    // places counts twice: this is a measure of attention, not a count of articles).
    let mut coverage: HashMap<&str, u64> = HashMap::new();
    let mut country_names: HashMap<&str, &str> = HashMap::new();
    let mut dots: Vec<&PlaceSummary> = Vec::new();
    for p in places {
        *coverage.entry(p.geo.country.as_str()).or_default() += p.articles;
        match country_ids.get(&p.geo.geonames_id) {
            Some(code) => {
                country_names.insert(code, p.name.as_str());
            }
            None => dots.push(p),
        }
    }
    let top = coverage.values().copied().max().unwrap_or(0).max(1);
    let mut out = String::with_capacity(WORLD_SVG.len() + dots.len() * 200);
    out.push_str(
        r##"<svg class="worldmap" viewBox="0 0 720 360" role="img" aria-labelledby="map-t"><title id="map-t">Places named in the corpus</title><rect width="720" height="360" fill="#f7f9fb"/>"##,
    );
    for s in shapes {
        let n = coverage.get(s.code).copied().unwrap_or(0);
        // Five steps on a square-root scale: a country named once is visible next to one named
        // a thousand times.
        let step = if n == 0 { 0 } else { 1 + ((n as f64 / top as f64).sqrt() * 4.0).floor() as usize };
        let fill = SHADES[step.min(SHADES.len() - 1)];
        let label = country_names.get(s.code).copied().unwrap_or(s.code);
        if n > 0 && s.code != "xx" {
            let _ = write!(
                out,
                r##"<a href="/?country={}"><path d="{}" fill="{fill}" stroke="#ffffff" stroke-width="0.3"><title>{}: named {n} time{}; articles datelined there</title></path></a>"##,
                segment(s.code),
                s.d,
                escape(label),
                if n == 1 { "" } else { "s" },
            );
        } else {
            let _ = write!(out, r##"<path d="{}" fill="{fill}" stroke="#ffffff" stroke-width="0.3"/>"##, s.d);
        }
    }
    dots.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.name.cmp(&b.name)));
    // Small dots on top of large ones: draw the most named first.
    for p in dots.iter().take(MAX_DOTS) {
        let r = (1.2 + (p.articles as f64).sqrt() * 0.9).min(9.0);
        let href = if p.datelined > 0 {
            format!("/?place={}", segment(&p.name))
        } else {
            format!("/?entity={}", segment(&p.name))
        };
        let _ = write!(
            out,
            r##"<a href="{href}" class="dot"><circle cx="{}" cy="{}" r="{r:.1}" fill="#1f4e79" fill-opacity="0.7" stroke="#ffffff" stroke-width="0.4"><title>{}: {} article{}{}</title></circle></a>"##,
            x_of(p.geo.lon),
            y_of(p.geo.lat),
            escape(&p.name),
            p.articles,
            if p.articles == 1 { "" } else { "s" },
            if p.datelined > 0 { format!(", {} datelined", p.datelined) } else { String::new() },
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use dateline_analyze::{EntityType, Geo};

    use super::*;

    fn place(name: &str, lat: f64, lon: f64, id: u64, country: &str, articles: u64) -> PlaceSummary {
        PlaceSummary {
            name: name.into(),
            kind: EntityType::Gpe,
            geo: Geo { lat, lon, geonames_id: id, country: country.into() },
            articles,
            datelined: 0,
        }
    }

    #[test]
    fn the_compiled_map_has_every_large_country() {
        let codes: Vec<&str> = shapes().iter().map(|s| s.code).collect();
        assert!(codes.len() > 150, "{} shapes", codes.len());
        for c in ["US", "BR", "RU", "CN", "IN", "KE", "FR", "AU"] {
            assert!(codes.contains(&c), "{c} missing");
        }
        assert!(shapes().iter().all(|s| s.d.starts_with('M')));
    }

    #[test]
    fn countries_are_shaded_and_other_places_are_dots() {
        let kenya = shapes().iter().find(|s| s.code == "KE").map(|s| s.geonames_id).unwrap_or(0);
        assert!(kenya > 0);
        let svg =
            map_svg(&[place("Kenya", -1.0, 38.0, kenya, "KE", 4), place("Nakuru <&>", -0.3, 36.07, 184622, "KE", 2)]);
        // The country links to its search and is not a dot; the town is a dot at its coordinates.
        assert!(svg.contains(r#"<a href="/?country=KE">"#));
        assert!(svg.contains("<title>Kenya: named 6 times"), "country coverage counts its places");
        assert_eq!(svg.matches("<circle").count(), 1);
        assert!(svg.contains(r#"cx="432.1" cy="180.6""#), "{svg:.0}");
        // Names are escaped in titles and links.
        assert!(svg.contains("Nakuru &lt;&amp;&gt;: 2 articles"));
        assert!(svg.contains("/?entity=Nakuru%20%3C%26%3E"));
        assert!(!svg.contains("<&>"));
    }

    #[test]
    fn projection_is_the_map_builds() {
        assert_eq!((x_of(-180.0), y_of(90.0)), (0.0, 0.0));
        assert_eq!((x_of(180.0), y_of(-90.0)), (720.0, 360.0));
        assert_eq!((x_of(0.0), y_of(0.0)), (360.0, 180.0));
        assert_eq!((x_of(999.0), y_of(-999.0)), (720.0, 360.0), "clamped");
    }
}
