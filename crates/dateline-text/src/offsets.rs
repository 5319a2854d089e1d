//! Offset maps: from byte offsets in prepared text back to byte offsets in the original input.

/// One stretch of derived text and the stretch of original bytes it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    derived: usize,
    original: usize,
    derived_len: usize,
    original_len: usize,
}

/// Maps byte offsets of a derived text back to byte offsets of its source.
///
/// Stored as runs: a copied stretch (same length on both sides) maps byte for byte, and adjacent
/// copies merge, so a text that was not changed costs one run whatever its length. A replaced
/// stretch (a repaired mojibake sequence, collapsed whitespace) maps its inside to its start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    runs: Vec<Run>,
    derived_len: usize,
    original_end: usize,
}

impl OffsetMap {
    /// The identity map over `len` bytes, shifted by `base` in the original.
    pub fn identity(len: usize, base: usize) -> Self {
        let mut map = OffsetMap::new();
        map.push(base, len, len);
        map
    }

    /// Starts an empty map; extend it with [`OffsetMap::push`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends: the next `derived_len` bytes of derived text came from `original_len` bytes
    /// starting at `original_start`.
    pub fn push(&mut self, original_start: usize, original_len: usize, derived_len: usize) {
        let run = Run { derived: self.derived_len, original: original_start, derived_len, original_len };
        match self.runs.last_mut() {
            Some(last)
                if last.derived_len == last.original_len
                    && derived_len == original_len
                    && last.original + last.original_len == original_start =>
            {
                last.derived_len += derived_len;
                last.original_len += original_len;
            }
            _ => self.runs.push(run),
        }
        self.derived_len += derived_len;
        self.original_end = self.original_end.max(original_start + original_len);
    }

    /// Composes two maps: `self` maps C → B, `inner` maps B → A; the result maps C → A.
    pub fn compose(&self, inner: &OffsetMap) -> OffsetMap {
        let mut out = OffsetMap::new();
        for run in &self.runs {
            if run.derived_len == run.original_len {
                // Split the copy wherever the inner map changes runs.
                let mut d = 0;
                while d < run.derived_len {
                    let b = run.original + d;
                    let (a, linear_left) = inner.lookup(b);
                    let step = linear_left.unwrap_or(1).clamp(1, run.derived_len - d);
                    if linear_left.is_some() {
                        out.push(a, step, step);
                    } else {
                        let end = inner.to_original(b + step);
                        out.push(a, end.saturating_sub(a), step);
                    }
                    d += step;
                }
            } else {
                let a0 = inner.to_original(run.original);
                let a1 = inner.to_original(run.original + run.original_len);
                out.push(a0, a1.saturating_sub(a0), run.derived_len);
            }
        }
        out
    }

    /// Length of the derived text this map covers.
    pub fn len(&self) -> usize {
        self.derived_len
    }

    /// True when the map covers no text.
    pub fn is_empty(&self) -> bool {
        self.derived_len == 0
    }

    /// The original offset of `derived`, and how many bytes from there on map linearly (None
    /// inside a replaced stretch).
    fn lookup(&self, derived: usize) -> (usize, Option<usize>) {
        let i = self.runs.partition_point(|r| r.derived <= derived);
        let Some(run) = i.checked_sub(1).and_then(|i| self.runs.get(i)) else {
            return (0, None);
        };
        let inside = derived - run.derived;
        if inside >= run.derived_len {
            return (run.original + run.original_len, None);
        }
        if run.derived_len == run.original_len {
            (run.original + inside, Some(run.derived_len - inside))
        } else {
            (run.original, None)
        }
    }

    /// The same map with every original offset moved by `base` (callers that cut a prefix off
    /// the input before handing it over).
    pub fn shifted(mut self, base: usize) -> OffsetMap {
        if base == 0 {
            return self;
        }
        for run in &mut self.runs {
            run.original += base;
        }
        self.original_end += base;
        self
    }

    /// The derived offset for an original offset: the inverse of [`OffsetMap::to_original`] on
    /// copied stretches. An offset strictly inside a replaced stretch maps to the end of its
    /// replacement, an offset in dropped bytes to the next kept text.
    pub fn to_derived(&self, original: usize) -> usize {
        let i = self.runs.partition_point(|r| r.original + r.original_len <= original);
        let Some(run) = self.runs.get(i) else {
            return self.derived_len;
        };
        if original <= run.original {
            run.derived
        } else if run.derived_len == run.original_len {
            run.derived + (original - run.original)
        } else {
            run.derived + run.derived_len
        }
    }

    /// True when the map is one unchanged stretch starting at original offset 0.
    pub fn is_identity(&self) -> bool {
        match self.runs.as_slice() {
            [] => true,
            [run] => run.original == 0 && run.derived_len == run.original_len,
            _ => false,
        }
    }

    /// The original byte offset for a derived byte offset. Offsets inside a replaced stretch map to
    /// its start; offsets at or past the end map to the end of the original.
    pub fn to_original(&self, derived: usize) -> usize {
        if derived >= self.derived_len {
            return self.original_end;
        }
        self.lookup(derived).0
    }
}

/// Carries a span of a text through a map from that text to a derived one (`map` maps the
/// derived text back to it), widened to char boundaries of `derived`.
pub(crate) fn forward_span(map: &OffsetMap, derived: &str, start: usize, end: usize) -> (usize, usize) {
    let mut s = map.to_derived(start).min(derived.len());
    let mut e = map.to_derived(end).clamp(s, derived.len());
    while s > 0 && !derived.is_char_boundary(s) {
        s -= 1;
    }
    while e < derived.len() && !derived.is_char_boundary(e) {
        e += 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_derived_inverts_copies_and_snaps_replacements() {
        let mut m = OffsetMap::new();
        m.push(0, 3, 3); // "abc"
        m.push(3, 4, 1); // 4 spaces collapsed to one
        m.push(9, 2, 2); // "de" after 2 dropped bytes
        assert_eq!(m.to_derived(2), 2);
        assert_eq!(m.to_derived(3), 3);
        assert_eq!(m.to_derived(5), 4);
        assert_eq!(m.to_derived(7), 4);
        assert_eq!(m.to_derived(10), 5);
        assert_eq!(m.to_derived(11), 6);
        assert_eq!(m.to_derived(99), 6);
    }

    #[test]
    fn shifted_moves_originals() {
        let m = OffsetMap::identity(4, 0).shifted(10);
        assert_eq!(m.to_original(0), 10);
        assert_eq!(m.to_original(4), 14);
    }

    #[test]
    fn identity_shifts_by_base() {
        let m = OffsetMap::identity(10, 5);
        assert_eq!(m.to_original(0), 5);
        assert_eq!(m.to_original(9), 14);
        assert_eq!(m.to_original(10), 15);
    }

    #[test]
    fn replacement_maps_inside_to_start() {
        let mut m = OffsetMap::new();
        m.push(0, 3, 3); // "abc"
        m.push(3, 4, 1); // 4 spaces collapsed to one
        m.push(7, 2, 2); // "de"
        assert_eq!(m.to_original(3), 3);
        assert_eq!(m.to_original(4), 7);
        assert_eq!(m.to_original(5), 8);
        assert_eq!(m.to_original(6), 9);
    }

    #[test]
    fn compose_chains_two_steps() {
        let mut inner = OffsetMap::new(); // B from A: drop 2 bytes at A[2..4]
        inner.push(0, 2, 2);
        inner.push(4, 6, 6);
        let mut outer = OffsetMap::new(); // C from B: replace B[1..3] by 1 byte
        outer.push(0, 1, 1);
        outer.push(1, 2, 1);
        outer.push(3, 5, 5);
        let c = outer.compose(&inner);
        assert_eq!(c.to_original(0), 0);
        assert_eq!(c.to_original(1), 1);
        assert_eq!(c.to_original(2), 5);
        assert_eq!(c.to_original(6), 9);
    }
}
