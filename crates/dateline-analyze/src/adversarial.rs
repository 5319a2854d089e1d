//! Generated texts for bounds tests and scaling benchmarks: quote storms, mention storms, runs of
//! capitalised words and news-like prose of any length.
//!
//! Everything here is generated from fixed word lists written for this module and a seeded
//! pseudo-random generator, so the same call always gives the same text and no third-party text
//! is involved. The names are invented (syllables put together), not those of real people.

/// A tiny deterministic generator (xorshift64*), so texts are the same on every machine.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

/// `"x" she said "x" she said ...`: `fragments` quoted fragments, each attributed, in one
/// sentence without a full stop. The shape that made every reported clause run to the end of
/// the text.
pub fn quote_storm(fragments: usize) -> String {
    let mut s = String::with_capacity(fragments * 13);
    for i in 0..fragments {
        if i > 0 {
            s.push(' ');
        }
        s.push_str("\"x\" she said");
    }
    s.push('\n');
    s
}

/// `count` capitalised names joined by "and the" in one sentence (English enough for the English
/// stages to run), with a parenthesised acronym every so often: many candidate mentions and
/// acronym definitions, none of them ending a sentence.
pub fn mention_storm(count: usize) -> String {
    let mut rng = Rng::new(7);
    let mut s = String::from("The list was read out by ");
    for i in 0..count {
        if i > 0 {
            s.push_str(" and the ");
        }
        let (a, b) = (person_first(&mut rng), surname(&mut rng));
        s.push_str(&a);
        s.push(' ');
        s.push_str(&b);
        if i % 7 == 3 {
            s.push_str(" of the Valdra Orun Council (VOC)");
        }
    }
    s.push_str(" said.\n");
    s
}

/// `groups` sentences pairs, each naming an organisation of three invented words and then its
/// acronym alone ("The Dorek Valun Agency said ... The DVA declined ..."): thousands of
/// acronyms each looking for the one name it abbreviates, the shape that made the acronym
/// pass of entity merging compare every acronym with every entity.
pub fn acronym_storm(groups: usize) -> String {
    let mut rng = Rng::new(13);
    let mut s = String::from("LONDON - ");
    for _ in 0..groups {
        let a = word(&mut rng, 2);
        // Two different words: a name that repeats a word ("Kalo Kalo") overlaps itself, which
        // name propagation searches another way (see entities/occurrences.rs).
        let b = std::iter::repeat_with(|| word(&mut rng, 2)).find(|b| *b != a).unwrap_or_default();
        let head = rng.pick(&["Agency", "Council", "Bureau", "Commission", "Authority"]);
        let initials: String = [&a, &b, head].iter().filter_map(|w| w.chars().next()).collect();
        s.push_str(&format!("The {a} {b} {head} said on Monday it would meet. The {initials} declined to comment. "));
    }
    s.push('\n');
    s
}

/// About `bytes` bytes of capitalised invented words and nothing else: no full stop, no
/// lowercase word, one sentence. The recogniser reads long names in it, and every word could
/// start one; the shape that made name propagation and the surname index quadratic.
pub fn capitalised_run(bytes: usize) -> String {
    let mut rng = Rng::new(11);
    let mut s = String::with_capacity(bytes + 16);
    while s.len() < bytes {
        if !s.is_empty() {
            s.push(' ');
        }
        let n = 2 + rng.below(3);
        s.push_str(&word(&mut rng, n));
    }
    s.push('\n');
    s
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "ren", "vi", "dar", "mo", "tel", "sa", "quin", "bo", "ral", "zen", "ta", "mir", "do", "vel", "nu",
    "ost", "pa", "ler", "gri", "an", "sol", "fe",
];

fn word(rng: &mut Rng, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(rng.pick(SYLLABLES));
    }
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn person_first(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    word(rng, n)
}

fn surname(rng: &mut Rng) -> String {
    let n = 2 + rng.below(3);
    word(rng, n)
}

// `ROLES`: resources/lexicon/en/adversarial/roles.txt
use dateline_lexicon::en::adversarial::ROLES;
// `ORG_HEADS`: resources/lexicon/en/adversarial/org-heads.txt
use dateline_lexicon::en::adversarial::ORG_HEADS;
// `NOUNS`: resources/lexicon/en/adversarial/nouns.txt
use dateline_lexicon::en::adversarial::NOUNS;
// `VERBS`: resources/lexicon/en/adversarial/verbs.txt
use dateline_lexicon::en::adversarial::VERBS;
// `WEEKDAYS`: resources/lexicon/en/adversarial/weekdays.txt
use dateline_lexicon::en::adversarial::WEEKDAYS;
// `MONTHS`: resources/lexicon/en/adversarial/months.txt
use dateline_lexicon::en::adversarial::MONTHS;
// `UNITS`: resources/lexicon/en/adversarial/units.txt
use dateline_lexicon::en::adversarial::UNITS;
// `CUES`: resources/lexicon/en/adversarial/cues.txt
use dateline_lexicon::en::adversarial::CUES;

/// News-like prose of about `bytes` bytes: paragraphs of attributed statements, direct quotes,
/// dates, amounts, organisations with acronyms and recurring invented people, the way a long
/// feed dump reads. Deterministic in `seed`.
pub fn news_like(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let people: Vec<(String, String)> = (0..400).map(|_| (person_first(&mut rng), surname(&mut rng))).collect();
    let orgs: Vec<String> = (0..120).map(|_| format!("{} {}", word(&mut rng, 3), rng.pick(ORG_HEADS))).collect();
    let places: Vec<String> = (0..150).map(|_| word(&mut rng, 3)).collect();
    let mut s = String::with_capacity(bytes + 512);
    let mut in_paragraph = 0;
    while s.len() < bytes {
        let (first, last) = &people[rng.below(people.len())];
        let org = &orgs[rng.below(orgs.len())];
        let place = &places[rng.below(places.len())];
        let (noun, verb) = (rng.pick(NOUNS), rng.pick(VERBS));
        let sentence = match rng.below(7) {
            0 => format!(
                "{first} {last}, the {} of the {org}, said on {} that the {noun} would {verb} the plan by {} {}.",
                rng.pick(ROLES),
                rng.pick(WEEKDAYS),
                rng.pick(MONTHS),
                1 + rng.below(28)
            ),
            1 => format!(
                "\"We will not {verb} the {noun} while the talks go on,\" {last} {} in {place}.",
                rng.pick(CUES)
            ),
            2 => format!(
                "The {org} ({}) reported {} {} in {}, up {} percent from a year earlier.",
                org.split(' ').filter_map(|w| w.chars().next()).collect::<String>(),
                100 + rng.below(90_000),
                rng.pick(UNITS),
                2000 + rng.below(30),
                1 + rng.below(40)
            ),
            3 => format!(
                "According to {first} {last}, about ${} million was spent on the {noun} in {place} last year.",
                1 + rng.below(900)
            ),
            4 => format!(
                "Officials in {place} said the {noun} could {verb} the {} by the end of {}, {last} added.",
                rng.pick(NOUNS),
                rng.pick(MONTHS)
            ),
            5 => format!(
                "{last} {} that the {org} had not been consulted before the {noun} was announced on {}.",
                rng.pick(CUES),
                rng.pick(WEEKDAYS)
            ),
            _ => format!("Residents of {place} met on {} to discuss the {noun}.", rng.pick(WEEKDAYS)),
        };
        if in_paragraph > 0 {
            s.push(' ');
        }
        s.push_str(&sentence);
        in_paragraph += 1;
        if in_paragraph >= 2 + rng.below(3) {
            s.push_str("\n\n");
            in_paragraph = 0;
        }
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generators_are_deterministic_and_sized() {
        assert_eq!(news_like(10_000, 3), news_like(10_000, 3));
        assert_ne!(news_like(10_000, 3), news_like(10_000, 4));
        let t = news_like(100_000, 1);
        assert!(t.len() >= 100_000 && t.len() < 101_000);
        assert_eq!(quote_storm(3), "\"x\" she said \"x\" she said \"x\" she said\n");
        assert_eq!(mention_storm(50).matches(" and the ").count(), 49);
        let run = capitalised_run(10_000);
        assert!(run.len() >= 10_000 && run.len() < 10_020);
        assert!(run.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase)));
    }
}
