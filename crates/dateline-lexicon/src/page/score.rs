//! Paragraph scoring and boilerplate (`dateline-ingest`, `html/score/`).

crate::lists! {
    /// The lists of `resources/lexicon/page/score/`.
    pub struct Score in "page/";
    /// Class/id tokens of page furniture.
    boiler_tokens / BOILER_TOKENS: Words = "score/boiler-tokens.txt";
    /// Class/id substrings of page furniture that tokens alone would miss.
    boiler_phrases / BOILER_PHRASES: Words = "score/boiler-phrases.txt";
    /// Class/id tokens that mark the article.
    content_tokens / CONTENT_TOKENS: Words = "score/content-tokens.txt";
    /// Openings of boxes inside articles that point elsewhere.
    boiler_openings / BOILER_OPENINGS: Words = "score/boiler-openings.txt";
    /// Openings of short lines (labels, box titles, credits) that are never article text.
    short_boiler_openings / SHORT_BOILER_OPENINGS: Words = "score/short-boiler-openings.txt";
    /// Whole lines (a trailing colon aside) that are labels of page furniture.
    boiler_labels / BOILER_LABELS: Words = "score/boiler-labels.txt";
    /// Words that, with numbers, make a line that is only a date or a time ("3. März 2020",
    /// "11 Jan 2019, 14:05", "2 months ago"): a stamp, not article text.
    date_words / DATE_WORDS: Words = "score/date-words.txt";
}
