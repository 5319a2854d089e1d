//! Word lists as data.
//!
//! The rules of dateline read word lists (verbs of saying, titles, function words, page
//! furniture). They live in plain-text files under `resources/lexicon/` (one entry a line,
//! `#` comments; format below), are compiled into the binary with `include_str!` and are
//! parsed the first time a list is read, once per process, into a slice of `&'static str`
//! borrowed from the embedded text. Nothing is read from disk at run time.
//!
//! # Format
//!
//! UTF-8 text, one entry a line:
//!
//! * a line whose first non-blank character is `#` is a comment, and a blank line is skipped;
//! * the fields of an entry are separated by one tab (a word list has one field, a pair list
//!   two);
//! * a field has no space at either end, unless it is written between double quotes
//!   (`"photo by "`, `""` for the empty field); a quoted field holds no `"` of its own;
//! * no control characters; a `\r` before the `\n` is ignored.
//!
//! [`parse`] reports the first fault with the file and line ([`LexiconError`]); the embedded
//! lists are checked by [`check_embedded`] (called by `dateline_analyze::Resources::embedded`
//! and by this crate's tests), so a malformed file never reaches an analysis. A list read
//! before that check keeps its good lines and leaves the bad ones out: reading never panics.
//!
//! Which list lives where: `resources/README.md`, "lexicon/".

use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

pub mod en;
pub mod page;

/// A fault in a lexicon file: which file, which line (from 1), what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The file as named in the repository (`resources/lexicon/en/ner/person-titles.txt`).
    pub file: String,
    /// The line, counted from 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// Reads one field: quoted (`"..."`, spaces kept) or bare (no space at either end).
fn field(raw: &str) -> Result<&str, String> {
    if let Some(rest) = raw.strip_prefix('"') {
        let Some(inner) = rest.strip_suffix('"') else {
            return Err(format!("field {raw:?} opens a quote it does not close"));
        };
        if inner.contains('"') {
            return Err(format!("quoted field {raw:?} holds a '\"' of its own"));
        }
        return Ok(inner);
    }
    if raw.is_empty() {
        return Err("empty field (write \"\" for an empty entry)".to_string());
    }
    if raw.trim() != raw {
        return Err(format!("field {raw:?} has a space at one end (quote it to keep the space)"));
    }
    if raw.contains('"') {
        return Err(format!("field {raw:?} holds a '\"' (only a whole quoted field may)"));
    }
    Ok(raw)
}

/// One line: `Ok(None)` for a comment or a blank line, else its `N` fields.
fn line<const N: usize>(text: &str) -> Result<Option<[&str; N]>, String> {
    let text = text.strip_suffix('\r').unwrap_or(text);
    let lead = text.trim_start();
    if lead.is_empty() || lead.starts_with('#') {
        return Ok(None);
    }
    if let Some(c) = text.chars().find(|&c| c.is_control() && c != '\t') {
        return Err(format!("control character {c:?}"));
    }
    let mut out = [""; N];
    let mut parts = text.split('\t');
    for (k, slot) in out.iter_mut().enumerate() {
        let Some(raw) = parts.next() else {
            return Err(format!("{} tab-separated field(s) where {N} are expected", k));
        };
        *slot = field(raw)?;
    }
    if parts.next().is_some() {
        let found = text.split('\t').count();
        return Err(format!("{found} tab-separated fields where {N} are expected"));
    }
    Ok(Some(out))
}

/// Parses the text of a lexicon file whose entries have `N` fields; `file` names the file in
/// the error. Fails on the first bad line.
pub fn parse<'a, const N: usize>(file: &str, text: &'a str) -> Result<Vec<[&'a str; N]>, LexiconError> {
    let mut out = Vec::new();
    for (k, l) in text.split('\n').enumerate() {
        match line::<N>(l) {
            Ok(Some(e)) => out.push(e),
            Ok(None) => {}
            Err(message) => return Err(LexiconError { file: file.to_string(), line: k + 1, message }),
        }
    }
    Ok(out)
}

/// The good entries of a file, its bad lines left out (see [`check_embedded`]).
fn parse_lenient<const N: usize>(text: &'static str) -> impl Iterator<Item = [&'static str; N]> {
    text.split('\n').filter_map(|l| line::<N>(l).ok().flatten())
}

/// An embedded list of single entries (words or phrases), read as a slice in file order.
pub struct Words {
    file: &'static str,
    text: &'static str,
    parsed: OnceLock<Vec<&'static str>>,
}

impl Words {
    /// A list over the embedded `text` of the file `file`, parsed when first read.
    pub const fn new(file: &'static str, text: &'static str) -> Self {
        Words { file, text, parsed: OnceLock::new() }
    }
    /// The entries, in file order.
    pub fn as_slice(&self) -> &[&'static str] {
        self.parsed.get_or_init(|| parse_lenient::<1>(self.text).map(|[w]| w).collect())
    }
}

impl Deref for Words {
    type Target = [&'static str];
    fn deref(&self) -> &Self::Target {
        self.as_slice()
    }
}

impl<'a> IntoIterator for &'a Words {
    type Item = &'a &'static str;
    type IntoIter = std::slice::Iter<'a, &'static str>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

/// An embedded list of pairs (a word and what it maps to), in file order.
pub struct Pairs {
    file: &'static str,
    text: &'static str,
    parsed: OnceLock<Vec<(&'static str, &'static str)>>,
}

impl Pairs {
    /// A list over the embedded `text` of the file `file`, parsed when first read.
    pub const fn new(file: &'static str, text: &'static str) -> Self {
        Pairs { file, text, parsed: OnceLock::new() }
    }
    /// The entries, in file order.
    pub fn as_slice(&self) -> &[(&'static str, &'static str)] {
        self.parsed.get_or_init(|| parse_lenient::<2>(self.text).map(|[a, b]| (a, b)).collect())
    }
}

impl Deref for Pairs {
    type Target = [(&'static str, &'static str)];
    fn deref(&self) -> &Self::Target {
        self.as_slice()
    }
}

impl<'a> IntoIterator for &'a Pairs {
    type Item = &'a (&'static str, &'static str);
    type IntoIter = std::slice::Iter<'a, (&'static str, &'static str)>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

/// An embedded list that can be checked strictly.
pub trait Embedded: Sync {
    /// The file as named in the repository.
    fn file(&self) -> &'static str;
    /// The first fault of the file, if any.
    fn check(&self) -> Result<usize, LexiconError>;
}

impl Embedded for Words {
    fn file(&self) -> &'static str {
        self.file
    }
    fn check(&self) -> Result<usize, LexiconError> {
        parse::<1>(self.file, self.text).map(|v| v.len())
    }
}

impl Embedded for Pairs {
    fn file(&self) -> &'static str {
        self.file
    }
    fn check(&self) -> Result<usize, LexiconError> {
        parse::<2>(self.file, self.text).map(|v| v.len())
    }
}

/// Every embedded list: the English rules, then page furniture.
pub fn embedded() -> impl Iterator<Item = &'static dyn Embedded> {
    en::all().chain(page::all())
}

/// Checks every embedded list strictly; the first fault names its file and line. Returns how
/// many entries the lists hold in all.
pub fn check_embedded() -> Result<usize, LexiconError> {
    embedded().map(|l| l.check()).sum()
}

/// Declares embedded lists: `NAME: Words = "dir/file.txt";` under `resources/lexicon/`.
///
/// Each name is a `&'static Words` (or `Pairs`): a reference, so that it passes where a
/// `&[&str]` is expected (deref coercion) just as the `const` tables it replaces did.
macro_rules! lists {
    ($( $(#[$meta:meta])* $name:ident : $ty:ident = $file:literal; )*) => {
        $(
            $(#[$meta])*
            pub static $name: &$crate::$ty = {
                static LIST: $crate::$ty = $crate::$ty::new(
                    concat!("resources/lexicon/", $file),
                    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../resources/lexicon/", $file)),
                );
                &LIST
            };
        )*
        /// Every list of this module, for [`crate::check_embedded`].
        pub(crate) static ALL: &[&dyn $crate::Embedded] = &[$($name),*];
    };
}
pub(crate) use lists;

#[cfg(test)]
mod tests;
