//! News furniture found by class and wording (`dateline-ingest`, `html/furniture.rs`).

crate::lists! {
    /// Class/id tokens of news furniture. `teaser` is left out on purpose: German sites name the
    /// article's own lead `teaser`; teaser cards are found by their structure instead. So is the
    /// singular `notification`: a site's notice box ("log in to submit") is often the page's text.
    TOKENS: Words = "page/furniture/tokens.txt";
    /// Class/id substrings of news furniture.
    PHRASES: Words = "page/furniture/phrases.txt";
    /// Labels that open a box of other stories.
    BOX_LABELS: Words = "page/furniture/box-labels.txt";
    /// Whole lines (a trailing colon aside) that label a news-furniture box.
    LABELS: Words = "page/furniture/labels.txt";
    /// Openings of short calls to action in deal widgets.
    DEAL_OPENINGS: Words = "page/furniture/deal-openings.txt";
    /// Shops a deal widget names after a price ("$29 at Amazon").
    SHOPS: Words = "page/furniture/shops.txt";
    /// Words that name a photo agency or stock library in a credit line.
    AGENCY_WORDS: Words = "page/furniture/agency-words.txt";
    /// Phrases that name a photo agency in a credit line.
    AGENCY_PHRASES: Words = "page/furniture/agency-phrases.txt";
    /// Openings of caption credits.
    CREDIT_OPENINGS: Words = "page/furniture/credit-openings.txt";
    /// Labels of an image viewer's buttons that open the caption rendered next to them
    /// ("Vergrößern The harbour at dawn, seen from the ferry."): the whole line is the caption.
    VIEWER_OPENINGS: Words = "page/furniture/viewer-openings.txt";
    /// Words that open a numbered caption ("Figure 4: the site in 1910", "Abb. 2. Grundriss").
    CAPTION_WORDS: Words = "page/furniture/caption-words.txt";
    /// Labels after which a caption names its credit ("The harbour at dawn. Photo: Agency").
    CREDIT_LABELS: Words = "page/furniture/credit-labels.txt";
    /// Social networks a "follow us" prompt names.
    NETWORKS: Words = "page/furniture/networks.txt";
    /// Openings of "follow us" prompts in other languages (the English ones are read by
    /// `is_follow_prompt`).
    FOLLOW_US: Words = "page/furniture/follow-us.txt";
}
