//! HTML extraction on pages written for these tests: a wire story inside the furniture of a
//! typical news site must come out as exactly the story, with its metadata.

use dateline_ingest::{extract_html, html_to_text, read_path, Limits};
use proptest::prelude::*;

const STORY: [&str; 5] = [
    "LISBON, March 3 (Wire) - Portugal's parliament approved a plan on Tuesday to expand the country's rail network, \
the transport ministry said, in the largest public works programme in a decade.",
    "The plan, worth 4.2 billion euros, adds two high-speed lines and electrifies 300 kilometres of regional track.",
    "\u{201C}This is the backbone of our climate policy,\u{201D} Transport Minister Ana Costa told lawmakers.",
    "Opposition parties criticised the timetable, saying the first line would not open before 2030.",
    "Construction is due to start next year.",
];

fn news_page() -> String {
    format!(
        r##"<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Portugal approves rail expansion | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:title" content="Portugal approves rail expansion">
<meta name="author" content="By Maria Santos | 3 Minute Read">
<meta property="article:published_time" content="2020-03-03T09:15:00Z">
<meta property="article:modified_time" content="2020-03-04T11:00:00Z">
<link rel="canonical" href="https://ledger.example/world/2020/03/03/portugal-rail">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Portugal approves rail expansion","datePublished":"2020-03-03T09:15:00Z","author":{{"@type":"Person","name":"Maria Santos"}},"publisher":{{"@type":"Organization","name":"The Daily Ledger"}}}}</script>
<script>var ads = "<div>not text</div>";</script><style>p {{ color: red }}</style>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<header class="site-header"><a href="/">The Daily Ledger</a><nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a></div>
<main><article>
<h1>Portugal approves rail expansion</h1>
<div class="byline">By Maria Santos, 3 Minute Read, Published March 3, 2020</div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<div class="article-body">
<p>{0}</p>
<p>{1}</p>
<div class="ad-slot">Advertisement</div>
<aside class="read-also"><strong>Read also:</strong> <a href="/x">Spain opens new high-speed link to the French border</a></aside>
<blockquote><p>{2}</p></blockquote>
<p>{3}</p>
<p>{4}</p>
</div>
<div class="tags"><a href="/t/rail">Rail</a> <a href="/t/portugal">Portugal</a></div>
</article>
<section class="related-stories"><h2>Related stories</h2><ul>
<li><a href="/a">Madrid metro strike ends after three days of talks between unions and the city</a></li>
<li><a href="/b">European Commission backs night trains with new funding for cross-border routes</a></li>
</ul></section>
<section id="comments"><h2>Comments (2)</h2>
<div class="comment"><p>Finally some good news for commuters in the north of the country, long overdue.</p></div>
<div class="comment"><p>Another decade of delays and budget overruns, mark my words, nothing will change.</p></div>
</section></main>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/m1">Markets slide as oil prices jump</a></li></ol></aside>
<footer><p>© 2020 The Daily Ledger. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"##,
        STORY[0], STORY[1], STORY[2], STORY[3], STORY[4]
    )
}

#[test]
fn wire_story_in_a_news_page_comes_out_exactly() {
    let page = extract_html(news_page().as_bytes(), None, None, &Limits::default()).expect("page");
    assert_eq!(page.text, STORY.join("\n\n"));
    let m = page.meta;
    assert_eq!(m.title.as_deref(), Some("Portugal approves rail expansion"));
    assert_eq!(m.author.as_deref(), Some("Maria Santos"));
    assert_eq!(m.published.as_deref(), Some("2020-03-03"));
    assert_eq!(m.modified.as_deref(), Some("2020-03-04"));
    assert_eq!(m.site.as_deref(), Some("The Daily Ledger"));
    assert_eq!(m.canonical.as_deref(), Some("https://ledger.example/world/2020/03/03/portugal-rail"));
    assert_eq!(m.lang.as_deref(), Some("en-GB"));
}

#[test]
fn metadata_without_structured_data_comes_from_byline_time_and_url() {
    let page = format!(
        r#"<html><head><title>Rail plan approved - Ledger</title></head><body>
<div class="post"><h1>Rail plan approved</h1><span class="author">Von Jana Weber</span>
<p>{}</p><p>{}</p></div></body></html>"#,
        STORY[0], STORY[1]
    );
    let url = "https://ledger.example/2020/03/05/rail";
    let p = extract_html(page.as_bytes(), None, Some(url), &Limits::default()).expect("page");
    assert_eq!(p.meta.title.as_deref(), Some("Rail plan approved"));
    assert_eq!(p.meta.author.as_deref(), Some("Jana Weber"));
    assert_eq!(p.meta.published.as_deref(), Some("2020-03-05"));
    assert_eq!(p.text, format!("{}\n\n{}", STORY[0], STORY[1]));
}

#[test]
fn html_file_becomes_a_document_with_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("story.html");
    std::fs::write(&path, news_page()).expect("write");
    let docs: Vec<_> = read_path(&path, Limits::default()).collect();
    let doc = docs.into_iter().next().expect("one").expect("ok").into_document(&Limits::default()).expect("doc");
    assert_eq!(doc.text, STORY.join("\n\n"));
    assert_eq!(doc.meta.title.as_deref(), Some("Portugal approves rail expansion"));
    assert_eq!(doc.meta.published.as_deref(), Some("2020-03-03"));
    assert_eq!(doc.source.url.as_deref(), Some("https://ledger.example/world/2020/03/03/portugal-rail"));
}

#[test]
fn deep_nesting_is_refused_quickly() {
    let deep = format!("{}<p>x</p>", "<div><span>".repeat(200_000));
    let t = std::time::Instant::now();
    let r = extract_html(deep.as_bytes(), None, None, &Limits::default());
    assert!(r.is_err());
    assert!(t.elapsed().as_secs() < 5);
    // Many siblings are fine.
    let wide = "<p>Some sentence of text, with a comma.</p>".repeat(5_000);
    let p = extract_html(wide.as_bytes(), None, None, &Limits::default()).expect("wide page");
    assert_eq!(p.text.matches("\n\n").count(), 4_999);
    assert!(html_to_text(b"<p>Short, but a paragraph.</p>").starts_with("Short"));
}

/// A page around two paragraphs of [`STORY`], with `extra` inside the article after them.
fn story_page(head: &str, extra: &str) -> String {
    format!(
        "<html><head>{head}</head><body><article><div class=\"article-body\"><p>{}</p><p>{}</p>{extra}</div>\
         </article></body></html>",
        STORY[0], STORY[1]
    )
}

fn story_text() -> String {
    format!("{}\n\n{}", STORY[0], STORY[1])
}

#[test]
fn escaped_html_in_noscript_never_reaches_the_text() {
    let extra = "<noscript>&lt;img src=\"/img/rail.jpg\" alt=\"Rail\"&gt;&lt;p&gt;Enable scripts&lt;/p&gt;</noscript>\
                 <p>Work starts next year. <noscript>&lt;iframe src=\"/v\"&gt;&lt;/iframe&gt;</noscript>Costs are shared.</p>";
    let p = extract_html(story_page("", extra).as_bytes(), None, None, &Limits::default()).expect("page");
    assert_eq!(p.text, format!("{}\n\nWork starts next year. Costs are shared.", story_text()));
}

#[test]
fn tags_escaped_into_text_are_dropped_and_their_words_kept() {
    let extra = "<p>&lt;p&gt;The first trains run in 2031.&lt;/p&gt; &lt;img src=\"x.jpg\"/&gt;</p>";
    let p = extract_html(story_page("", extra).as_bytes(), None, None, &Limits::default()).expect("page");
    assert_eq!(p.text, format!("{}\n\nThe first trains run in 2031.", story_text()));
}

#[test]
fn titles_have_references_escaped_twice_decoded() {
    // og:title escaped twice by the CMS; JSON-LD is not HTML, so its references stay raw.
    let head =
        "<meta property=\"og:title\" content=\"Lisbon&amp;#8217;s rail plan &amp;#8211; what&amp;rsquo;s next\">";
    let p = extract_html(story_page(head, "").as_bytes(), None, None, &Limits::default()).expect("page");
    assert_eq!(p.meta.title.as_deref(), Some("Lisbon\u{2019}s rail plan \u{2013} what\u{2019}s next"));
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Rail &#038; roads: Lisbon&#8217;s plan","author":{"@type":"Person","name":"Ana O&#8217;Neill"}}</script>"#;
    let p = extract_html(story_page(head, "").as_bytes(), None, None, &Limits::default()).expect("page");
    assert_eq!(p.meta.title.as_deref(), Some("Rail & roads: Lisbon\u{2019}s plan"));
    assert_eq!(p.meta.author.as_deref(), Some("Ana O\u{2019}Neill"));
    // The <title> element, split from the site name after decoding.
    let head = "<title>Rail plan approved &amp;#8211; The Ledger</title><meta property=\"og:site_name\" content=\"The Ledger\">";
    let p = extract_html(story_page(head, "").as_bytes(), None, None, &Limits::default()).expect("page");
    assert_eq!(p.meta.title.as_deref(), Some("Rail plan approved"));
    // "AT&T" is not a reference.
    let head = "<meta property=\"og:title\" content=\"AT&amp;T and Q&amp;A\">";
    let p = extract_html(story_page(head, "").as_bytes(), None, None, &Limits::default()).expect("page");
    assert_eq!(p.meta.title.as_deref(), Some("AT&T and Q&A"));
}

#[test]
fn titles_lose_the_site_name_and_labels_the_h1_leaves_out() {
    let title = |head: &str, h1: &str| {
        let page = format!(
            "<html><head>{head}</head><body><article><h1>{h1}</h1><p>{}</p><p>{}</p></article></body></html>",
            STORY[0], STORY[1]
        );
        extract_html(page.as_bytes(), None, None, &Limits::default()).expect("page").meta.title
    };
    let site = "<meta property=\"og:site_name\" content=\"The Ledger\">";
    let og = |t: &str| format!("{site}<meta property=\"og:title\" content=\"{t}\">");
    assert_eq!(title(&og("Rail plan approved - The Ledger"), "").as_deref(), Some("Rail plan approved"));
    assert_eq!(
        title(&og("World: Rail plan approved | Ledger"), "Rail plan approved").as_deref(),
        Some("Rail plan approved")
    );
    // A dash inside the headline stays when nothing says the rest is not the headline.
    assert_eq!(title(&og("Rail plan - what changes"), "").as_deref(), Some("Rail plan - what changes"));
}

#[test]
fn a_twitter_handle_or_a_form_label_is_not_the_author() {
    let head = "<meta name=\"twitter:creator\" content=\"@LedgerNews\">";
    let p = extract_html(story_page(head, "").as_bytes(), None, None, &Limits::default()).expect("page");
    assert_eq!(p.meta.author, None);
    let page = format!(
        "<html><body><article><p>{}</p><p>{}</p></article><form><span class=\"author\">Name (required)</span>\
         </form></body></html>",
        STORY[0], STORY[1]
    );
    let p = extract_html(page.as_bytes(), None, None, &Limits::default()).expect("page");
    assert_eq!(p.meta.author, None);
}

fn body_of(page: &str) -> String {
    extract_html(page.as_bytes(), None, None, &Limits::default()).expect("page").text
}

#[test]
fn related_story_teaser_cards_stay_out() {
    let card = |i: u32| {
        format!(
            "<div class=\"card\"><h3><a href=\"/s/{i}\">Port of Sines adds a second container terminal</a></h3>\
             <p>The operator expects traffic to double by 2030, it said.</p></div>"
        )
    };
    let extra = format!("<div class=\"more-from\">{}{}<p>Load more ...</p></div>", card(1), card(2));
    assert_eq!(body_of(&story_page("", &extra)), story_text());
    // The same card shape without a linked headline is article text.
    let extra =
        "<div class=\"box\"><h3>What changes</h3><p>Two lines are added and 300 kilometres electrified.</p></div>";
    assert_eq!(
        body_of(&story_page("", extra)),
        format!("{}\n\nWhat changes\n\nTwo lines are added and 300 kilometres electrified.", story_text())
    );
}

#[test]
fn an_index_page_made_of_teasers_keeps_them() {
    // Every item is a card (a linked headline, a short summary): here they are the page.
    let summaries = [STORY[1], STORY[3], STORY[4]];
    let cards: String = summaries
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!("<div class=\"item\"><h2><a href=\"/n/{i}\">Portugal's rail plan explained, part {i} of three</a></h2><p>{s}</p></div>")
        })
        .collect();
    let text = body_of(&format!("<html><body><div class=\"list\">{cards}</div></body></html>"));
    for s in summaries {
        assert!(text.contains(s), "{s} missing from {text}");
    }
}

#[test]
fn breaking_news_bars_stay_out() {
    // By class, and by the label of a box whose items are links.
    let extra = "<div class=\"breaking-news-bar\"><p>Storm closes the port of Leixoes for a second day, with ferries \
                 held in the harbour</p></div><div class=\"box\"><p>Breaking News</p><ul><li><a href=\"/b/1\">Storm \
                 closes the port of Leixoes</a></li><li><a href=\"/b/2\">Strike called off</a></li></ul></div>";
    assert_eq!(body_of(&story_page("", extra)), story_text());
    // A box opening with the label, whose items are plain text, goes whole.
    let extra = "<div class=\"box\"><h3>Breaking News</h3><ul><li><span>10:42</span> Storm closes the port of \
                 Leixoes for a second day, with ferries held in the harbour until the wind drops</li><li><span>09:15\
                 </span> Dock workers call off Friday's strike after a late-night deal on overtime pay</li></ul></div>";
    assert_eq!(body_of(&story_page("", extra)), story_text());
}

#[test]
fn photo_captions_and_credits_stay_out() {
    let extra = "<p>Workers lay track near Evora, 2 March 2020. | \u{a9} Rail Agency/Getty Images</p>\
                 <p>Reuters/Jane Roe</p><figcaption>The new line will cross the Tagus.</figcaption>\
                 <div class=\"image-credit\">Photo archive of the ministry</div><p>Photo by Jane Roe</p>\
                 <p>(Credit: Jane Roe / Wire)</p><p>Figure 2: The route of the new line, as planned in 2020.</p>\
                 <p>The station at Evora will be rebuilt. Foto: Rail Agency</p><p>aja/PAP</p>\
                 <p>Enlarge The old station at Evora, seen from the platform on a winter morning before the works began.</p>";
    assert_eq!(body_of(&story_page("", extra)), story_text());
}

#[test]
fn deal_widgets_stay_out() {
    let extra =
        "<div class=\"deals\"><p>Rail travel pass, 12 months, now cheaper than ever before in the shop</p></div>\
                 <div class=\"box\"><p>Travel pillow, memory foam</p><p>$29.99 at Amazon</p><p>View deal</p></div>";
    assert_eq!(body_of(&story_page("", extra)), format!("{}\n\nTravel pillow, memory foam", story_text()));
}

#[test]
fn notification_app_and_follow_prompts_stay_out() {
    let extra = "<p>Turn on notifications to get rail news first.</p>\
                 <p>Download the Ledger app for iOS and Android.</p><p>Follow The Ledger on Instagram and X.</p>\
                 <div class=\"onesignal-prompt\"><p>We would like to send you alerts about the stories you follow.</p></div>\
                 <p>Want the week in rail? Sign up for our newsletter here.</p><p>Rail abonnieren</p>\
                 <p>Siga-nos no Instagram</p>";
    assert_eq!(body_of(&story_page("", extra)), story_text());
    // A sentence that only starts alike stays.
    let extra = "<p>Follow these steps shared on X to report a fake ticket.</p>";
    assert_eq!(
        body_of(&story_page("", extra)),
        format!("{}\n\nFollow these steps shared on X to report a fake ticket.", story_text())
    );
}

proptest! {
    #[test]
    fn extractor_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(p) = extract_html(&bytes, None, None, &Limits::default()) {
            prop_assert!(!p.text.contains("\n\n\n"));
        }
    }

    #[test]
    fn extractor_takes_any_tag_soup(parts in prop::collection::vec(prop::sample::select(vec![
        "<div>", "</div>", "<p>", "</p>", "<a href=x>", "</a>", "<nav>", "</nav>", "<br>", "text, more text. ",
        "<table><tr><td>", "</td></tr></table>", "<script>", "</script>", "<!--", "-->", "&amp;", "<li>", "<time datetime=2020-01-01>",
        "<noscript>", "</noscript>", "&lt;img src=x&gt;", "&lt;/p&gt;", "&amp;#8217;", "<title>", "</title>", "<h3>", "</h3>",
        "<div class=card>", "<figcaption>", "Breaking News", "\u{a9} Agency/Getty Images", "$9 at Amazon", "Follow us on X",
        "<meta property=og:title content='A &amp;#8211; B'>", "<div class=breaking-news>",
    ]), 0..200)) {
        let html = parts.concat();
        let _ = extract_html(html.as_bytes(), None, Some("http://x/2020/01/01/"), &Limits::default());
    }
}
