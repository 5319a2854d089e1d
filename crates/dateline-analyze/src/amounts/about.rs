//! Which entity an amount describes, when the sentence says so.
//!
//! Two precise patterns and nothing else, because a wrong `about` is worse than none:
//! the subject of the amount's clause ("The Kestrel camp holds some 9,000 people": the clause
//! opens with the mention, a few words of verb follow, then the amount), and the place right
//! after the amount ("4,000 people live in the valley").

use crate::times::tokens::Toks;
use crate::Entity;

/// Entity mentions by position.
pub(crate) struct Mentions<'a> {
    /// (start byte, end byte, entity id), sorted by start.
    list: Vec<(usize, usize, &'a str)>,
}

/// Marks that end a clause when looking back from an amount.
const CLAUSE_MARKS: [&str; 12] = [".", "!", "?", ";", ",", ":", "(", ")", "\"", "\u{201c}", "\u{201d}", "\u{2014}"];

/// How many tokens back from an amount its clause's subject is looked for: a mention opening a
/// longer clause could not end within four words of the amount.
const SUBJECT_REACH: usize = 64;

/// Words that may stand between a clause's start and its subject.
const DETERMINERS: [&str; 3] = ["the", "a", "an"];

impl<'a> Mentions<'a> {
    pub fn new(entities: &'a [Entity]) -> Self {
        let mut list: Vec<(usize, usize, &'a str)> =
            entities.iter().flat_map(|e| e.mentions.iter().map(move |m| (m.span.0, m.span.1, e.id.as_str()))).collect();
        list.sort_unstable();
        Mentions { list }
    }

    /// The entity the amount spanning tokens `first..next` is about.
    pub fn about(&self, t: &Toks, first: usize, next: usize) -> Option<String> {
        if self.list.is_empty() {
            return None;
        }
        self.subject(t, first).or_else(|| self.place_after(t, next)).map(str::to_string)
    }

    /// A mention that opens the amount's clause, with at most four words between it and the amount.
    fn subject(&self, t: &Toks, first: usize) -> Option<&'a str> {
        let mut cs = first;
        while cs > 0 && !CLAUSE_MARKS.contains(&t.s(cs - 1)) && !t.toks.get(cs).is_some_and(|x| x.newline) {
            if first - cs >= SUBJECT_REACH {
                // No mention can open a clause this long and end within four words of the amount.
                return None;
            }
            cs -= 1;
        }
        // Skip determiners at the clause start.
        let mut head = cs;
        while head < first && DETERMINERS.iter().any(|d| t.is(head, d)) {
            head += 1;
        }
        let (lo, amount_start) = (t.start(cs), t.start(first));
        let from = self.list.partition_point(|m| m.0 < lo);
        let candidates: Vec<&(usize, usize, &str)> =
            self.list[from..].iter().take_while(|m| m.0 <= amount_start).filter(|m| m.1 <= amount_start).collect();
        let m = candidates.first()?;
        // The mention may include the determiner ("The Kestrel camp") or not ("Kestrel camp").
        if m.0 != t.start(cs) && m.0 != t.start(head) {
            return None;
        }
        if candidates.iter().skip(1).any(|o| o.2 != m.2) {
            return None;
        }
        let between = first.saturating_sub(t.toks.partition_point(|x| x.start < m.1));
        (between <= 4).then_some(m.2)
    }

    /// A mention right after "in"/"at" within six words after the amount.
    fn place_after(&self, t: &Toks, next: usize) -> Option<&'a str> {
        for k in next..next + 6 {
            if !t.is_word(k) {
                return None;
            }
            if ["in", "at", "inside", "within"].iter().any(|w| t.is(k, w)) {
                let starts = [t.start(k + 1), t.start(k + 2)];
                let take_second = t.is(k + 1, "the");
                let at = |start: usize| {
                    self.list.get(self.list.partition_point(|m| m.0 < start)).filter(|m| m.0 == start).map(|m| m.2)
                };
                return at(starts[0]).or_else(|| if take_second { at(starts[1]) } else { None });
            }
        }
        None
    }
}
