//! The annotated article: the body text as HTML with entities, quotes, speakers, times, amounts,
//! the dateline and text repairs highlighted.
//!
//! Spans are byte offsets into `text`. Every piece of text is escaped on its way out; only the
//! tags written here are markup. Annotations can overlap (a quote holds entity mentions; a
//! speaker's mention holds a title and a name), so they are put in layers, outermost first, and
//! the text is cut at every boundary: each segment opens the tags of the annotations covering it
//! in layer order, so the tags always nest. An annotation cut by another layer's boundary, or by
//! a paragraph break, is closed and reopened (only its first piece carries its `id`). A span
//! that is empty, reversed, out of range or not on char boundaries is skipped, never sliced.

use std::collections::HashSet;

use dateline_analyze::{Analysis, EntityType, MentionVia, RepairKind, Span};

use super::html::{escape, escape_into, segment};

/// One highlighted range.
#[derive(Debug, Clone)]
struct Ann {
    start: usize,
    end: usize,
    /// `span` or `a`.
    tag: &'static str,
    /// Escaped attributes, each with a leading space (no `id`).
    attrs: String,
    /// The element id, put on the first piece only.
    id: Option<String>,
}

/// Outermost to innermost: quotes and the dateline; speaker mentions; entity mentions, times and
/// amounts; text repairs (a character or two, shown wherever they fall).
const LAYERS: usize = 4;

/// The body of `a` as HTML paragraphs with its annotations.
pub fn annotate(a: &Analysis) -> String {
    let text = a.text.as_str();
    let valid = |s: Span| s.0 < s.1 && text.get(s.0..s.1).is_some();
    let mut layers: [Vec<Ann>; LAYERS] = Default::default();

    if let Some(d) = a.dateline.as_ref().filter(|d| valid(d.span)) {
        let mut tip = vec!["Dateline".to_string()];
        let place = [d.place.clone(), d.country.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
        if !place.is_empty() {
            tip.push(place);
        }
        if !d.sources.is_empty() {
            tip.push(d.sources.join(" / "));
        }
        if let Some(date) = &d.date {
            tip.push(date.clone());
        }
        layers[0].push(ann(d.span, "span", "dateline", &tip.join(" · "), &[], Some("dateline".into())));
    }
    for (i, q) in a.quotes.iter().enumerate().filter(|(_, q)| valid(q.span)) {
        let who = match (&q.speaker_name, &q.speaker_mention) {
            (Some(name), _) => name.clone(),
            (None, Some(m)) => format!("unresolved speaker ({})", m.text),
            (None, None) => "unattributed".to_string(),
        };
        let mut tip = format!("{} quote · {who}", capitalise(q.kind.as_str()));
        if let Some(cue) = &q.cue {
            tip.push_str(&format!(" · “{cue}”"));
        }
        let class = format!("q q-{}", class_word(q.kind.as_str()));
        let data = [("data-quote", i.to_string())];
        layers[0].push(ann(q.span, "span", &class, &tip, &data, Some(format!("q-{i}"))));
    }
    // Speaker mentions: layer 1, unless an entity mention covers exactly the same text, in which
    // case that mention is marked as the speaker's instead (one element, both meanings).
    let mut speaker_at: Vec<(Span, usize)> = Vec::new();
    for (i, q) in a.quotes.iter().enumerate() {
        if let Some(m) = q.speaker_mention.as_ref().filter(|m| valid(m.span)) {
            speaker_at.push((m.span, i));
        }
    }
    let mention_spans: HashSet<Span> = a.entities.iter().flat_map(|e| e.mentions.iter().map(|m| m.span)).collect();
    for (span, i) in &speaker_at {
        if !mention_spans.contains(span) {
            let tip = format!("Speaker of quote {}", i + 1);
            layers[1].push(ann(*span, "span", "spk", &tip, &[("data-quote", i.to_string())], None));
        }
    }
    for e in &a.entities {
        let mut tip = vec![entity_label(e.kind).to_string()];
        tip.extend(e.title.clone());
        tip.extend(e.role.clone());
        if let Some(g) = &e.geo {
            tip.push(format!("{:.3}, {:.3}", g.lat, g.lon));
        }
        let n = e.mentions.len();
        tip.push(format!("{n} mention{} here", if n == 1 { "" } else { "s" }));
        let tip = format!("{} — {}", e.name, tip.join(" · "));
        let href = format!("/entity/{}", segment(&e.name));
        for m in e.mentions.iter().filter(|m| valid(m.span)) {
            let mut class = format!("ent ent-{}", class_word(e.kind.as_str()));
            let mut tip = tip.clone();
            if m.via.is_some() {
                class.push_str(" coref");
                tip.push_str(&format!(" · linked by {}", m.via.map_or("", MentionVia::as_str)));
            }
            if let Some((_, q)) = speaker_at.iter().find(|(s, _)| *s == m.span) {
                class.push_str(" spk");
                tip.push_str(&format!(" · speaker of quote {}", q + 1));
            }
            let data = [("href", href.clone()), ("data-entity", e.id.clone())];
            layers[2].push(ann(m.span, "a", &class, &tip, &data, None));
        }
    }
    for t in a.times.iter().filter(|t| valid(t.span)) {
        layers[2].push(ann(t.span, "span", "tm", &format!("Time · {}", t.value), &[], None));
    }
    for am in a.amounts.iter().filter(|am| valid(am.span)) {
        let mut tip = format!("Amount · {}", number(am.value));
        if let Some(u) = &am.unit {
            tip.push_str(&format!(" {u}"));
        }
        if let Some(c) = &am.currency {
            tip.push_str(&format!(" ({c})"));
        }
        if let Some(q) = &am.qualifier {
            tip.push_str(&format!(" · {q}"));
        }
        if let Some(e) = am.about.as_ref().and_then(|id| a.entities.iter().find(|e| &e.id == id)) {
            tip.push_str(&format!(" · about {}", e.name));
        }
        layers[2].push(ann(am.span, "span", "amt", &tip, &[], None));
    }
    for (i, r) in a.text_repairs.iter().enumerate().filter(|(_, r)| valid(r.span)) {
        let mut tip = format!("Text repair · {}", repair_label(r.kind));
        if let Some(o) = &r.original {
            tip.push_str(&format!(" · was “{o}”"));
        }
        if let Some(g) = &r.guess {
            tip.push_str(&format!(" · likely “{g}”"));
        }
        tip.push_str(&format!(" · {:.0}% sure", f64::from(r.confidence) * 100.0));
        layers[3].push(ann(r.span, "span", "fix", &tip, &[], Some(format!("fix-{i}"))));
    }
    for layer in &mut layers {
        *layer = non_overlapping(std::mem::take(layer));
    }
    render(text, &layers)
}

fn ann(span: Span, tag: &'static str, class: &str, tip: &str, data: &[(&str, String)], id: Option<String>) -> Ann {
    let mut attrs = String::new();
    attrs.push_str(" class=\"");
    escape_into(&mut attrs, class);
    attrs.push_str("\" data-tip=\"");
    escape_into(&mut attrs, tip);
    attrs.push('"');
    for (k, v) in data {
        attrs.push(' ');
        attrs.push_str(k);
        attrs.push_str("=\"");
        escape_into(&mut attrs, v);
        attrs.push('"');
    }
    Ann { start: span.0, end: span.1, tag, attrs, id }
}

/// Keeps a set of non-overlapping annotations: earliest first, the longer of two that start
/// together, and drops any that overlaps one already kept.
fn non_overlapping(mut anns: Vec<Ann>) -> Vec<Ann> {
    anns.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Ann> = Vec::with_capacity(anns.len());
    for a in anns {
        if out.last().is_none_or(|last| a.start >= last.end) {
            out.push(a);
        }
    }
    out
}

/// Paragraphs of `text`: runs of lines separated by blank lines, as byte ranges.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push((s, end));
            }
        } else {
            start.get_or_insert(line_start);
            end = line_start + line.trim_end().len();
        }
    }
    if let Some(s) = start {
        out.push((s, end));
    }
    out
}

/// Writes the paragraphs with their annotations.
fn render(text: &str, layers: &[Vec<Ann>; LAYERS]) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut opened: HashSet<(usize, usize)> = HashSet::new();
    for (ps, pe) in paragraphs(text) {
        out.push_str("<p>");
        // Every boundary inside the paragraph.
        let mut cuts: Vec<usize> = vec![ps, pe];
        for layer in layers {
            for a in layer {
                for at in [a.start, a.end] {
                    if at > ps && at < pe {
                        cuts.push(at);
                    }
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for w in cuts.windows(2) {
            let (s, e) = (w[0], w[1]);
            let want: Vec<(usize, usize)> =
                layers.iter().enumerate().filter_map(|(l, layer)| covering(layer, s, e).map(|i| (l, i))).collect();
            let keep = stack.iter().zip(&want).take_while(|(a, b)| a == b).count();
            while stack.len() > keep {
                if let Some((l, i)) = stack.pop() {
                    out.push_str("</");
                    out.push_str(layers[l][i].tag);
                    out.push('>');
                }
            }
            for &(l, i) in &want[keep..] {
                let a = &layers[l][i];
                out.push('<');
                out.push_str(a.tag);
                if let Some(id) = &a.id {
                    if opened.insert((l, i)) {
                        out.push_str(" id=\"");
                        escape_into(&mut out, id);
                        out.push('"');
                    }
                }
                out.push_str(&a.attrs);
                out.push('>');
                stack.push((l, i));
            }
            // Cuts are span ends, which were checked to be char boundaries, or paragraph ends.
            if let Some(piece) = text.get(s..e) {
                for (k, line) in piece.split('\n').enumerate() {
                    if k > 0 {
                        out.push_str("<br>\n");
                    }
                    escape_into(&mut out, line);
                }
            }
        }
        while let Some((l, i)) = stack.pop() {
            out.push_str("</");
            out.push_str(layers[l][i].tag);
            out.push('>');
        }
        out.push_str("</p>\n");
    }
    out
}

/// The annotation of a sorted, non-overlapping layer that covers `[s, e)`, if any.
fn covering(layer: &[Ann], s: usize, e: usize) -> Option<usize> {
    let i = layer.partition_point(|a| a.start <= s);
    let i = i.checked_sub(1)?;
    (layer[i].end >= e).then_some(i)
}

/// A CSS class word from a label: lowercase ASCII letters only.
pub fn class_word(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect()
}

/// A readable name of an entity type named as the record writes it (a facet value, a template
/// value); a name outside the set is shown as it is.
pub fn type_label(kind: &str) -> &str {
    match EntityType::parse(kind) {
        Some(t) => entity_label(t),
        None => kind,
    }
}

/// A readable name of an entity type.
pub fn entity_label(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "Person",
        EntityType::Org => "Organisation",
        EntityType::Gpe => "Place",
        EntityType::Loc => "Location",
        EntityType::Norp => "Group",
        EntityType::Fac => "Facility",
        EntityType::Event => "Event",
    }
}

fn repair_label(kind: RepairKind) -> &'static str {
    match kind {
        RepairKind::ReplacementChar => "replacement character",
        RepairKind::Mojibake => "mojibake reversed",
        RepairKind::InvalidBytes => "invalid bytes",
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A number as people write it: thousands separated, no `.0`.
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return format!("{v}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

/// Escaped plain paragraphs, for when a text should be shown without annotations.
pub fn plain(text: &str) -> String {
    paragraphs(text)
        .into_iter()
        .filter_map(|(s, e)| text.get(s..e))
        .map(|p| format!("<p>{}</p>\n", escape(p).replace('\n', "<br>\n")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_analyze::{Entity, Mention, Quote, QuoteKind, SourceRef};

    fn record(text: &str) -> Analysis {
        let json = serde_json::json!({
            "id": "0123456789abcdef",
            "source": {"path": "t.txt", "url": null, "format": "text", "record": null},
            "language": "en", "title": null, "header": null, "dateline": null, "published": null,
            "text": text, "text_repairs": [], "entities": [], "quotes": [], "times": [], "amounts": [],
            "tone": null, "fingerprint": null
        });
        let mut a: Analysis = serde_json::from_value(json).unwrap_or_else(|e| panic!("record: {e}"));
        a.source = SourceRef { ..a.source.clone() };
        a
    }

    fn entity(id: &str, name: &str, kind: &str, spans: &[(usize, usize)]) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind: kind.parse().expect("an entity type"),
            title: None,
            role: None,
            country: None,
            geo: None,
            mentions: spans
                .iter()
                .map(|&(s, e)| Mention { text: String::new(), span: Span(s, e), via: None })
                .collect(),
        }
    }

    #[test]
    fn escapes_text_and_nests_tags() {
        let text = "<b>Ann</b> said \"Bob & <i>co</i> won\".\n\nNext <script>x</script>";
        let mut a = record(text);
        let ann = text.find("Ann").unwrap_or(0);
        let bob = text.find("Bob").unwrap_or(0);
        a.entities.push(entity("e1", "Ann", "PERSON", &[(ann, ann + 3)]));
        a.entities.push(entity("e2", "Bob", "PERSON", &[(bob, bob + 3)]));
        let qs = text.find("Bob").unwrap_or(0);
        let qe = text.find(" won").unwrap_or(0) + 4;
        a.quotes.push(Quote {
            speaker: Some("e1".into()),
            speaker_name: Some("Ann".into()),
            speaker_mention: None,
            speaker_affiliation: None,
            kind: QuoteKind::Direct,
            cue: Some("said".into()),
            content: String::new(),
            span: Span(qs, qe),
            confidence: 0.9,
            tone: None,
        });
        let html = annotate(&a);
        assert!(!html.contains("<script>") && !html.contains("<b>") && !html.contains("<i>"));
        assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
        assert!(html.contains(r#"<span id="q-0" class="q q-direct""#));
        assert!(html.contains(r#"href="/entity/Bob""#));
        assert_eq!(html.matches("<p>").count(), 2);
        assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
        assert_eq!(html.matches("<a ").count(), html.matches("</a>").count());
    }

    #[test]
    fn crossing_spans_are_split_and_bad_spans_skipped() {
        let text = "aé bcd efg";
        let mut a = record(text);
        // Crosses the quote's end; a span inside "é"; one past the end.
        a.entities.push(entity("e1", "X", "ORG", &[(4, 8), (2, 3), (5, 99)]));
        a.quotes.push(Quote {
            speaker: None,
            speaker_name: None,
            speaker_mention: None,
            speaker_affiliation: None,
            kind: QuoteKind::Partial,
            cue: None,
            content: String::new(),
            span: Span(0, 6),
            confidence: 0.0,
            tone: None,
        });
        let html = annotate(&a);
        assert_eq!(html.matches("<a ").count(), 2, "{html}");
        assert_eq!(html.matches("id=\"q-0\"").count(), 1);
        let stripped: String = {
            let mut s = String::new();
            let mut in_tag = false;
            for c in html.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => s.push(c),
                    _ => {}
                }
            }
            s
        };
        assert_eq!(stripped.trim(), text);
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(number(25000.0), "25,000");
        assert_eq!(number(400000000.0), "400,000,000");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(-1200.0), "-1,200");
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n\nc \n"), vec![(0, 3), (6, 7)]);
        assert_eq!(paragraphs(""), Vec::<(usize, usize)>::new());
    }
}
