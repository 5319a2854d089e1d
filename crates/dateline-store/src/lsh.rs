//! LSH banding over MinHash signatures: which stored articles are worth comparing with a new one.
//!
//! The first `BANDS × ROWS` of the signature's [`NUM_PERM`] values are cut into [`BANDS`] bands of
//! [`ROWS`] values; two articles whose signatures agree on a whole band share that band's key. Two
//! articles with Jaccard `J` share at least one band with probability `1 - (1 - J^ROWS)^BANDS`:
//! with 42 × 3 that is 0.996 at J = 0.5, 0.94 at J = 0.4 and 0.29 at J = 0.2. The bar is set low on
//! purpose: a shortened copy (half the paragraphs dropped) has J ≈ 0.5 with its original but
//! containment 1.0, and only the exact comparison that follows can tell it from an unrelated
//! article (32 × 4 missed such a copy one time in eight). Candidates are ranked by the number of
//! bands they share (about `BANDS · J^ROWS`) and only the best few are compared, so the low bar
//! costs index rows, not comparisons.

use dateline_analyze::fingerprint::NUM_PERM;
use dateline_analyze::Signature;
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Bands per signature.
pub const BANDS: usize = 42;
/// Signature values per band.
pub const ROWS: usize = 3;

const _: () = assert!(BANDS * ROWS <= NUM_PERM, "bands × rows must fit in the signature");

/// The band keys of a signature: one 64-bit hash per band, seeded by the band's index so that
/// equal values in different bands do not collide. Stored as SQLite integers (`i64`).
pub fn band_keys(sig: &Signature) -> [i64; BANDS] {
    let mut keys = [0i64; BANDS];
    for (band, (key, values)) in keys.iter_mut().zip(sig.0.chunks_exact(ROWS)).enumerate() {
        let mut buf = [0u8; 4 * ROWS];
        for (slot, v) in buf.chunks_exact_mut(4).zip(values) {
            slot.copy_from_slice(&v.to_le_bytes());
        }
        *key = i64::from_ne_bytes(xxh3_64_with_seed(&buf, band as u64).to_ne_bytes());
    }
    keys
}

/// Probability that two articles with Jaccard `j` share at least one band.
pub fn candidate_probability(j: f64) -> f64 {
    1.0 - (1.0 - j.powi(ROWS as i32)).powi(BANDS as i32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_analyze::fingerprint::signature;

    #[test]
    fn equal_signatures_share_every_band_and_bands_differ_by_index() {
        let s = signature("a wire story about grain exports from the black sea ports");
        let k = band_keys(&s);
        assert_eq!(k, band_keys(&s));
        let same = Signature([7; NUM_PERM]);
        let keys = band_keys(&same);
        assert_ne!(keys[0], keys[1], "band index seeds the key");
    }

    #[test]
    fn the_curve_is_steep_where_it_should_be() {
        assert!(candidate_probability(0.6) > 0.98);
        assert!(candidate_probability(0.5) > 0.99);
        assert!(candidate_probability(0.4) > 0.9);
        assert!(candidate_probability(0.1) < 0.05);
    }
}
