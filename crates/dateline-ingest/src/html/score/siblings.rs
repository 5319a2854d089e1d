//! Pass 4, siblings: blocks next to the container, or next to its parents a few levels up,
//! made mostly of good paragraphs join it (a lead box before the body, a second text block
//! after it).

use super::stats::Stats;
use crate::html::dom::{Dom, ElemId};

/// The container and the siblings that continue it: a lead or intro box before the body, a
/// second text block after it. Looks at the siblings of the container and of its parents, up
/// to [`SIBLING_LEVELS`] levels, and takes those made mostly of good paragraphs. Returned in
/// document order.
pub(super) fn with_siblings(dom: &Dom, stats: &[Stats], dropped: &[bool], container: ElemId) -> Vec<ElemId> {
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
pub(super) const SIBLING_LEVELS: usize = 3;
