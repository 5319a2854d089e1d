//! Main-text extraction: which part of the page is the article, and its text with paragraph
//! breaks.
//!
//! The approach is the one readability and trafilatura share, done over our flat DOM:
//! 1. Boilerplate removal by markup: elements that are never article text (`nav`, `footer`,
//!    `aside`, `form`), ARIA landmarks, hidden elements, and class/id hints (comment, related,
//!    share, sidebar, ad, newsletter, breadcrumb...). An element holding most of the page's text
//!    is never removed by a hint: some sites wrap the whole page in `<form>` or `id="…-sidebar"`.
//! 2. Paragraph scoring: each block's own text and link text; a block with enough text and few
//!    links is a good paragraph.
//! 3. Container choice: the element maximising good text minus half of the other text under it,
//!    so the tightest element holding the article wins over both a lone paragraph and `<body>`.
//! 4. Rendering the container block by block, leaving out link lists and "Read also" boxes.
//!
//! Every pass is a loop over the token stream or the element list: linear, no recursion.

use std::time::Instant;

use super::dom::{Dom, ElemId, Tok};
use super::HtmlError;

/// Elements that start and end a paragraph of output.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "html",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "td",
    "th",
    "tr",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "figure",
    "figcaption",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "address",
    "center",
    "details",
    "summary",
    "hr",
    "fieldset",
];

/// Elements that are never article text.
const BOILER_TAGS: &[&str] =
    &["nav", "footer", "aside", "form", "button", "header", "figure", "input", "label", "dialog", "menu", "h1"];

/// ARIA roles of page furniture.
const BOILER_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alert"];

/// Class/id tokens of page furniture.
const BOILER_TOKENS: &[&str] = &[
    "comment",
    "comments",
    "kommentar",
    "kommentare",
    "commentlist",
    "respond",
    "footer",
    "foot",
    "header",
    "related",
    "share",
    "sharing",
    "social",
    "socials",
    "shariff",
    "addthis",
    "sharedaddy",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "sidebar",
    "widget",
    "widgets",
    "breadcrumb",
    "breadcrumbs",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adsense",
    "sponsor",
    "sponsored",
    "promo",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "banner",
    "popup",
    "modal",
    "recommended",
    "recommendations",
    "pagination",
    "pager",
    "tags",
    "tagcloud",
    "meta",
    "byline",
    "print",
    "login",
    "search",
    "disqus",
    "outbrain",
    "taboola",
    "masthead",
    "toolbar",
    "skip",
    "caption",
    "credit",
    "credits",
    "bio",
    "postmeta",
    "teaser-list",
    "copyright",
    "impressum",
    "categories",
    "category",
    "signup",
    "donate",
    "rating",
    "author",
    "avatar",
    "overlay",
    "consent",
    "gdpr",
    "paywall",
    "tools",
    "timestamp",
];

/// Class/id substrings of page furniture that tokens alone would miss.
const BOILER_PHRASES: &[&str] = &[
    "related-posts",
    "read-more",
    "readmore",
    "more-articles",
    "lesen-sie-auch",
    "mehr-zum-thema",
    "post-navigation",
    "nav-links",
    "entry-meta",
    "post-meta",
    "wp-caption",
    "screen-reader",
    "sr-only",
    "relatedposts",
    "further-reading",
    "more-stories",
    "most-popular",
    "mostpopular",
    "jp-relatedposts",
    "yarpp",
    "author-box",
    "authorbox",
    "about-author",
];

/// Class/id tokens that mark the article.
const CONTENT_TOKENS: &[&str] = &[
    "article",
    "content",
    "entry",
    "post",
    "story",
    "text",
    "body",
    "main",
    "artikel",
    "beitrag",
    "single",
    "blog",
    "articlebody",
    "article-body",
    "entry-content",
    "post-content",
    "story-body",
];

/// Openings of boxes inside articles that point elsewhere.
const BOILER_OPENINGS: &[&str] = &[
    "read also",
    "read more",
    "see also",
    "related:",
    "related articles",
    "related stories",
    "more on this",
    "recommended",
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "auch interessant",
    "das könnte sie auch",
    "weitere artikel",
    "zum weiterlesen",
    "weiterlesen",
    "lire aussi",
    "à lire aussi",
    "lee también",
    "leer más",
    "share this",
    "teilen",
    "advertisement",
    "anzeige",
    "werbung",
    "sponsored",
    "follow us",
    "folgen sie uns",
    "sign up for",
    "subscribe to",
    "click here",
    "all rights reserved",
    "alle rechte vorbehalten",
    "copyright",
];

#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Non-space characters of text directly in this block (not in nested blocks).
    own: u32,
    /// Of those, inside links.
    own_link: u32,
    /// Non-space characters of all text under this element.
    total: u32,
    /// Of those, in good paragraphs.
    good: u32,
}

/// The article text of the page, paragraphs separated by a blank line.
pub fn extract_body(dom: &Dom, deadline: Instant) -> Result<String, HtmlError> {
    let n = dom.elems.len();
    if n == 0 {
        return Ok(String::new());
    }
    let is_block: Vec<bool> = dom.elems.iter().map(|e| BLOCKS.contains(&&*e.tag)).collect();
    let raw_total = raw_totals(dom);
    let page_total = raw_total.first().copied().unwrap_or(0).max(1);
    let dropped = boilerplate(dom, &raw_total, page_total);
    let stats = block_stats(dom, &is_block, &dropped, deadline)?;
    let container = choose_container(dom, &stats, &dropped);
    let keep_own: Vec<bool> =
        stats.iter().map(|s| !(s.own > 0 && f64::from(s.own_link) > 0.5 * f64::from(s.own))).collect();
    render(dom, container, &is_block, &dropped, &keep_own, deadline)
}

/// Non-space characters under each element, nothing removed: to tell wrappers from furniture.
fn raw_totals(dom: &Dom) -> Vec<u32> {
    let mut total = vec![0u32; dom.elems.len()];
    let mut stack: Vec<ElemId> = Vec::new();
    for tok in &dom.tokens {
        match *tok {
            Tok::Open(id) => stack.push(id),
            Tok::Close(_) => {
                stack.pop();
            }
            Tok::Text(s, e) => {
                if let Some(&top) = stack.last() {
                    if let Some(t) = total.get_mut(top as usize) {
                        *t += visible_chars(dom.tok_text(s, e));
                    }
                }
            }
        }
    }
    // Children come after parents: a reverse pass adds each element into its parent.
    for i in (0..dom.elems.len()).rev() {
        if let Some(p) = dom.elems[i].parent {
            let v = total[i];
            if let Some(t) = total.get_mut(p as usize) {
                *t += v;
            }
        }
    }
    total
}

fn visible_chars(s: &str) -> u32 {
    u32::try_from(s.chars().filter(|c| !c.is_whitespace()).count()).unwrap_or(u32::MAX)
}

/// Which elements are page furniture; a removed element removes its subtree.
fn boilerplate(dom: &Dom, raw_total: &[u32], page_total: u32) -> Vec<bool> {
    let mut dropped = vec![false; dom.elems.len()];
    for (i, e) in dom.elems.iter().enumerate() {
        if e.parent.is_some_and(|p| dropped.get(p as usize).copied().unwrap_or(false)) {
            dropped[i] = true;
            continue;
        }
        let wrapper = f64::from(raw_total[i]) > 0.6 * f64::from(page_total) && raw_total[i] > 500;
        let by_tag = BOILER_TAGS.contains(&&*e.tag);
        let by_role = e.roles.split_whitespace().any(|r| BOILER_ROLES.contains(&r));
        let by_hint = hint_is_boiler(&e.hints);
        let comment = e.hints.contains("comment");
        let content = e.roles.contains("articlebody") || e.tag.as_ref() == "article";
        dropped[i] = e.hidden || ((by_tag || by_role || by_hint) && (!wrapper || comment) && !content);
    }
    dropped
}

fn hint_is_boiler(hints: &str) -> bool {
    if hints.is_empty() {
        return false;
    }
    if BOILER_PHRASES.iter().any(|p| hints.contains(p)) {
        return true;
    }
    let content = hints.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| CONTENT_TOKENS.contains(&t));
    hints.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
        BOILER_TOKENS.contains(&t) && !(content && matches!(t, "text" | "meta" | "header" | "tags" | "category"))
    })
}

/// Own and total text per element, with dropped subtrees left out.
fn block_stats(dom: &Dom, is_block: &[bool], dropped: &[bool], deadline: Instant) -> Result<Vec<Stats>, HtmlError> {
    let mut stats = vec![Stats::default(); dom.elems.len()];
    let mut blocks: Vec<ElemId> = Vec::new();
    let mut links = 0u32;
    let mut i = 0usize;
    while i < dom.tokens.len() {
        if i.is_multiple_of(8192) && Instant::now() > deadline {
            return Err(HtmlError::TimeBudget);
        }
        match dom.tokens[i] {
            Tok::Open(id) => {
                let e = &dom.elems[id as usize];
                if dropped[id as usize] {
                    i = e.close as usize + 1;
                    continue;
                }
                if is_block[id as usize] {
                    blocks.push(id);
                }
                if e.tag.as_ref() == "a" {
                    links += 1;
                }
            }
            Tok::Close(id) => {
                if is_block[id as usize] && blocks.last() == Some(&id) {
                    blocks.pop();
                }
                if dom.elems[id as usize].tag.as_ref() == "a" {
                    links = links.saturating_sub(1);
                }
            }
            Tok::Text(s, e) => {
                if let Some(&b) = blocks.last() {
                    let n = visible_chars(dom.tok_text(s, e));
                    let st = &mut stats[b as usize];
                    st.own += n;
                    if links > 0 {
                        st.own_link += n;
                    }
                }
            }
        }
        i += 1;
    }
    for (i, st) in stats.iter_mut().enumerate() {
        st.total = st.own;
        let tag = &*dom.elems[i].tag;
        let para = matches!(tag, "p" | "blockquote" | "pre" | "dd" | "li" | "td" | "h2" | "h3" | "h4");
        let min = if para { 15 } else { 60 };
        let link_ok = f64::from(st.own_link) <= 0.33 * f64::from(st.own);
        if st.own >= min && link_ok && !dropped[i] {
            st.good = st.own;
        }
    }
    for i in (0..stats.len()).rev() {
        if let Some(p) = dom.elems[i].parent {
            let (t, g) = (stats[i].total, stats[i].good);
            let ps = &mut stats[p as usize];
            ps.total += t;
            ps.good += g;
        }
    }
    Ok(stats)
}

/// The element that best holds the article, `None` when the page has no good paragraph.
fn choose_container(dom: &Dom, stats: &[Stats], dropped: &[bool]) -> Option<ElemId> {
    let mut best: Option<(f64, ElemId)> = None;
    for (i, e) in dom.elems.iter().enumerate() {
        let st = stats[i];
        if dropped[i] || st.good == 0 {
            continue;
        }
        let mut score = f64::from(st.good) - 0.5 * f64::from(st.total - st.good);
        let positive = e.roles.contains("articlebody")
            || e.tag.as_ref() == "article"
            || e.hints.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| CONTENT_TOKENS.contains(&t));
        if positive && score > 0.0 {
            score *= if e.roles.contains("articlebody") { 1.3 } else { 1.1 };
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i as ElemId));
        }
    }
    // A lone paragraph is never the container: its siblings belong to the article too.
    best.map(|(_, id)| {
        let e = &dom.elems[id as usize];
        let leaf = matches!(
            &*e.tag,
            "p" | "blockquote"
                | "pre"
                | "li"
                | "dd"
                | "td"
                | "h2"
                | "h3"
                | "h4"
                | "span"
                | "em"
                | "strong"
                | "b"
                | "i"
                | "font"
        );
        if leaf {
            e.parent.unwrap_or(id)
        } else {
            id
        }
    })
}

/// Writes the container's text: blocks separated by blank lines, `<br>` as a line break,
/// furniture and link-list blocks left out.
fn render(
    dom: &Dom,
    container: Option<ElemId>,
    is_block: &[bool],
    dropped: &[bool],
    keep_own: &[bool],
    deadline: Instant,
) -> Result<String, HtmlError> {
    let (start, end) = match container.and_then(|c| dom.elems.get(c as usize)) {
        Some(e) => (e.open as usize, e.close as usize),
        None => (0, dom.tokens.len().saturating_sub(1)),
    };
    let mut out = String::new();
    let mut blocks: Vec<ElemId> = Vec::new();
    let mut i = start;
    while i <= end && i < dom.tokens.len() {
        if i.is_multiple_of(8192) && Instant::now() > deadline {
            return Err(HtmlError::TimeBudget);
        }
        match dom.tokens[i] {
            Tok::Open(id) => {
                let e = &dom.elems[id as usize];
                if dropped[id as usize] && i != start {
                    i = e.close as usize + 1;
                    continue;
                }
                if is_block[id as usize] {
                    blocks.push(id);
                    paragraph_break(&mut out);
                } else if e.tag.as_ref() == "br" {
                    trim_end_spaces(&mut out);
                    out.push('\n');
                }
            }
            Tok::Close(id) => {
                if is_block[id as usize] {
                    if blocks.last() == Some(&id) {
                        blocks.pop();
                    }
                    paragraph_break(&mut out);
                }
            }
            Tok::Text(s, e) => {
                let keep = blocks.last().is_none_or(|&b| keep_own[b as usize]);
                if keep {
                    push_collapsed(&mut out, dom.tok_text(s, e));
                }
            }
        }
        i += 1;
    }
    Ok(tidy(&out))
}

fn paragraph_break(out: &mut String) {
    trim_end_spaces(out);
    if !out.is_empty() && !out.ends_with("\n\n") {
        if out.ends_with('\n') {
            out.push('\n');
        } else {
            out.push_str("\n\n");
        }
    }
}

fn trim_end_spaces(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

/// Appends text with whitespace runs collapsed to one space (HTML's rule).
fn push_collapsed(out: &mut String, raw: &str) {
    let mut last_space = out.is_empty() || out.ends_with([' ', '\n']);
    for c in raw.chars() {
        if c.is_whitespace() && c != '\u{A0}' {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
}

/// Trims each paragraph and drops empty ones and "Read also" style lines.
fn tidy(text: &str) -> String {
    let mut paras: Vec<String> = Vec::new();
    for para in text.split("\n\n") {
        let lines: Vec<&str> = para.lines().map(str::trim).filter(|l| !l.is_empty() && !is_boiler_line(l)).collect();
        if !lines.is_empty() {
            paras.push(lines.join("\n"));
        }
    }
    paras.join("\n\n")
}

fn is_boiler_line(line: &str) -> bool {
    if line.chars().count() > 200 {
        return false;
    }
    let lower = line.to_lowercase();
    BOILER_OPENINGS.iter().any(|o| lower.starts_with(o))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints() {
        assert!(hint_is_boiler("comments-area "));
        assert!(hint_is_boiler("jp-relatedposts "));
        assert!(hint_is_boiler("ad "));
        assert!(!hint_is_boiler("entry-content "));
        assert!(!hint_is_boiler("entry-content text "));
        assert!(!hint_is_boiler("read "));
    }

    #[test]
    fn boiler_lines() {
        assert!(is_boiler_line("Lesen Sie auch: Der Bär ist los"));
        assert!(is_boiler_line("Read also: markets"));
        assert!(!is_boiler_line("The minister read also the report."));
    }
}
