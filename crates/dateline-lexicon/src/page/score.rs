//! Paragraph scoring and boilerplate (`dateline-ingest`, `html/score/`).

crate::lists! {
    /// Class/id tokens of page furniture.
    BOILER_TOKENS: Words = "page/score/boiler-tokens.txt";
    /// Class/id substrings of page furniture that tokens alone would miss.
    BOILER_PHRASES: Words = "page/score/boiler-phrases.txt";
    /// Class/id tokens that mark the article.
    CONTENT_TOKENS: Words = "page/score/content-tokens.txt";
    /// Openings of boxes inside articles that point elsewhere.
    BOILER_OPENINGS: Words = "page/score/boiler-openings.txt";
    /// Openings of short lines (labels, box titles, credits) that are never article text.
    SHORT_BOILER_OPENINGS: Words = "page/score/short-boiler-openings.txt";
    /// Whole lines (a trailing colon aside) that are labels of page furniture.
    BOILER_LABELS: Words = "page/score/boiler-labels.txt";
    /// Words that, with numbers, make a line that is only a date or a time ("3. März 2020",
    /// "11 Jan 2019, 14:05", "2 months ago"): a stamp, not article text.
    DATE_WORDS: Words = "page/score/date-words.txt";
}
