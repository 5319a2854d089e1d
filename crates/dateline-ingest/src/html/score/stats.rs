//! Pass 2, paragraph scoring: each block's own text and the part of it inside links, the text
//! under each element, and how much of it is in good paragraphs (enough text, few links).

use crate::html::dom::{Dom, ElemId, Tok};
use crate::html::{HtmlError, Work};

/// What an element holds, counted in non-space characters.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Stats {
    /// Non-space characters of text directly in this block (not in nested blocks).
    pub(super) own: u32,
    /// Of those, inside links.
    pub(super) own_link: u32,
    /// Non-space characters of all text under this element.
    pub(super) total: u32,
    /// Of those, in good paragraphs.
    pub(super) good: u32,
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

/// Own and total text per element, with dropped subtrees left out.
pub(super) fn block_stats(
    dom: &Dom,
    is_block: &[bool],
    dropped: &[bool],
    work: &mut Work,
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
