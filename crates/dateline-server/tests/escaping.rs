//! An article full of `<script>` and HTML is shown as text on every page: nothing it carries
//! becomes markup, and the pages forbid inline scripts besides.

mod common;

use axum::http::StatusCode;
use common::*;

const HOSTILE: &str = r#"{"title": "<script>alert('title')</script> Talks <b>resume</b>", "url": "javascript:alert(5)", "published": "2024-06-01", "text": "WASHINGTON (Reuters) - <script>alert(\"xss\")</script> Senator Jane Doe said \"<img src=x onerror=alert(2)> the </p><iframe src=javascript:alert(3)></iframe> talks will resume\" on Monday.\n\nThe ministry said 5,000 <svg onload=alert(4)> people attended the <a href=\"javascript:alert(6)\">meeting</a> in Geneva & Paris. \"We <style>body{display:none}</style> agree,\" Doe told reporters.\n\n<!-- comment --> ' \" > < &amp; &lt;script&gt;"}"#;

/// Markup the article carries, which must never reach a page as markup.
const FORBIDDEN: &[&str] = &[
    "<script>alert",
    "<b>resume",
    "<img src=x",
    "<iframe",
    "<svg onload",
    "<a href=\"javascript",
    "href=\"javascript:",
    "<style>body",
    "<!-- comment",
    "onerror=alert(2)>",
];

fn assert_inert(uri: &str, html: &str) {
    let lower = html.to_lowercase();
    for bad in FORBIDDEN {
        assert!(!lower.contains(&bad.to_lowercase()), "{uri} contains {bad:?}");
    }
    // The only script is the app's own file.
    assert_eq!(lower.matches("<script").count(), 1, "{uri}: unexpected <script>");
    assert!(lower.contains("<script src=\"/static/app.js"), "{uri}");
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_article_is_escaped_on_every_page() {
    let dir = demo_store();
    let app = app(&dir, Some(TOKEN), None);
    let got = post(&app, "/api/ingest", Some(TOKEN), HOSTILE).await;
    assert_eq!(got.status, StatusCode::OK, "{}", got.body);
    let id = got.json()["ids"][0].as_str().unwrap_or_default().to_string();
    assert_eq!(id.len(), 16);
    let record = get(&app, &format!("/api/articles/{id}")).await.json();
    assert!(record["text"].as_str().is_some_and(|t| t.contains("<script>alert(\"xss\")</script>")), "text kept as is");

    let mut pages = vec![
        "/".to_string(),
        "/?q=script".to_string(),
        "/?q=senator".to_string(),
        "/?q=alert".to_string(),
        "/?place=Washington".to_string(),
        format!("/?q={}", seg("<script>alert(1)</script>")),
        format!("/article/{id}"),
        "/speakers".to_string(),
        "/quotes".to_string(),
        "/quotes?q=alert".to_string(),
        format!("/quotes?q={}", seg("<script>alert(1)</script>")),
        "/places".to_string(),
        "/stories".to_string(),
        "/events?min_stories=1".to_string(),
        "/event/1".to_string(),
        format!("/entity/{}", seg("<script>alert(1)</script>")),
    ];
    for e in record["entities"].as_array().into_iter().flatten() {
        pages.push(format!("/entity/{}", seg(e["name"].as_str().unwrap_or_default())));
    }
    for (i, q) in record["quotes"].as_array().into_iter().flatten().enumerate() {
        pages.push(format!("/trail?article={id}&index={i}"));
        if let Some(n) = q["speaker_name"].as_str() {
            pages.push(format!("/speaker/{}", seg(n)));
        }
    }
    let mut article_html = String::new();
    for uri in &pages {
        let got = get(&app, uri).await;
        assert!(got.status == StatusCode::OK || got.status == StatusCode::NOT_FOUND, "{uri}: {}", got.status);
        assert!(got.content_type.starts_with("text/html"), "{uri}: {}", got.content_type);
        let csp = got.csp.clone().unwrap_or_default();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{uri}: CSP {csp}");
        assert_inert(uri, &got.body);
        if uri.starts_with("/article/") {
            article_html = got.body;
        }
    }
    // The article page shows the markup as text, and does not link the javascript: URL.
    assert!(article_html.contains("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;"), "escaped text shown");
    assert!(article_html.contains("&lt;iframe src=javascript:alert(3)&gt;"));
    assert!(article_html.contains("&amp;amp; &amp;lt;script&amp;gt;"), "entities in the text stay literal");
    assert!(!article_html.contains("javascript:alert(5)\""));
    // The title shows as text in the heading and the <title>.
    assert!(article_html.contains("&lt;script&gt;alert("));
    assert!(
        article_html.contains("Talks &lt;b&gt;resume&lt;&#x2f;b&gt;")
            || article_html.contains("Talks &lt;b&gt;resume&lt;/b&gt;")
    );
}
