// Compiles Natural Earth's 1:110m countries (public domain, redistributed as TopoJSON by the npm
// package world-atlas, ISC) into the web UI's world map: one SVG path per country in an
// equirectangular projection, 2 units per degree (viewBox 0 0 720 360: x = (lon + 180) * 2,
// y = (90 - lat) * 2), coordinates rounded to 0.1 unit. Each path carries the country's ISO
// 3166-1 alpha-2 code and GeoNames id (from GeoNames' countryInfo, CC BY 4.0, matched on the
// ISO numeric code), which is how the server shades countries by coverage and tells a country
// (shaded) from a place inside it (a dot): crates/dateline-server/src/views/map.rs.
//
//   cd scripts/map && npm ci && node build.mjs ../../../shared/data/geonames/countryInfo.tsv \
//     > ../../crates/dateline-server/static/world.svg
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";

const countryInfo = process.argv[2];
if (!countryInfo) {
  console.error("usage: node build.mjs PATH/TO/geonames/countryInfo.tsv > world.svg");
  process.exit(2);
}
// ISO numeric -> [alpha-2, GeoNames id]
const byNumeric = new Map();
for (const line of readFileSync(countryInfo, "utf8").split("\n")) {
  if (!line || line.startsWith("#")) continue;
  const f = line.split("\t");
  byNumeric.set(f[2], [f[0], f[16]]);
}

const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"));
const countries = feature(topo, topo.objects.countries);

const r = (v) => Math.round(v * 10) / 10;
const pt = ([lon, lat]) => `${r((lon + 180) * 2)} ${r((90 - lat) * 2)}`;
const paths = [];
for (const f of countries.features) {
  const g = f.geometry;
  if (!g) continue;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  let d = "";
  for (const poly of polys) {
    for (const ring of poly) {
      // A ring that crosses the antimeridian jumps by about 360 degrees: keep it continuous
      // (the part beyond the edge is clipped by the viewBox) instead of striping the map.
      let shift = 0;
      const unwrapped = ring.map(([lon, lat], i) => {
        if (i > 0) {
          const prev = ring[i - 1][0];
          if (lon - prev > 180) shift -= 360;
          else if (prev - lon > 180) shift += 360;
        }
        return [lon + shift, lat];
      });
      // Drop points that round onto the previous one.
      const pts = [];
      for (const p of unwrapped.map(pt)) if (pts[pts.length - 1] !== p) pts.push(p);
      if (pts.length >= 3) d += "M" + pts.join("L") + "Z";
    }
  }
  if (!d) continue;
  const [code, geonames] = byNumeric.get(f.id) ?? ["", ""];
  // Disputed and unassigned areas (no ISO code) are drawn but never shaded.
  paths.push(`<path id="${code || "xx"}" data-g="${geonames}" d="${d}"/>`);
}
process.stdout.write(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 360">\n` +
  `<!-- Countries: Natural Earth 1:110m (public domain) via world-atlas 2.0.2; codes and ids: GeoNames (CC BY 4.0); built by scripts/map/build.mjs -->\n` +
  paths.join("\n") + "\n</svg>\n",
);
