//! The trained model: hashed feature weights (quantised), the place lexicon, the file format and
//! left-to-right decoding under BILOU constraints, greedy or with a small beam.
//!
//! File format, version 5 (all integers little-endian; version 4 is the same without the
//! feature-set byte and the clusters' extra fields, i.e. feature set 0; version 3 also lacks the
//! beam width and decodes greedily; version 2 had no word clusters and fewer features, version 1
//! hashed its features differently: their weights mean nothing to this build, which refuses them):
//!
//! ```text
//! magic     "DLNER"  (5 bytes)
//! version   u16      = 5
//! hash_bits u8       features fold into 2^hash_bits buckets
//! n_tags    u8       = 17 (O + BILU × PER, ORG, LOC, EVENT)
//! beam      u8       the decoder's beam width the weights were trained for (1: greedy)
//! features  u8       the optional feature templates the weights were trained with: bit 0 the
//!                    mid and sub clusters, bit 1 the word's binarized vector, bit 2 the
//!                    organisation names, bit 3 the neighbours' binarized vectors, bit 4 the
//!                    word's with its case (bits 3-4 only with bit 1; other bits: refused)
//! scale     f32      weight = i16 × scale
//! n_places  u32      then n_places varint deltas of the sorted place-phrase hashes
//! n_clust   u32      then n_clust × (varint delta of the sorted 32-bit word keys, u16 code: fine
//!                    cluster in the low 10 bits, coarse above; with feature bit 0, u8 mid
//!                    cluster and u8 sub-cluster; with bit 1, 7 bytes high mask, 7 bytes low mask)
//! n_orgs    u32      only with feature bit 2: then n_orgs varint deltas of the sorted name hashes
//! n_rows    u32      then per row: varint bucket delta, u8 nnz, nnz × (u8 tag, i16 weight)
//! checksum  u64      FNV-1a of every byte before it
//! ```

use crate::features::{
    complete_window, context_features, dynamic_features, may_score, sentence_info_for_tagging, tag_features,
    token_features, word_tag_features, Fnv, Lex, Scratch, TokenInfo, WordClass, FEAT_ALL, FEAT_BITS, FEAT_MID_SUB,
    FEAT_ORGS,
};
use crate::tags::{Label, Tag, N_TAGS};
use crate::token_scores::TokenScores;
use crate::NerError;

const MAGIC: &[u8; 5] = b"DLNER";
/// The version of the model file format this build reads and writes.
pub const FORMAT_VERSION: u16 = 5;
const EMPTY: u32 = u32::MAX;

/// A trained entity recogniser. Immutable once loaded; share it by reference across threads.
#[derive(Clone)]
pub struct Model {
    bits: u8,
    /// bucket → row number (or EMPTY)
    index: Vec<u32>,
    /// rows × N_TAGS quantised weights
    rows: Vec<i16>,
    scale: f32,
    pub(crate) lex: Lex,
    /// Tag a word that starts with a lowercase letter `O` without scoring it, unless it continues
    /// an entity. Most tokens of news are such words, and the model almost never starts an
    /// entity on one (measured on the evaluation sets: see docs/accuracy-entities.md), so this
    /// skips most of the work. On by default; [`Model::set_skip_lowercase`] turns it off.
    skip_lowercase: bool,
    /// [`Model::tag_rows`], computed when first needed.
    tag_rows: std::sync::OnceLock<Vec<[i32; N_TAGS]>>,
    /// Beam width of the decoder (1: greedy, the best tag at each token): the one the weights
    /// were trained for, stored in the file.
    beam: usize,
    /// A constant added to each tag's score at every scored token when decoding (quantised
    /// units, those of the weights): a decoding setting, not part of the weights or the file
    /// (all zero unless [`Model::set_tag_bias`] sets one). A bias on the tags of one label
    /// trades that label's precision for its recall without retraining.
    tag_bias: [i32; N_TAGS],
    /// Which weights these are, for the per-thread cache of word scores ([`TokenScores`]): a
    /// number no other model loaded in this process has (a clone shares its weights, and so its id).
    id: u64,
}

/// A fresh [`Model::id`].
fn next_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("hash_bits", &self.bits)
            .field("rows", &(self.rows.len() / N_TAGS))
            .field("places", &self.lex.places.len())
            .field("clusters", &self.lex.cluster_keys.len())
            .finish()
    }
}

impl Default for Model {
    /// An empty model that finds nothing (for tests and for builds without a trained model).
    fn default() -> Self {
        Model {
            bits: 1,
            index: vec![EMPTY; 2],
            rows: Vec::new(),
            scale: 1.0,
            lex: Lex::new(Vec::new(), Vec::new(), 0, Vec::new()),
            skip_lowercase: true,
            beam: 1,
            tag_bias: [0; N_TAGS],
            tag_rows: Default::default(),
            id: next_id(),
        }
    }
}

/// A recognised entity: token range `[start, end)` and its label.
pub type TokenSpan = (usize, usize, Label);

impl Model {
    /// Builds a model from averaged float weights (`dense[bucket * N_TAGS + tag]`), pruning
    /// weights whose magnitude rounds to zero at 16-bit precision times `prune`.
    pub(crate) fn from_dense(bits: u8, dense: &[f32], lex: Lex, prune: f32) -> Model {
        let max = dense.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut index = vec![EMPTY; 1usize << bits];
        let mut rows = Vec::new();
        for (b, slot) in index.iter_mut().enumerate() {
            let row = &dense[b * N_TAGS..(b + 1) * N_TAGS];
            let q: Vec<i16> = row
                .iter()
                .map(|w| if w.abs() < prune { 0 } else { (w / scale).round().clamp(-32767.0, 32767.0) as i16 })
                .collect();
            if q.iter().any(|&x| x != 0) {
                *slot = (rows.len() / N_TAGS) as u32;
                rows.extend_from_slice(&q);
            }
        }
        Model {
            bits,
            index,
            rows,
            scale,
            lex,
            skip_lowercase: true,
            beam: 1,
            tag_bias: [0; N_TAGS],
            tag_rows: Default::default(),
            id: next_id(),
        }
    }

    /// Whether lowercase words outside an entity are tagged `O` unscored (the default).
    pub fn set_skip_lowercase(&mut self, on: bool) {
        self.skip_lowercase = on;
    }

    /// Sets the decoder's beam width (1: greedy; at most 255). A model decodes best with the
    /// width it was trained for, which it keeps in its file: this is for experiments.
    pub fn set_beam(&mut self, width: usize) {
        self.beam = width.clamp(1, 255);
    }

    /// The decoder's beam width.
    pub fn beam(&self) -> usize {
        self.beam
    }

    /// Sets the decoding bias of one tag of `label` (`pos`: 0 B, 1 I, 2 L, 3 U; others are
    /// ignored) to `bias`, in the quantised units of the weights ([`Model::scale`] turns them
    /// into perceptron units): the constant is added to that tag's score at every token the
    /// decoder scores. The weights are untouched (a word's cached scores stay valid); the bias
    /// is not written to the model file.
    pub fn set_tag_bias(&mut self, label: Label, pos: u8, bias: i32) {
        if pos < 4 {
            self.tag_bias[usize::from(Tag::new(label, pos).0)] = bias;
        }
    }

    /// The decoding bias of one tag of `label` (see [`Model::set_tag_bias`]).
    pub fn tag_bias(&self, label: Label, pos: u8) -> i32 {
        if pos < 4 {
            self.tag_bias[usize::from(Tag::new(label, pos).0)]
        } else {
            0
        }
    }

    /// The weights of the features of tags alone ([`tag_features`]): 17 rows for the previous
    /// tag, then 17 × 17 for the two previous tags (row `17 + prev2 * 17 + prev`).
    fn tag_rows(&self) -> &[[i32; N_TAGS]] {
        self.tag_rows.get_or_init(|| {
            let mut rows = vec![[0i32; N_TAGS]; N_TAGS + N_TAGS * N_TAGS];
            for p in 0..N_TAGS {
                let (single, _) = tag_features(Tag(p as u8), Tag::O);
                self.add_scores(&[single], &mut rows[p]);
                for p2 in 0..N_TAGS {
                    let (_, pair) = tag_features(Tag(p as u8), Tag(p2 as u8));
                    self.add_scores(&[pair], &mut rows[N_TAGS + p2 * N_TAGS + p]);
                }
            }
            rows
        })
    }

    /// The mean of the weights of `models` (trained on the same data and features with
    /// different seeds), pruned and quantised as training does (`prune`, in the weights' units),
    /// with the first model's lexicons and beam width. `None` when they differ in hash bits,
    /// feature set or beam width, or when there is none.
    pub fn average(models: &[&Model], prune: f32) -> Option<Model> {
        let first = models.first()?;
        if models.iter().any(|m| m.bits != first.bits || m.lex.set != first.lex.set || m.beam != first.beam) {
            return None;
        }
        let mut dense = vec![0f32; (1usize << first.bits) * N_TAGS];
        let n = models.len() as f32;
        for m in models {
            for (b, &r) in m.index.iter().enumerate() {
                if r == EMPTY {
                    continue;
                }
                let row = &m.rows[r as usize * N_TAGS..(r as usize + 1) * N_TAGS];
                for (d, &w) in dense[b * N_TAGS..(b + 1) * N_TAGS].iter_mut().zip(row) {
                    *d += f32::from(w) * m.scale / n;
                }
            }
        }
        let mut out = Model::from_dense(first.bits, &dense, first.lex.clone(), prune);
        out.set_beam(first.beam);
        Some(out)
    }

    /// The constant feature's weights (every scored token has it), one per tag, in the
    /// quantised units of the rows.
    pub fn prior_row(&self) -> [i16; N_TAGS] {
        let mut out = [0i16; N_TAGS];
        let mask = (1u64 << self.bits) - 1;
        let r = self.index[(crate::features::constant_feature() & mask) as usize];
        if r != EMPTY {
            out.copy_from_slice(&self.rows[r as usize * N_TAGS..(r as usize + 1) * N_TAGS]);
        }
        out
    }

    /// Adds `delta` (quantised units) to the constant feature's weight of the tags that open
    /// an entity of `label` (B and U): a prior for (or against) starting one, every scored
    /// token alike.
    pub fn shift_start_prior(&mut self, label: Label, delta: i16) {
        self.shift_prior(label, 0, delta);
        self.shift_prior(label, 3, delta);
    }

    /// Adds `delta` (quantised units) to the constant feature's weight of one tag of `label`
    /// (`pos`: 0 B, 1 I, 2 L, 3 U).
    pub fn shift_prior(&mut self, label: Label, pos: u8, delta: i16) {
        let mask = (1u64 << self.bits) - 1;
        let slot = (crate::features::constant_feature() & mask) as usize;
        if self.index[slot] == EMPTY {
            self.index[slot] = (self.rows.len() / N_TAGS) as u32;
            self.rows.extend_from_slice(&[0; N_TAGS]);
        }
        let r = self.index[slot] as usize;
        let w = &mut self.rows[r * N_TAGS + usize::from(Tag::new(label, pos).0)];
        *w = w.saturating_add(delta);
        // other weights now: the cached word scores and tag rows belong to the old ones
        self.id = next_id();
        self.tag_rows = Default::default();
    }

    /// Number of feature rows with a non-zero weight.
    pub fn n_rows(&self) -> usize {
        self.rows.len() / N_TAGS
    }

    fn add_scores(&self, feats: &[u64], scores: &mut [i32; N_TAGS]) {
        // Two passes: first every feature's row number, then the rows. The index and the rows
        // are megabytes, so nearly every load misses the cache; loads that do not wait on one
        // another overlap, and the first pass's loads are all independent.
        let mask = (1u64 << self.bits) - 1;
        let mut found = [0u32; 64];
        for chunk in feats.chunks(found.len()) {
            let mut n = 0;
            for &f in chunk {
                let r = self.index[(f & mask) as usize];
                found[n] = r;
                n += usize::from(r != EMPTY);
            }
            for &r in &found[..n] {
                let row = &self.rows[r as usize * N_TAGS..(r as usize + 1) * N_TAGS];
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
        }
    }

    /// [`Model::add_scores`] of several feature lists at once: `feats[ends[k - 1]..ends[k]]`
    /// (from 0 for `k = 0`) into `out[k]`. One pass of row numbers over every list, then one of
    /// rows: the loads of all the lists overlap instead of waiting list after list.
    fn add_scores_split(&self, feats: &[u64], ends: &[usize], out: &mut [[i32; N_TAGS]]) {
        let mask = (1u64 << self.bits) - 1;
        let mut found = [(0u32, 0u8); 64];
        let mut seg = 0;
        let mut start = 0;
        while start < feats.len() {
            let stop = feats.len().min(start + found.len());
            let mut n = 0;
            for (j, &f) in feats[start..stop].iter().enumerate() {
                while ends[seg] <= start + j {
                    seg += 1;
                }
                let r = self.index[(f & mask) as usize];
                found[n] = (r, seg as u8);
                n += usize::from(r != EMPTY);
            }
            for &(r, k) in &found[..n] {
                let row = &self.rows[r as usize * N_TAGS..(r as usize + 1) * N_TAGS];
                for (s, &w) in out[usize::from(k)].iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
            start = stop;
        }
    }

    /// Labels the tokens of one sentence; returns entity spans over token indices.
    ///
    /// Person spans lose leading titles and honorifics (`Mr`, `President`), which the training
    /// corpora do not agree on; the entity stage reads titles separately.
    pub fn predict(&self, words: &[&str]) -> Vec<TokenSpan> {
        let mut spans = crate::tags::decode(&self.predict_tags(words));
        for sp in &mut spans {
            if sp.2 == Label::Per {
                while sp.1 - sp.0 > 1 && crate::lexicon::is_person_title(words[sp.0]) {
                    sp.0 += 1;
                }
            }
        }
        spans
    }

    pub(crate) fn predict_tags(&self, words: &[&str]) -> Vec<Tag> {
        if self.beam > 1 {
            return self.predict_tags_beam(words);
        }
        let mut scratch = Scratch::default();
        let mut info = sentence_info_for_tagging(words, &self.lex, &mut scratch);
        let mut feats = Vec::with_capacity(48);
        let mut tags: Vec<Tag> = Vec::with_capacity(words.len());
        TokenScores::with(self.id, |cache| {
            for i in 0..words.len() {
                let prev = if i > 0 { tags[i - 1] } else { Tag::O };
                if self.skip_lowercase && !may_score(&info[i]) && !prev.open() {
                    // See `skip_lowercase`: outside an entity, a lowercase word or a punctuation
                    // mark stays outside.
                    tags.push(Tag::O);
                    continue;
                }
                if !may_score(&info[i]) {
                    // a lowercase word or a mark continuing an entity: its neighbours' facts
                    complete_window(&mut info, i, words, &self.lex, &scratch);
                }
                let prev2 = if i > 1 { tags[i - 2] } else { Tag::O };
                // The word's own features weigh the same wherever it stands: summed once per
                // distinct word (and sentence-initial flag), then reused.
                let mut scores = cache.get_or_insert(words[i], i == 0, |own| {
                    feats.clear();
                    token_features(i == 0, words[i], &info[i], scratch.lower(i), self.lex.set, &mut feats);
                    self.add_scores(&feats, own);
                });
                feats.clear();
                context_features(i, &info, self.lex.set, &mut feats);
                dynamic_features(i, prev, prev2, &info, &mut feats);
                self.add_scores(&feats, &mut scores);
                add_row(&mut scores, &self.tag_bias);
                let last = i + 1 == words.len();
                tags.push(best_tag(&scores, prev, last, &info, i));
            }
        });
        tags
    }

    /// [`Model::predict_tags`] with a beam of [`Model::beam`] tag sequences: at each token every
    /// sequence of the beam is extended by every tag its last tag allows, and the best `beam`
    /// extensions are kept, one per (previous tag, tag) pair (the only history the features
    /// read, so a lower sequence ending in the same pair could never overtake).
    fn predict_tags_beam(&self, words: &[&str]) -> Vec<Tag> {
        BEAM_BUFFERS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buffers) => self.predict_tags_beam_with(words, &mut buffers),
            Err(_) => self.predict_tags_beam_with(words, &mut BeamBuffers::default()),
        })
    }

    /// [`Model::predict_tags_beam`] with the thread's buffers (emptied first: nothing of the
    /// sentence before is read).
    fn predict_tags_beam_with(&self, words: &[&str], buffers: &mut BeamBuffers) -> Vec<Tag> {
        let BeamBuffers { scratch, feats, beam, next, hist, by_prev, ends, sums } = buffers;
        let mut info = sentence_info_for_tagging(words, &self.lex, scratch);
        feats.clear();
        beam.clear();
        beam.push(BeamItem { score: 0, prev: Tag::O, prev2: Tag::O, hist: NO_HIST });
        next.clear();
        hist.clear();
        by_prev.clear();
        ends.clear();
        sums.clear();
        let tag_rows = self.tag_rows();
        TokenScores::with(self.id, |cache| {
            for i in 0..words.len() {
                let scored = may_score(&info[i]);
                let open = |b: &BeamItem| b.prev.open();
                // a lesser sequence inside a name may go on over a word before a capitalised one
                let connector = || beam.iter().any(open) && (1..=2).any(|k| info.get(i + k).is_some_and(may_score));
                if self.skip_lowercase && !scored && !open(&beam[0]) && !connector() {
                    // See `skip_lowercase`: outside an entity, a lowercase word or a punctuation
                    // mark stays outside. When the best sequence is outside one, the lesser
                    // sequences still inside one go on only over a word before a capitalised one
                    // ("Office for National ...", "Bank of the ..."), else they end there:
                    // scoring every lowercase word after a name for them cost a tenth of the
                    // whole analysis' time.
                    beam.retain(|b| !b.prev.open());
                    // Every sequence now ends in `O`: of two with the same tag before it, the
                    // later (no better: the beam is best first) reads the same features from
                    // here on, so it can never overtake, and at the next scored token each of its
                    // extensions would lose to the better one's (one per pair of tags). Dropped
                    // now, it is neither carried nor extended.
                    let mut kept = 0;
                    for k in 0..beam.len() {
                        let b = beam[k];
                        if beam[..kept].iter().any(|e| e.prev2 == b.prev) {
                            continue;
                        }
                        hist.push((Tag::O, b.hist));
                        beam[kept] =
                            BeamItem { score: b.score, prev: Tag::O, prev2: b.prev, hist: hist.len() as u32 - 1 };
                        kept += 1;
                    }
                    beam.truncate(kept);
                    continue;
                }
                if !scored {
                    complete_window(&mut info, i, words, &self.lex, scratch);
                }
                let mut base = cache.get_or_insert(words[i], i == 0, |own| {
                    feats.clear();
                    token_features(i == 0, words[i], &info[i], scratch.lower(i), self.lex.set, feats);
                    self.add_scores(feats, own);
                });
                // The context's features and those of each distinct previous tag of the beam
                // with the word, summed in one pass (their weights are scattered over megabytes:
                // the loads of every list overlap).
                feats.clear();
                context_features(i, &info, self.lex.set, feats);
                ends.clear();
                ends.push(feats.len());
                by_prev.clear();
                for b in beam.iter() {
                    if !by_prev.iter().any(|p| p.0 == b.prev) {
                        by_prev.push((b.prev, [0; N_TAGS]));
                        word_tag_features(i, b.prev, &info, feats);
                        ends.push(feats.len());
                    }
                }
                sums.clear();
                sums.resize(ends.len(), [0; N_TAGS]);
                self.add_scores_split(feats, ends, sums);
                add_row(&mut base, &sums[0]);
                add_row(&mut base, &self.tag_bias);
                for (p, s) in by_prev.iter_mut().zip(&sums[1..]) {
                    p.1 = base;
                    add_row(&mut p.1, s);
                    add_row(&mut p.1, &tag_rows[usize::from(p.0 .0)]);
                }
                let last = i + 1 == words.len();
                next.clear();
                for b in beam.iter() {
                    let k = by_prev.iter().position(|p| p.0 == b.prev).unwrap_or(0);
                    let mut scores = by_prev[k].1;
                    add_row(&mut scores, &tag_rows[N_TAGS + usize::from(b.prev2.0) * N_TAGS + usize::from(b.prev.0)]);
                    for &tag in b.prev.successors() {
                        if last && tag.open() {
                            continue;
                        }
                        let score = b.score + i64::from(scores[usize::from(tag.0)]);
                        // the best `beam` extensions, best first, one per (previous tag, tag)
                        if next.len() == self.beam && score <= next[next.len() - 1].score {
                            continue;
                        }
                        if let Some(j) = next.iter().position(|n| n.prev == tag && n.prev2 == b.prev) {
                            if next[j].score >= score {
                                continue;
                            }
                            next.remove(j);
                        } else if next.len() == self.beam {
                            next.pop();
                        }
                        let at = next.iter().position(|n| n.score < score).unwrap_or(next.len());
                        next.insert(at, BeamItem { score, prev: tag, prev2: b.prev, hist: b.hist });
                    }
                }
                for n in next.iter_mut() {
                    hist.push((n.prev, n.hist));
                    n.hist = hist.len() as u32 - 1;
                }
                std::mem::swap(beam, next);
            }
        });
        backtrack(hist, beam.first().map_or(NO_HIST, |b| b.hist), words.len())
    }

    /// Serialises the model (format above).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.push(self.bits);
        out.push(N_TAGS as u8);
        out.push(self.beam as u8);
        out.push(self.lex.set);
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(self.lex.places.len() as u32).to_le_bytes());
        let mut last = 0u64;
        for &p in &self.lex.places {
            varint(&mut out, p - last);
            last = p;
        }
        out.extend_from_slice(&(self.lex.cluster_keys.len() as u32).to_le_bytes());
        let mut last = 0u32;
        for (&k, c) in self.lex.cluster_keys.iter().zip(&self.lex.cluster_classes) {
            varint(&mut out, u64::from(k - last));
            out.extend_from_slice(&(c.fine | u16::from(c.coarse) << 10).to_le_bytes());
            if self.lex.set & FEAT_MID_SUB != 0 {
                out.push(c.mid);
                out.push(c.sub);
            }
            if self.lex.set & FEAT_BITS != 0 {
                out.extend_from_slice(&c.high.to_le_bytes()[..7]);
                out.extend_from_slice(&c.low.to_le_bytes()[..7]);
            }
            last = k;
        }
        if self.lex.set & FEAT_ORGS != 0 {
            out.extend_from_slice(&(self.lex.orgs.len() as u32).to_le_bytes());
            let mut last = 0u64;
            for &h in &self.lex.orgs {
                varint(&mut out, h - last);
                last = h;
            }
        }
        out.extend_from_slice(&(self.n_rows() as u32).to_le_bytes());
        let mut last = 0u64;
        for (b, &r) in self.index.iter().enumerate() {
            if r == EMPTY {
                continue;
            }
            varint(&mut out, b as u64 - last);
            last = b as u64;
            let row = &self.rows[r as usize * N_TAGS..(r as usize + 1) * N_TAGS];
            out.push(row.iter().filter(|&&w| w != 0).count() as u8);
            for (t, &w) in row.iter().enumerate() {
                if w != 0 {
                    out.push(t as u8);
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Loads a model serialised by [`Model::to_bytes`], checking magic, version and checksum.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, NerError> {
        Self::parse(bytes, true)
    }

    /// Loads a model compiled into the binary (`include_bytes!`), checking everything
    /// [`Model::from_bytes`] checks but the checksum: the bytes are the ones the build read, and
    /// the checksum guards against a file damaged on disk or cut short in transfer. Summing the
    /// 6 MB byte by byte is one serial chain of multiplies, about a quarter of loading, paid by
    /// every process. The embedding crate's tests check the embedded model's checksum.
    pub fn from_embedded_bytes(bytes: &[u8]) -> Result<Model, NerError> {
        Self::parse(bytes, false)
    }

    fn parse(bytes: &[u8], verify: bool) -> Result<Model, NerError> {
        let bad = |m: &str| NerError::Format(m.to_string());
        if bytes.len() < 5 + 2 + 2 + 4 + 4 + 4 + 8 || &bytes[..5] != MAGIC {
            return Err(bad("not a dateline NER model (bad magic)"));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let mut s8 = [0u8; 8];
        s8.copy_from_slice(sum);
        if verify && checksum(body) != u64::from_le_bytes(s8) {
            return Err(bad("checksum mismatch (truncated or corrupt file)"));
        }
        let mut r = Reader { b: body, i: 5 };
        let version = u16::from_le_bytes([r.u8()?, r.u8()?]);
        if !(3..=FORMAT_VERSION).contains(&version) {
            return Err(NerError::Version(version));
        }
        let bits = r.u8()?;
        if !(1..=28).contains(&bits) {
            return Err(bad("hash bits out of range"));
        }
        if usize::from(r.u8()?) != N_TAGS {
            return Err(bad("tag set differs from this build"));
        }
        let beam = if version >= 4 { usize::from(r.u8()?.max(1)) } else { 1 };
        let set = if version >= 5 { r.u8()? } else { 0 };
        if set & !FEAT_ALL != 0 {
            return Err(bad(&format!("feature set {set:#04x} unknown to this build (it knows {FEAT_ALL:#04x})")));
        }
        let scale = f32::from_le_bytes(r.arr4()?);
        let n_places = u32::from_le_bytes(r.arr4()?) as usize;
        let mut places = Vec::with_capacity(n_places.min(body.len()));
        let mut last = 0u64;
        for _ in 0..n_places {
            last = last.wrapping_add(r.varint()?);
            places.push(last);
        }
        let n_clusters = u32::from_le_bytes(r.arr4()?) as usize;
        let mut clusters = Vec::with_capacity(n_clusters.min(body.len()));
        let mut last = 0u64;
        for _ in 0..n_clusters {
            last = last.wrapping_add(r.varint()?);
            let key = u32::try_from(last).map_err(|_| bad("cluster key out of range"))?;
            let code = u16::from_le_bytes([r.u8()?, r.u8()?]);
            let mut class = WordClass { fine: code & 0x3ff, coarse: (code >> 10) as u8, ..WordClass::default() };
            if set & FEAT_MID_SUB != 0 {
                (class.mid, class.sub) = (r.u8()?, r.u8()?);
            }
            if set & FEAT_BITS != 0 {
                let mut b = [0u8; 8];
                b[..7].copy_from_slice(r.take(7)?);
                class.high = u64::from_le_bytes(b);
                b[..7].copy_from_slice(r.take(7)?);
                class.low = u64::from_le_bytes(b);
            }
            clusters.push((key, class));
        }
        let mut orgs = Vec::new();
        if set & FEAT_ORGS != 0 {
            let n_orgs = u32::from_le_bytes(r.arr4()?) as usize;
            orgs.reserve(n_orgs.min(body.len()));
            let mut last = 0u64;
            for _ in 0..n_orgs {
                last = last.wrapping_add(r.varint()?);
                orgs.push(last);
            }
        }
        let n_rows = u32::from_le_bytes(r.arr4()?) as usize;
        let mut index = vec![EMPTY; 1usize << bits];
        let mut rows = vec![0i16; n_rows.min(body.len()) * N_TAGS];
        let mut last = 0u64;
        for row in 0..n_rows {
            last = last.wrapping_add(r.varint()?);
            let slot = index.get_mut(last as usize).ok_or_else(|| bad("bucket out of range"))?;
            *slot = row as u32;
            // The row's cells (tag, weight) come as one slice: one bounds check per row, not
            // three per cell (loading is paid by every process, the CLI's per-file runs too).
            let nnz = usize::from(r.u8()?);
            let cells = r.take(3 * nnz)?;
            let out = rows.get_mut(row * N_TAGS..(row + 1) * N_TAGS).ok_or_else(|| bad("row out of range"))?;
            for c in cells.chunks_exact(3) {
                let cell = out.get_mut(usize::from(c[0])).ok_or_else(|| bad("row out of range"))?;
                *cell = i16::from_le_bytes([c[1], c[2]]);
            }
        }
        if r.i != body.len() {
            return Err(bad("trailing bytes"));
        }
        Ok(Model {
            bits,
            index,
            rows,
            scale,
            lex: Lex::new(places, clusters, set, orgs),
            skip_lowercase: true,
            beam,
            tag_bias: [0; N_TAGS],
            tag_rows: Default::default(),
            id: next_id(),
        })
    }

    /// The factor that turns a quantised score back into perceptron units.
    pub fn scale(&self) -> f32 {
        self.scale
    }
}

/// `row` added to `scores`.
fn add_row(scores: &mut [i32; N_TAGS], row: &[i32; N_TAGS]) {
    for (s, r) in scores.iter_mut().zip(row) {
        *s += r;
    }
}

/// No history: the beam's first sequence before its first token.
pub(crate) const NO_HIST: u32 = u32::MAX;

/// The `len` tags of the sequence whose last tag is history entry `h` (each entry is a tag and
/// the entry before it); tags before the history's start stay `O`.
pub(crate) fn backtrack(hist: &[(Tag, u32)], mut h: u32, len: usize) -> Vec<Tag> {
    let mut tags = vec![Tag::O; len];
    for t in tags.iter_mut().rev() {
        if h == NO_HIST {
            break;
        }
        let (tag, back) = hist[h as usize];
        *t = tag;
        h = back;
    }
    tags
}

/// A tag sequence of the beam: its score, its last two tags and where its last tag is kept in
/// the history (each entry points back to the one before it).
/// The buffers of one beam decoding, kept by each thread from sentence to sentence (a dozen
/// allocations per sentence otherwise).
#[derive(Default)]
struct BeamBuffers {
    scratch: Scratch,
    /// Features of the token being scored: the context's, then each previous tag's.
    feats: Vec<u64>,
    beam: Vec<BeamItem>,
    next: Vec<BeamItem>,
    hist: Vec<(Tag, u32)>,
    /// The scores of each previous tag of the beam's sequences (few: most share one).
    by_prev: Vec<(Tag, [i32; N_TAGS])>,
    /// Where each list of features ends in `feats`, and their sums (see `add_scores_split`).
    ends: Vec<usize>,
    sums: Vec<[i32; N_TAGS]>,
}

thread_local! {
    static BEAM_BUFFERS: std::cell::RefCell<BeamBuffers> = std::cell::RefCell::new(BeamBuffers::default());
}

#[derive(Clone, Copy)]
struct BeamItem {
    score: i64,
    prev: Tag,
    prev2: Tag,
    hist: u32,
}

/// The best tag that may follow `prev` (and may end the sentence when `last`).
fn best_tag(scores: &[i32; N_TAGS], prev: Tag, last: bool, _info: &[TokenInfo], _i: usize) -> Tag {
    let mut best = Tag::O;
    let mut best_s = i32::MIN;
    for (t, &s) in scores.iter().enumerate() {
        let tag = Tag(t as u8);
        if !prev.allows(tag) || (last && tag.open()) {
            continue;
        }
        if s > best_s {
            best_s = s;
            best = tag;
        }
    }
    best
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(crate) fn checksum(b: &[u8]) -> u64 {
    let mut h = Fnv::new(0);
    for &x in b {
        h.byte(x);
    }
    h.finish()
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    #[inline]
    fn u8(&mut self) -> Result<u8, NerError> {
        let v = *self.b.get(self.i).ok_or_else(Self::short)?;
        self.i += 1;
        Ok(v)
    }
    /// The next `n` bytes.
    #[inline]
    fn take(&mut self, n: usize) -> Result<&'a [u8], NerError> {
        let end = self.i.checked_add(n).ok_or_else(Self::short)?;
        let bytes = self.b.get(self.i..end).ok_or_else(Self::short)?;
        self.i = end;
        Ok(bytes)
    }
    #[cold]
    fn short() -> NerError {
        NerError::Format("unexpected end of model".into())
    }
    fn arr4(&mut self) -> Result<[u8; 4], NerError> {
        Ok([self.u8()?, self.u8()?, self.u8()?, self.u8()?])
    }
    /// A LEB128 varint. One byte (nearly every bucket delta of the rows: a model loads some
    /// 600,000 varints, in every process) is read inline, without the loop.
    #[inline]
    fn varint(&mut self) -> Result<u64, NerError> {
        match self.b.get(self.i) {
            Some(&b) if b < 0x80 => {
                self.i += 1;
                Ok(u64::from(b))
            }
            _ => self.varint_long(),
        }
    }
    fn varint_long(&mut self) -> Result<u64, NerError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(NerError::Format("varint too long".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The one-byte shortcut of `Reader::varint` reads what the loop reads, ends and errors
        /// included, and leaves the reader at the same byte.
        #[test]
        fn varint_shortcut_equals_the_loop(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..24)) {
            let (mut fast, mut slow) = (Reader { b: &bytes, i: 0 }, Reader { b: &bytes, i: 0 });
            loop {
                let (a, b) = (fast.varint(), slow.varint_long());
                proptest::prop_assert_eq!(format!("{a:?}"), format!("{b:?}"));
                proptest::prop_assert_eq!(fast.i, slow.i);
                if a.is_err() {
                    break;
                }
            }
        }
    }

    fn small_model_with(set: u8) -> Model {
        // two non-empty buckets over 2^4, two place hashes, two words' classes
        let mut dense = vec![0f32; 16 * N_TAGS];
        dense[3 * N_TAGS + 1] = 1.5;
        dense[9 * N_TAGS + 5] = -0.75;
        let a = WordClass { fine: 3, coarse: 0, mid: 200, sub: 3, high: 1 << 49 | 5, low: 1 << 2 };
        let b = WordClass { fine: 1, coarse: 1, mid: 7, sub: 1, high: 0, low: (1 << 50) - 1 };
        Model::from_dense(4, &dense, Lex::new(vec![42, 7], vec![(9, a), (1000, b)], set, vec![5, 1 << 40]), 0.0)
    }

    fn small_model() -> Model {
        small_model_with(0)
    }

    /// Re-seals `bytes` (without its checksum) with a valid checksum.
    fn sealed(mut body: Vec<u8>) -> Vec<u8> {
        let sum = checksum(&body);
        body.extend_from_slice(&sum.to_le_bytes());
        body
    }

    #[test]
    fn a_model_reads_back_to_the_same_bytes() {
        let bytes = small_model().to_bytes();
        let back = Model::from_bytes(&bytes).expect("round trip");
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(back.n_rows(), 2);
        assert_eq!(&bytes[5..7], &FORMAT_VERSION.to_le_bytes());
    }

    #[test]
    fn older_format_models_are_refused_not_misread() {
        // Formats 1 and 2 hashed other features (and 2 had no clusters): their weights would
        // load and predict nonsense, so the version must stop them.
        for old in [1u16, 2] {
            let bytes = small_model().to_bytes();
            let mut body = bytes[..bytes.len() - 8].to_vec();
            body[5..7].copy_from_slice(&old.to_le_bytes());
            assert!(matches!(Model::from_bytes(&sealed(body)), Err(NerError::Version(v)) if v == old));
        }
    }

    #[test]
    fn version_3_models_load_and_decode_greedily() {
        let mut model = small_model();
        model.set_beam(4);
        let bytes = model.to_bytes();
        assert_eq!(Model::from_bytes(&bytes).expect("version 5").beam(), 4);
        // version 4: no feature-set byte after the beam width (set 0: no extra cluster fields)
        let mut body = bytes[..bytes.len() - 8].to_vec();
        body[5..7].copy_from_slice(&4u16.to_le_bytes());
        body.remove(10);
        let v4 = Model::from_bytes(&sealed(body.clone())).expect("version 4");
        assert_eq!((v4.beam(), v4.lex.set), (4, 0));
        assert_eq!(v4.lex.cluster_classes, model.lex.cluster_classes);
        // version 3: no beam byte after the tag count either
        body[5..7].copy_from_slice(&3u16.to_le_bytes());
        body.remove(9);
        assert_eq!(Model::from_bytes(&sealed(body)).expect("version 3").beam(), 1);
    }

    #[test]
    fn the_feature_set_and_the_word_classes_it_reads_round_trip() {
        for set in [0, FEAT_MID_SUB, FEAT_BITS, FEAT_ORGS, FEAT_ALL] {
            let model = small_model_with(set);
            let bytes = model.to_bytes();
            let back = Model::from_bytes(&bytes).expect("round trip");
            assert_eq!(back.lex.set, set);
            assert_eq!(back.lex.cluster_classes, model.lex.cluster_classes);
            assert_eq!(back.to_bytes(), bytes);
            let a = back.lex.cluster_classes[0];
            assert_eq!(a.fine, 3);
            assert_eq!((a.mid, a.sub) != (0, 0), set & FEAT_MID_SUB != 0);
            assert_eq!(a.high != 0, set & FEAT_BITS != 0);
            assert_eq!(back.lex.orgs.len(), if set & FEAT_ORGS != 0 { 2 } else { 0 });
        }
        // a feature set this build does not know is refused with its number
        let bytes = small_model().to_bytes();
        let mut body = bytes[..bytes.len() - 8].to_vec();
        body[10] = 0x80;
        let err = Model::from_bytes(&sealed(body)).expect_err("refused").to_string();
        assert!(err.contains("feature set 0x80"), "{err}");
    }

    #[test]
    fn corrupt_or_truncated_models_are_refused() {
        let bytes = small_model().to_bytes();
        let mut flipped = bytes.clone();
        flipped[12] ^= 0x10;
        assert!(matches!(Model::from_bytes(&flipped), Err(NerError::Format(_))));
        for cut in [0, 5, 20, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn embedded_bytes_load_the_same_model_unsummed_and_are_still_checked_for_structure() {
        let bytes = small_model().to_bytes();
        let unsummed = Model::from_embedded_bytes(&bytes).expect("loads");
        assert_eq!(unsummed.to_bytes(), bytes);
        // a damaged sum alone passes (the embedded path trusts the build's bytes) ...
        let mut resummed = bytes.clone();
        let last = resummed.len() - 1;
        resummed[last] ^= 0x01;
        assert!(Model::from_bytes(&resummed).is_err());
        assert_eq!(Model::from_embedded_bytes(&resummed).expect("sum not read").to_bytes(), bytes);
        // ... but every cut of the body is refused without a panic
        for cut in 0..bytes.len() - 8 {
            let mut short = bytes[..cut].to_vec();
            short.extend_from_slice(&[0; 8]);
            assert!(Model::from_embedded_bytes(&short).is_err(), "cut at {cut}");
        }
    }
}
