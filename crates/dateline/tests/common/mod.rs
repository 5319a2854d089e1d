//! Helpers shared by the integration tests that score against `../shared/eval`.

/// Parses the group counts of a score line, `score: N/M items (header a/b, dateline a/b, ...)`
/// or `total: ...`, into (group, got, of).
pub fn score_groups(line: &str) -> Vec<(String, u32, u32)> {
    let inner = line.rsplit_once('(').and_then(|(_, r)| r.strip_suffix(')')).unwrap_or_default();
    inner
        .split(", ")
        .filter_map(|part| {
            let (name, frac) = part.split_once(' ')?;
            let (got, of) = frac.split_once('/')?;
            Some((name.to_string(), got.parse().ok()?, of.parse().ok()?))
        })
        .collect()
}
