//! Limits counted in work, not time: the same page gives the same result under any load.

use dateline_ingest::{extract_html, HtmlError, Limits};

#[test]
fn html_work_budget_is_counted_not_timed() {
    let page = "<p>Some sentence of text, with a comma.</p>".repeat(2_000);
    let tight = Limits { max_html_work: 5_000, ..Limits::default() };
    // Always the same error at the same limit, however fast or loaded the machine is.
    for _ in 0..3 {
        assert_eq!(
            extract_html(page.as_bytes(), None, None, &tight).map(|p| p.text),
            Err(HtmlError::WorkBudget { limit: 5_000 })
        );
    }
    let p = extract_html(page.as_bytes(), None, None, &Limits::default()).expect("within the default budget");
    assert_eq!(p.text.matches("\n\n").count(), 1_999);
}
