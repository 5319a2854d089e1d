//! A flat copy of the parsed page: elements in document order with their parent, and a token
//! stream (open, close, text) that every later pass walks with loops instead of recursion.
//!
//! html5ever builds an arena tree with no nesting cap; walking it recursively could overflow the
//! stack on a hostile page. We walk it once, iteratively, and keep only what extraction needs:
//! tag, class/id hints, link targets and text. Metadata-only elements (`<meta>`, `<link>`,
//! JSON-LD) are collected on the way so the tree is visited exactly once.

use scraper::node::Node;

use super::HtmlError;

/// Index of an element in [`Dom::elems`].
pub type ElemId = u32;

/// One element of the page.
#[derive(Debug, Clone)]
pub struct Elem {
    /// Lowercase local name.
    pub tag: Box<str>,
    /// Lowercase `class` and `id`, space-separated; the hints boilerplate removal reads.
    pub hints: Box<str>,
    /// Parent element, `None` for the root.
    pub parent: Option<ElemId>,
    /// Index of this element's `Open` token in [`Dom::tokens`].
    pub open: u32,
    /// Index of this element's `Close` token.
    pub close: u32,
    /// `role`, `itemprop` and similar attributes, lowercase, space-separated.
    pub roles: Box<str>,
    /// True when the element is hidden (`hidden`, `aria-hidden="true"`, `display:none`).
    pub hidden: bool,
}

/// The token stream: the page in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// An element starts.
    Open(ElemId),
    /// An element ends.
    Close(ElemId),
    /// A text node: a range of [`Dom::text`].
    Text(u32, u32),
}

/// Metadata found while walking: `<meta>`, `<link>`, `<title>`, JSON-LD, `<time>`, `<html lang>`.
#[derive(Debug, Clone, Default)]
pub struct Heads {
    /// `(name or property, content)` of every `<meta>`, name lowercased.
    pub metas: Vec<(String, String)>,
    /// `<title>` text.
    pub title: Option<String>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// Bodies of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// `<time>` elements: the element and its `datetime` attribute.
    pub times: Vec<(ElemId, String)>,
    /// Elements with `itemprop` / `rel=author` hints: element, hint, `content`/`datetime` value.
    pub props: Vec<(ElemId, String, Option<String>)>,
}

/// The flat page.
#[derive(Debug, Clone, Default)]
pub struct Dom {
    /// Elements in document order; children come after their parents.
    pub elems: Vec<Elem>,
    /// The token stream.
    pub tokens: Vec<Tok>,
    /// All text, concatenated; tokens point into it.
    pub text: String,
    /// Metadata seen on the way.
    pub heads: Heads,
}

/// Elements whose content is never article text; their subtree is not copied at all. `rt` and
/// `rp` are ruby annotations (the reading printed above East Asian characters), not the text.
const SKIP_SUBTREE: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "select", "textarea", "rt",
    "rp",
];

impl Dom {
    /// The text of a token range, whitespace as in the source.
    pub fn tok_text(&self, start: u32, end: u32) -> &str {
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// The concatenated text of an element (no block breaks), for metadata.
    pub fn elem_text(&self, id: ElemId) -> String {
        let Some(e) = self.elems.get(id as usize) else { return String::new() };
        let mut out = String::new();
        for tok in self.tokens.get(e.open as usize..e.close as usize).unwrap_or(&[]) {
            if let Tok::Text(s, t) = *tok {
                out.push_str(self.tok_text(s, t));
            }
        }
        out
    }
}

/// Builds the flat page from the parsed document, failing when nesting goes beyond
/// `max_depth` or the walk spends the page's `work` budget.
pub(crate) fn flatten(html: &scraper::Html, max_depth: usize, work: &mut super::Work) -> Result<Dom, HtmlError> {
    use ego_tree::iter::Edge;
    let mut dom = Dom::default();
    // Open elements: (scraper node id, our id), to know the parent and close in order.
    let mut stack: Vec<(ego_tree::NodeId, ElemId)> = Vec::new();
    let mut skip_until: Option<ego_tree::NodeId> = None;
    let mut in_title = false;
    for edge in html.tree.root().traverse() {
        work.step()?;
        match edge {
            Edge::Open(node) => {
                if skip_until.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        let tag: Box<str> = if name.bytes().any(|b| b.is_ascii_uppercase()) {
                            name.to_ascii_lowercase().into()
                        } else {
                            name.into()
                        };
                        let parent = stack.last().map(|&(_, id)| id);
                        let attrs = Attrs::of(el);
                        if &*tag == "script" {
                            let ty = attrs.ty.unwrap_or("").to_ascii_lowercase();
                            if ty.contains("ld+json") {
                                let body: String = node
                                    .children()
                                    .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                                    .collect();
                                dom.heads.json_ld.push(body);
                            }
                        }
                        if SKIP_SUBTREE.contains(&&*tag) {
                            skip_until = Some(node.id());
                            continue;
                        }
                        if stack.len() >= max_depth {
                            return Err(HtmlError::TooDeep { limit: max_depth });
                        }
                        let id = ElemId::try_from(dom.elems.len()).map_err(|_| HtmlError::TooLarge)?;
                        let open = u32::try_from(dom.tokens.len()).map_err(|_| HtmlError::TooLarge)?;
                        collect_heads(&mut dom.heads, id, &tag, &attrs);
                        in_title = &*tag == "title";
                        let mut hints = String::new();
                        for part in [attrs.class, attrs.id].into_iter().flatten() {
                            hints.push_str(&part.to_ascii_lowercase());
                            hints.push(' ');
                        }
                        let mut roles = String::new();
                        for v in [attrs.role, attrs.itemprop, attrs.rel, attrs.itemtype].into_iter().flatten() {
                            roles.push_str(&v.to_ascii_lowercase());
                            roles.push(' ');
                        }
                        let hidden = attrs.hidden
                            || attrs.aria_hidden.is_some_and(|v| v.eq_ignore_ascii_case("true"))
                            || attrs.style.is_some_and(|s| {
                                let s = s.to_ascii_lowercase().replace(' ', "");
                                s.contains("display:none") || s.contains("visibility:hidden")
                            });
                        dom.elems.push(Elem {
                            tag,
                            hints: hints.into(),
                            parent,
                            open,
                            close: open,
                            roles: roles.into(),
                            hidden,
                        });
                        dom.tokens.push(Tok::Open(id));
                        stack.push((node.id(), id));
                    }
                    Node::Text(t) => {
                        let s = u32::try_from(dom.text.len()).map_err(|_| HtmlError::TooLarge)?;
                        // Tags escaped into text (`&lt;img …&gt;` from a lazy-load plugin or a
                        // teaser widget) are markup, not words.
                        let t = super::unescape::strip_escaped_tags(t);
                        dom.text.push_str(&t);
                        let e = u32::try_from(dom.text.len()).map_err(|_| HtmlError::TooLarge)?;
                        if in_title && dom.heads.title.is_none() {
                            dom.heads.title = Some(t.into_owned());
                        }
                        dom.tokens.push(Tok::Text(s, e));
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(skip) = skip_until {
                    if skip == node.id() {
                        skip_until = None;
                    }
                    continue;
                }
                if stack.last().is_some_and(|&(nid, _)| nid == node.id()) {
                    if let Some((_, id)) = stack.pop() {
                        let close = u32::try_from(dom.tokens.len()).map_err(|_| HtmlError::TooLarge)?;
                        dom.tokens.push(Tok::Close(id));
                        if let Some(e) = dom.elems.get_mut(id as usize) {
                            e.close = close;
                        }
                        in_title = false;
                    }
                }
            }
        }
    }
    Ok(dom)
}

/// The attributes extraction reads, found in one pass over the element's attributes: looking
/// each up by name (`Element::attr`) interns the name first, which was a tenth of the run time.
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    itemprop: Option<&'a str>,
    rel: Option<&'a str>,
    itemtype: Option<&'a str>,
    hidden: bool,
    aria_hidden: Option<&'a str>,
    style: Option<&'a str>,
    lang: Option<&'a str>,
    xml_lang: Option<&'a str>,
    property: Option<&'a str>,
    name: Option<&'a str>,
    content: Option<&'a str>,
    href: Option<&'a str>,
    datetime: Option<&'a str>,
    ty: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a scraper::node::Element) -> Self {
        let mut a = Attrs::default();
        for (key, value) in el.attrs() {
            let slot = match key {
                "class" => &mut a.class,
                "id" => &mut a.id,
                "role" => &mut a.role,
                "itemprop" => &mut a.itemprop,
                "rel" => &mut a.rel,
                "itemtype" => &mut a.itemtype,
                "aria-hidden" => &mut a.aria_hidden,
                "style" => &mut a.style,
                "lang" => &mut a.lang,
                "xml:lang" => &mut a.xml_lang,
                "property" => &mut a.property,
                "name" => &mut a.name,
                "content" => &mut a.content,
                "href" => &mut a.href,
                "datetime" => &mut a.datetime,
                "type" => &mut a.ty,
                "hidden" => {
                    a.hidden = true;
                    continue;
                }
                _ => continue,
            };
            slot.get_or_insert(value);
        }
        a
    }
}

/// Records what an element says about the page as a whole.
fn collect_heads(heads: &mut Heads, id: ElemId, tag: &str, el: &Attrs<'_>) {
    match tag {
        "html" => {
            if let Some(lang) = el.lang.or(el.xml_lang) {
                heads.lang = Some(lang.trim().to_string()).filter(|l| !l.is_empty());
            }
        }
        "meta" => {
            let key = el.property.or(el.name).or(el.itemprop);
            if let (Some(k), Some(c)) = (key, el.content) {
                heads.metas.push((k.trim().to_ascii_lowercase(), c.trim().to_string()));
            }
        }
        "link" => {
            let rel = el.rel.unwrap_or("").to_ascii_lowercase();
            if rel.split_whitespace().any(|r| r == "canonical") && heads.canonical.is_none() {
                heads.canonical = el.href.map(|h| h.trim().to_string()).filter(|h| !h.is_empty());
            }
        }
        "time" => {
            if let Some(dt) = el.datetime {
                heads.times.push((id, dt.trim().to_string()));
            }
        }
        _ => {}
    }
    if let Some(prop) = el.itemprop {
        let value = el.content.or(el.datetime).map(str::to_string);
        heads.props.push((id, prop.to_ascii_lowercase(), value));
    }
    if el.rel.is_some_and(|r| r.eq_ignore_ascii_case("author")) {
        heads.props.push((id, "rel-author".into(), None));
    }
}
