//! The likely origin of a story, from what its versions say about themselves.
//!
//! Three clues, in order of trust:
//!
//! 1. **The wire credit**: agencies named in datelines (`MOSCOW (TASS / Interfax)`). Copies keep
//!    the credit more often than anything else, so the credits carried by the most versions are
//!    the story's; a version without any of them is flagged as *uncredited*.
//! 2. **The earliest publication**: among the credited versions (or all, when none is credited),
//!    the earliest `published` date; ties go to the version stored first.
//! 3. **The most complete version**: the one with the most distinct shingles, since copies cut
//!    more often than they add; it names the origin when no version has a date.
//!
//! The answer is a reasoned guess and says which clue decided it.

use serde::Serialize;

/// What the origin rule needs to know about one version.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionFacts {
    /// The article id.
    pub id: String,
    /// Its publication date, when known (ISO 8601, compared as text).
    pub published: Option<String>,
    /// Wire credits of its dateline, in order.
    pub sources: Vec<String>,
    /// Distinct shingles: how much story text it carries.
    pub shingles: u64,
}

/// The likely origin of a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Origin {
    /// The wire credits carried by the most versions (empty when no version credits anyone).
    pub credits: Vec<String>,
    /// The version most likely to be the original.
    pub article: String,
    /// Which clue decided: `credit+earliest`, `earliest` or `most_complete`.
    pub reason: OriginReason,
    /// The earliest dated version.
    pub earliest: Option<String>,
    /// The version with the most text.
    pub most_complete: Option<String>,
    /// Versions that carry the story without any of its credits.
    pub uncredited: Vec<String>,
}

/// Which clue named the origin; serialised as the names the API and the pages have always shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum OriginReason {
    /// The earliest dated version among those carrying the story's wire credit.
    #[serde(rename = "credit+earliest")]
    CreditEarliest,
    /// The earliest dated version (no version carries the credit).
    #[serde(rename = "earliest")]
    Earliest,
    /// The version with the most text (no credit, no dates).
    #[serde(rename = "most_complete")]
    MostComplete,
}

impl OriginReason {
    /// The name the API writes.
    pub const fn as_str(self) -> &'static str {
        match self {
            OriginReason::CreditEarliest => "credit+earliest",
            OriginReason::Earliest => "earliest",
            OriginReason::MostComplete => "most_complete",
        }
    }
}

impl std::fmt::Display for OriginReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The origin of a story made of `versions` (in storage order); `None` for no versions.
pub fn origin(versions: &[VersionFacts]) -> Option<Origin> {
    let first = versions.first()?;
    let credits = top_credits(versions);
    let credited = |v: &VersionFacts| v.sources.iter().any(|s| credits.contains(s));
    // Dated before undated, then earliest, then stored first (the input order).
    let earliest_of = |pool: &mut dyn Iterator<Item = &VersionFacts>| {
        pool.filter(|v| v.published.is_some()).min_by(|a, b| a.published.cmp(&b.published)).map(|v| v.id.clone())
    };
    let earliest = earliest_of(&mut versions.iter());
    let most_complete = versions
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| a.shingles.cmp(&b.shingles).then(j.cmp(i)))
        .map(|(_, v)| v.id.clone());
    let (article, reason) = if let Some(id) = earliest_of(&mut versions.iter().filter(|v| credited(v))) {
        (id, OriginReason::CreditEarliest)
    } else if let Some(id) = earliest.clone() {
        (id, OriginReason::Earliest)
    } else {
        (most_complete.clone().unwrap_or_else(|| first.id.clone()), OriginReason::MostComplete)
    };
    let uncredited = if credits.is_empty() {
        Vec::new()
    } else {
        versions.iter().filter(|v| !credited(v)).map(|v| v.id.clone()).collect()
    };
    Some(Origin { credits, article, reason, earliest, most_complete, uncredited })
}

/// The credits that the most versions carry, in the order they first appear.
fn top_credits(versions: &[VersionFacts]) -> Vec<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in versions {
        let mut seen: Vec<&str> = Vec::new();
        for s in &v.sources {
            if seen.contains(&s.as_str()) {
                continue;
            }
            seen.push(s);
            match counts.iter_mut().find(|(name, _)| *name == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    counts.into_iter().filter(|(_, n)| best > 0 && *n == best).map(|(s, _)| s.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(id: &str, published: Option<&str>, sources: &[&str], shingles: u64) -> VersionFacts {
        VersionFacts {
            id: id.into(),
            published: published.map(str::to_string),
            sources: sources.iter().map(|s| s.to_string()).collect(),
            shingles,
        }
    }

    #[test]
    fn the_credited_earliest_version_is_the_origin_and_copies_without_credit_are_flagged() {
        let o = origin(&[
            v("copy", Some("2023-08-11"), &[], 80),
            v("wire", Some("2023-08-12"), &["Reuters"], 100),
            v("repost", Some("2023-08-13"), &["Daily", "Reuters"], 90),
        ]);
        let o = o.unwrap_or_else(|| unreachable!());
        assert_eq!(o.credits, vec!["Reuters".to_string()]);
        assert_eq!((o.article.as_str(), o.reason), ("wire", OriginReason::CreditEarliest));
        assert_eq!(o.earliest.as_deref(), Some("copy"));
        assert_eq!(o.uncredited, vec!["copy".to_string()]);
    }

    #[test]
    fn without_credits_or_dates_the_most_complete_wins() {
        let o = origin(&[v("a", None, &[], 10), v("b", None, &[], 30)]).unwrap_or_else(|| unreachable!());
        assert_eq!((o.article.as_str(), o.reason), ("b", OriginReason::MostComplete));
        assert!(o.credits.is_empty() && o.uncredited.is_empty());
        assert_eq!(origin(&[]), None);
    }
}
