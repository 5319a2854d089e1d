//! The tokenizer the model was trained with.
//!
//! Penn-Treebank-like, the way the training corpora are tokenised: punctuation split off,
//! clitics (`'s`, `n't`) split, hyphens between words split (`US-led` → `US` `-` `led`), while
//! abbreviations (`U.S.`, `Col.`), numbers (`25,000`, `3.5`) and inner apostrophes (`O'Brien`)
//! stay whole. Training data is re-tokenised with the same rules (each gold token split further),
//! so the model sees at run time exactly the kind of tokens it learnt from.

// `ABBREVIATIONS`: resources/lexicon/en/ner/abbreviations.txt
use dateline_lexicon::en::ner::ABBREVIATIONS;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Byte spans `[start, end)` of the tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                split_chunk(text, s, i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        split_chunk(text, s, text.len(), &mut out);
    }
    out
}

/// The tokens of [`tokenize`] from the whitespace-free chunks of `text` already found (byte
/// ranges `(start, end)`, in order, each a maximal run of non-whitespace characters): the same
/// spans, without looking for the chunks again.
pub fn tokenize_chunks(text: &str, chunks: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (s, e) in chunks {
        if s < e && text.is_char_boundary(s) && text.is_char_boundary(e) && e <= text.len() {
            split_chunk(text, s, e, &mut out);
        }
    }
    out
}

/// Splits one whitespace-free chunk `text[s..e]` into tokens.
///
/// Most chunks of news are a plain word, or a word and one punctuation mark or period; those
/// are split here without the general path's per-chunk allocation (a test checks both paths
/// agree).
fn split_chunk(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let bytes = &text.as_bytes()[s..e];
    let plain = |b: &[u8]| !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric);
    if plain(bytes) {
        out.push((s, e));
    } else if bytes.len() > 1
        && matches!(bytes[bytes.len() - 1], b',' | b';' | b':' | b')' | b'!' | b'?' | b'"')
        && plain(&bytes[..bytes.len() - 1])
    {
        out.push((s, e - 1));
        out.push((e - 1, e));
    } else if bytes.len() > 1 && bytes[bytes.len() - 1] == b'.' && plain(&bytes[..bytes.len() - 1]) {
        // A word before a period: the period is its own unless the word is an abbreviation.
        let word = &text[s..e - 1];
        let initial = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
        if initial || ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str()) {
            out.push((s, e));
        } else {
            out.push((s, e - 1));
            out.push((e - 1, e));
        }
    } else {
        split_chunk_general(text, s, e, out);
    }
}

/// [`split_chunk`] for any chunk.
fn split_chunk_general(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let chunk = &text[s..e];
    let chars: Vec<(usize, char)> = chunk.char_indices().map(|(i, c)| (i + s, c)).collect();
    let n = chars.len();
    let pos = |k: usize| if k < n { chars[k].0 } else { e };
    let mut k = 0;
    while k < n {
        let c = chars[k].1;
        if is_word_char(c) {
            // A word: letters/digits with inner apostrophes, periods, commas (in numbers).
            let mut j = k + 1;
            while j < n {
                let cj = chars[j].1;
                if is_word_char(cj) {
                    j += 1;
                    continue;
                }
                let next = chars.get(j + 1).map(|x| x.1);
                let prev = chars[j - 1].1;
                let inner = next.is_some_and(is_word_char);
                if inner && (cj == '.' || (cj == ',' && prev.is_ascii_digit())) {
                    if cj == ',' && !next.is_some_and(|x| x.is_ascii_digit()) {
                        break;
                    }
                    j += 1;
                    continue;
                }
                if inner && is_apostrophe(cj) {
                    // Clitics split off: 's 're 'll 've 'm 'd and n't.
                    let rest: String = chars[j + 1..]
                        .iter()
                        .map(|x| x.1)
                        .take_while(|x| is_word_char(*x))
                        .collect::<String>()
                        .to_lowercase();
                    if matches!(rest.as_str(), "s" | "re" | "ll" | "ve" | "m" | "d") {
                        break;
                    }
                    if rest == "t" && j > k + 1 && chars[j - 1].1.eq_ignore_ascii_case(&'n') {
                        // "don't" → "do" "n't"
                        j -= 1;
                        break;
                    }
                    j += 1;
                    continue;
                }
                break;
            }
            // A trailing period belongs to an abbreviation: U.S. / Col. / single initials.
            let mut end = j;
            if end < n && chars[end].1 == '.' {
                let word: String = chars[k..end].iter().map(|x| x.1).collect();
                let lower = word.to_lowercase();
                let initials =
                    word.contains('.') || (word.chars().count() == 1 && word.chars().all(char::is_uppercase));
                if initials || ABBREVIATIONS.contains(&lower.as_str()) {
                    end += 1;
                }
            }
            out.push((pos(k), pos(end)));
            k = end;
        } else if is_apostrophe(c) {
            // A clitic ('s, 're ...) or a quote/possessive mark.
            let mut j = k + 1;
            while j < n && chars[j].1.is_alphabetic() && j - k <= 2 {
                j += 1;
            }
            let rest: String = chars[k + 1..j].iter().map(|x| x.1.to_ascii_lowercase()).collect();
            let after_ok = j >= n || !is_word_char(chars[j].1);
            let clitic = matches!(rest.as_str(), "s" | "re" | "ll" | "ve" | "m" | "d");
            // after a word ("Syria's"), or standing alone as a pre-split token ("'s")
            if after_ok && clitic && (k > 0 || j == n) {
                out.push((pos(k), pos(j)));
                k = j;
            } else {
                out.push((pos(k), pos(k + 1)));
                k += 1;
            }
        } else {
            // Punctuation: one token per character, except runs of the same (`...`, `--`).
            let mut j = k + 1;
            while j < n && chars[j].1 == c && matches!(c, '.' | '-' | '!' | '?' | '*' | '=') {
                j += 1;
            }
            out.push((pos(k), pos(j)));
            k = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn splits_like_the_treebank() {
        assert_eq!(
            toks("the United States' troops, Syria's U.S.-led Col. Gen. X."),
            ["the", "United", "States", "'", "troops", ",", "Syria", "'s", "U.S.", "-", "led", "Col.", "Gen.", "X."]
        );
        assert_eq!(toks("don't 25,000 3.5 O'Brien (IS,"), ["do", "n't", "25,000", "3.5", "O'Brien", "(", "IS", ","]);
        assert_eq!(toks("Al-Karim said."), ["Al", "-", "Karim", "said", "."]);
        assert_eq!(toks("end...\"Hi\""), ["end", "...", "\"", "Hi", "\""]);
    }

    proptest::proptest! {
        #[test]
        fn fast_paths_agree_with_the_general_one(chunk in "[a-zA-Z0-9,;:)!?\".'_é-]{1,12}") {
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            split_chunk(&chunk, 0, chunk.len(), &mut fast);
            split_chunk_general(&chunk, 0, chunk.len(), &mut general);
            proptest::prop_assert_eq!(fast, general);
        }
    }

    #[test]
    fn spans_cover_text() {
        assert_eq!(toks("'s"), ["'s"]);
        for s in ["", " ", "a", "’s", "n't", "'", "x'", "é's", "a.b.", "..", "don'", "don't"] {
            for (a, b) in tokenize(s) {
                assert!(a < b && b <= s.len(), "{s:?}");
                assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
            }
        }
    }
}
