//! Pass 1, boilerplate removal by markup: hidden elements, furniture tags and ARIA roles, class
//! and id hints, teaser cards and labelled boxes, each trusted only on elements that do not hold
//! most of the page's good text; and where hints must be ignored when they cut into the article.

use super::stats::Stats;
use super::tables::{BOILER_PHRASES, BOILER_ROLES, BOILER_TAGS, BOILER_TOKENS, CONTENT_TOKENS};
use crate::html::dom::{Dom, ElemId};
use crate::html::furniture;

/// The container, its ancestors, and the elements inside it holding at least 40 characters
/// of good text making most of their text: where class hints must not remove anything.
pub(super) fn article_path(dom: &Dom, stats: &[Stats], container: ElemId) -> Vec<bool> {
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
pub(super) fn hidden_elems(dom: &Dom) -> Vec<bool> {
    let mut hidden = vec![false; dom.elems.len()];
    for (i, e) in dom.elems.iter().enumerate() {
        hidden[i] = e.hidden || e.parent.is_some_and(|p| hidden.get(p as usize).copied().unwrap_or(false));
    }
    hidden
}

/// What is known of each element before markup hints are read.
pub(super) struct Marks<'a> {
    /// Hidden, or under a hidden element.
    pub(super) hidden: &'a [bool],
    /// Teaser cards ([`furniture::boxes`]).
    pub(super) teasers: &'a [bool],
    /// Boxes opening with a furniture label ([`furniture::boxes`]).
    pub(super) labelled: &'a [bool],
}

/// Which elements are page furniture; a removed element removes its subtree.
///
/// Markup signals (tag, role, class/id hints) are trusted only for elements that do not hold
/// most of the page's good text (`raw`: paragraph text counted with only hidden elements
/// removed): layout wrappers are often named `one-sidebar`, `widget Blog`, `no-share` or
/// `page-no-header`, and builders wrap every text block in `…-widget-container`. Comment
/// hints are trusted on all but the page's root elements, since a long discussion can
/// outweigh a short article. A `<header>` inside an article holds its lead, not site furniture.
pub(super) fn boilerplate(
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

pub(super) fn hint_is_boiler(hints: &str) -> bool {
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
