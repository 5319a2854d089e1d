//! Entity labels and the BILOU tag set over them.

/// The entity types the statistical model predicts. Finer types (GPE vs LOC vs FAC, NORP) are
/// assigned afterwards by lexicons and the gazetteer, since most training data does not make them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// People.
    Per,
    /// Organisations.
    Org,
    /// Places.
    Loc,
    /// Named events.
    Event,
}

impl Label {
    /// All labels, in tag order.
    pub const ALL: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Event];

    /// The short name (`PER`, `ORG`, `LOC`, `EVENT`).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Event => "EVENT",
        }
    }

    /// Parses a short name.
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// Number of BILOU tags: O plus B, I, L, U for each label.
pub const N_TAGS: usize = 1 + 4 * Label::ALL.len();

/// A BILOU tag: 0 is O, then `1 + label * 4 + position` (B, I, L, U).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag(pub u8);

impl Tag {
    /// Outside any entity.
    pub const O: Tag = Tag(0);

    pub(crate) fn new(label: Label, pos: u8) -> Tag {
        Tag(1 + (label as u8) * 4 + pos)
    }
    pub(crate) fn label(self) -> Option<Label> {
        (self.0 > 0).then(|| Label::ALL[usize::from((self.0 - 1) / 4)])
    }
    /// 0 B, 1 I, 2 L, 3 U (meaningless for O).
    pub(crate) fn pos(self) -> u8 {
        (self.0.wrapping_sub(1)) % 4
    }
    /// True when an entity is open after this tag (B or I).
    pub(crate) fn open(self) -> bool {
        self.0 > 0 && self.pos() < 2
    }
    /// Can `next` follow `self`?
    pub(crate) fn allows(self, next: Tag) -> bool {
        if self.open() {
            next.label() == self.label() && (next.pos() == 1 || next.pos() == 2)
        } else {
            next.0 == 0 || next.pos() == 0 || next.pos() == 3
        }
    }

    /// The tags that may follow this one ([`Tag::allows`]), in tag order: two after an open
    /// tag, nine after a closed one. The beam decoder extends each sequence by these only,
    /// instead of testing all [`N_TAGS`] for every sequence at every token.
    pub(crate) fn successors(self) -> &'static [Tag] {
        let (tags, n) = &SUCCESSORS[usize::from(self.0)];
        &tags[..usize::from(*n)]
    }
}

/// [`Tag::successors`] of each tag, computed at compile time from the rule of [`Tag::allows`]
/// (a test checks the two agree).
static SUCCESSORS: [([Tag; N_TAGS], u8); N_TAGS] = successor_table();

const fn successor_table() -> [([Tag; N_TAGS], u8); N_TAGS] {
    let mut table = [([Tag::O; N_TAGS], 0u8); N_TAGS];
    let mut p = 0;
    while p < N_TAGS {
        let open = p > 0 && (p - 1) % 4 < 2;
        let mut t = 0;
        while t < N_TAGS {
            let allowed = if open {
                t > 0 && (t - 1) / 4 == (p - 1) / 4 && ((t - 1) % 4 == 1 || (t - 1) % 4 == 2)
            } else {
                t == 0 || (t - 1) % 4 == 0 || (t - 1) % 4 == 3
            };
            if allowed {
                let n = table[p].1 as usize;
                table[p].0[n] = Tag(t as u8);
                table[p].1 += 1;
            }
            t += 1;
        }
        p += 1;
    }
    table
}

/// BILOU tags for a sentence of `n` tokens with entity spans `[start, end)` over tokens.
pub fn encode(n: usize, spans: &[(usize, usize, Label)]) -> Vec<Tag> {
    let mut tags = vec![Tag::O; n];
    for &(s, e, l) in spans {
        if s >= e || e > n || tags[s..e].iter().any(|t| t.0 != 0) {
            continue;
        }
        if e - s == 1 {
            tags[s] = Tag::new(l, 3);
        } else {
            tags[s] = Tag::new(l, 0);
            for t in &mut tags[s + 1..e - 1] {
                *t = Tag::new(l, 1);
            }
            tags[e - 1] = Tag::new(l, 2);
        }
    }
    tags
}

/// Entity spans from BILOU tags (tolerant of ill-formed sequences: a dangling B/I closes where
/// the label changes).
pub fn decode(tags: &[Tag]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Label)> = None;
    for (i, t) in tags.iter().enumerate() {
        let label = t.label();
        if let Some((s, l)) = open {
            if label != Some(l) || t.pos() == 0 || t.pos() == 3 {
                out.push((s, i, l));
                open = None;
            }
        }
        let Some(l) = label else { continue };
        match t.pos() {
            0 => open = Some((i, l)),
            1 => {
                if open.is_none() {
                    open = Some((i, l));
                }
            }
            2 => {
                let s = open.take().map_or(i, |(s, _)| s);
                out.push((s, i + 1, l));
            }
            _ => out.push((i, i + 1, l)),
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let spans = vec![(0, 2, Label::Per), (3, 4, Label::Loc), (5, 8, Label::Org)];
        assert_eq!(decode(&encode(9, &spans)), spans);
    }

    #[test]
    fn transitions() {
        let b = Tag::new(Label::Per, 0);
        assert!(b.allows(Tag::new(Label::Per, 2)));
        assert!(!b.allows(Tag::O));
        assert!(Tag::O.allows(Tag::new(Label::Org, 3)));
        assert!(!Tag::O.allows(Tag::new(Label::Org, 1)));
    }

    #[test]
    fn successors_are_the_allowed_tags_in_order() {
        for p in 0..N_TAGS as u8 {
            let allowed: Vec<Tag> = (0..N_TAGS as u8).map(Tag).filter(|&t| Tag(p).allows(t)).collect();
            assert_eq!(Tag(p).successors(), &allowed[..], "after tag {p}");
        }
        assert_eq!(Tag::new(Label::Org, 0).successors().len(), 2);
        assert_eq!(Tag::O.successors().len(), 9);
    }
}
