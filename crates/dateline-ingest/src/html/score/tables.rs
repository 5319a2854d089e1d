//! The word and tag tables the passes read: which elements are blocks, which tags, roles and
//! class tokens mark page furniture or the article, and the openings, labels and date words of
//! lines that are never article text. Data only, so that a table can change without touching a
//! pass.

/// Elements that start and end a paragraph of output.
pub(super) const BLOCKS: &[&str] = &[
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
pub(super) const BOILER_TAGS: &[&str] = &[
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
pub(super) const BOILER_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alert"];

// `BOILER_TOKENS`: resources/lexicon/page/score/boiler-tokens.txt
pub(super) use dateline_lexicon::page::score::BOILER_TOKENS;

// `BOILER_PHRASES`: resources/lexicon/page/score/boiler-phrases.txt
pub(super) use dateline_lexicon::page::score::BOILER_PHRASES;

// `CONTENT_TOKENS`: resources/lexicon/page/score/content-tokens.txt
pub(super) use dateline_lexicon::page::score::CONTENT_TOKENS;

// `BOILER_OPENINGS`: resources/lexicon/page/score/boiler-openings.txt
pub(super) use dateline_lexicon::page::score::BOILER_OPENINGS;

// `SHORT_BOILER_OPENINGS`: resources/lexicon/page/score/short-boiler-openings.txt
pub(super) use dateline_lexicon::page::score::SHORT_BOILER_OPENINGS;

// `BOILER_LABELS`: resources/lexicon/page/score/boiler-labels.txt
pub(super) use dateline_lexicon::page::score::BOILER_LABELS;

// `DATE_WORDS`: resources/lexicon/page/score/date-words.txt
pub(super) use dateline_lexicon::page::score::DATE_WORDS;
