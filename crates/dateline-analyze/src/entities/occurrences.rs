//! Where names occur: every occurrence of a set of names that begins and ends at tokens, in one
//! pass over the tokens.
//!
//! Name propagation used to search each distinct name at every occurrence of its first byte, so
//! a text of 40,000 distinct names did 40,000 searches of the whole text. Here each token start
//! is tried against the lengths the names starting with its first four bytes have (with the
//! names shorter than four bytes, by their first byte), each try one hash
//! comparison (polynomial hashes of the text at token boundaries, computed once): the work is
//! the number of such tries, bounded by the tokens times the distinct name lengths, not by the
//! names times the text. A hash match is confirmed byte by byte, so the result is exact.
//!
//! The result equals what `str::match_indices` finds (left to right, each match after the last
//! one's end) filtered to token boundaries. For a name that cannot overlap itself that is every
//! occurrence; a name with a border (a proper prefix equal to a suffix, "Ab Ab") can, so each of
//! its matches at a token is checked against the matches just before it, at any byte, and the
//! overlapping ones skipped exactly as `match_indices` skips them. Tokens out of order (never
//! from the analysis) make every name take a rolling hash per distinct length over every byte.

use rustc_hash::FxHashMap;

use super::{tok_ending, Tok};

/// How many first bytes of a name key the lengths tried at a token (shorter names are keyed by
/// their first byte).
const KEY_BYTES: usize = 4;

/// The first [`KEY_BYTES`] bytes of `b` as one number.
fn key(b: &[u8]) -> u32 {
    b[..KEY_BYTES].iter().fold(0, |k, &x| (k << 8) | u32::from(x))
}

/// Multiplier of the polynomial hash (odd, so powers never vanish modulo 2^64).
const BASE: u64 = 0x0100_0000_01b3;

/// For each name, its starts (at a token start, ending at a token end), in text order; and the
/// work done (tries, bytes compared and bytes scanned), which grows linearly with the text for a
/// bounded number of distinct name lengths.
pub(super) fn occurrences<'n>(
    text: &str,
    toks: &[Tok],
    names: impl ExactSizeIterator<Item = &'n str>,
) -> (Vec<Vec<usize>>, u64) {
    let bytes = text.as_bytes();
    let names: Vec<&[u8]> = names.map(str::as_bytes).collect();
    let mut found: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    let mut work = 0u64;
    let ordered = toks.windows(2).all(|w| w[0].end <= w[1].start) && toks.iter().all(|t| t.start < t.end);
    let mut by_key: FxHashMap<(usize, u64), Vec<usize>> = FxHashMap::default();
    // the lengths of the names by their first four bytes (by the first byte alone, a text of
    // many names of many lengths tried every length at every token), and whether any such name
    // starts with a byte (most tokens start with none, and skip the lookup)
    let mut lengths: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    let mut long_first = [false; 256];
    // the lengths (bits 0, 1, 2 for 1, 2, 3 bytes) of the names shorter than four bytes, by
    // their first byte: at most three tries a token ("US", "EU"; a pass over every byte for
    // each of their lengths cost more than all the rest of the search)
    let mut short = [0u8; 256];
    // the tokens out of order (never in the analysis): every name takes the rolling pass
    let mut rolling: Vec<usize> = Vec::new();
    // names that can overlap themselves: a hit at a token is checked against the matches just
    // before it (`kept_at`), not by a pass over the whole text per length, whose cost grew with
    // the text times the lengths of such names
    let border: Vec<bool> = names.iter().map(|n| has_border(n)).collect();
    let mut kept: Vec<Kept> = vec![Kept::default(); names.len()];
    for (n, name) in names.iter().enumerate() {
        work += name.len() as u64;
        let Some(&first) = name.first() else { continue };
        if !ordered {
            rolling.push(n);
            continue;
        }
        by_key.entry((name.len(), hash(name))).or_default().push(n);
        if name.len() < KEY_BYTES {
            short[usize::from(first)] |= 1 << (name.len() - 1);
        } else {
            long_first[usize::from(first)] = true;
            lengths.entry(key(name)).or_default().push(name.len());
        }
    }
    for l in lengths.values_mut() {
        l.sort_unstable();
        l.dedup();
    }
    if !by_key.is_empty() {
        // each key's lengths, ascending, with the power of the hash base each needs
        let lengths: FxHashMap<u32, Vec<(usize, u64)>> = lengths
            .into_iter()
            .map(|(k, ls)| (k, ls.iter().map(|&len| (len, BASE.wrapping_pow(len as u32))).collect()))
            .collect();
        const SHORT: [(usize, u64); KEY_BYTES - 1] =
            [(1, BASE), (2, BASE.wrapping_mul(BASE)), (3, BASE.wrapping_mul(BASE).wrapping_mul(BASE))];
        let (at_start, at_end) = boundary_hashes(bytes, toks);
        work += bytes.len() as u64;
        for (i, t) in toks.iter().enumerate() {
            let a = t.start;
            let first = usize::from(bytes[a]);
            let shorts = SHORT.iter().filter(|&&(len, _)| short[first] & (1 << (len - 1)) != 0);
            let longs = match long_first[first] {
                true => bytes.get(a..a + KEY_BYTES).and_then(|k| lengths.get(&key(k))),
                false => None,
            };
            // The token ending at `a + len`, if any: tokens are in order and lengths ascend
            // (the short ones first), so one forward walk from token `i` serves all the lengths.
            let mut j = i;
            for &(len, power) in shorts.chain(longs.into_iter().flatten()) {
                let b = a + len;
                if b > bytes.len() {
                    break;
                }
                work += 1;
                while j < toks.len() && toks[j].end < b {
                    j += 1;
                }
                if toks.get(j).is_none_or(|t| t.end != b) {
                    continue;
                }
                let h = at_end[j].wrapping_sub(at_start[i].wrapping_mul(power));
                let Some(candidates) = by_key.get(&(len, h)) else { continue };
                for &n in candidates {
                    work += len as u64;
                    if &bytes[a..b] == names[n] && (!border[n] || kept_at(bytes, names[n], a, &mut kept[n], &mut work))
                    {
                        found[n].push(a);
                    }
                }
            }
        }
    }
    // Tokens out of order: every match at any byte (a rolling hash per distinct
    // length, confirmed byte by byte), then the left-to-right non-overlapping choice of
    // `match_indices`, then the token-boundary filter. One pass over the text per distinct
    // length, not per name: a text made of thousands of such names ("Kalo Kalo") took minutes.
    let mut by_len: FxHashMap<usize, FxHashMap<u64, Vec<usize>>> = FxHashMap::default();
    for &n in &rolling {
        by_len.entry(names[n].len()).or_default().entry(hash(names[n])).or_default().push(n);
    }
    let mut hits: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (&len, table) in &by_len {
        if len == 0 || len > bytes.len() {
            continue;
        }
        let top = BASE.wrapping_pow((len - 1) as u32);
        let mut h = hash(&bytes[..len]);
        let mut a = 0;
        loop {
            work += 1;
            for &n in table.get(&h).into_iter().flatten() {
                work += len as u64;
                if &bytes[a..a + len] == names[n] {
                    hits.entry(n).or_default().push(a);
                }
            }
            let Some(&next) = bytes.get(a + len) else { break };
            h = h.wrapping_sub(u64::from(bytes[a]).wrapping_mul(top)).wrapping_mul(BASE).wrapping_add(u64::from(next));
            a += 1;
        }
    }
    for n in rolling {
        let len = names[n].len();
        let mut free_from = 0;
        for &a in hits.get(&n).into_iter().flatten() {
            if a >= free_from {
                free_from = a + len;
                if super::tok_at(toks, a).is_some() && tok_ending(toks, free_from).is_some() {
                    found[n].push(a);
                }
            }
        }
    }
    (found, work)
}

/// What is known of one self-overlapping name's matches, left to right: every match before
/// `resolved` has been decided, and the last one kept ends at `free`.
#[derive(Clone, Copy, Default)]
struct Kept {
    resolved: usize,
    free: usize,
}

/// Whether the match of `name` at `a` is one that `match_indices` keeps (left to right, each
/// match after the last one's end) for a name that can overlap itself. The matches are asked
/// for in text order, and `state` carries what the earlier questions decided, so each byte of the
/// text is looked at once per name (plus a window of the name's length per question): walking
/// back to the start of a run of overlapping matches every time made a run of 30,000 of them
/// quadratic. From the first match at or after the decided part that no undecided match
/// overlaps (so it is kept), the matches are kept in turn up to `a`. `work` counts the bytes
/// compared.
fn kept_at(bytes: &[u8], name: &[u8], a: usize, state: &mut Kept, work: &mut u64) -> bool {
    let len = name.len();
    let mut is_match = |p: usize| {
        *work += len as u64;
        bytes.get(p..p + len) == Some(name)
    };
    // matches before `lo` are decided (before `resolved`) or overlap the last kept one (before
    // `free`), so none of them is kept and overlaps a match at or after `lo`
    let lo = state.resolved.max(state.free);
    if a < lo {
        *state = Kept { resolved: state.resolved.max(a + 1), free: state.free };
        return false;
    }
    let mut start = a;
    while let Some(p) = (start.saturating_sub(len - 1).max(lo)..start).find(|&p| is_match(p)) {
        start = p;
    }
    let (mut free, mut kept) = (start, false);
    for p in start..=a {
        if p >= free && is_match(p) {
            kept = p == a;
            free = p + len;
        }
    }
    *state = Kept { resolved: a + 1, free };
    kept
}

/// The polynomial hash of `s`: `s[0]·B^(n-1) + … + s[n-1]`, modulo 2^64.
fn hash(s: &[u8]) -> u64 {
    s.iter().fold(0u64, |h, &c| h.wrapping_mul(BASE).wrapping_add(u64::from(c)))
}

/// The hash of the text's prefix up to each token's start and end, in one pass.
fn boundary_hashes(bytes: &[u8], toks: &[Tok]) -> (Vec<u64>, Vec<u64>) {
    let (mut starts, mut ends) = (Vec::with_capacity(toks.len()), Vec::with_capacity(toks.len()));
    let (mut h, mut pos) = (0u64, 0usize);
    let mut advance = |to: usize, h: &mut u64| {
        for &c in &bytes[pos.min(to)..to] {
            *h = h.wrapping_mul(BASE).wrapping_add(u64::from(c));
        }
        pos = pos.max(to);
    };
    for t in toks {
        advance(t.start, &mut h);
        starts.push(h);
        advance(t.end, &mut h);
        ends.push(h);
    }
    (starts, ends)
}

/// Whether a proper prefix of `s` is also a suffix (so two occurrences can overlap), by the
/// prefix function of Knuth, Morris and Pratt.
fn has_border(s: &[u8]) -> bool {
    let mut pi = vec![0usize; s.len()];
    for i in 1..s.len() {
        let mut k = pi[i - 1];
        while k > 0 && s[i] != s[k] {
            k = pi[k - 1];
        }
        if s[i] == s[k] {
            k += 1;
        }
        pi[i] = k;
    }
    pi.last().is_some_and(|&k| k > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks_of(text: &str) -> Vec<Tok<'_>> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push(Tok { start: s, end: i, sentence: 0, word: &text[s..i] });
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    /// The old search: `match_indices`, kept at token boundaries.
    fn reference(text: &str, toks: &[Tok], name: &str) -> Vec<usize> {
        text.match_indices(name)
            .map(|(a, _)| a)
            .filter(|&a| super::super::tok_at(toks, a).is_some() && tok_ending(toks, a + name.len()).is_some())
            .collect()
    }

    #[test]
    fn finds_what_the_old_search_found() {
        let text = "Ana Lee met Ana Leeds and Lee. Ab Ab Ab went; Ana Lee left. AnaLee Ana";
        let toks = toks_of(text);
        let names = ["Ana Lee", "Lee", "Ab Ab", "Ana", "Leeds", "Ana Lee left", "zz"];
        let (found, work) = occurrences(text, &toks, names.iter().copied());
        for (n, name) in names.iter().enumerate() {
            assert_eq!(found[n], reference(text, &toks, name), "{name}");
        }
        assert_eq!(found[2], vec![31], "overlapping matches are skipped as before");
        assert!(work > 0);
    }

    proptest::proptest! {
        /// On texts of three short words (so names recur, overlap themselves and have borders:
        /// "A A" in "A A A"), the occurrences equal the old search's for every name: runs of
        /// whole words and arbitrary slices alike.
        #[test]
        fn equals_the_old_search(
            words in proptest::collection::vec(0..3usize, 0..40),
            picks in proptest::collection::vec((0..40usize, 1..5usize, proptest::bool::ANY), 1..8),
        ) {
            let vocab = ["A", "Ab", "é"];
            let text = words.iter().map(|&w| vocab[w]).collect::<Vec<_>>().join(" ");
            let toks = toks_of(&text);
            let names: Vec<&str> = picks
                .iter()
                .filter_map(|&(at, len, whole)| {
                    if whole {
                        let (a, b) = (toks.get(at.min(toks.len().saturating_sub(1)))?, toks.get((at + len - 1).min(toks.len() - 1))?);
                        text.get(a.start..b.end.max(a.end))
                    } else {
                        let a = at.min(text.len());
                        (a..=text.len().min(a + len)).rev().find_map(|b| text.get(a..b))
                    }
                })
                .filter(|s| !s.is_empty())
                .collect();
            let mut distinct = names.clone();
            distinct.sort_unstable();
            distinct.dedup();
            let (found, _) = occurrences(&text, &toks, distinct.iter().copied());
            for (n, name) in distinct.iter().enumerate() {
                proptest::prop_assert_eq!(&found[n], &reference(&text, &toks, name), "{:?} in {:?}", name, text);
            }
            // every token twice (tokens not in order): the rolling pass, the same answer
            let twice: Vec<Tok> = toks.iter().flat_map(|&t| [t, t]).collect();
            let (found, _) = occurrences(&text, &twice, distinct.iter().copied());
            for (n, name) in distinct.iter().enumerate() {
                proptest::prop_assert_eq!(&found[n], &reference(&text, &toks, name), "{:?} in {:?}, tokens twice", name, text);
            }
        }
    }

    /// Thousands of names that overlap themselves ("N00007 N00007"): 4x the names and text is
    /// about 4x the work (each name's hits decided once); a search per name was 16x.
    #[test]
    fn names_that_overlap_themselves_cost_one_pass_per_length() {
        let work_for = |n: usize| {
            let names: Vec<String> = (0..n).map(|i| format!("N{i:05} N{i:05}")).collect();
            let text = names.join(" and ");
            let toks = toks_of(&text);
            let (found, work) = occurrences(&text, &toks, names.iter().map(String::as_str));
            assert!(found.iter().all(|f| f.len() == 1), "each name once");
            work
        };
        let (small, large) = (work_for(500), work_for(2_000));
        let ratio = large as f64 / small as f64;
        assert!(ratio < 6.0, "{small} -> {large} steps for 4x the names (ratio {ratio:.2})");
    }

    /// A long run of a name that overlaps itself ("Kalo Kalo" in "Kalo Kalo Kalo ..."): each
    /// match at a token is decided from the ones before it once, so 4x the run is about 4x the
    /// work (walking back to the run's start for every match made it 16x).
    #[test]
    fn a_run_of_a_self_overlapping_name_costs_linear_work() {
        let work_for = |n: usize| {
            let text = format!("Minister {}said.", "Kalo ".repeat(n));
            let toks = toks_of(&text);
            let names = ["Kalo Kalo", "Kalo Kalo Kalo", "Minister Kalo"];
            let (found, work) = occurrences(&text, &toks, names.iter().copied());
            for (n, name) in names.iter().enumerate() {
                assert_eq!(found[n], reference(&text, &toks, name), "{name}");
            }
            work
        };
        let (small, large) = (work_for(2_000), work_for(8_000));
        let ratio = large as f64 / small as f64;
        assert!(ratio < 5.0, "{small} -> {large} steps for 4x the run (ratio {ratio:.2})");
    }

    #[test]
    fn borders() {
        assert!(has_border(b"Ab Ab") && has_border(b"aa") && has_border(b"abcab"));
        assert!(!has_border(b"Ana Lee") && !has_border(b"a") && !has_border(b"Otto"));
    }
}
