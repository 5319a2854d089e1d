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
//!
//! One module per pass ([`boiler`], [`stats`], [`container`], [`siblings`], [`render`]), the
//! word and tag tables they read in [`tables`]; this module runs them in order.

mod boiler;
mod container;
mod render;
mod siblings;
mod stats;
mod tables;

pub(crate) use stats::visible_chars;

use self::boiler::{article_path, boilerplate, hidden_elems, Marks};
use self::container::choose_container;
use self::render::render;
use self::siblings::with_siblings;
use self::stats::{block_stats, Stats};
use self::tables::BLOCKS;
use super::dom::{Dom, ElemId};
use super::furniture;
use super::HtmlError;

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

#[cfg(test)]
mod tests;
