//! The page templates (minijinja), compiled into the binary.
//!
//! Templates are `include_str!`ed so the binary serves the UI with no files beside it. Names end
//! in `.html`, which turns minijinja's auto-escaping on: every value is escaped unless a template
//! says `|safe`, which only the annotated body and the timeline SVG do — both built by
//! `views`, which escapes every piece of text it writes.

use minijinja::{Environment, Value};
use serde::Serialize;

use crate::views::annotate::{class_word, number, type_label};
use crate::views::html::{segment, snippet_html};
use crate::ServerError;

/// Every template, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("macros.html", include_str!("../templates/macros.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("article.html", include_str!("../templates/article.html")),
    ("entity.html", include_str!("../templates/entity.html")),
    ("speaker.html", include_str!("../templates/speaker.html")),
    ("speakers.html", include_str!("../templates/speakers.html")),
    ("quotes.html", include_str!("../templates/quotes.html")),
    ("trail.html", include_str!("../templates/trail.html")),
    ("places.html", include_str!("../templates/places.html")),
    ("stories.html", include_str!("../templates/stories.html")),
    ("story.html", include_str!("../templates/story.html")),
    ("events.html", include_str!("../templates/events.html")),
    ("event.html", include_str!("../templates/event.html")),
    ("error.html", include_str!("../templates/error.html")),
];

/// A short fingerprint of the static assets, appended to their URLs so that browsers which cached
/// an older binary's stylesheet fetch the new one (the assets are cached for an hour).
fn asset_version() -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    crate::routes::ASSETS.hash(&mut h);
    format!("{:08x}", h.finish() & 0xffff_ffff)
}

/// `s` cut to at most `chars` characters at a word, with an ellipsis when cut.
fn truncate(s: &str, chars: usize) -> String {
    match s.char_indices().nth(chars) {
        None => s.to_string(),
        Some((cut, _)) => {
            let head = &s[..cut];
            let head = head.rfind(' ').filter(|&i| i > cut / 2).map_or(head, |i| &head[..i]);
            format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
        }
    }
}

/// The compiled templates.
#[derive(Debug)]
pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    /// Compiles every template; a syntax error fails here, at startup (and in the tests).
    pub fn new() -> Result<Templates, ServerError> {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .map_err(|e| ServerError::Render { name: "templates", message: format!("{name}: {e}") })?;
        }
        env.add_global("asset_v", asset_version());
        env.add_filter("seg", |s: &str| segment(s));
        env.add_filter("snippet", |s: &str| Value::from_safe_string(snippet_html(s)));
        env.add_filter("num", |v: f64| number(v));
        env.add_filter("type_label", |s: &str| type_label(s).to_string());
        env.add_filter("cls", |s: &str| class_word(s));
        env.add_filter("fixed", |v: f64, digits: Option<u32>| format!("{v:.*}", digits.unwrap_or(3).min(8) as usize));
        env.add_filter("truncate", |s: &str, chars: Option<usize>| truncate(s, chars.unwrap_or(160)));
        Ok(Templates { env })
    }

    /// Renders `name` with `ctx`.
    pub fn render<S: Serialize>(&self, name: &'static str, ctx: S) -> Result<String, ServerError> {
        let template = self.env.get_template(name).map_err(|e| ServerError::Render { name, message: e.to_string() })?;
        template
            .render(Value::from(minijinja::value::Serde(ctx)))
            .map_err(|e| ServerError::Render { name, message: format!("{e:#}") })
    }
}
