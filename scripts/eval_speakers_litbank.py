#!/usr/bin/env python3
"""Speakers on LitBank's quotations (fiction): is the person dateline names the one who spoke?

Reproduce (prints the tables docs/accuracy-quotes.md quotes):

    cargo build --release -p dateline
    python3 scripts/eval_speakers_litbank.py [--data ../shared/data/litbank/quotations/tsv]
        [--binary target/release/dateline] [--split dev|test|all] [--dump FILE]

LitBank (CC BY 4.0) links 1,765 quotations in the openings of 100 public-domain novels to the
character who speaks them. The data is read in place, never copied into the repository: each
novel's text (one tokenised sentence per line) is rebuilt with ordinary spacing (no space before
, . ; : ! ? or a closing quote mark, none after an opening one), one paragraph per turn of
dialogue (a new paragraph where a sentence opens with a quote mark outside any quotation, as
novels set them), written to a temporary directory and removed afterwards. Gold quote spans are
the code-point spans of their tokens in the rebuilt text.

Ours: every quote of `dateline analyze --json` (direct, partial, indirect), matched one to one
with the gold quotations at majority overlap (the PolNeAR script's `match`). Speaker measures on
the matched quotes:

- LitBank names the speaker by a character id ("Mrs_Bennet-7", "convict-23", "his_mother-4").
  Only quotes whose speaker id holds a name are judged: a capitalised word that is not a title
  ("Mr", "Mrs", "Dr", "Sir", "Miss", "Lady", ...) or a pronoun ("I"). Descriptions ("convict",
  "a_girl", "The_boy", "Narrator") cannot be compared with a name and are counted apart.
- right: the entity we resolved the quote to (`speaker_name`) shares a name word with the id;
  wrong: it shares none; none: we resolved no entity (a mention may be kept, e.g. "he" left
  unresolved, which is the honest answer when the text does not say).

Fiction is not news: dialogue alternates between speakers without a cue on every turn, which news
copy rarely does, so these figures measure robustness outside the genre dateline is tuned for.
Novels are split dev/test by the first byte of the SHA-1 of the file name (even: dev), as the
PolNeAR script splits articles; nothing was tuned on either half when this script was written.
"""
import argparse, glob, hashlib, json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # importing the PolNeAR script must not leave __pycache__ behind
from eval_quotes_textacy import match  # noqa: E402

OPEN_MARKS = {"\u201c", "\u2018", "``"}
CLOSE_MARKS = {"\u201d", "\u2019", "''"}
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "'s", "n't", "'ll", "'re", "'ve", "'m", "'d", "...", "--"}
TITLES = {"mr", "mrs", "ms", "dr", "sir", "miss", "lady", "lord", "madame", "mme", "mlle", "monsieur", "master",
          "captain", "uncle", "aunt", "the", "a", "an", "his", "her", "my", "i", "s", "st", "old", "young", "little"}


def split_of(name):
    return "dev" if hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def rebuild(lines):
    """Text from tokenised sentences, and each token's (start, end) code-point span, by
    (sentence, token) index. A straight double quote opens when no quotation is open."""
    out, spans, inside = [], {}, False
    pos = 0

    def emit(s):
        nonlocal pos
        out.append(s)
        pos += len(s)

    for si, line in enumerate(lines):
        toks = line.split(" ") if line else []
        opens_turn = bool(toks) and not inside and (toks[0] == '"' or toks[0] in OPEN_MARKS)
        if si > 0:
            emit("\n\n" if opens_turn else " ")
        glue = True  # no space before the sentence's first token
        for ti, tok in enumerate(toks):
            if tok == '"':
                opening = not inside
                inside = not inside
            elif tok in OPEN_MARKS:
                opening, inside = True, True
            elif tok in CLOSE_MARKS:
                opening, inside = False, False
            else:
                opening = None
            closing = opening is False
            if not glue and not closing and tok not in NO_SPACE_BEFORE:
                emit(" ")
            spans[(si, ti)] = (pos, pos + len(tok))
            emit(tok)
            glue = opening is True
    # dateline trims the text's ends: a last empty line would leave a space there.
    return "".join(out).rstrip(), spans


def read_gold(ann, spans):
    quotes, speakers = {}, {}
    for line in open(ann, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "QUOTE" and len(f) >= 6:
            s0, t0, s1, t1 = map(int, f[2:6])
            a, b = spans.get((s0, t0)), spans.get((s1, t1))
            if a and b:
                quotes[f[1]] = (a[0], b[1])
        elif f[0] == "ATTRIB" and len(f) >= 3:
            speakers[f[1]] = f[2]
    return [{"id": q, "content": span, "speaker": speakers.get(q)} for q, span in quotes.items()]


def name_words(speaker_id):
    """The name words of a LitBank character id ("Mrs__Hall-3" -> {"hall"}); empty for a description."""
    base = re.sub(r"-\d+$", "", speaker_id or "")
    words = [w for w in re.split(r"[_\W]+", base) if w]
    return {w.lower() for w in words if w[:1].isupper() and w.lower() not in TITLES}


def b2c(text):
    m, b = {}, 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "litbank", "quotations", "tsv"))
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--split", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--dump", help="write each judged quote (dev only) as JSONL, for error analysis")
    args = ap.parse_args()
    if args.dump and args.split != "dev":
        sys.exit("--dump reads errors: dev only")
    novels = sorted(glob.glob(os.path.join(args.data, "*.ann")))
    if not novels:
        sys.exit(f"no LitBank quotations under {args.data}")
    tmp = tempfile.mkdtemp(prefix="dl-litbank-")
    try:
        docs = []
        for ann in novels:
            stem = os.path.basename(ann)[:-4]
            split = split_of(stem)
            if args.split != "all" and split != args.split:
                continue
            lines = open(ann[:-4] + ".txt", encoding="utf-8").read().split("\n")
            text, spans = rebuild(lines)
            path = os.path.join(tmp, stem + ".txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            docs.append((stem, split, path, text, read_gold(ann, spans)))
        proc = subprocess.run([args.binary, "analyze", "--json", "-j", "1", *[d[2] for d in docs]],
                              capture_output=True, text=True, check=True)
        recs = [json.loads(l) for l in proc.stdout.splitlines() if l.strip()]
        if len(recs) != len(docs):
            sys.exit(f"dateline returned {len(recs)} records for {len(docs)} files")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    rows = {}
    for (stem, split, _, text, gold), rec in zip(docs, recs):
        if rec["text"] != text:
            sys.exit(f"{stem}: dateline changed the text; spans would not line up")
        m = b2c(text)
        ours = [{"content": (m[q["span"][0]], m[q["span"][1]]), "speaker_name": q.get("speaker_name"),
                 "kind": q.get("kind"), "cue": q.get("cue")} for q in rec.get("quotes", [])]
        t = rows.setdefault(split, dict(gold=0, ours=0, matched=0, named=0, right=0, wrong=0, none=0,
                                        described=0, described_resolved=0))
        t["gold"] += len(gold)
        t["ours"] += len(ours)
        for gi, oi in match(text, gold, ours, "majority"):
            t["matched"] += 1
            names, ours_name = name_words(gold[gi]["speaker"]), ours[oi].get("speaker_name")
            if not names:
                t["described"] += 1
                t["described_resolved"] += bool(ours_name)
                continue
            t["named"] += 1
            ours_words = {w.lower() for w in re.split(r"\W+", ours_name or "") if w}
            verdict = "none" if not ours_name else ("right" if names & ours_words else "wrong")
            t[verdict] += 1
            if dump:
                dump.write(json.dumps({"novel": stem, "gold": gold[gi]["speaker"], "ours": ours_name,
                                       "verdict": verdict, "kind": ours[oi]["kind"], "cue": ours[oi]["cue"],
                                       "quote": text[gold[gi]["content"][0]:gold[gi]["content"][1]][:160]}) + "\n")
    print("| half | novels | gold quotes | ours | matched (majority) | judged (speaker id is a name) "
          "| right | wrong | none | speaker id a description: resolved anyway |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for split in sorted(rows):
        t = rows[split]
        n = max(1, t["named"])
        novels_n = sum(1 for d in docs if d[1] == split)
        print(f"| {split} | {novels_n} | {t['gold']} | {t['ours']} | {t['matched']} ({t['matched'] / max(1, t['gold']):.3f}) "
              f"| {t['named']} | {t['right'] / n:.3f} | {t['wrong'] / n:.3f} | {t['none'] / n:.3f} "
              f"| {t['described_resolved']} of {t['described']} |")


if __name__ == "__main__":
    main()
