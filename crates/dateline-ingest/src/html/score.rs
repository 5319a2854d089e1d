//! Main-text extraction: which part of the page is the article, and its text with paragraph
//! breaks.
//!
//! The approach is the one readability and trafilatura share, done over our flat DOM:
//! 1. Boilerplate removal by markup: elements that are never article text (`nav`, `footer`,
//!    `aside`, `form`), ARIA landmarks, hidden elements, and class/id hints (comment, related,
//!    share, sidebar, ad, newsletter, breadcrumb...). Markup is trusted only on elements that do
//!    not hold most of the page's good text (layouts name their wrappers `one-sidebar`,
//!    `widget Blog`, `page-no-header`); `<html>`/`<body>` are never removed; a token after
//!    "no"/"non"/"has" in a class name (`no-share`, `non-paywall`) does not count; a `<header>`
//!    inside an article or named like one (`entry-header`) holds the lead.
//! 2. Paragraph scoring: each block's own text and link text; a block with enough text and few
//!    links is a good paragraph.
//! 3. Container choice: the element maximising good text minus half of the other text under it,
//!    so the tightest element holding the article wins over both a lone paragraph and `<body>`.
//!    When class hints leave far less good text than tags and roles alone would, the hints hit
//!    the article (a builder's `…-widget-container` around each block): the choice is redone
//!    without them, and hints are then ignored only on that article.
//! 4. Siblings: blocks next to the container (or next to its parents, a few levels up) made
//!    mostly of good paragraphs join it: a lead box before the body, a second text block after.
//! 5. Rendering block by block, leaving out link lists, "Read also" boxes and labels (by their
//!    opening words), date stamps, and headings left heading nothing.
//!
//! News furniture (teaser cards, "Breaking News" bars, captions and credits, deal widgets,
//! notification prompts) is recognised in [`furniture`] and removed in steps 1 and 5.
//!
//! Every pass is a loop over the token stream or the element list: linear, no recursion.

use super::dom::{Dom, ElemId, Tok};
use super::furniture;
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
const BOILER_TAGS: &[&str] = &[
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "header",
    "figure",
    "figcaption",
    "input",
    "label",
    "dialog",
    "menu",
    "h1",
];

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
    "disclaimer",
    "promotion",
    "cta",
    "legend",
    "affiliate",
    "buybox",
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
    "footer",
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
    "you might also like",
    "you may also like",
    "related posts",
    "related content",
    "subscribe now",
    "to view the full story",
    "never miss",
    "stay up-to-date",
    "stay up to date",
    "we rely on your support",
    "this post contains",
    "written permission",
    "das könnte dich auch",
    "könnte dich auch interessieren",
    "könnte sie auch interessieren",
    "das thema könnte",
    "verwandte beiträge",
    "verwandte artikel",
    "verwandte themen",
    "empfohlene beiträge",
    "empfohlene artikel",
    "neueste artikel",
    "neueste beiträge",
    "weitere beiträge",
    "beiträge zum thema",
    "artikel zum thema",
    "diesen artikel teilen",
    "artikel teilen",
    "seite teilen",
    "diese seite teilen",
    "artikel gefallen",
    "dieser artikel gefällt",
    "war der artikel",
    "ist dieser beitrag hilfreich",
    "zobacz także",
    "czytaj także",
    "veja também",
    "leia também",
    "temas relacionados",
    "notas relacionadas",
    "noticias relacionadas",
    "contenido relacionado",
    "te puede interesar",
    "síguenos",
    "siguenos",
    "sur le même sujet",
];

/// Openings of short lines (labels, box titles, credits) that are never article text.
const SHORT_BOILER_OPENINGS: &[&str] = &[
    "mehr zu ",
    "mehr aus ",
    "mehr themen",
    "themen:",
    "schlagworte",
    "schlagwörter",
    "tags:",
    "tagged:",
    "tagged with",
    "filed under",
    "quelle:",
    "quellen:",
    "quellenangaben",
    "foto:",
    "fotos:",
    "bild:",
    "bildquelle",
    "titelbild",
    "beitragsbild",
    "credit:",
    "credits:",
    "photo:",
    "aktualisiert am",
    "aktualisiert:",
    "zuletzt aktualisiert",
    "letzte änderung",
    "ultima modifica",
    "kommentare",
    "kommentieren",
    "externer inhalt",
    "weitere informationen",
    "weiterführende",
    "zusatzinformationen",
    "schon gelesen",
    "lust auf mehr",
    "nächster artikel",
    "vorheriger artikel",
    "en savoir plus",
    "more from",
    "read the latest",
    "missed the",
    "über den autor",
    "about the author",
    "ähnliche beiträge",
    "ähnliche artikel",
    "crédits",
    "źródło",
    "opublikowano",
    "publikacja:",
    "release date",
    "category:",
    "category :",
    "kategorie:",
    "this entry was posted",
    "posted in ",
    "erstellt am",
    "aufrufe:",
    "(c) ",
    "©",
];

/// Whole lines (a trailing colon aside) that are labels of page furniture.
const BOILER_LABELS: &[&str] = &[
    "kontakt",
    "contact",
    "telefon",
    "inhaltsverzeichnis",
    "table of contents",
    "permalink",
    "permalien",
    "teilen",
    "share",
    "drucken",
    "print",
    "temas",
    "themen",
    "tags",
    "newsletter",
    "community",
    "news",
    "login",
    "anmelden",
    "menü",
    "menu",
    "suche",
    "search",
    "quelle",
    "quellen",
    "credit",
    "credits",
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
pub(crate) fn extract_body(dom: &Dom, work: &mut super::Work) -> Result<String, HtmlError> {
    let n = dom.elems.len();
    if n == 0 {
        return Ok(String::new());
    }
    let is_block: Vec<bool> = dom.elems.iter().map(|e| BLOCKS.contains(&&*e.tag)).collect();
    let hidden = hidden_elems(dom);
    // Good text with nothing but hidden elements removed: what each element would contribute
    // to the article if no markup hint were trusted.
    let raw = block_stats(dom, &is_block, &hidden, work)?;
    let mut hint_cache = vec![None; n];
    let furniture::Boxes { mut teasers, labelled } = furniture::boxes(dom, work)?;
    // On an index page the teasers are the page: when they hold most of its good text, none
    // is removed.
    let teaser_good: u64 = (0..n)
        .filter(|&i| teasers[i] && dom.elems[i].parent.is_none_or(|p| !teasers[p as usize]))
        .map(|i| u64::from(raw[i].good))
        .sum();
    if teaser_good * 2 >= u64::from(raw.first().map_or(0, |s| s.good)) {
        teasers.iter_mut().for_each(|t| *t = false);
    }
    let marks = Marks { hidden: &hidden, teasers: &teasers, labelled: &labelled };
    let mut dropped = boilerplate(dom, &raw, &marks, None, &mut hint_cache);
    let mut stats = block_stats(dom, &is_block, &dropped, work)?;
    let mut container = choose_container(dom, &stats, &dropped);
    // Class hints are guesses: when trusting them leaves far less article than trusting only
    // tags, roles and comment hints, the hints hit the article itself (a theme naming its post
    // wrapper `widget`, a builder's `…-widget-container` around each text block).
    let good = |stats: &[Stats], c: Option<ElemId>| c.map_or(0, |c| stats[c as usize].good);
    let strict_good = good(&stats, container);
    if strict_good < raw.first().map_or(0, |s| s.good) / 2 {
        let relaxed = boilerplate(dom, &raw, &marks, Some(&vec![true; n]), &mut hint_cache);
        let relaxed_stats = block_stats(dom, &is_block, &relaxed, work)?;
        let relaxed_container = choose_container(dom, &relaxed_stats, &relaxed);
        let relaxed_good = good(&relaxed_stats, relaxed_container);
        if let Some(c) =
            relaxed_container.filter(|_| relaxed_good >= 2 * strict_good && relaxed_good >= strict_good + 200)
        {
            // Distrust hints only where they cut into that article: on the container, its
            // ancestors, and the blocks inside it made mostly of good text. Elsewhere (sidebar
            // widgets, related boxes inside the container) they still hold.
            let ignore = article_path(dom, &relaxed_stats, c);
            dropped = boilerplate(dom, &raw, &marks, Some(&ignore), &mut hint_cache);
            stats = block_stats(dom, &is_block, &dropped, work)?;
            container = Some(c);
        }
    }
    let keep_own: Vec<bool> =
        stats.iter().map(|s| !(s.own > 0 && f64::from(s.own_link) > 0.5 * f64::from(s.own))).collect();
    let parts = match container {
        Some(c) => with_siblings(dom, &stats, &dropped, c),
        None => Vec::new(),
    };
    render(dom, &parts, &is_block, &dropped, &keep_own, work)
}

/// The container, its ancestors, and the elements inside it holding at least 40 characters
/// of good text making most of their text: where class hints must not remove anything.
fn article_path(dom: &Dom, stats: &[Stats], container: ElemId) -> Vec<bool> {
    let mut keep = vec![false; dom.elems.len()];
    let mut node = Some(container);
    while let Some(id) = node {
        keep[id as usize] = true;
        node = dom.elems[id as usize].parent;
    }
    let close = dom.elems[container as usize].close;
    for (i, e) in dom.elems.iter().enumerate().skip(container as usize + 1) {
        if e.open > close {
            break;
        }
        let st = stats[i];
        keep[i] = st.good >= 40 && f64::from(st.good) >= 0.5 * f64::from(st.total);
    }
    keep
}

/// Hidden elements, and everything under them.
fn hidden_elems(dom: &Dom) -> Vec<bool> {
    let mut hidden = vec![false; dom.elems.len()];
    for (i, e) in dom.elems.iter().enumerate() {
        hidden[i] = e.hidden || e.parent.is_some_and(|p| hidden.get(p as usize).copied().unwrap_or(false));
    }
    hidden
}

/// Non-whitespace characters of `s`.
pub(crate) fn visible_chars(s: &str) -> u32 {
    // Most text is ASCII: count bytes there instead of decoding chars (same result).
    let n = if s.is_ascii() {
        s.bytes().filter(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')).count()
    } else {
        s.chars().filter(|c| !c.is_whitespace()).count()
    };
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What is known of each element before markup hints are read.
struct Marks<'a> {
    /// Hidden, or under a hidden element.
    hidden: &'a [bool],
    /// Teaser cards ([`furniture::boxes`]).
    teasers: &'a [bool],
    /// Boxes opening with a furniture label ([`furniture::boxes`]).
    labelled: &'a [bool],
}

/// Which elements are page furniture; a removed element removes its subtree.
///
/// Markup signals (tag, role, class/id hints) are trusted only for elements that do not hold
/// most of the page's good text (`raw`: paragraph text counted with only hidden elements
/// removed): layout wrappers are often named `one-sidebar`, `widget Blog`, `no-share` or
/// `page-no-header`, and builders wrap every text block in `…-widget-container`. Comment
/// hints are trusted on all but the page's root elements, since a long discussion can
/// outweigh a short article. A `<header>` inside an article holds its lead, not site furniture.
fn boilerplate(
    dom: &Dom,
    raw: &[Stats],
    marks: &Marks<'_>,
    ignore_hints: Option<&[bool]>,
    hint_cache: &mut [Option<bool>],
) -> Vec<bool> {
    let page_good = raw.first().map_or(0, |s| s.good);
    let mut dropped = vec![false; dom.elems.len()];
    let mut in_article = vec![false; dom.elems.len()];
    for (i, e) in dom.elems.iter().enumerate() {
        let parent = e.parent.map(|p| p as usize);
        let article = matches!(&*e.tag, "article" | "main")
            || e.roles.contains("articlebody")
            || e.roles.split_whitespace().any(|r| r == "main");
        in_article[i] = article || parent.is_some_and(|p| in_article[p]);
        if marks.hidden[i] || parent.is_some_and(|p| dropped[p]) {
            dropped[i] = true;
            continue;
        }
        if matches!(&*e.tag, "html" | "body") || e.tag.as_ref() == "article" || e.roles.contains("articlebody") {
            continue;
        }
        let holds_article = page_good > 0 && f64::from(raw[i].good) >= 0.5 * f64::from(page_good);
        let tag = &*e.tag;
        let lead_header = tag == "header"
            && (parent.is_some_and(|p| in_article[p])
                || e.hints
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .any(|t| CONTENT_TOKENS.contains(&t) || matches!(t, "intro" | "lead" | "entry" | "headline")));
        let by_tag = BOILER_TAGS.contains(&tag) && !lead_header;
        let by_role = e.roles.split_whitespace().any(|r| BOILER_ROLES.contains(&r));
        let comment = e.hints.contains("comment");
        let use_hints = ignore_hints.is_none_or(|ig| !ig[i]);
        let by_hint = if use_hints {
            *hint_cache[i].get_or_insert_with(|| hint_is_boiler(&e.hints) || furniture::hint_is_furniture(&e.hints))
        } else {
            comment
        };
        let teaser = use_hints && (marks.teasers[i] || marks.labelled[i]);
        dropped[i] = (by_tag || by_role || by_hint || teaser) && (!holds_article || comment);
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
    // Within one class name, a token after "no", "non", "has"... says what the element lacks
    // or contains, not what it is: `no-share`, `non-paywall`, `has-sidebar`, `section--has-ads`.
    hints.split_whitespace().any(|name| {
        let mut prev = "";
        name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| !t.is_empty()).any(|t| {
            let negated = matches!(prev, "no" | "non" | "not" | "without" | "has" | "with");
            prev = t;
            !negated
                && BOILER_TOKENS.contains(&t)
                && !(content && matches!(t, "text" | "meta" | "header" | "tags" | "category"))
        })
    })
}

/// Own and total text per element, with dropped subtrees left out.
fn block_stats(
    dom: &Dom,
    is_block: &[bool],
    dropped: &[bool],
    work: &mut super::Work,
) -> Result<Vec<Stats>, HtmlError> {
    let mut stats = vec![Stats::default(); dom.elems.len()];
    let mut blocks: Vec<ElemId> = Vec::new();
    let mut links = 0u32;
    let mut i = 0usize;
    while i < dom.tokens.len() {
        work.step()?;
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

/// The container and the siblings that continue it: a lead or intro box before the body, a
/// second text block after it. Looks at the siblings of the container and of its parents, up
/// to [`SIBLING_LEVELS`] levels, and takes those made mostly of good paragraphs. Returned in
/// document order.
fn with_siblings(dom: &Dom, stats: &[Stats], dropped: &[bool], container: ElemId) -> Vec<ElemId> {
    let mut parts = vec![container];
    let mut node = container;
    for _ in 0..SIBLING_LEVELS {
        let Some(parent) = dom.elems[node as usize].parent else { break };
        let p = &dom.elems[parent as usize];
        if matches!(&*p.tag, "body" | "html") {
            break;
        }
        // Children of `parent` are the elements after it, up to its close, whose parent it is.
        let mut child = parent as usize + 1;
        while let Some(e) = dom.elems.get(child) {
            if e.open > p.close {
                break;
            }
            if e.parent == Some(parent) {
                let st = stats[child];
                let mostly_good = st.good >= 40 && f64::from(st.good) >= 0.7 * f64::from(st.total);
                if child != node as usize && !dropped[child] && mostly_good {
                    parts.push(child as ElemId);
                }
            }
            child += 1;
        }
        node = parent;
    }
    parts.sort_by_key(|&c| dom.elems[c as usize].open);
    parts
}

/// How many levels above the container [`with_siblings`] looks.
const SIBLING_LEVELS: usize = 3;

/// Writes the container's text: blocks separated by blank lines, `<br>` as a line break,
/// furniture and link-list blocks left out.
fn render(
    dom: &Dom,
    parts: &[ElemId],
    is_block: &[bool],
    dropped: &[bool],
    keep_own: &[bool],
    work: &mut super::Work,
) -> Result<String, HtmlError> {
    let whole = [(0, dom.tokens.len().saturating_sub(1))];
    let ranges: Vec<(usize, usize)> =
        parts.iter().filter_map(|&c| dom.elems.get(c as usize)).map(|e| (e.open as usize, e.close as usize)).collect();
    let ranges = if ranges.is_empty() { &whole[..] } else { &ranges[..] };
    let mut out = String::new();
    for &(start, end) in ranges {
        let mut blocks: Vec<ElemId> = Vec::new();
        paragraph_break(&mut out);
        let mut i = start;
        while i <= end && i < dom.tokens.len() {
            work.step()?;
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
                        if matches!(&*e.tag, "h2" | "h3" | "h4" | "h5" | "h6") {
                            out.push(HEADING_MARK);
                        }
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

/// Appends text with whitespace runs collapsed to one space (HTML's rule), soft hyphens
/// (invisible unless a line breaks there) left out.
fn push_collapsed(out: &mut String, raw: &str) {
    let mut last_space = out.is_empty() || out.ends_with([' ', '\n']);
    for c in raw.chars() {
        if c == '\u{AD}' {
            continue;
        }
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

/// Marks the start of a heading in the rendered text, for [`tidy`]; never in the output.
const HEADING_MARK: char = '\u{1}';

/// Trims each paragraph and drops empty ones and "Read also" style lines, then drops headings
/// that head nothing: a short one followed by another heading or ending the text is the title
/// of a box whose content was removed (related links, newsletter, tags).
fn tidy(text: &str) -> String {
    let mut paras: Vec<(bool, String)> = Vec::new();
    for para in text.split("\n\n") {
        let heading = para.starts_with(HEADING_MARK);
        let para = para.replace(HEADING_MARK, "");
        let lines: Vec<&str> = para.lines().map(str::trim).filter(|l| !l.is_empty() && !is_boiler_line(l)).collect();
        if !lines.is_empty() {
            paras.push((heading, lines.join("\n")));
        }
    }
    let mut keep = vec![true; paras.len()];
    let mut next_is_text = false;
    for (i, (heading, text)) in paras.iter().enumerate().rev() {
        // A long "heading" is a lead or a paragraph styled as one.
        let heading = *heading && text.chars().count() <= 100;
        if heading {
            keep[i] = next_is_text;
        }
        next_is_text = !heading;
    }
    let kept: Vec<String> = paras.into_iter().zip(keep).filter(|(_, k)| *k).map(|((_, p), _)| p).collect();
    kept.join("\n\n")
}

fn is_boiler_line(line: &str) -> bool {
    let chars = line.chars().count();
    if chars > 250 {
        return false;
    }
    let lower = line.to_lowercase();
    if furniture::is_furniture_line(line, &lower) {
        return true;
    }
    if chars > 200 {
        return false;
    }
    BOILER_OPENINGS.iter().any(|o| lower.starts_with(o))
        || (chars <= 60 && SHORT_BOILER_OPENINGS.iter().any(|o| lower.starts_with(o)))
        || (chars <= 40 && is_date_line(&lower))
        || BOILER_LABELS.contains(&lower.trim_end_matches([':', ' ']))
}

/// Words that, with numbers, make a line that is only a date or a time ("3. März 2020",
/// "11 Jan 2019, 14:05", "2 months ago"): a stamp, not article text.
const DATE_WORDS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januar",
    "jänner",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "okt",
    "dez",
    "mär",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "de",
    "am",
    "pm",
    "uhr",
    "h",
    "um",
    "at",
    "ago",
    "vor",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minuten",
    "stunden",
    "tagen",
    "wochen",
    "monaten",
    "jahren",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "mo",
    "di",
    "mi",
    "do",
    "fr",
    "sa",
    "so",
];

fn is_date_line(lower: &str) -> bool {
    // Only letters, digits, spaces and date punctuation: "286,35 €" or "+49 30 1234" are not stamps.
    if !lower.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || ".,:/-".contains(c)) {
        return false;
    }
    let (mut digits, mut marker) = (false, false);
    let all_date = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).all(|w| {
        if w.chars().all(|c| c.is_ascii_digit()) {
            digits = true;
            true
        } else {
            marker |= !matches!(w, "de" | "h" | "am" | "um" | "at" | "vor" | "mo" | "di" | "do" | "so");
            DATE_WORDS.contains(&w)
        }
    });
    // A number alone ("2020", "12") needs a month, weekday or unit, or date punctuation.
    let stamp = lower
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'.' | b':' | b'/') && w[2].is_ascii_digit());
    all_date && digits && (marker || stamp)
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
        assert!(!hint_is_boiler("entry-content no-share "));
        assert!(!hint_is_boiler("row non-paywall "));
        assert!(!hint_is_boiler("o-section o-section--has-ads "));
        assert!(hint_is_boiler("row paywall "));
    }

    #[test]
    fn boiler_lines() {
        assert!(is_boiler_line("Lesen Sie auch: Der Bär ist los"));
        assert!(is_boiler_line("Read also: markets"));
        assert!(!is_boiler_line("The minister read also the report."));
        assert!(is_boiler_line("You might also like"));
        assert!(is_boiler_line("Das könnte dich auch interessieren"));
        assert!(is_boiler_line("Schlagworte: Energie, Haushalt"));
        assert!(is_boiler_line("Foto: Agentur"));
        assert!(is_boiler_line("11 Jan 2019, 14:05"));
        assert!(is_boiler_line("3. März 2020"));
        assert!(is_boiler_line("2 months ago"));
        assert!(!is_boiler_line("2 months later"));
        assert!(!is_boiler_line("2020"));
        assert!(!is_boiler_line("286,35 €"));
        assert!(!is_boiler_line("15 – 30 Min"));
        // Short-line openings only hold for labels, not for sentences that start alike.
        assert!(!is_boiler_line("Mehr zu diesem Vorschlag sagte die Ministerin am Montag in Berlin nicht."));
    }

    fn body(html: &str) -> String {
        super::super::html_to_text(html.as_bytes())
    }

    const P1: &str = "The finance ministry said on Tuesday that the budget deficit narrowed to 2.1 percent of output.";
    const P2: &str =
        "Tax receipts rose faster than expected, helped by strong wage growth and higher consumer spending.";
    const P3: &str =
        "Economists had forecast a gap of 2.6 percent, citing the cost of new energy subsidies for households.";

    #[test]
    fn a_layout_wrapper_named_like_furniture_keeps_the_article() {
        // The wrapper of the posts is named `widget` and its column `one-sidebar`; the real
        // sidebar next to it holds text of its own, so neither wrapper holds 60 % of the page.
        let page = format!(
            "<html><body><div id=\"main\" class=\"one-sidebar\"><div class=\"widget Blog\">\
             <div class=\"post\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div></div>\
             <div id=\"sidebar\"><div class=\"widget Text\"><p>This blog is written by two reporters who cover \
             public finance, tax policy and the central bank. Opinions are their own and not those of any \
             employer. Tips are welcome by mail at any time of day.</p></div>\
             <div class=\"widget Archive\"><ul><li><a href=\"/1\">January</a></li><li><a href=\"/2\">February</a>\
             </li></ul></div></div></body></html>"
        );
        let text = body(&page);
        assert_eq!(text, format!("{P1}\n\n{P2}\n\n{P3}"));
    }

    #[test]
    fn a_page_class_naming_furniture_does_not_remove_the_page() {
        let page = format!(
            "<html><body class=\"page j-m-comment-styles j-m-header-styles\"><div><p>{P1}</p><p>{P2}</p></div>\
             </body></html>"
        );
        assert_eq!(body(&page), format!("{P1}\n\n{P2}"));
    }

    #[test]
    fn article_split_over_builder_widgets_is_kept_whole_and_the_sidebar_still_goes() {
        // A page builder wraps each text block in `…-widget-container`: trusting the hint
        // removes the whole article, so hints are distrusted on the article only.
        let links: String =
            (1..=8).map(|i| format!("<li><a href=\"/t/{i}\">Most read story number {i}</a></li>")).collect();
        let page = format!(
            "<html><body><nav><a href=\"/\">Home</a></nav><section class=\"builder-section\">\
             <div class=\"builder-widget-container\"><p>{P1}</p></div>\
             <div class=\"builder-widget-container\"><p>{P2}</p></div>\
             <div class=\"builder-widget-container\"><p>{P3}</p></div></section>\
             <div id=\"sidebar\"><div class=\"widget\"><p>Sign in to get our weekly letter on money and markets, \
             free.</p></div><div class=\"widget\"><ul>{links}</ul></div></div></body></html>"
        );
        assert_eq!(body(&page), format!("{P1}\n\n{P2}\n\n{P3}"));
    }

    #[test]
    fn the_header_of_an_article_keeps_its_lead_but_not_the_headline() {
        let page = format!(
            "<html><body><header class=\"site\"><a href=\"/\">Daily Wire</a><p>News you can trust, every day \
             since 1901.</p></header><article><header><h1>Deficit narrows</h1><p class=\"lead\">The gap shrank \
             for a third year in a row.</p></header><div class=\"body\"><p>{P1}</p><p>{P2}</p></div></article>\
             </body></html>"
        );
        assert_eq!(body(&page), format!("The gap shrank for a third year in a row.\n\n{P1}\n\n{P2}"));
    }

    #[test]
    fn a_lead_in_a_sibling_box_joins_the_body() {
        // The parent also holds a bar of links, so the tightest container is the body alone;
        // its sibling made only of good text is the lead.
        let links: String =
            (1..=12).map(|i| format!("<li><a href=\"/s/{i}\">Share this story on network {i}</a></li>")).collect();
        let page = format!(
            "<html><body><div class=\"story\"><div class=\"intro\"><p>Berlin (wire) - The budget deficit narrowed \
             again last year, the ministry said.</p></div><ul class=\"links\">{links}</ul><div class=\"story-text\"><p>{P1}</p><p>{P2}</p>\
             <p>{P3}</p></div></div><div class=\"more\"><a href=\"/x\">Other story with a long title here</a>\
             </div></body></html>"
        );
        assert_eq!(body(&page), format!("Berlin (wire) - The budget deficit narrowed again last year, the ministry said.\n\n{P1}\n\n{P2}\n\n{P3}"));
    }

    #[test]
    fn visible_chars_ascii_and_not() {
        assert_eq!(visible_chars(" a\tb\n\x0Bc\x0C\r "), 3);
        assert_eq!(visible_chars(" ä\u{A0}b\u{3000}c "), 3);
    }

    #[test]
    fn soft_hyphens_and_ruby_readings_are_not_text() {
        let page = "<html><body><article><p>Die Schutz\u{AD}ge\u{AD}mein\u{AD}schaft der Winzer wurde 1927 \
                    gegr&shy;&uuml;ndet, sagte der Sprecher.</p><p><ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp>\
                    </ruby>ができて、親が子どもを教育するために、新しい決まりを作りました。</p></article></body></html>";
        assert_eq!(
            body(page),
            "Die Schutzgemeinschaft der Winzer wurde 1927 gegründet, sagte der Sprecher.\n\n\
             法律ができて、親が子どもを教育するために、新しい決まりを作りました。"
        );
    }

    #[test]
    fn headings_of_removed_boxes_go_but_section_headings_stay() {
        let page = format!(
            "<html><body><article><p>{P1}</p><h2>Subsidies</h2><p>{P2}</p><p>{P3}</p>\
             <h3>Sport</h3><ul><li><a href=\"/a\">Cup final tonight</a></li><li><a href=\"/b\">Coach quits</a>\
             </li></ul><h3>Weather</h3></article></body></html>"
        );
        assert_eq!(body(&page), format!("{P1}\n\nSubsidies\n\n{P2}\n\n{P3}"));
    }
}
