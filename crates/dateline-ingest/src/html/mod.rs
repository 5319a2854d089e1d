//! HTML pages: article text without boilerplate, and the page's metadata.
//!
//! Pipeline: bound the input (size, nesting estimate), pick the charset (BOM, then the
//! container's declaration, then `<meta>`, else detection), parse with html5ever (via
//! scraper), copy the tree once into a flat form ([`dom`]), then score blocks to find the
//! article ([`score`]) and read metadata ([`meta`], [`dates`]). Every pass after parsing is a
//! loop, and the page has a work budget (steps, not time: `Limits::max_html_work`) spent as the
//! passes run, so the result never depends on the load of the machine. Escaping mistakes
//! (references escaped twice in metadata, tags escaped into text) are undone by [`unescape`].

mod dates;
mod dom;
mod furniture;
mod meta;
mod prescan;
mod score;
mod title;
mod unescape;

use dateline_text::{decode, DecodeHint};

pub use meta::PageMeta;
pub(crate) use prescan::content_type_charset;

use crate::Limits;

/// Why a page could not be extracted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    /// The page is larger than [`Limits::max_page_bytes`].
    #[error("page exceeds the size limit (max_page_bytes)")]
    TooLarge,
    /// Elements nest deeper than [`Limits::max_html_depth`].
    #[error("elements nest deeper than the limit of {limit} (max_html_depth)")]
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// Extraction needed more work than [`Limits::max_html_work`] allows.
    #[error("extraction needs more work than the limit of {limit} steps (max_html_work)")]
    WorkBudget {
        /// The limit.
        limit: u64,
    },
}

/// An extracted page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlPage {
    /// The article text: paragraphs separated by a blank line, headline not included.
    pub text: String,
    /// What the page says about itself.
    pub meta: PageMeta,
    /// The charset the page was decoded from (WHATWG name).
    pub encoding: &'static str,
}

/// What is left of a page's work budget ([`Limits::max_html_work`]): one step per parsed node
/// visited and per token of each scoring pass.
pub(crate) struct Work {
    left: u64,
    limit: u64,
}

impl Work {
    /// Spends one step; an error once the budget is gone.
    pub(crate) fn step(&mut self) -> Result<(), HtmlError> {
        match self.left.checked_sub(1) {
            Some(l) => {
                self.left = l;
                Ok(())
            }
            None => Err(HtmlError::WorkBudget { limit: self.limit }),
        }
    }
}

/// Extracts the article and metadata of an HTML page.
///
/// `charset` is a label the container declared (the HTTP `Content-Type`), `url` where the page
/// came from (for dates in the path). A page over the limits is an error, never a partial parse.
pub fn extract_html(
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
    limits: &Limits,
) -> Result<HtmlPage, HtmlError> {
    if bytes.len() > limits.max_page_bytes {
        return Err(HtmlError::TooLarge);
    }
    if prescan::max_depth_estimate(bytes) > limits.max_html_depth {
        return Err(HtmlError::TooDeep { limit: limits.max_html_depth });
    }
    let (text, encoding) = decode_page(bytes, charset);
    let parsed = scraper::Html::parse_document(&text);
    drop(text);
    let mut work = Work { left: limits.max_html_work, limit: limits.max_html_work };
    let dom = dom::flatten(&parsed, limits.max_html_depth, &mut work)?;
    drop(parsed);
    let body = score::extract_body(&dom, &mut work)?;
    let meta = meta::page_meta(&dom, url);
    Ok(HtmlPage { text: body, meta, encoding })
}

/// Decodes the page. Valid UTF-8 stays UTF-8 whatever a header claims (pages often declare
/// Latin-1 and serve UTF-8; the reverse is rare); else the container's label, then `<meta>`,
/// then detection. An unknown label is ignored rather than failing the page.
fn decode_page(bytes: &[u8], charset: Option<&str>) -> (String, &'static str) {
    let declared = if std::str::from_utf8(bytes).is_ok() {
        None
    } else {
        charset.map(str::to_string).or_else(|| prescan::declared_charset(bytes))
    };
    let try_decode = |declared: Option<String>| decode(bytes, &DecodeHint { declared, max_bytes: None });
    match try_decode(declared).or_else(|_| try_decode(None)) {
        Ok(d) => (d.text, d.encoding),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), "UTF-8"),
    }
}

/// The article text of an HTML page or fragment, with default limits; empty when the page is
/// over a limit. Kept for callers that only want text.
pub fn html_to_text(html: &[u8]) -> String {
    extract_html(html, None, None, &Limits::default()).map(|p| p.text).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_paragraphs_and_entities() {
        let t = html_to_text(
            b"<p>First &amp; foremost, a paragraph.</p><p>He said &#8220;no&#8221;.</p><script>x()</script>",
        );
        assert_eq!(t, "First & foremost, a paragraph.\n\nHe said \u{201C}no\u{201D}.");
    }

    #[test]
    fn limits_are_errors() {
        let deep = "<div>".repeat(5000);
        let limits = Limits::default();
        assert_eq!(
            extract_html(deep.as_bytes(), None, None, &limits),
            Err(HtmlError::TooDeep { limit: limits.max_html_depth })
        );
        let small = Limits { max_page_bytes: 10, ..Limits::default() };
        assert_eq!(extract_html(b"<p>more than ten bytes</p>", None, None, &small), Err(HtmlError::TooLarge));
    }

    #[test]
    fn latin1_meta_charset() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Gr\xfc\xdfe aus K\xf6ln, sagte er.</p></body></html>";
        let p = extract_html(page, None, None, &Limits::default()).expect("page");
        assert_eq!(p.text, "Grüße aus Köln, sagte er.");
        assert_eq!(p.encoding, "windows-1252");
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for s in ["", "<", "<p", "&#xFFFFFFFF;", "&#0;", "<!-- x", "<script>", "a & b", "&;", "<table><td><p>x"] {
            let _ = html_to_text(s.as_bytes());
        }
    }
}
