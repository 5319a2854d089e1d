//! `dateline stories`, `dateline story` and `dateline events`: near-duplicate stories, their
//! origin and their diffs, and the events that group different stories about one happening.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use dateline_store::diff::{ParagraphChange, WordChange};
use dateline_store::{Event, OriginReason, Store, Story, StorySummary, VersionDiff};
use serde_json::json;

use crate::cli::{EventsArgs, StoriesArgs, StoryArgs};

/// Opens an existing store; a missing file is an error rather than a new empty store.
fn open(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!("no store at {} (create one with `dateline ingest PATH --db {}`)", db.display(), db.display());
    }
    Store::open(db).with_context(|| format!("opening the store {}", db.display()))
}

pub fn list(args: &StoriesArgs) -> Result<ExitCode> {
    let store = open(&args.db.db)?;
    let stories = store.stories(args.limit, args.min_size).context("listing stories")?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        for s in &stories {
            serde_json::to_writer(&mut out, s)?;
            writeln!(out)?;
        }
    } else if stories.is_empty() {
        writeln!(out, "no stories with {} or more versions in {}", args.min_size, args.db.db.display())?;
    } else {
        for s in &stories {
            write_summary(&mut crate::summary::TerminalSafe::new(&mut out), s)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn events(args: &EventsArgs) -> Result<ExitCode> {
    let store = open(&args.db.db)?;
    let events: Vec<Event> = match args.id {
        Some(id) => match store.event(id).with_context(|| format!("reading event {id}"))? {
            Some(e) => vec![e],
            None => bail!("no event {id} in {}", args.db.db.display()),
        },
        None => store.events(0, args.limit, args.min_stories).context("listing events")?,
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        for e in &events {
            serde_json::to_writer(&mut out, e)?;
            writeln!(out)?;
        }
    } else if events.is_empty() {
        writeln!(out, "no events with {} or more stories in {}", args.min_stories, args.db.db.display())?;
    } else {
        let mut safe = crate::summary::TerminalSafe::new(&mut out);
        for e in &events {
            let stories = if e.size == 1 { "1 story".to_string() } else { format!("{} stories", e.size) };
            writeln!(safe, "event {:<6} {stories:<12} {} → {}", e.id, day(&e.first_seen), day(&e.last_seen))?;
            for s in &e.stories {
                let versions = if s.size == 1 { "1 version".to_string() } else { format!("{} versions", s.size) };
                let title = s.title.as_deref().unwrap_or("(untitled)");
                writeln!(safe, "  story {:<6} {versions:<12} {title}", s.id)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_summary(out: &mut impl Write, s: &StorySummary) -> Result<()> {
    let versions = if s.size == 1 { "1 version".to_string() } else { format!("{} versions", s.size) };
    writeln!(out, "story {:<6} {versions:<12} {} → {}", s.id, day(&s.first_seen), day(&s.last_seen))?;
    if let Some(title) = &s.title {
        writeln!(out, "  {title}")?;
    }
    if let Some(o) = &s.origin {
        let credit = if o.credits.is_empty() { "no wire credit".to_string() } else { o.credits.join(" / ") };
        let flagged = match o.uncredited.len() {
            0 => String::new(),
            n => format!(", {n} uncredited"),
        };
        writeln!(out, "  origin: {credit} — {}{flagged}", o.article)?;
    }
    Ok(())
}

/// The date part of an ISO timestamp, for compact lines.
fn day(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}

pub fn show(args: &StoryArgs) -> Result<ExitCode> {
    let store = open(&args.db.db)?;
    let story_id = match args.id.parse::<i64>() {
        Ok(n) => n,
        Err(_) => store
            .story_of(&args.id)
            .with_context(|| format!("looking up article {}", args.id))?
            .with_context(|| format!("no article with id {:?} in {}", args.id, args.db.db.display()))?,
    };
    let Some(story) = store.story(story_id).with_context(|| format!("reading story {story_id}"))? else {
        bail!("no story {story_id} in {}", args.db.db.display());
    };
    let diff = match args.diff.as_deref() {
        Some([a, b]) => {
            let (a, b) = (member(&story, a)?, member(&story, b)?);
            let d = store.diff(a, b)?.with_context(|| format!("comparing {a} and {b}"))?;
            Some((a.to_string(), b.to_string(), d))
        }
        _ => None,
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        let value = match &diff {
            Some((a, b, d)) => json!({ "story": story.summary.id, "a": a, "b": b, "diff": d }),
            None => serde_json::to_value(&story)?,
        };
        serde_json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
    } else {
        write_story(&mut crate::summary::TerminalSafe::new(&mut out), &story)?;
        if let Some((a, b, d)) = &diff {
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            writeln!(out)?;
            write_diff(&mut out, a, b, d, colour)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The article id of version `key` of `story`: its number in the listing (1 = oldest) or an id
/// (prefix) of one of its members.
fn member<'a>(story: &'a Story, key: &str) -> Result<&'a str> {
    let key = key.trim();
    if key.len() < dateline_store::MIN_ID_PREFIX {
        if let Ok(n) = key.parse::<usize>() {
            return match story.members.get(n.wrapping_sub(1)) {
                Some(m) => Ok(&m.id),
                None => bail!("story {} has versions 1 to {}, not {n}", story.summary.id, story.members.len()),
            };
        }
    }
    let lower = key.to_ascii_lowercase();
    let found: Vec<&str> = story.members.iter().map(|m| m.id.as_str()).filter(|id| id.starts_with(&lower)).collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => bail!("no version {key:?} in story {} (see `dateline story {}`)", story.summary.id, story.summary.id),
        _ => bail!("{key:?} matches several versions of story {}: {}", story.summary.id, found.join(", ")),
    }
}

fn write_story(out: &mut impl Write, story: &Story) -> Result<()> {
    write_summary(out, &story.summary)?;
    if let Some(o) = &story.summary.origin {
        let why = match o.reason {
            OriginReason::CreditEarliest => "the earliest version carrying the wire credit",
            OriginReason::Earliest => "the earliest version (no wire credit)",
            OriginReason::MostComplete => "the most complete version (no credit, no dates)",
        };
        writeln!(out, "  why: {why}")?;
    }
    writeln!(out)?;
    for (i, m) in story.members.iter().enumerate() {
        let credit = if m.sources.is_empty() { "(no credit)".to_string() } else { m.sources.join(" / ") };
        let mut notes = Vec::new();
        if m.origin {
            notes.push("origin".to_string());
        }
        if m.uncredited {
            notes.push("uncredited copy".to_string());
        }
        if let (Some(sim), Some(via)) = (m.similarity, &m.via) {
            let n = story.members.iter().position(|x| &x.id == via).map_or(0, |p| p + 1);
            notes.push(format!("similarity {sim:.2} to {n}"));
        }
        writeln!(
            out,
            "  {:>3}  {}  {:<10}  {:<22}  {}{}",
            i + 1,
            m.id,
            m.published.as_deref().map_or("-", day),
            credit,
            m.source.as_deref().or(m.title.as_deref()).unwrap_or("-"),
            if notes.is_empty() { String::new() } else { format!("  [{}]", notes.join(", ")) },
        )?;
    }
    Ok(())
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// The diff as a reader wants it: unchanged paragraphs folded, removed ones with `-`, added with
/// `+`, edited ones with `~` and their words marked `[-old-]{+new+}` (or coloured on a terminal).
fn write_diff(out: &mut impl Write, a: &str, b: &str, d: &VersionDiff, colour: bool) -> Result<()> {
    let s = d.stats;
    writeln!(
        out,
        "{a} → {b}: {} paragraphs same, {} removed, {} added, {} changed ({} words removed, {} added)",
        s.same, s.removed, s.added, s.changed, s.words_removed, s.words_added
    )?;
    let paint = |code: &str, text: &str, plain_open: &str, plain_close: &str| {
        if colour {
            format!("{code}{text}{RESET}")
        } else {
            format!("{plain_open}{text}{plain_close}")
        }
    };
    let mut same_run = 0;
    let flush_same = |out: &mut dyn Write, n: &mut usize| -> std::io::Result<()> {
        if *n > 0 {
            let line = format!("  … {} unchanged paragraph{}", n, if *n == 1 { "" } else { "s" });
            writeln!(out, "{}", if colour { format!("{DIM}{line}{RESET}") } else { line })?;
            *n = 0;
        }
        Ok(())
    };
    for p in &d.paragraphs {
        match p {
            ParagraphChange::Same { .. } => same_run += 1,
            ParagraphChange::Removed { text } => {
                flush_same(out, &mut same_run)?;
                writeln!(out, "{}", paint(RED, &format!("- {text}"), "", ""))?;
            }
            ParagraphChange::Added { text } => {
                flush_same(out, &mut same_run)?;
                writeln!(out, "{}", paint(GREEN, &format!("+ {text}"), "", ""))?;
            }
            ParagraphChange::Changed { words, .. } => {
                flush_same(out, &mut same_run)?;
                let mut line = String::from("~ ");
                for w in words {
                    match w {
                        WordChange::Same(t) => line.push_str(t),
                        WordChange::Removed(t) => line.push_str(&marked(t, RED, "[-", "-]", colour)),
                        WordChange::Added(t) => line.push_str(&marked(t, GREEN, "{+", "+}", colour)),
                    }
                }
                writeln!(out, "{line}")?;
            }
        }
    }
    flush_same(out, &mut same_run)?;
    Ok(())
}

/// Marks a run of words, keeping its trailing whitespace outside the marks.
fn marked(run: &str, code: &str, open: &str, close: &str, colour: bool) -> String {
    let body = run.trim_end();
    let tail = &run[body.len()..];
    if colour {
        format!("{code}{body}{RESET}{tail}")
    } else {
        format!("{open}{body}{close}{tail}")
    }
}
