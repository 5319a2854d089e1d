//! Averaged-perceptron training with lazy averaging: greedy (each token updated with the model's
//! own history; the default) or, with [`TrainConfig::beam`] above 1, structured over a beam of
//! tag sequences with early update (Collins and Roark 2004), the decoder the model then uses.

use crate::features::{
    dynamic_features, mark_orgs, org_phrase_hash, phrase_hash, sentence_info, static_features, Lex, Scratch, FEAT_ORGS,
};
use crate::model::{backtrack, Model, NO_HIST};
use crate::tags::{encode, Label, Tag, N_TAGS};
use crate::tokenize::tokenize;

/// One training or evaluation sentence: tokens and entity spans over token indices.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Tokens, as the corpus gives them (re-split by [`Sentence::retokenized`]).
    pub words: Vec<String>,
    /// Entities: `[start, end)` over `words`, and their label.
    pub spans: Vec<(usize, usize, Label)>,
}

impl Sentence {
    /// The sentence with every token split further by this crate's tokenizer, spans remapped,
    /// so that training sees the tokens inference will produce.
    pub fn retokenized(&self) -> Sentence {
        let mut words = Vec::new();
        let mut start_of = Vec::with_capacity(self.words.len() + 1);
        for w in &self.words {
            start_of.push(words.len());
            let toks = tokenize(w);
            if toks.is_empty() {
                words.push(w.clone());
            } else {
                words.extend(toks.into_iter().map(|(a, b)| w[a..b].to_string()));
            }
        }
        start_of.push(words.len());
        let spans = self
            .spans
            .iter()
            .filter(|(s, e, _)| s < e && *e <= self.words.len())
            .map(|&(s, e, l)| (start_of[s], start_of[e], l))
            .collect();
        Sentence { words, spans }
    }
}

/// Entity-replacement augmentation: for every sentence with entities, `copies` variants in which
/// each entity is replaced by another entity of the same label drawn from the data. The model
/// then has to learn from context and shape rather than memorise the names it saw.
pub fn augment(data: &[Sentence], copies: usize, seed: u64) -> Vec<Sentence> {
    let mut pool: Vec<Vec<Vec<String>>> = vec![Vec::new(); Label::ALL.len()];
    for s in data {
        for &(a, b, l) in &s.spans {
            pool[l as usize].push(s.words[a..b].to_vec());
        }
    }
    let mut rng = seed | 1;
    let mut next = move || {
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        rng.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    let mut out = Vec::new();
    for s in data {
        if s.spans.is_empty() {
            continue;
        }
        for _ in 0..copies {
            let mut words = Vec::new();
            let mut spans = Vec::new();
            let mut k = 0;
            let mut sorted = s.spans.clone();
            sorted.sort_by_key(|x| x.0);
            for &(a, b, l) in &sorted {
                if a < k {
                    continue;
                }
                words.extend_from_slice(&s.words[k..a]);
                let p = &pool[l as usize];
                let repl =
                    if p.is_empty() { s.words[a..b].to_vec() } else { p[(next() % p.len() as u64) as usize].clone() };
                let start = words.len();
                words.extend(repl);
                spans.push((start, words.len(), l));
                k = b;
            }
            words.extend_from_slice(&s.words[k..]);
            out.push(Sentence { words, spans });
        }
    }
    out
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Features fold into 2^hash_bits buckets.
    pub hash_bits: u8,
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffle seed (training is deterministic for a given seed and data order).
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the saved model.
    pub prune: f32,
    /// Beam width of the decoder trained for, kept in the model file (1: greedy, updated token
    /// by token; more: a beam search over the sentence, updated on the whole sequence so far
    /// when the gold sequence falls out of the beam: early update).
    pub beam: usize,
    /// The optional feature templates ([`crate::FEAT_MID_SUB`], [`crate::FEAT_BITS`]), kept in
    /// the model file (0: the templates of format 4).
    pub features: u8,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig { hash_bits: 20, epochs: 12, seed: 0x5eed_da7e, prune: 0.05, beam: 1, features: 0 }
    }
}

/// The organisation names of the optional feature [`crate::FEAT_ORGS`]: those the model keeps
/// and matches in new text (`all`), and for training, jackknifed, the names of the other folds
/// (`folds[f]`) that the sentences of fold `f` are matched against (`fold_of[k]`: the fold of
/// training sentence `k`). Empty: no names.
#[derive(Debug, Clone, Default)]
pub struct OrgNames {
    /// [`org_name_hash`]es of every name.
    pub all: Vec<u64>,
    /// Per fold, the hashes of the names found outside it.
    pub folds: Vec<Vec<u64>>,
    /// The fold of each training sentence (empty: every sentence is matched against `all`).
    pub fold_of: Vec<usize>,
}

/// The hash [`OrgNames`] keeps of an organisation name given as its tokens (as written; at most
/// six tokens are ever matched).
pub fn org_name_hash(tokens: &[&str]) -> u64 {
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let refs: Vec<&str> = lower.iter().map(String::as_str).collect();
    org_phrase_hash(&refs)
}

/// Place phrases (as written) turned into the lexicon hashes the features look up.
pub fn place_hashes<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<u64> {
    let mut out = Vec::new();
    for name in names {
        let lower = name.to_lowercase();
        let toks: Vec<&str> = tokenize(&lower).into_iter().map(|(a, b)| &lower[a..b]).collect();
        if !toks.is_empty() && toks.len() <= 4 {
            out.push(phrase_hash(&toks));
        }
    }
    out
}

struct Weights {
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    step: u32,
    mask: u64,
}

impl Weights {
    fn score(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        for &f in feats {
            let b = (f & self.mask) as usize * N_TAGS;
            for (s, w) in scores.iter_mut().zip(&self.w[b..b + N_TAGS]) {
                *s += w;
            }
        }
    }
    fn update(&mut self, feats: &[u64], tag: Tag, delta: f32) {
        for &f in feats {
            let k = (f & self.mask) as usize * N_TAGS + usize::from(tag.0);
            self.total[k] += f64::from(self.step - self.stamp[k]) * f64::from(self.w[k]);
            self.stamp[k] = self.step;
            self.w[k] += delta;
        }
    }
    fn averaged(mut self) -> Vec<f32> {
        for k in 0..self.w.len() {
            self.total[k] += f64::from(self.step - self.stamp[k]) * f64::from(self.w[k]);
        }
        let n = f64::from(self.step.max(1));
        self.total.iter().map(|t| (t / n) as f32).collect()
    }
}

/// A tag sequence of the training beam (see `model::BeamItem`), with whether it is a prefix of
/// the gold sequence.
#[derive(Clone, Copy)]
struct Item {
    score: f32,
    prev: Tag,
    prev2: Tag,
    hist: u32,
    gold: bool,
}

/// One sentence of beam training (the decoder of `Model::predict_tags` with `width`, without
/// skipping lowercase words): when the gold prefix falls out of the beam, or the best full
/// sequence is not gold, the gold prefix's features gain and the best sequence's lose (early
/// update). Returns (tokens of the best sequence that are right, tokens decoded).
fn beam_sentence(
    wts: &mut Weights,
    stat: &[Vec<u64>],
    info: &[crate::features::TokenInfo],
    gold: &[Tag],
    cfg: &TrainConfig,
    dynf: &mut Vec<u64>,
) -> (usize, usize) {
    let width = cfg.beam;
    let n = gold.len();
    let mut beam = vec![Item { score: 0.0, prev: Tag::O, prev2: Tag::O, hist: NO_HIST, gold: true }];
    let mut next: Vec<Item> = Vec::with_capacity(width);
    let mut hist: Vec<(Tag, u32)> = Vec::with_capacity(n * width);
    let mut cands: Vec<(f32, usize, Tag)> = Vec::with_capacity(width * N_TAGS);
    for i in 0..n {
        wts.step += 1;
        let mut base = [0f32; N_TAGS];
        wts.score(&stat[i], &mut base);
        let last = i + 1 == n;
        cands.clear();
        for (k, b) in beam.iter().enumerate() {
            let mut scores = base;
            dynf.clear();
            dynamic_features(i, b.prev, b.prev2, info, dynf);
            wts.score(dynf, &mut scores);
            for (t, &s) in scores.iter().enumerate() {
                let tag = Tag(t as u8);
                if b.prev.allows(tag) && !(last && tag.open()) {
                    cands.push((b.score + s, k, tag));
                }
            }
        }
        cands.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2 .0.cmp(&y.2 .0)));
        next.clear();
        for &(score, k, tag) in &cands {
            let b = beam[k];
            if next.iter().any(|x| x.prev == tag && x.prev2 == b.prev) {
                continue;
            }
            hist.push((tag, b.hist));
            let g = b.gold && tag == gold[i];
            next.push(Item { score, prev: tag, prev2: b.prev, hist: hist.len() as u32 - 1, gold: g });
            if next.len() == width {
                break;
            }
        }
        std::mem::swap(&mut beam, &mut next);
        let best = beam[0];
        if !beam.iter().any(|x| x.gold) || (last && !best.gold) {
            let pred = backtrack(&hist, best.hist, i + 1);
            update_sequence(wts, stat, info, &gold[..=i], &pred, dynf);
            let right = pred.iter().zip(gold).filter(|(p, g)| p == g).count();
            return (right, i + 1);
        }
    }
    (n, n)
}

/// The perceptron update of a sequence: the gold tags' features gain one, the predicted tags'
/// lose one, at every token whose tag or tag history differs.
fn update_sequence(
    wts: &mut Weights,
    stat: &[Vec<u64>],
    info: &[crate::features::TokenInfo],
    gold: &[Tag],
    pred: &[Tag],
    dynf: &mut Vec<u64>,
) {
    let at = |t: &[Tag], j: usize| if j < t.len() { t[j] } else { Tag::O };
    for j in 0..gold.len() {
        let (g1, g2) = (if j > 0 { gold[j - 1] } else { Tag::O }, if j > 1 { gold[j - 2] } else { Tag::O });
        let (p1, p2) = (if j > 0 { pred[j - 1] } else { Tag::O }, if j > 1 { pred[j - 2] } else { Tag::O });
        let (g, p) = (gold[j], at(pred, j));
        if g == p && g1 == p1 && g2 == p2 {
            continue;
        }
        if g != p {
            wts.update(&stat[j], g, 1.0);
            wts.update(&stat[j], p, -1.0);
        }
        dynf.clear();
        dynamic_features(j, g1, g2, info, dynf);
        wts.update(dynf, g, 1.0);
        dynf.clear();
        dynamic_features(j, p1, p2, info, dynf);
        wts.update(dynf, p, -1.0);
    }
}

/// Trains a model on `data` (already retokenised) with the place lexicon `places` and the word
/// clusters `clusters` (from [`crate::cluster_entries`]; empty for none) and, with the feature
/// [`crate::FEAT_ORGS`], the organisation names `orgs`.
/// `progress` is called after each epoch with (epoch, token accuracy on the training data).
pub fn train(
    data: &[Sentence],
    places: Vec<u64>,
    clusters: Vec<(u32, crate::WordClass)>,
    orgs: &OrgNames,
    cfg: &TrainConfig,
    mut progress: impl FnMut(usize, f64),
) -> Model {
    let lex = Lex::new(places, clusters, cfg.features, orgs.all.clone());
    let folds: Vec<Vec<u64>> = orgs
        .folds
        .iter()
        .map(|f| {
            let mut f = f.clone();
            f.sort_unstable();
            f.dedup();
            f
        })
        .collect();
    let size = (1usize << cfg.hash_bits) * N_TAGS;
    let mut wts = Weights {
        w: vec![0.0; size],
        total: vec![0.0; size],
        stamp: vec![0; size],
        step: 0,
        mask: (1u64 << cfg.hash_bits) - 1,
    };
    // features are static per sentence: compute once
    type Prepared = (Vec<Vec<u64>>, Vec<crate::features::TokenInfo>, Vec<Tag>);
    let mut scratch = Scratch::default();
    let prepared: Vec<Prepared> = data
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let mut info = sentence_info(&words, &lex, &mut scratch);
            if lex.set & FEAT_ORGS != 0 {
                if let Some(names) = orgs.fold_of.get(k).and_then(|&f| folds.get(f)) {
                    mark_orgs(&mut info, names, &scratch);
                }
            }
            let stat = (0..words.len())
                .map(|i| {
                    let mut f = Vec::new();
                    static_features(i, words[i], &info, &scratch, lex.set, &mut f);
                    f
                })
                .collect();
            (stat, info, encode(words.len(), &s.spans))
        })
        .collect();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = cfg.seed | 1;
    let mut dynf = Vec::new();
    for epoch in 0..cfg.epochs {
        // Fisher-Yates with xorshift64*
        for i in (1..order.len()).rev() {
            rng ^= rng >> 12;
            rng ^= rng << 25;
            rng ^= rng >> 27;
            let r = rng.wrapping_mul(0x2545_f491_4f6c_dd1d);
            order.swap(i, (r % (i as u64 + 1)) as usize);
        }
        let (mut right, mut all) = (0usize, 0usize);
        for &si in &order {
            let (stat, info, gold) = &prepared[si];
            if cfg.beam > 1 {
                let (r, a) = beam_sentence(&mut wts, stat, info, gold, cfg, &mut dynf);
                right += r;
                all += a;
                continue;
            }
            let mut tags: Vec<Tag> = Vec::with_capacity(gold.len());
            for i in 0..gold.len() {
                wts.step += 1;
                let prev = if i > 0 { tags[i - 1] } else { Tag::O };
                let prev2 = if i > 1 { tags[i - 2] } else { Tag::O };
                dynf.clear();
                dynamic_features(i, prev, prev2, info, &mut dynf);
                let mut scores = [0f32; N_TAGS];
                wts.score(&stat[i], &mut scores);
                wts.score(&dynf, &mut scores);
                let mut guess = Tag::O;
                let mut best = f32::MIN;
                for (t, &s) in scores.iter().enumerate() {
                    if s > best {
                        best = s;
                        guess = Tag(t as u8);
                    }
                }
                let g = gold[i];
                if guess != g {
                    wts.update(&stat[i], g, 1.0);
                    wts.update(&dynf, g, 1.0);
                    wts.update(&stat[i], guess, -1.0);
                    wts.update(&dynf, guess, -1.0);
                } else {
                    right += 1;
                }
                all += 1;
                tags.push(guess);
            }
        }
        progress(epoch + 1, right as f64 / all.max(1) as f64);
    }
    let dense = wts.averaged();
    let mut model = Model::from_dense(cfg.hash_bits, &dense, lex, cfg.prune);
    model.set_beam(cfg.beam);
    model
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::Label;

    fn sentence(text: &str, spans: &[(usize, usize, Label)]) -> Sentence {
        Sentence { words: text.split(' ').map(str::to_string).collect(), spans: spans.to_vec() }
    }

    /// A few sentences of our own, each name in two contexts.
    fn data() -> Vec<Sentence> {
        vec![
            sentence(
                "Marta Quillon visited the Brenholt Institute on Monday .",
                &[(0, 2, Label::Per), (4, 6, Label::Org)],
            ),
            sentence("The Brenholt Institute hired Marta Quillon .", &[(1, 3, Label::Org), (4, 6, Label::Per)]),
            sentence("Officials in Vastrand said little .", &[(2, 3, Label::Loc)]),
            sentence("Oskar Delvane flew to Vastrand .", &[(0, 2, Label::Per), (4, 5, Label::Loc)]),
            sentence("Nothing happened here .", &[]),
        ]
    }

    #[test]
    fn a_beam_trained_model_decodes_with_its_beam_and_keeps_it_in_its_file() {
        let cfg = TrainConfig { hash_bits: 14, epochs: 8, beam: 4, ..TrainConfig::default() };
        let model = train(&data(), Vec::new(), Vec::new(), &OrgNames::default(), &cfg, |_, _| {});
        assert_eq!(model.beam(), 4);
        for s in data() {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            assert_eq!(model.predict(&words), s.spans, "{}", s.words.join(" "));
        }
        let back = Model::from_bytes(&model.to_bytes()).expect("round trip");
        assert_eq!(back.beam(), 4);
    }

    #[test]
    fn a_start_prior_moves_only_the_opening_tags_of_its_label_and_is_kept_in_the_file() {
        let cfg = TrainConfig { hash_bits: 14, epochs: 8, beam: 4, ..TrainConfig::default() };
        let mut model = train(&data(), Vec::new(), Vec::new(), &OrgNames::default(), &cfg, |_, _| {});
        let words = ["Officials", "met", "Talverin", "."];
        let _ = model.predict(&words); // fills this thread's cache of word scores
        let before = model.prior_row();
        model.shift_start_prior(Label::Org, 2_000);
        let after = model.prior_row();
        let opening = [usize::from(Tag::new(Label::Org, 0).0), usize::from(Tag::new(Label::Org, 3).0)];
        for (t, (a, b)) in before.iter().zip(&after).enumerate() {
            assert_eq!(*b, if opening.contains(&t) { a + 2_000 } else { *a }, "tag {t}");
        }
        let back = Model::from_bytes(&model.to_bytes()).expect("round trip");
        assert_eq!(back.prior_row(), after);
        assert_eq!(back.predict(&words), model.predict(&words));
    }

    #[test]
    fn a_decoding_bias_moves_the_tags_of_its_label_and_stays_out_of_the_weights_and_the_file() {
        for beam in [1, 4] {
            let cfg = TrainConfig { hash_bits: 14, epochs: 8, beam, ..TrainConfig::default() };
            let mut model = train(&data(), Vec::new(), Vec::new(), &OrgNames::default(), &cfg, |_, _| {});
            let words = ["Officials", "met", "Talverin", "Brook", "on", "Monday", "."];
            let plain = model.predict(&words); // fills this thread's cache of word scores
            for pos in 0..4 {
                model.set_tag_bias(Label::Org, pos, 1_000_000);
            }
            assert_eq!(model.tag_bias(Label::Org, 3), 1_000_000);
            assert_eq!(model.tag_bias(Label::Per, 3), 0);
            let biased = model.predict(&words);
            assert!(
                biased.iter().any(|&(a, b, l)| l == Label::Org && a <= 2 && b >= 4),
                "beam {beam}: {biased:?} (unbiased {plain:?})"
            );
            assert!(biased.iter().all(|s| s.2 == Label::Org), "beam {beam}: {biased:?}");
            for pos in 0..4 {
                model.set_tag_bias(Label::Org, pos, -1_000_000);
            }
            assert!(model.predict(&words).iter().all(|s| s.2 != Label::Org), "beam {beam}");
            // not written to the file: the weights read back decode as before the bias
            let back = Model::from_bytes(&model.to_bytes()).expect("round trip");
            assert_eq!(back.tag_bias(Label::Org, 0), 0);
            assert_eq!(back.predict(&words), plain, "beam {beam}");
            for pos in 0..4 {
                model.set_tag_bias(Label::Org, pos, 0);
            }
            assert_eq!(model.predict(&words), plain, "beam {beam}");
        }
    }
}
