//! The furniture of news pages that sits inside or next to the article and that generic
//! boilerplate rules miss: related-story teasers, "Breaking News" bars, photo captions and
//! credits, deal widgets, and prompts to turn on notifications, download the app or follow the
//! outlet. Each is recognised three ways, whichever the page gives: by class/id
//! ([`hint_is_furniture`]), by structure (a teaser card or a labelled box, [`boxes`]), or by what a line says
//! ([`is_furniture_line`]). [`score`](super::score) applies them with its own rules; nothing
//! here is trusted on the element holding most of the page's article text.

use super::dom::{Dom, Tok};
use super::score::visible_chars;
use super::HtmlError;

// `TOKENS`: resources/lexicon/page/furniture/tokens.txt
use dateline_lexicon::page::furniture::TOKENS;

// `PHRASES`: resources/lexicon/page/furniture/phrases.txt
use dateline_lexicon::page::furniture::PHRASES;

/// True when an element's lowercase class and id name news furniture.
pub(crate) fn hint_is_furniture(hints: &str) -> bool {
    !hints.is_empty()
        && (PHRASES.iter().any(|p| hints.contains(p))
            || hints.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| TOKENS.contains(&t)))
}

/// Most text a teaser card holds; an article section is longer.
const TEASER_MAX_CHARS: u32 = 600;

/// Least share of a teaser's text that is link text (its headline).
const TEASER_MIN_LINK_SHARE: f64 = 0.25;

/// Furniture found by the shape of the page, one flag per element.
pub(crate) struct Boxes {
    /// Teaser cards ([`boxes`]).
    pub(crate) teasers: Vec<bool>,
    /// Boxes whose first words are a furniture label ("Breaking News", "Most read"), with
    /// whatever they list, links or not.
    pub(crate) labelled: Vec<bool>,
}

/// Most text a labelled box holds; more is a page section that opens with a label.
const LABELLED_MAX_CHARS: u32 = 1500;

// `BOX_LABELS`: resources/lexicon/page/furniture/box-labels.txt
use dateline_lexicon::page::furniture::BOX_LABELS;

/// Teaser cards and labelled boxes, in one pass over the tokens.
///
/// Teaser cards are blocks that open with a linked headline (`<h3><a>…</a></h3>`, `<a><h3>…`,
/// or a link in an element named `title`/`headline`) followed by a short summary, where at
/// least a quarter of the text is link text. Paragraphs and list items are never cards (a
/// paragraph may open with a linked name; a list item with a linked term and its description).
/// Labelled boxes are blocks of at most [`LABELLED_MAX_CHARS`] whose first text is one of
/// [`BOX_LABELS`]: a "Breaking News" sidebar lists headlines that need not be links.
pub(crate) fn boxes(dom: &Dom, work: &mut super::Work) -> Result<Boxes, HtmlError> {
    let n = dom.elems.len();
    let mut total = vec![0u32; n];
    let mut linked = vec![0u32; n];
    // For each element: None until its first visible text, then whether that text was a
    // linked headline.
    let mut opens_with_headline: Vec<Option<bool>> = vec![None; n];
    let mut opens_with_label = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    // Elements at stack[unseen..] have seen no text yet.
    let mut unseen = 0usize;
    let (mut links, mut headings) = (0u32, 0u32);
    for tok in &dom.tokens {
        work.step()?;
        match *tok {
            Tok::Open(id) => {
                let e = &dom.elems[id as usize];
                links += u32::from(&*e.tag == "a");
                headings += u32::from(is_headline(&e.tag, &e.hints));
                stack.push(id);
            }
            Tok::Close(id) => {
                let e = &dom.elems[id as usize];
                links = links.saturating_sub(u32::from(&*e.tag == "a"));
                headings = headings.saturating_sub(u32::from(is_headline(&e.tag, &e.hints)));
                if stack.last() == Some(&id) {
                    stack.pop();
                }
                unseen = unseen.min(stack.len());
            }
            Tok::Text(s, e) => {
                let chars = visible_chars(dom.tok_text(s, e));
                if chars == 0 {
                    continue;
                }
                if let Some(&top) = stack.last() {
                    total[top as usize] += chars;
                    if links > 0 {
                        linked[top as usize] += chars;
                    }
                }
                let fresh = stack.get(unseen..).unwrap_or(&[]);
                let label = !fresh.is_empty() && is_box_label(dom.tok_text(s, e));
                for &id in fresh {
                    opens_with_headline[id as usize] = Some(links > 0 && headings > 0);
                    opens_with_label[id as usize] = label;
                }
                unseen = stack.len();
            }
        }
    }
    for i in (1..n).rev() {
        if let Some(p) = dom.elems[i].parent {
            total[p as usize] += total[i];
            linked[p as usize] += linked[i];
        }
    }
    let teasers = (0..n)
        .map(|i| {
            let card_tag = matches!(&*dom.elems[i].tag, "div" | "article" | "section" | "span");
            card_tag
                && opens_with_headline[i] == Some(true)
                && total[i] <= TEASER_MAX_CHARS
                && linked[i] < total[i]
                && f64::from(linked[i]) >= TEASER_MIN_LINK_SHARE * f64::from(total[i])
        })
        .collect();
    let labelled = (0..n)
        .map(|i| {
            let box_tag = matches!(&*dom.elems[i].tag, "div" | "section" | "ul" | "ol" | "table");
            box_tag && opens_with_label[i] && total[i] <= LABELLED_MAX_CHARS
        })
        .collect();
    Ok(Boxes { teasers, labelled })
}

/// True when a text token is a box label alone ("Breaking News", "Most read:").
fn is_box_label(text: &str) -> bool {
    let t = text.trim().trim_end_matches([':', ' ']);
    t.len() <= 40 && BOX_LABELS.contains_ignore_ascii_case(t)
}

/// Headings, and elements named as a headline or title.
fn is_headline(tag: &str, hints: &str) -> bool {
    matches!(tag, "h2" | "h3" | "h4" | "h5" | "h6")
        || hints.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| matches!(t, "title" | "headline"))
}

// `LABELS`: resources/lexicon/page/furniture/labels.txt
use dateline_lexicon::page::furniture::LABELS;

// `DEAL_OPENINGS`: resources/lexicon/page/furniture/deal-openings.txt
use dateline_lexicon::page::furniture::DEAL_OPENINGS;

// `SHOPS`: resources/lexicon/page/furniture/shops.txt
use dateline_lexicon::page::furniture::SHOPS;

// `AGENCY_WORDS`: resources/lexicon/page/furniture/agency-words.txt
use dateline_lexicon::page::furniture::AGENCY_WORDS;

// `AGENCY_PHRASES`: resources/lexicon/page/furniture/agency-phrases.txt
use dateline_lexicon::page::furniture::AGENCY_PHRASES;

// `CREDIT_OPENINGS`: resources/lexicon/page/furniture/credit-openings.txt
use dateline_lexicon::page::furniture::CREDIT_OPENINGS;

// `VIEWER_OPENINGS`: resources/lexicon/page/furniture/viewer-openings.txt
use dateline_lexicon::page::furniture::VIEWER_OPENINGS;

// `CAPTION_WORDS`: resources/lexicon/page/furniture/caption-words.txt
use dateline_lexicon::page::furniture::CAPTION_WORDS;

// `CREDIT_LABELS`: resources/lexicon/page/furniture/credit-labels.txt
use dateline_lexicon::page::furniture::CREDIT_LABELS;

// `NETWORKS`: resources/lexicon/page/furniture/networks.txt
use dateline_lexicon::page::furniture::NETWORKS;

/// True for a line of news furniture: a box label ("Breaking News"), a photo credit or a
/// caption ending in one, a deal's call to action, or a prompt to turn on notifications,
/// download the app or follow the outlet. `lower` is `line` lowercased.
pub(crate) fn is_furniture_line(line: &str, lower: &str) -> bool {
    let chars = line.chars().count();
    if chars > 250 {
        return false;
    }
    LABELS.contains(&lower.trim_end_matches([':', ' ', '.', '\u{2026}']))
        || is_credit(lower, chars)
        || is_deal(lower, chars)
        || is_prompt(line, lower)
}

/// A credit, or a caption that ends in one: "Reuters/Jane Roe", "iStock/user",
/// "The harbour at dawn. | © Agency/Getty Images", "Photo by Jane Roe".
fn is_credit(lower: &str, chars: usize) -> bool {
    if chars <= 80 && CREDIT_OPENINGS.has_prefix_of(lower) {
        return true;
    }
    if chars <= 200 && VIEWER_OPENINGS.has_prefix_of(lower) {
        return true;
    }
    if chars <= 200 && is_numbered_caption(lower) {
        return true;
    }
    // A caption closing with its credit: a label, then a short name.
    if chars <= 200
        && CREDIT_LABELS.iter().any(|l| {
            lower.rfind(l).is_some_and(|i| {
                let tail = &lower[i + l.len()..];
                i > 0 && !tail.trim().is_empty() && tail.chars().count() <= 40 && !tail.contains(". ")
            })
        })
    {
        return true;
    }
    // A short tail after ©: the credit closing a caption.
    if let Some(i) = lower.rfind('©') {
        let tail = &lower[i + '©'.len_utf8()..];
        if tail.chars().count() <= 60 && !tail.contains(". ") {
            return true;
        }
    }
    if chars > 160 || lower.ends_with(['.', '!', '?', ':', '"', '\u{201D}']) || lower.contains(". ") {
        return false;
    }
    let agency = AGENCY_PHRASES.iter().any(|p| lower.contains(p))
        || lower.split(|c: char| !c.is_alphanumeric()).any(|w| AGENCY_WORDS.contains(&w));
    // Credits separate names with a slash or bar; a bare short line may be the credit alone.
    let credit_shape = lower.contains(['/', '|']) || lower.split_whitespace().count() <= 4;
    // A dateline ("BERLIN (dpa) - …") opens a story, it is not a credit.
    let dateline = [" - ", " \u{2013} ", " \u{2014} ", ") "].iter().any(|d| lower.contains(d));
    agency && credit_shape && !dateline
}

/// "Figure 4: …", "Abb. 2. …": a caption word, a number, then `:` or `.`.
fn is_numbered_caption(lower: &str) -> bool {
    let mut words = lower.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else { return false };
    let number = second.trim_end_matches([':', '.']);
    CAPTION_WORDS.contains(&first)
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && second.len() > number.len()
}

/// A deal widget's call to action or price line ("View deal", "$29.99 at Amazon").
fn is_deal(lower: &str, chars: usize) -> bool {
    if chars > 100 {
        return false;
    }
    if DEAL_OPENINGS.has_prefix_of(lower) {
        return true;
    }
    let price = lower.contains(['$', '€', '£']) && lower.bytes().any(|b| b.is_ascii_digit());
    price && SHOPS.iter().any(|s| lower.contains(&format!(" at {s}")) || lower.contains(&format!(" bei {s}")))
}

/// A prompt to turn on notifications, download the app or follow the outlet on a network.
fn is_prompt(line: &str, lower: &str) -> bool {
    let notifications = (lower.contains("notification") || lower.contains("benachrichtigung"))
        && ["turn on", "enable", "allow", "activate", "switch on", "sign up", "aktivieren", "get "]
            .iter()
            .any(|v| lower.contains(v));
    let app = lower.contains("download")
        && lower.split(|c: char| !c.is_alphanumeric()).any(|w| w == "app" || w == "apps")
        && ["ios", "android", "app store", "google play", "iphone"].iter().any(|p| lower.contains(p));
    let newsletter = lower.chars().count() <= 150
        && lower.contains("newsletter")
        && ["abonn", "subscri", "sign up", "anmelden", "inscri", "suscr", "schauen sie", "melden sie sich"]
            .iter()
            .any(|v| lower.contains(v));
    // A subscribe button: "Topic abonnieren", "Subscribe".
    let button = lower.chars().count() <= 40
        && ["abonnieren", "subscribe", "s'abonner", "suscribirse"]
            .iter()
            .any(|b| lower.trim_end_matches(['!', '.', ' ']).ends_with(b));
    let follow_us = lower.chars().count() <= 100 && FOLLOW_US.has_prefix_of(lower);
    notifications || app || newsletter || button || follow_us || is_follow_prompt(line, lower)
}

// `FOLLOW_US`: resources/lexicon/page/furniture/follow-us.txt
use dateline_lexicon::page::furniture::FOLLOW_US;

/// "Follow us on Instagram", "Follow The Daily on X and Facebook": "follow", up to four words
/// naming who (us, them, or a name written with a capital), then "on" and a network. "Follow
/// these steps shared on X" names no one and stays.
fn is_follow_prompt(line: &str, lower: &str) -> bool {
    let Some(rest) = lower.strip_prefix("follow ") else { return false };
    let words: Vec<&str> = rest.split_whitespace().take(6).collect();
    let Some(on) = words.iter().position(|w| *w == "on") else { return false };
    if on == 0 || on > 4 {
        return false;
    }
    let next = words.get(on + 1).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    if !next.is_some_and(|w| NETWORKS.contains(&w)) {
        return false;
    }
    let who = words[0];
    let named = line.get("follow ".len()..).is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
        && !matches!(who, "these" | "this" | "those" | "that");
    matches!(who, "us" | "me" | "them" | "him" | "her") || named
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> bool {
        is_furniture_line(s, &s.to_lowercase())
    }

    proptest::proptest! {
        #[test]
        fn lines_never_panic(s in "\\PC{0,300}") {
            let _ = line(&s);
            let _ = hint_is_furniture(&s);
        }
    }

    #[test]
    fn hints() {
        assert!(hint_is_furniture("breaking-news-bar "));
        assert!(hint_is_furniture("box deals "));
        assert!(hint_is_furniture("push-notification-prompt "));
        assert!(!hint_is_furniture("teaser "));
        assert!(!hint_is_furniture("article-body "));
    }

    #[test]
    fn labels_credits_deals_and_prompts() {
        assert!(line("Breaking News"));
        assert!(line("Top stories:"));
        assert!(!line("Breaking news from the port came late on Friday."));
        assert!(line("Reuters/Jane Roe"));
        assert!(line("The harbour at dawn. | \u{a9} Port Authority/Getty Images"));
        assert!(line("Photo by Jane Roe"));
        assert!(line("(Credit: Jane Roe / Wire)"));
        assert!(line("Figure 4: The line in 1910"));
        assert!(!line("Figure skating resumes on Monday"));
        assert!(line("The harbour at dawn. Foto: Port Agency"));
        assert!(!line(
            "Foto: is a word the story discusses at length, then goes on to explain in detail why it matters."
        ));
        assert!(line("aja/PAP"));
        assert!(line(
            "Vergr\u{f6}\u{df}ern Die neue Br\u{fc}cke \u{fc}ber den Tejo, vom Ufer in Almada aus gesehen, am Abend."
        ));
        assert!(line("AFP / JOHN ROE"));
        assert!(!line("BERLIN (dpa) - Die Bahn f\u{e4}hrt wieder"));
        assert!(!line("The agency Reuters reported the deal on Friday."));
        assert!(line("View deal"));
        assert!(line("$29.99 at Amazon"));
        assert!(!line("Amazon said sales at the unit rose 12 percent."));
        assert!(line("Turn on notifications to get breaking news first"));
        assert!(line("Download the Ledger app for iOS and Android."));
        assert!(line("Follow us on Instagram"));
        assert!(line("Subscribe to our newsletter"));
        assert!(line("Abonniere unseren Newsletter"));
        assert!(line("\u{201E}Experten\u{201C} abonnieren"));
        assert!(!line("Readers subscribe to the paper for its news about the port."));
        assert!(line("Load more ..."));
        assert!(line("Follow The Ledger on X and Facebook."));
        assert!(!line("Follow these steps shared on X to report a scam."));
        assert!(!line("Follow-up talks were set for Monday."));
    }
}
