//! Word lists as data.
//!
//! The rules of dateline read word lists (verbs of saying, titles, function words, page
//! furniture). They live in plain-text files under `resources/lexicon/` (one entry a line,
//! `#` comments; format below). One language's lists are a [`Lexicon`], a value the analysis is
//! given (`dateline_analyze::Resources::lexicon`) rather than globals it names, so that another
//! language or an edited list is a folder loaded at run time ([`Lexicon::from_dir`]) and a test
//! can swap a list. The English set is compiled into the binary with `include_str!`
//! ([`Lexicon::embedded_en`], the default); each of its lists is parsed the first time it is
//! read, once per process, into a slice of `&'static str` borrowed from the embedded text.
//!
//! The lists that belong to something fixed rather than to the language being analysed (the
//! entity model's features, the fingerprint's boilerplate lines, page furniture) are also
//! `pub static`s over the embedded files, read by name; `resources/README.md` says which and why.
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
//! and by this crate's tests) and a set read from disk when it is loaded, so a malformed file
//! never reaches an analysis. An embedded list read before that check keeps its good lines and
//! leaves the bad ones out: reading never panics.
//!
//! Which list lives where: `resources/README.md`, "lexicon/".

use std::fmt;
use std::ops::Deref;
use std::path::Path;
use std::sync::{Arc, OnceLock};

pub mod en;
pub mod page;

/// A fault in a lexicon file: which file, which line (from 1; 0 for a file that cannot be read
/// at all), what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The file as named in the repository (`resources/lexicon/en/ner/person-titles.txt`).
    pub file: String,
    /// The line, counted from 1 (0: the file as a whole, which cannot be read).
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.file, self.message),
            line => write!(f, "{}:{line}: {}", self.file, self.message),
        }
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

/// A list of single entries (words or phrases), read as a slice in file order: embedded (parsed
/// when first read, [`Words::new`]) or read from a folder (parsed when loaded, [`Words::read`]).
///
/// Besides the slice, a list keeps its entries grouped by byte length and by first byte, so
/// that [`Words::contains`] and the other lookups compare a word only with the entries that
/// could equal it (most words are turned away by one bit test): the rules that scan a list for
/// every token are as fast as they were over `const` tables.
pub struct Words {
    file: &'static str,
    text: &'static str,
    parsed: OnceLock<Index>,
}

/// Lengths at or above this share one group.
const LONG: usize = 64;

/// The entries of a list, in file order and grouped for lookups.
struct Index {
    list: Vec<&'static str>,
    /// The entries by byte length (`min(len, LONG)`), file order kept within a length.
    by_len: Vec<&'static str>,
    /// Where each length's entries start in `by_len` (`len_starts[l]..len_starts[l + 1]`).
    len_starts: [u32; LONG + 2],
    /// The ASCII-lowercased first byte of each entry of `by_len` (0 for the empty entry).
    by_len_first: Vec<u8>,
    /// For each length group, bit `b % 64` set when one of its entries has the lowercased first
    /// byte `b`: [`Words::contains`] and [`Words::contains_ignore_ascii_case`] turn most words
    /// away on this bit and compare whole entries only when their first bytes agree (they run
    /// for nearly every token, and scanning a length group was a percent of the whole analysis).
    len_firsts: [u64; LONG + 1],
    /// The non-empty entries by their first byte, ASCII-lowercased.
    by_first: Vec<&'static str>,
    /// Where each first byte's entries start in `by_first`.
    first_starts: Vec<u32>,
    /// Whether some entry is empty (a prefix of everything).
    has_empty: bool,
}

/// Groups `items` by `key` (below `n`): the items in key order, file order kept within a key,
/// and where each key's items start.
fn group(items: &[&'static str], n: usize, key: impl Fn(&str) -> usize) -> (Vec<&'static str>, Vec<u32>) {
    let mut sorted = items.to_vec();
    sorted.sort_by_key(|w| key(w));
    let mut starts = vec![0u32; n + 1];
    for w in &sorted {
        starts[key(w) + 1] += 1;
    }
    for k in 0..n {
        starts[k + 1] += starts[k];
    }
    (sorted, starts)
}

impl Index {
    fn new(list: Vec<&'static str>) -> Self {
        let (by_len, starts) = group(&list, LONG + 1, |w| w.len().min(LONG));
        let mut len_starts = [0u32; LONG + 2];
        len_starts.copy_from_slice(&starts);
        let by_len_first: Vec<u8> =
            by_len.iter().map(|w| w.as_bytes().first().map_or(0, u8::to_ascii_lowercase)).collect();
        let mut len_firsts = [0u64; LONG + 1];
        for (w, &f) in by_len.iter().zip(&by_len_first) {
            len_firsts[w.len().min(LONG)] |= 1 << (f % 64);
        }
        let firsts: Vec<&'static str> = list.iter().copied().filter(|w| !w.is_empty()).collect();
        let (by_first, first_starts) = group(&firsts, 256, |w| usize::from(w.as_bytes()[0].to_ascii_lowercase()));
        Index {
            has_empty: list.iter().any(|w| w.is_empty()),
            list,
            by_len,
            len_starts,
            by_len_first,
            len_firsts,
            by_first,
            first_starts,
        }
    }
    /// The non-empty entries whose first byte is `b` (ASCII case ignored).
    fn of_first(&self, b: u8) -> &[&'static str] {
        let k = usize::from(b.to_ascii_lowercase());
        &self.by_first[self.first_starts[k] as usize..self.first_starts[k + 1] as usize]
    }
}

impl Words {
    /// A list over the embedded `text` of the file `file`, parsed when first read.
    pub const fn new(file: &'static str, text: &'static str) -> Self {
        Words { file, text, parsed: OnceLock::new() }
    }
    fn index(&self) -> &Index {
        self.parsed.get_or_init(|| Index::new(parse_lenient::<1>(self.text).map(|[w]| w).collect()))
    }
    /// The entries, in file order.
    pub fn as_slice(&self) -> &[&'static str] {
        &self.index().list
    }
    /// Whether `word` is an entry (as the slice's `contains`, without scanning every entry;
    /// it takes the `&&str` that one takes, and a `&str` or `&String`).
    ///
    /// Like [`Words::contains_ignore_ascii_case`], it turns a word away on the bit of its length
    /// and lowercased first byte, and compares whole entries only where the first bytes agree:
    /// the entity rules ask lists for nearly every token, and a scan of a length group was a
    /// string comparison (a `memcmp` call) per entry.
    pub fn contains<W: AsRef<str> + ?Sized>(&self, word: &W) -> bool {
        let word = word.as_ref();
        self.same_length_and_first(word, |e| e == word)
    }
    /// Whether `word` is an entry, ASCII case ignored.
    pub fn contains_ignore_ascii_case(&self, word: &str) -> bool {
        self.same_length_and_first(word, |e| e.eq_ignore_ascii_case(word))
    }
    /// Whether an entry as long as `word` (long ones grouped) whose first byte is `word`'s,
    /// ASCII case ignored, passes `same`; the bit of that length and first byte turns most words
    /// away before any entry is read. An empty `word` matches the empty entry.
    #[inline]
    fn same_length_and_first(&self, word: &str, same: impl Fn(&str) -> bool) -> bool {
        let ix = self.index();
        let Some(&b) = word.as_bytes().first() else { return ix.has_empty };
        let (l, first) = (word.len().min(LONG), b.to_ascii_lowercase());
        if ix.len_firsts[l] >> (first % 64) & 1 == 0 {
            return false;
        }
        let group = ix.len_starts[l] as usize..ix.len_starts[l + 1] as usize;
        ix.by_len_first[group.clone()].iter().zip(&ix.by_len[group]).any(|(&f, e)| f == first && same(e))
    }
    /// Whether some entry is a prefix of `text`.
    pub fn has_prefix_of(&self, text: &str) -> bool {
        let ix = self.index();
        ix.has_empty || text.as_bytes().first().is_some_and(|&b| ix.of_first(b).iter().any(|e| text.starts_with(e)))
    }
    /// Whether some entry is a prefix of `bytes`, ASCII case ignored.
    pub fn has_prefix_of_ignore_ascii_case(&self, bytes: &[u8]) -> bool {
        let ix = self.index();
        ix.has_empty
            || bytes.first().is_some_and(|&b| {
                ix.of_first(b)
                    .iter()
                    .any(|e| bytes.get(..e.len()).is_some_and(|h| h.eq_ignore_ascii_case(e.as_bytes())))
            })
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

/// A list of pairs (a word and what it maps to), in file order: embedded or read from a folder.
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

/// A list of a set, embedded or read from disk, that can be checked strictly.
pub trait List: Sync {
    /// The file: as named in the repository for an embedded list
    /// (`resources/lexicon/en/quotes/cue-lemmas.txt`), as its path for one read from disk.
    fn file(&self) -> &str;
    /// How many entries the file holds, or its first fault.
    fn check(&self) -> Result<usize, LexiconError>;
}

impl List for Words {
    fn file(&self) -> &str {
        self.file
    }
    fn check(&self) -> Result<usize, LexiconError> {
        parse::<1>(self.file, self.text).map(|v| v.len())
    }
}

impl List for Pairs {
    fn file(&self) -> &str {
        self.file
    }
    fn check(&self) -> Result<usize, LexiconError> {
        parse::<2>(self.file, self.text).map(|v| v.len())
    }
}

/// Reads the file `file` of the folder `dir` for [`Words::read`] and [`Pairs::read`]: its path
/// and its text, both leaked (see [`Lexicon::from_dir`]), or an error naming the file (line 0 when
/// it cannot be read at all; the line of the first byte that is not UTF-8).
fn read_file(dir: &Path, file: &str) -> Result<(&'static str, &'static str), LexiconError> {
    let path = dir.join(file);
    let name = path.display().to_string();
    let fail = |line: usize, message: String| LexiconError { file: name.clone(), line, message };
    let bytes = std::fs::read(&path).map_err(|e| fail(0, format!("cannot read the file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..good].iter().filter(|&&b| b == b'\n').count();
        fail(line, format!("not UTF-8 (byte {good})"))
    })?;
    Ok((Box::leak(name.into_boxed_str()), Box::leak(text.into_boxed_str())))
}

impl Words {
    /// The list in the file `file` of the folder `dir`, parsed now and strictly: a missing,
    /// unreadable or malformed file is an error naming the file and the line.
    pub fn read(dir: &Path, file: &str) -> Result<Self, LexiconError> {
        let (file, text) = read_file(dir, file)?;
        let list = parse::<1>(file, text)?.into_iter().map(|[w]| w).collect();
        Ok(Words { file, text, parsed: OnceLock::from(Index::new(list)) })
    }
}

impl Pairs {
    /// The list in the file `file` of the folder `dir`, parsed now and strictly (see
    /// [`Words::read`]).
    pub fn read(dir: &Path, file: &str) -> Result<Self, LexiconError> {
        let (file, text) = read_file(dir, file)?;
        let list: Vec<_> = parse::<2>(file, text)?.into_iter().map(|[a, b]| (a, b)).collect();
        Ok(Pairs { file, text, parsed: OnceLock::from(list) })
    }
}

/// One language's set of lists: every table of `resources/lexicon/<lang>/`, one field per
/// folder (the readers are named in each folder's module).
///
/// The analysis reads the set it is given (`dateline_analyze::Resources::lexicon`), so another
/// language, or a corrected list, is a folder loaded at run time ([`Lexicon::from_dir`]); the
/// English set compiled into the binary is the default ([`Lexicon::embedded_en`]).
pub struct Lexicon {
    /// `ner/`: the entity model's features, its tokenizer, the training reader.
    pub ner: en::ner::Ner,
    /// `text/`: sentence segmentation and language identification.
    pub text: en::text::Text,
    /// `entities/`: the entity stage's rules.
    pub entities: en::entities::Entities,
    /// `quotes/`: the quote stage's rules.
    pub quotes: en::quotes::Quotes,
    /// `tone/`: the tone stage's VADER rules and word classes.
    pub tone: en::tone::Tone,
    /// `dateline/`: the dateline stage.
    pub dateline: en::dateline::Dateline,
    /// `amounts/`: the amount stage.
    pub amounts: en::amounts::Amounts,
    /// `lead/`: the lead reader.
    pub lead: en::lead::Lead,
    /// `fingerprint/`: the fingerprint's boilerplate lines.
    pub fingerprint: en::fingerprint::Fingerprint,
    /// `adversarial/`: the words of the adversarial article generator.
    pub adversarial: en::adversarial::Adversarial,
}

impl Lexicon {
    /// The English set compiled into the binary (`resources/lexicon/en/`), made once per
    /// process; each list is parsed the first time it is read (leniently: a bad line is left
    /// out, never a panic; [`check_embedded`] is the strict check).
    pub fn embedded_en() -> Arc<Lexicon> {
        Lexicon::embedded_en_arc().clone()
    }

    /// [`Lexicon::embedded_en`] by reference: the default of the functions that take no set.
    pub fn embedded_en_ref() -> &'static Lexicon {
        Lexicon::embedded_en_arc()
    }

    fn embedded_en_arc() -> &'static Arc<Lexicon> {
        static EN: OnceLock<Arc<Lexicon>> = OnceLock::new();
        EN.get_or_init(|| {
            Arc::new(Lexicon {
                ner: en::ner::Ner::embedded(),
                text: en::text::Text::embedded(),
                entities: en::entities::Entities::embedded(),
                quotes: en::quotes::Quotes::embedded(),
                tone: en::tone::Tone::embedded(),
                dateline: en::dateline::Dateline::embedded(),
                amounts: en::amounts::Amounts::embedded(),
                lead: en::lead::Lead::embedded(),
                fingerprint: en::fingerprint::Fingerprint::embedded(),
                adversarial: en::adversarial::Adversarial::embedded(),
            })
        })
    }

    /// The set in the folder `dir`, laid out as `resources/lexicon/en/` (`dir/quotes/cue-lemmas.txt`
    /// and so on): every file is required and parsed now, strictly; the first missing,
    /// unreadable or malformed file is an error naming the file and the line.
    ///
    /// The lists borrow from the files' texts, which are kept for the rest of the process (leaked,
    /// as the embedded texts live in the binary): a set is meant to be loaded once, at start.
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Lexicon, LexiconError> {
        let dir = dir.as_ref();
        Ok(Lexicon {
            ner: en::ner::Ner::from_dir(dir)?,
            text: en::text::Text::from_dir(dir)?,
            entities: en::entities::Entities::from_dir(dir)?,
            quotes: en::quotes::Quotes::from_dir(dir)?,
            tone: en::tone::Tone::from_dir(dir)?,
            dateline: en::dateline::Dateline::from_dir(dir)?,
            amounts: en::amounts::Amounts::from_dir(dir)?,
            lead: en::lead::Lead::from_dir(dir)?,
            fingerprint: en::fingerprint::Fingerprint::from_dir(dir)?,
            adversarial: en::adversarial::Adversarial::from_dir(dir)?,
        })
    }

    /// Every list of the set, folder by folder.
    pub fn lists(&self) -> impl Iterator<Item = &dyn List> {
        self.ner
            .lists()
            .into_iter()
            .chain(self.text.lists())
            .chain(self.entities.lists())
            .chain(self.quotes.lists())
            .chain(self.tone.lists())
            .chain(self.dateline.lists())
            .chain(self.amounts.lists())
            .chain(self.lead.lists())
            .chain(self.fingerprint.lists())
            .chain(self.adversarial.lists())
    }

    /// Checks every list strictly; the first fault names its file and line. Returns how many
    /// entries the lists hold in all.
    pub fn check(&self) -> Result<usize, LexiconError> {
        self.lists().map(List::check).sum()
    }
}

/// Every embedded list: the English set, then page furniture.
pub fn embedded() -> impl Iterator<Item = &'static dyn List> {
    Lexicon::embedded_en_ref().lists().chain(page::all())
}

/// Checks every embedded list strictly; the first fault names its file and line. Returns how
/// many entries the lists hold in all.
pub fn check_embedded() -> Result<usize, LexiconError> {
    embedded().map(|l| l.check()).sum()
}

/// Declares the lists of one folder: a struct with one field per list, made from the embedded
/// files (`embedded()`) or from a folder on disk (`from_dir`).
///
/// `pub struct Quotes in "en/";` then `cue_lemmas: Words = "quotes/cue-lemmas.txt";` (the file
/// under `resources/lexicon/en/`). A list written `name / NAME: Words = ...` is also a
/// `pub static NAME: &Words` over the embedded file, for the readers outside the analysis that
/// read the embedded set by name (`resources/README.md` says which and why).
macro_rules! lists {
    (
        $(#[$smeta:meta])* pub struct $set:ident in $root:literal;
        $( $(#[$meta:meta])* $field:ident $(/ $name:ident)? : $ty:ident = $file:literal; )*
    ) => {
        /// The embedded texts.
        mod text {
            $(
                #[allow(non_upper_case_globals)]
                pub(super) static $field: &str =
                    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../resources/lexicon/", $root, $file));
            )*
        }

        $(#[$smeta])*
        pub struct $set {
            $( $(#[$meta])* pub $field: $crate::$ty, )*
        }

        impl $set {
            /// The lists compiled into the binary, each parsed when first read.
            pub fn embedded() -> Self {
                $set { $( $field: $crate::$ty::new(concat!("resources/lexicon/", $root, $file), text::$field), )* }
            }
            /// The lists of the set folder `dir` (`dir/<file>`), parsed now and strictly.
            pub fn from_dir(dir: &std::path::Path) -> Result<Self, $crate::LexiconError> {
                Ok($set { $( $field: $crate::$ty::read(dir, $file)?, )* })
            }
            /// Every list of the folder.
            pub fn lists(&self) -> Vec<&dyn $crate::List> {
                vec![$( &self.$field as &dyn $crate::List ),*]
            }
        }

        $( $crate::static_list!($(#[$meta])* ; $($name)? ; $ty ; $root ; $file ; $field); )*
    };
}
pub(crate) use lists;

/// The `pub static NAME` of a list written `name / NAME` in [`lists!`]; nothing for the others.
macro_rules! static_list {
    ($(#[$meta:meta])* ; ; $ty:ident ; $root:literal ; $file:literal ; $field:ident) => {};
    ($(#[$meta:meta])* ; $name:ident ; $ty:ident ; $root:literal ; $file:literal ; $field:ident) => {
        $(#[$meta])*
        pub static $name: &$crate::$ty = {
            static LIST: $crate::$ty = $crate::$ty::new(concat!("resources/lexicon/", $root, $file), text::$field);
            &LIST
        };
    };
}
pub(crate) use static_list;

#[cfg(test)]
mod tests;
