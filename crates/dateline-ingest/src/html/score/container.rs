//! Pass 3, container choice: the element maximising good text minus half of the other text
//! under it, so that the tightest element holding the article wins over both a lone paragraph
//! and `<body>`.

use super::stats::Stats;
use super::tables::CONTENT_TOKENS;
use crate::html::dom::{Dom, ElemId};

/// The element that best holds the article, `None` when the page has no good paragraph.
pub(super) fn choose_container(dom: &Dom, stats: &[Stats], dropped: &[bool]) -> Option<ElemId> {
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
