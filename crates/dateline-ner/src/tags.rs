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
}
