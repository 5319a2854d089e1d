//! Unit tests of the passes, and of whole pages through [`extract_body`], on markup written for
//! them.

use super::boiler::hint_is_boiler;
use super::render::is_boiler_line;
use super::*;

#[test]
fn hints() {
    assert!(hint_is_boiler("comments-area "));
    assert!(hint_is_boiler("jp-relatedposts "));
    assert!(hint_is_boiler("ad "));
    assert!(!hint_is_boiler("entry-content "));
    assert!(!hint_is_boiler("entry-content text "));
    assert!(!hint_is_boiler("read "));
    assert!(!hint_is_boiler("entry-content no-share "));
    assert!(!hint_is_boiler("row non-paywall "));
    assert!(!hint_is_boiler("o-section o-section--has-ads "));
    assert!(hint_is_boiler("row paywall "));
}

#[test]
fn boiler_lines() {
    assert!(is_boiler_line("Lesen Sie auch: Der Bär ist los"));
    assert!(is_boiler_line("Read also: markets"));
    assert!(!is_boiler_line("The minister read also the report."));
    assert!(is_boiler_line("You might also like"));
    assert!(is_boiler_line("Das könnte dich auch interessieren"));
    assert!(is_boiler_line("Schlagworte: Energie, Haushalt"));
    assert!(is_boiler_line("Foto: Agentur"));
    assert!(is_boiler_line("11 Jan 2019, 14:05"));
    assert!(is_boiler_line("3. März 2020"));
    assert!(is_boiler_line("2 months ago"));
    assert!(!is_boiler_line("2 months later"));
    assert!(!is_boiler_line("2020"));
    assert!(!is_boiler_line("286,35 €"));
    assert!(!is_boiler_line("15 – 30 Min"));
    // Short-line openings only hold for labels, not for sentences that start alike.
    assert!(!is_boiler_line("Mehr zu diesem Vorschlag sagte die Ministerin am Montag in Berlin nicht."));
}

fn body(html: &str) -> String {
    super::super::html_to_text(html.as_bytes())
}

const P1: &str = "The finance ministry said on Tuesday that the budget deficit narrowed to 2.1 percent of output.";
const P2: &str = "Tax receipts rose faster than expected, helped by strong wage growth and higher consumer spending.";
const P3: &str =
    "Economists had forecast a gap of 2.6 percent, citing the cost of new energy subsidies for households.";

#[test]
fn a_layout_wrapper_named_like_furniture_keeps_the_article() {
    // The wrapper of the posts is named `widget` and its column `one-sidebar`; the real
    // sidebar next to it holds text of its own, so neither wrapper holds 60 % of the page.
    let page = format!(
        "<html><body><div id=\"main\" class=\"one-sidebar\"><div class=\"widget Blog\">\
         <div class=\"post\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div></div>\
         <div id=\"sidebar\"><div class=\"widget Text\"><p>This blog is written by two reporters who cover \
         public finance, tax policy and the central bank. Opinions are their own and not those of any \
         employer. Tips are welcome by mail at any time of day.</p></div>\
         <div class=\"widget Archive\"><ul><li><a href=\"/1\">January</a></li><li><a href=\"/2\">February</a>\
         </li></ul></div></div></body></html>"
    );
    let text = body(&page);
    assert_eq!(text, format!("{P1}\n\n{P2}\n\n{P3}"));
}

#[test]
fn a_page_class_naming_furniture_does_not_remove_the_page() {
    let page = format!(
        "<html><body class=\"page j-m-comment-styles j-m-header-styles\"><div><p>{P1}</p><p>{P2}</p></div>\
         </body></html>"
    );
    assert_eq!(body(&page), format!("{P1}\n\n{P2}"));
}

#[test]
fn article_split_over_builder_widgets_is_kept_whole_and_the_sidebar_still_goes() {
    // A page builder wraps each text block in `…-widget-container`: trusting the hint
    // removes the whole article, so hints are distrusted on the article only.
    let links: String =
        (1..=8).map(|i| format!("<li><a href=\"/t/{i}\">Most read story number {i}</a></li>")).collect();
    let page = format!(
        "<html><body><nav><a href=\"/\">Home</a></nav><section class=\"builder-section\">\
         <div class=\"builder-widget-container\"><p>{P1}</p></div>\
         <div class=\"builder-widget-container\"><p>{P2}</p></div>\
         <div class=\"builder-widget-container\"><p>{P3}</p></div></section>\
         <div id=\"sidebar\"><div class=\"widget\"><p>Sign in to get our weekly letter on money and markets, \
         free.</p></div><div class=\"widget\"><ul>{links}</ul></div></div></body></html>"
    );
    assert_eq!(body(&page), format!("{P1}\n\n{P2}\n\n{P3}"));
}

#[test]
fn the_header_of_an_article_keeps_its_lead_but_not_the_headline() {
    let page = format!(
        "<html><body><header class=\"site\"><a href=\"/\">Daily Wire</a><p>News you can trust, every day \
         since 1901.</p></header><article><header><h1>Deficit narrows</h1><p class=\"lead\">The gap shrank \
         for a third year in a row.</p></header><div class=\"body\"><p>{P1}</p><p>{P2}</p></div></article>\
         </body></html>"
    );
    assert_eq!(body(&page), format!("The gap shrank for a third year in a row.\n\n{P1}\n\n{P2}"));
}

#[test]
fn a_lead_in_a_sibling_box_joins_the_body() {
    // The parent also holds a bar of links, so the tightest container is the body alone;
    // its sibling made only of good text is the lead.
    let links: String =
        (1..=12).map(|i| format!("<li><a href=\"/s/{i}\">Share this story on network {i}</a></li>")).collect();
    let page = format!(
        "<html><body><div class=\"story\"><div class=\"intro\"><p>Berlin (wire) - The budget deficit narrowed \
         again last year, the ministry said.</p></div><ul class=\"links\">{links}</ul><div class=\"story-text\"><p>{P1}</p><p>{P2}</p>\
         <p>{P3}</p></div></div><div class=\"more\"><a href=\"/x\">Other story with a long title here</a>\
         </div></body></html>"
    );
    assert_eq!(
        body(&page),
        format!(
            "Berlin (wire) - The budget deficit narrowed again last year, the ministry said.\n\n{P1}\n\n{P2}\n\n{P3}"
        )
    );
}

#[test]
fn visible_chars_ascii_and_not() {
    assert_eq!(visible_chars(" a\tb\n\x0Bc\x0C\r "), 3);
    assert_eq!(visible_chars(" ä\u{A0}b\u{3000}c "), 3);
}

#[test]
fn soft_hyphens_and_ruby_readings_are_not_text() {
    let page = "<html><body><article><p>Die Schutz\u{AD}ge\u{AD}mein\u{AD}schaft der Winzer wurde 1927 \
                gegr&shy;&uuml;ndet, sagte der Sprecher.</p><p><ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp>\
                </ruby>ができて、親が子どもを教育するために、新しい決まりを作りました。</p></article></body></html>";
    assert_eq!(
        body(page),
        "Die Schutzgemeinschaft der Winzer wurde 1927 gegründet, sagte der Sprecher.\n\n\
         法律ができて、親が子どもを教育するために、新しい決まりを作りました。"
    );
}

#[test]
fn headings_of_removed_boxes_go_but_section_headings_stay() {
    let page = format!(
        "<html><body><article><p>{P1}</p><h2>Subsidies</h2><p>{P2}</p><p>{P3}</p>\
         <h3>Sport</h3><ul><li><a href=\"/a\">Cup final tonight</a></li><li><a href=\"/b\">Coach quits</a>\
         </li></ul><h3>Weather</h3></article></body></html>"
    );
    assert_eq!(body(&page), format!("{P1}\n\nSubsidies\n\n{P2}\n\n{P3}"));
}
