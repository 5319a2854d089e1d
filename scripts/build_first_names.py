#!/usr/bin/env python3
"""Builds resources/first-names.tsv: first names and the gender the pronouns of their people show.

    python3 scripts/build_first_names.py [--data ../shared/data] [--out resources/first-names.tsv]

Deterministic (same input, same bytes). Evidence, per person (one entity of one document):

- GUM (CC BY 4.0 annotations; only the genres whose text is CC BY or CC BY-SA: Wikinews news and
  interviews, Wikipedia biographies): a coreference chain of type person with a mention of two or
  more capitalised words (the first word is the first name, titles skipped) and pronoun mentions
  ("he", "him", "his", "himself" / "she", "her", "hers", "herself") in the same chain.
- LitBank (CC BY 4.0 annotations over public-domain novels): a person entity written "Miss" or
  "Lady" + first name + surname (a woman) or "Mr." or "Sir" + first name + surname (a man).
- Re-DocRED (MIT annotations over English Wikipedia, CC BY-SA): a PER entity whose name has two or
  more capitalised words, and the third-person pronoun that opens the sentence after one of its
  mentions when neither sentence names another PER entity.

A person counts for a gender when its pronouns are at least 3 to 1 that way. A first name is kept
when its persons are at least 4 to 1 one way, and either one of them comes from GUM's gold
coreference or a LitBank title, or there are at least three (the Re-DocRED reading is a heuristic); the file lists
the name (lower case), the gender (m/f) and the person counts. Names of one or two letters,
initials, titles and words the corpora also write in lower case ("assistant") are left out. The table holds no text of the sources, only names and counts.
"""
import argparse, collections, io, json, os, re, tarfile

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "president", "prof", "professor", "saint", "st",
          "king", "queen", "prince", "princess", "general", "gen", "captain", "capt", "senator", "sen", "governor",
          "gov", "judge", "justice", "pope", "emperor", "empress", "duke", "duchess", "count", "countess", "rev",
          "reverend", "father", "brother", "sister", "mother", "uncle", "aunt", "the", "former", "prime", "minister",
          "chancellor", "mayor", "colonel", "col", "lieutenant", "lt", "sergeant", "sgt", "admiral", "bishop",
          "cardinal", "archbishop", "rabbi", "imam", "sheikh", "dame", "baron", "baroness", "earl", "sultan", "shah",
          "tsar", "czar", "chief", "commander", "major", "maj", "representative", "rep", "secretary", "ambassador"}
GUM_GENRES = ("GUM_news_", "GUM_interview_", "GUM_bio_")


def first_name(words):
    """The first name in a capitalised name, or None."""
    words = [w for w in words if w not in {'"', "'", "``", "''", "\u201c", "\u201d"}]
    while words and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    if len(words) < 2 or not all(w[:1].isupper() for w in words[:2]):
        return None
    w = words[0]
    if len(w) < 3 or not w.isalpha() or w.isupper() or w.lower() in TITLES:
        return None
    return w.lower()


def vote(m, f):
    if m >= 1 and m >= 3 * f:
        return "m"
    if f >= 1 and f >= 3 * m:
        return "f"
    return None


LOWER = collections.Counter()  # words seen in lower case: common words, not first names


def gum_people(path):
    """(first name, male pronouns, female pronouns) per person chain of the CC BY / BY-SA genres."""
    out = []
    with tarfile.open(path) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            name = os.path.basename(member.name)
            if not (member.name.startswith("coref/gum/conll/") and name.startswith(GUM_GENRES)):
                continue
            text = io.TextIOWrapper(tar.extractfile(member), encoding="utf-8").read()
            chains = collections.defaultdict(lambda: {"names": [], "m": 0, "f": 0})
            open_ = {}  # chain key -> list of token lists (nested same-chain mentions)
            for line in text.splitlines():
                if line.startswith("#") or not line.strip():
                    continue
                parts = line.split("\t")
                if len(parts) < 3:
                    continue
                tok, ann = parts[1], parts[2]
                if tok.islower():
                    LOWER[tok] += 1
                for m in re.finditer(r"\(([a-z]+-\d+)", ann):
                    open_.setdefault(m.group(1), []).append([])
                for stack in open_.values():
                    for toks in stack:
                        toks.append(tok)
                for m in re.finditer(r"([a-z]+-\d+)[^()]*\)", ann):
                    key = m.group(1)
                    stack = open_.get(key)
                    if not stack:
                        continue
                    toks = stack.pop()
                    if not key.startswith("person-"):
                        continue
                    c = chains[key]
                    if len(toks) == 1 and toks[0].lower() in MALE:
                        c["m"] += 1
                    elif len(toks) == 1 and toks[0].lower() in FEMALE:
                        c["f"] += 1
                    else:
                        fn = first_name(toks)
                        if fn:
                            c["names"].append(fn)
            for c in chains.values():
                if c["names"]:
                    fn = collections.Counter(c["names"]).most_common(1)[0][0]
                    out.append((fn, c["m"], c["f"], "gum"))
    return out


def redocred_people(paths):
    out = []
    for path in paths:
        for doc in json.load(open(path, encoding="utf-8")):
            sents = doc["sents"]
            per_sents = collections.defaultdict(set)  # sentence -> PER entities mentioned
            for ei, v in enumerate(doc["vertexSet"]):
                if v and v[0]["type"] == "PER":
                    for m in v:
                        per_sents[m["sent_id"]].add(ei)
            for ei, v in enumerate(doc["vertexSet"]):
                if not v or v[0]["type"] != "PER":
                    continue
                names = [first_name(m["name"].split()) for m in v]
                names = [n for n in names if n]
                if not names:
                    continue
                mm = ff = 0
                seen = set()
                for sent in sents:
                    for w in sent:
                        if w.islower():
                            LOWER[w] += 1
                for m in v:
                    s = m["sent_id"] + 1
                    # Only the pronoun that opens the next sentence, when neither sentence names
                    # another person ("X won in 1998. He retired ...").
                    if s in seen or s >= len(sents) or (per_sents.get(s, set()) | per_sents.get(s - 1, set())) - {ei}:
                        continue
                    seen.add(s)
                    w = sents[s][0].lower() if sents[s] else ""
                    mm += w in MALE
                    ff += w in FEMALE
                out.append((collections.Counter(names).most_common(1)[0][0], mm, ff, "redocred"))
    return out


LITBANK_TITLES = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "miss": "f", "lady": "f", "madame": "f"}


def litbank_people(folder):
    """(first name, male, female) per distinct titled person of LitBank's entity layer: "Miss" or
    "Lady" + first name + surname is a woman, "Mr." or "Sir" + first name + surname a man ("Mrs."
    is left out: "Mrs. John Dashwood" is John's wife). Counted once per novel and full name."""
    out, seen = [], set()
    for path in sorted(os.listdir(folder)):
        if not path.endswith(".tsv"):
            continue
        toks = [l.rstrip("\n").split("\t") for l in open(os.path.join(folder, path), encoding="utf-8")]
        for i, row in enumerate(toks):
            for col in range(1, len(row)):  # nested layers: the full name may be in any of them
                if row[col] != "B-PER":
                    continue
                span = [row[0]]
                for nxt in toks[i + 1:i + 6]:
                    if len(nxt) <= col or nxt[col] != "I-PER":
                        break
                    span.append(nxt[0])
                g = LITBANK_TITLES.get(span[0].lower())
                words = [w for w in span[1:] if w != "."]
                if not g or len(words) != 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
                    continue
                key = (path, " ".join(words))
                if key in seen:
                    continue
                seen.add(key)
                out.append((words[0].lower(), int(g == "m") * 3, int(g == "f") * 3, "litbank"))
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(here, "..", "resources", "first-names.tsv"))
    args = ap.parse_args()
    people = gum_people(os.path.join(args.data, "gum", "gum-dep-xml-coref.tar.gz"))
    people += litbank_people(os.path.join(args.data, "litbank", "entities", "tsv"))
    people += redocred_people([os.path.join(args.data, "redocred", f) for f in ("dev_revised.json", "test_revised.json")])
    # Per name: persons male, persons female (all sources); persons from GUM's gold chains.
    tally = collections.defaultdict(lambda: [0, 0, 0])
    for fn, m, f, src in people:
        g = vote(m, f)
        if g:
            t = tally[fn]
            t[0 if g == "m" else 1] += 1
            t[2] += src in ("gum", "litbank")
    rows = []
    for fn in sorted(tally):
        m, f, gum = tally[fn]
        # Gold coreference (GUM) or a title (LitBank) vouches for one person; the Re-DocRED
        # heuristic needs three.
        enough = (gum >= 1 or m + f >= 3) and LOWER[fn] < 2
        g = vote(m, f) if enough and (m >= 4 * f or f >= 4 * m) else None
        if g:
            rows.append(f"{fn}\t{g}\t{m}\t{f}")
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# first name, gender (m/f) shown by the pronouns of the people so named, persons male, persons female.\n")
        out.write("# Built by scripts/build_first_names.py from GUM (CC BY 4.0, Wikinews CC BY 2.5, Wikipedia CC BY-SA 3.0)\n")
        out.write("# LitBank (CC BY 4.0) and Re-DocRED (MIT; English Wikipedia CC BY-SA). See resources/README.md.\n")
        for r in rows:
            out.write(r + "\n")
    print(f"{len(people)} persons, {len(rows)} first names "
          f"({sum(r.split(chr(9))[1] == 'm' for r in rows)} m, {sum(r.split(chr(9))[1] == 'f' for r in rows)} f)")


if __name__ == "__main__":
    main()
