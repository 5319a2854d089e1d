//! The headline, cut free of what publishers add around it in `og:title` and JSON-LD as much
//! as in `<title>`: the site's name ("Headline - Example News", "Example News | Headline")
//! and section labels the page's `<h1>` does not repeat ("World: Headline : 03.11.2023").
//!
//! Only parts set off by a separator are cut, and only when the page itself says they are not
//! the headline (its `<h1>`, its site name), so a headline containing a dash stays whole.

/// Separators between a headline and what is added around it.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " › ", " · ", " • ", " : "];

/// The headline in `title`: the `<h1>` when the title is the `<h1>` plus parts set off by a
/// separator, else the title without a leading or trailing part naming the site.
pub(crate) fn trim_title(title: &str, site: Option<&str>, h1: Option<&str>) -> String {
    let is_site = |h: &String| site.is_some_and(|s| s.trim().eq_ignore_ascii_case(h));
    if let Some(h1) = h1.map(|h| h.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|h| !is_site(h)) {
        if let Some(t) = h1_within(title, &h1) {
            return t.to_string();
        }
    }
    let Some(site) = site.map(str::trim).filter(|s| s.chars().count() >= 3) else { return title.to_string() };
    let site = site.to_lowercase();
    let names_site = |part: &str| {
        let p = part.trim().to_lowercase();
        p.contains(&site) && p.chars().count() <= site.chars().count() + 20
    };
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if names_site(tail) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if names_site(head) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The part of `title` that is the `<h1>` (compared without case), when what is left on either
/// side is set off by a separator; `None` when the title is not the `<h1>` plus such parts.
fn h1_within<'a>(title: &'a str, h1: &str) -> Option<&'a str> {
    if h1.chars().count() < 10 {
        return None;
    }
    let lower_title = title.to_lowercase();
    let lower_h1 = h1.to_lowercase();
    // Lowercasing can change byte lengths outside ASCII; compare positions only when it did not.
    if lower_title.len() != title.len() || lower_h1.len() != h1.len() {
        return None;
    }
    let start = lower_title.find(&lower_h1)?;
    let end = start + h1.len();
    // Equal lengths do not promise equal char boundaries (one char may grow as another
    // shrinks): slice with `get`.
    let (before, after) = (title.get(..start)?.trim_end(), title.get(end..)?.trim_start());
    if before.is_empty() && after.is_empty() {
        return None;
    }
    let set_off_before = before.is_empty() || before.ends_with(SEPARATOR_CHARS);
    let set_off_after = after.is_empty() || after.starts_with(SEPARATOR_CHARS);
    // A part before the `<h1>` longer than it is the headline and the `<h1>` the site's logo
    // ("Headline - Site News" on a page whose `<h1>` is "Site News"); a long part after it is
    // a subtitle or the site.
    let logo = before.chars().count() >= h1.chars().count();
    if set_off_before && set_off_after && !logo {
        title.get(start..end)
    } else {
        None
    }
}

/// Characters that set a part off from the headline.
const SEPARATOR_CHARS: &[char] = &['|', '-', '–', '—', ':', '»', '›', '·', '•', '/'];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_and_labels_around_the_h1_go() {
        let h1 = Some("Port traffic doubles in a year");
        assert_eq!(
            trim_title("Port traffic doubles in a year - Harbour News", None, h1),
            "Port traffic doubles in a year"
        );
        assert_eq!(
            trim_title("Business: Port traffic doubles in a year | Harbour", None, h1),
            "Port traffic doubles in a year"
        );
        assert_eq!(
            trim_title("Port Traffic Doubles In A Year : 03.11.2023", None, h1),
            "Port Traffic Doubles In A Year"
        );
        // An h1 shorter than the rest is the site's name or a section, not the headline.
        let logo = Some("Harbour News Online");
        assert_eq!(
            trim_title("Port traffic doubles in a year - Harbour News Online", None, logo),
            "Port traffic doubles in a year - Harbour News Online"
        );
        assert_eq!(
            trim_title("Port traffic doubles in a year - Harbour News Online", Some("Harbour News Online"), logo),
            "Port traffic doubles in a year"
        );
        // The h1 inside a longer sentence is not the headline.
        assert_eq!(
            trim_title("Why port traffic doubles in a year, explained", None, h1),
            "Why port traffic doubles in a year, explained"
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_returns_a_part_of_the_title(
            title in "[a-zA-Z\u{130}\u{1E9E}\u{23A}\u{2C65} |:-]{0,40}",
            h1 in "[a-zA-Z\u{130}\u{1E9E}\u{23A} ]{0,20}",
            site in proptest::option::of("[a-zA-Z ]{0,10}"),
        ) {
            let t = trim_title(&title, site.as_deref(), Some(&h1));
            proptest::prop_assert!(title.contains(t.trim()));
        }
    }

    #[test]
    fn the_site_name_goes_without_an_h1() {
        assert_eq!(trim_title("Rail plan approved - Harbour News", Some("Harbour News"), None), "Rail plan approved");
        assert_eq!(trim_title("HARBOUR NEWS | Rail plan approved", Some("Harbour News"), None), "Rail plan approved");
        assert_eq!(trim_title("Rail plan - what changes", Some("Harbour News"), None), "Rail plan - what changes");
        assert_eq!(trim_title("Harbour News", Some("Harbour News"), None), "Harbour News");
    }
}
