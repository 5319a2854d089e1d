#!/usr/bin/env python3
"""Quotes on GUM's quote markup (Wikinews news and interviews): dateline vs textacy, same run.

Reproduce (writes the tables to stdout; docs/accuracy-quotes.md quotes them):

    cargo build --release -p dateline
    $HOME/.venvs/peers/bin/python scripts/eval_quotes_gum.py [--data ../shared/data/gum/news]
        [--binary target/release/dateline] [--no-textacy] [--dump FILE]

The data is read in place and never copied into the repository: each document's text is rebuilt
from GUM's xml (one token per line, first column the token; <s> sentences inside <p>/<head>/
<item>/<caption>/<l>/<sp> blocks) with the spacing of the matching CoNLL-U file (SpaceAfter=No,
multi-word tokens such as "won't"), one block per paragraph, blocks separated by a blank line;
the rebuilt texts go to a temporary directory outside the repository and are removed afterwards.

Gold: every <quote> and <q> element (xml cannot let an element cross a sentence, so a quotation
of several sentences is several elements: elements separated only by whitespace are joined into
one gold quote). <quote rend="block"> (quotations set off as a block: 3 in these 43 documents) count
like the others and their recall is also reported on its own; <q> (short quoted words, names,
titles, scare quotes) and <quote> recall are reported apart too. Spans are code-point offsets into
the rebuilt text, which is checked to be exactly the text dateline returns (the script stops if
normalisation changed it). Each corpus is scored on all its documents and on those with at least one
quote element (GUM leaves some documents without quote markup though they quote people).

Ours: dateline `analyze --json` quotes of kind direct and partial (GUM marks only quoted
material); indirect quotes are scored as a separate row. textacy 0.13 direct_quotations over
spaCy en_core_web_sm on the same texts, with the PolNeAR script's policy (run_textacy).

Matching and measures are the PolNeAR script's (eval_quotes_textacy.match): one-to-one, greedy by
overlap; exact = equal after trimming whitespace, double quote marks and . , at both ends;
majority = shared words >= half of gold's and half of ours; any = one character in common.
P = matched ours / ours, R = matched gold / gold.
"""
import argparse, glob, html, json, os, re, shutil, subprocess, sys, tempfile, time, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # importing eval_quotes_textacy must not leave __pycache__ in the repo
from eval_quotes_textacy import match, prf, run_textacy  # noqa: E402

BLOCKS = {"p", "head", "item", "caption", "l", "sp", "list", "lg", "figure"}
QUOTES = {"quote", "q"}
OPEN_MARKS = "\"\u201c\u201e\u00ab`'\u2018"


def conllu_spacing(path):
    """(form, space_after) per syntactic word, in order; a multi-word token's SpaceAfter goes to its
    last word and its inner words get no space."""
    out, rng = [], None
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if "-" in cols[0]:
            a, b = cols[0].split("-")
            rng = (int(a), int(b), "SpaceAfter=No" not in cols[9])
            continue
        if "." in cols[0]:
            continue
        i, sp = int(cols[0]), "SpaceAfter=No" not in cols[9]
        if rng and rng[0] <= i <= rng[1]:
            sp = rng[2] if i == rng[1] else False
        if rng and i >= rng[1]:
            rng = None
        out.append((cols[1], sp))
    return out


def rebuild(xml_path, conllu_path):
    """Plain text of one GUM document, and its quote elements as (start, end, tag, rend)."""
    events, tokens = [], []  # events: ("open"/"close", tag, attrs) or ("tok", index)
    for line in open(xml_path, encoding="utf-8"):
        line = line.rstrip("\n")
        if "\t" in line:
            events.append(("tok", len(tokens)))
            tokens.append(html.unescape(line.split("\t")[0]))
        elif line.startswith("</"):
            events.append(("close", line[2:].strip("> "), ""))
        elif line.startswith("<"):
            m = re.match(r"<(\w+)(.*?)/?>$", line)
            if m:
                events.append(("open", m.group(1), m.group(2)))
                if line.endswith("/>"):
                    events.append(("close", m.group(1), ""))
    spacing = conllu_spacing(conllu_path) if os.path.exists(conllu_path) else []
    if [f for f, _ in spacing] != tokens:
        # Fall back on plain rules (never needed for the 43 news/interview documents at the pinned commit).
        spacing = [(t, True) for t in tokens]
        print(f"({os.path.basename(xml_path)}: CoNLL-U tokens differ, spacing by rule)", file=sys.stderr)
    parts, pos, block_open, pending_space, in_w = [], 0, False, False, 0
    stack, quotes, ev_last = [], [], None

    def emit(s):
        nonlocal pos
        parts.append(s); pos += len(s)

    for ev in events:
        if ev[0] == "tok":
            if not block_open:
                if pos:
                    emit("\n\n")
                block_open, pending_space = True, False
            elif pending_space:
                emit(" ")
            # a quote element opened since the last token starts here
            for q in stack:
                if q[1] is None:
                    q[1] = pos
            emit(tokens[ev[1]])
            pending_space = spacing[ev[1]][1] and not in_w
        elif ev[1] in BLOCKS or (ev[1] == "quote" and "block" in ev[2]):
            block_open = False
        if ev[1] == "w":  # an orthographic word GUM splits into tokens ("six-member"): no spaces inside
            in_w += 1 if ev[0] == "open" else -1
            if ev[0] == "close":
                pending_space = spacing[ev_last][1] if ev_last is not None else pending_space
        if ev[0] == "tok":
            ev_last = ev[1]
        if ev[0] == "open" and ev[1] in QUOTES:
            rend = re.search(r'rend="([^"]*)"', ev[2])
            stack.append([ev[1], None, rend.group(1) if rend else ""])
        elif ev[0] == "close" and ev[1] in QUOTES:
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == ev[1]:
                    tag, start, rend = stack.pop(k)
                    if start is not None and start < pos:
                        quotes.append((start, pos, tag, rend))
                    break
    return "".join(parts), quotes


def gold_quotes(text, elems):
    """Join elements split only by a sentence boundary (same tag and rend, whitespace between)."""
    elems = sorted(elems)
    gold = []
    for a, b, tag, rend in elems:
        g = gold[-1] if gold else None
        if g and g["tag"] == tag and g["rend"] == rend and g["content"][1] <= a and not text[g["content"][1]:a].strip() \
                and "\n\n" not in text[g["content"][1]:a] and not g.get("nested"):
            g["content"] = (g["content"][0], b); g["joined"] += 1
            continue
        nested = any(h["content"][0] <= a and b <= h["content"][1] for h in gold)
        gold.append({"content": (a, b), "tag": tag, "rend": rend, "joined": 1, "nested": nested})
    for g in gold:
        g["block"] = "block" in g["rend"]
        g["marked"] = text[g["content"][0]:g["content"][1]].lstrip()[:1] in OPEN_MARKS
    return gold


def byte_to_char(text):
    """Map from UTF-8 byte offset to code-point offset (for every char boundary and the end)."""
    m, b = {}, 0
    for i, ch in enumerate(text):
        m[b] = i; b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def run_dateline(binary, paths):
    t0 = time.perf_counter()
    proc = subprocess.run([binary, "analyze", "--json", "-j", "1", *paths], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    recs = [json.loads(l) for l in proc.stdout.splitlines() if l.strip()]
    if len(recs) != len(paths):
        raise SystemExit(f"dateline returned {len(recs)} records for {len(paths)} files: {proc.stderr[:500]}")
    return recs, wall


class Tally:
    HOWS = ("exact", "majority", "any")

    def __init__(self):
        self.n_gold = self.n_ours = 0
        self.tp = dict.fromkeys(self.HOWS, 0)
        self.found = dict.fromkeys(self.HOWS, 0)

    def add(self, text, gold, ours):
        self.n_gold += len(gold); self.n_ours += len(ours)
        for how in self.HOWS:
            pairs = match(text, gold, ours, how)
            self.tp[how] += len(pairs)
            self.found[how] += len({gi for gi, _ in pairs})

    def row(self, corpus, name):
        cells = []
        for how in self.HOWS:
            cells += [f"{x:.3f}" for x in prf(self.tp[how], self.n_ours, self.found[how], self.n_gold)]
        return f"| {corpus} | {name} | {self.n_gold} | {self.n_ours} | " + " | ".join(cells) + " |"


def recall_only(text, gold, ours, how="majority"):
    return len({gi for gi, _ in match(text, gold, ours, how)})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "gum", "news"))
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--no-textacy", action="store_true")
    ap.add_argument("--dump", help="write per-document gold / dateline / textacy quotes (JSONL, with text) for error analysis")
    args = ap.parse_args()

    docs = []
    for genre in ("news", "interview"):
        for xml in sorted(glob.glob(os.path.join(args.data, "xml", f"GUM_{genre}_*.xml"))):
            stem = os.path.basename(xml)[:-4]
            text, elems = rebuild(xml, os.path.join(args.data, "dep", stem + ".conllu"))
            text = unicodedata.normalize("NFC", text)
            docs.append({"genre": genre, "name": stem, "text": text, "gold": gold_quotes(text, elems),
                         "n_elems": len(elems)})
    if not docs:
        raise SystemExit(f"no GUM xml under {args.data}")

    tmp = tempfile.mkdtemp(prefix="gum_quotes_")
    try:
        paths = []
        for d in docs:
            p = os.path.join(tmp, d["name"] + ".txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(d["text"])
            paths.append(p)
        recs, our_s = run_dateline(args.binary, paths)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    for d, r in zip(docs, recs):
        if r["text"] != d["text"]:
            raise SystemExit(f"{d['name']}: dateline's normalised text differs from the rebuilt text; spans would not line up")
        b2c = byte_to_char(r["text"])
        d["ours"] = [{"content": (b2c[q["span"][0]], b2c[q["span"][1]]), "kind": q["kind"], "cue": q.get("cue"),
                      "speaker": None} for q in r["quotes"]]

    t_s = t_err = None
    if not args.no_textacy:
        tq, t_s, t_err = run_textacy([d["text"] for d in docs])
        for d, q in zip(docs, tq):
            d["textacy"] = q

    systems = [("dateline direct+partial", lambda d: [o for o in d["ours"] if o["kind"] in ("direct", "partial")]),
               ("dateline indirect", lambda d: [o for o in d["ours"] if o["kind"] == "indirect"])]
    if not args.no_textacy:
        systems.append(("textacy direct_quotations", lambda d: d["textacy"]))

    print("| corpus | system | gold | ours | exact P | exact R | exact F1 | majority P | majority R | majority F1 "
          "| any P | any R | any F1 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    notes = []
    for genre, label in (("news", "news"), ("interview", "interviews")):
        ds = [d for d in docs if d["genre"] == genre]
        marked_docs = [d for d in ds if d["gold"]]
        for subset, corpus in ((ds, f"{label}, all {len(ds)} docs"),
                               (marked_docs, f"{label}, {len(marked_docs)} docs with quote markup")):
            for name, pick in systems:
                t = Tally()
                for d in subset:
                    t.add(d["text"], d["gold"], pick(d))
                print(t.row(corpus, name))
        n_gold = sum(len(d["gold"]) for d in ds)
        n_elem = sum(d["n_elems"] for d in ds)
        inline = [g for d in ds for g in d["gold"] if not g["block"]]
        by_tag = {tag: sum(1 for g in inline if g["tag"] == tag) for tag in ("quote", "q")}
        n_block = n_gold - len(inline)
        notes.append(f"{label}: {n_elem} <quote>/<q> elements -> {n_gold} gold quotes after joining sentence-split "
                     f"elements: {by_tag['quote']} inline <quote>, {by_tag['q']} <q>, {n_block} block quotations "
                     f"(all in the table); {sum(1 for g in inline if g['marked'])} of the inline open with a quote mark; "
                     f"{len(ds) - len(marked_docs)} documents have no quote markup")
        for name, pick in systems:
            rec = {}
            for key, keep in (("quote", lambda g: not g["block"] and g["tag"] == "quote"),
                              ("q", lambda g: not g["block"] and g["tag"] == "q"), ("block", lambda g: g["block"])):
                rec[key] = sum(recall_only(d["text"], [g for g in d["gold"] if keep(g)], pick(d)) for d in ds)
            notes.append(f"  {name}: majority recall on <quote> {rec['quote']}/{by_tag['quote']}, on <q> {rec['q']}/{by_tag['q']}"
                         + (f", on block quotations {rec['block']}/{n_block}" if n_block else ""))
    print()
    print("\n".join(notes))
    n = len(docs)
    words = sum(len(d["text"].split()) for d in docs)
    print(f"\n{n} documents, {words} words; dateline {our_s:.2f} s wall for the whole `analyze` run (one thread)"
          + (f"; textacy {t_s:.1f} s (spaCy + direct_quotations), paragraphs textacy could not read: {t_err}" if t_s else ""))

    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({k: d.get(k) for k in ("name", "genre", "text", "gold", "ours", "textacy")}) + "\n")


if __name__ == "__main__":
    main()
