//! News furniture found by class and wording (`dateline-ingest`, `html/furniture.rs`).

crate::lists! {
    /// The lists of `resources/lexicon/page/furniture/`.
    pub struct Furniture in "page/";
    /// Class/id tokens of news furniture. `teaser` is left out on purpose: German sites name the
    /// article's own lead `teaser`; teaser cards are found by their structure instead. So is the
    /// singular `notification`: a site's notice box ("log in to submit") is often the page's text.
    tokens / TOKENS: Words = "furniture/tokens.txt";
    /// Class/id substrings of news furniture.
    phrases / PHRASES: Words = "furniture/phrases.txt";
    /// Labels that open a box of other stories.
    box_labels / BOX_LABELS: Words = "furniture/box-labels.txt";
    /// Whole lines (a trailing colon aside) that label a news-furniture box.
    labels / LABELS: Words = "furniture/labels.txt";
    /// Openings of short calls to action in deal widgets.
    deal_openings / DEAL_OPENINGS: Words = "furniture/deal-openings.txt";
    /// Shops a deal widget names after a price ("$29 at Amazon").
    shops / SHOPS: Words = "furniture/shops.txt";
    /// Words that name a photo agency or stock library in a credit line.
    agency_words / AGENCY_WORDS: Words = "furniture/agency-words.txt";
    /// Phrases that name a photo agency in a credit line.
    agency_phrases / AGENCY_PHRASES: Words = "furniture/agency-phrases.txt";
    /// Openings of caption credits.
    credit_openings / CREDIT_OPENINGS: Words = "furniture/credit-openings.txt";
    /// Labels of an image viewer's buttons that open the caption rendered next to them
    /// ("Vergrößern The harbour at dawn, seen from the ferry."): the whole line is the caption.
    viewer_openings / VIEWER_OPENINGS: Words = "furniture/viewer-openings.txt";
    /// Words that open a numbered caption ("Figure 4: the site in 1910", "Abb. 2. Grundriss").
    caption_words / CAPTION_WORDS: Words = "furniture/caption-words.txt";
    /// Labels after which a caption names its credit ("The harbour at dawn. Photo: Agency").
    credit_labels / CREDIT_LABELS: Words = "furniture/credit-labels.txt";
    /// Social networks a "follow us" prompt names.
    networks / NETWORKS: Words = "furniture/networks.txt";
    /// Openings of "follow us" prompts in other languages (the English ones are read by
    /// `is_follow_prompt`).
    follow_us / FOLLOW_US: Words = "furniture/follow-us.txt";
}
