#!/usr/bin/env python3
"""Times accuracy of dateline and of dateparser on the same newswire documents, in one run.

Usage (from the repository root, with the peers' Python that has dateparser 1.5.0):
  $HOME/.venvs/peers/bin/python scripts/eval_times_dateparser.py [--data ../shared/data]
        [--ours 'cargo run -q -p dateline-analyze --example eval_times'] [--limit N] [--no-dateparser]
        [--dump /tmp/times-errors.tsv]

Corpora (read in place, never copied): MEANTIME (NewsReader, Wikinews; CAT XML, DCT from the TIMEX3
with functionInDocument=CREATION_TIME) and TempEval-3 training (TimeBank + AQUAINT TimeML, DCT in <DCT>).
SemEval-2015 task 4 is reported as covered by MEANTIME: its documents are MEANTIME's, and its TimeML
carries only the DCT (the task's gold is event timelines, not TIMEX3 values).

Measures, per corpus, on gold TIMEX3 of type DATE with a concrete value (starting with digits):
  recall   = gold timexes overlapped by a predicted span
  value    = of those, predicted value equal to gold (exact ISO string; both sides upper-cased,
             a trailing 'T..' part of day on the gold side kept, so "2019-09-18TNI" is a miss;
             notation-only differences folded, see trivial(); --strict folds decades only)
  value@p  = value compared at the gold's precision (year / month / day / week / quarter): dateparser
             always returns a full datetime, so it is compared this way; ours is shown both ways
  precision= predicted spans that overlap any gold TIMEX3 (any type) / predicted spans
Other gold (DURATION, SET, TIME, and DATE values like PRESENT_REF or XXXX-..) is counted separately.
--dump writes our errors (outside the repository: the lines quote corpus text) as TSV rows
  corpus, doc, kind (ok / miss / value / spurious), gold value, our value, gold text, our text, context.
Speed: documents per second of the stage alone (ours: timed inside the binary; dateparser: search_dates).

--split dev|test|all (default all): each corpus is split by document, by the CRC-32 of its id
(even: dev, odd: test; about half each, the same on every machine). Rules are tuned on dev only;
test is reported and its errors are never read, so --dump is refused unless --split dev.
"""
import argparse, glob, html, json, os, re, shlex, subprocess, sys, time, zlib
import xml.etree.ElementTree as ET
from datetime import datetime

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "'s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "$", "US$", "#"}


def detok(tokens):
    """Joins CAT tokens into text with offsets, closing the spaces a writer would not type."""
    text, spans, prev, prev_sent = "", [], None, None
    for tok, sent in tokens:
        if prev is not None:
            if sent != prev_sent and prev_sent in ("0", "1"):
                text += "\n"
            elif tok not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER:
                text += " "
        spans.append((len(text), len(text) + len(tok)))
        text += tok
        prev, prev_sent = tok, sent
    return text, spans


def iso_dct(v):
    """One MEANTIME DCT is written DD-MM-YYYY ("03-02-2009" for February 3); make it ISO."""
    m = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", v)
    return "%s-%s-%s" % (m.group(3), m.group(2), m.group(1)) if m else v


def meantime(root):
    docs = []
    for path in sorted(glob.glob(os.path.join(root, "meantime-newsreader-en/intra-doc_annotation/*/*.xml"))):
        r = ET.parse(path).getroot()
        toks = [(t.get("t_id"), t.text or "", t.get("sentence")) for t in r.iter("token")]
        text, spans = detok([(t[1], t[2]) for t in toks])
        where = {t[0]: spans[i] for i, t in enumerate(toks)}
        gold, dct = [], None
        for m in r.find("Markables"):
            if m.tag != "TIMEX3":
                continue
            ids = [a.get("t_id") for a in m.findall("token_anchor")]
            if m.get("functionInDocument") == "CREATION_TIME":
                dct = iso_dct(m.get("value") or "")
            if not ids:
                continue
            s, e = where[ids[0]][0], where[ids[-1]][1]
            gold.append((s, e, m.get("type"), m.get("value") or ""))
        docs.append({"id": "meantime/" + os.path.basename(path), "text": text, "dct": dct, "gold": gold})
    return docs


TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def timeml(path):
    raw = open(path, encoding="utf-8").read()
    dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    text, gold, open_timex, pos = "", [], None, 0
    src = body.group(1) if body else ""
    for m in TAG.finditer(src):
        text += html.unescape(src[pos:m.start()])
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), dict(ATTR.findall(m.group(3)))
        if name == "TIMEX3" and not closing:
            open_timex = (len(text), attrs)
            if m.group(3).rstrip().endswith("/"):
                open_timex = None
        elif name == "TIMEX3" and closing and open_timex:
            s, a = open_timex
            gold.append((s, len(text), a.get("type"), a.get("value", "")))
            open_timex = None
    text += html.unescape(src[pos:])
    return {"text": text, "dct": dct.group(1) if dct else None, "gold": gold}


def tempeval(root):
    docs = []
    for path in sorted(glob.glob(os.path.join(root, "tempeval3/Training/TBAQ-cleaned/*/*.tml"))):
        d = timeml(path)
        d["id"] = "tempeval3/" + os.path.basename(path)
        docs.append(d)
    return docs


def split_of(doc_id):
    """The evaluation split a document belongs to: "dev" (tune on it) or "test" (report only)."""
    return "dev" if zlib.crc32(doc_id.encode("utf-8")) % 2 == 0 else "test"


def run_ours(cmd, docs):
    payload = "".join(json.dumps({"id": d["id"], "text": d["text"], "dct": d["dct"]}) + "\n" for d in docs)
    started = time.perf_counter()
    out = subprocess.run(shlex.split(cmd), input=payload, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if out.returncode != 0:
        sys.exit("ours failed: " + out.stderr[-2000:])
    m = re.search(r"docs (\d+) seconds ([\d.]+)", out.stderr)
    spent = float(m.group(2)) if m else wall
    by_id = {}
    for line in out.stdout.splitlines():
        o = json.loads(line)
        by_id[o["id"]] = [(t["span"][0], t["span"][1], t["value"]) for t in o["times"]]
    return by_id, spent


def run_dateparser(docs):
    from dateparser.search import search_dates
    by_id, spent = {}, 0.0
    for d in docs:
        base = datetime.strptime(d["dct"][:10], "%Y-%m-%d") if d["dct"] else None
        settings = {"RELATIVE_BASE": base} if base else {}
        started = time.perf_counter()
        try:
            found = search_dates(d["text"], languages=["en"], settings=settings) or []
        except Exception:
            found = []
        spent += time.perf_counter() - started
        preds, at = [], 0
        for s, dt in found:
            i = d["text"].find(s, at)
            if i < 0:
                i = d["text"].find(s)
            if i < 0:
                continue
            at = i + len(s)
            preds.append((i, i + len(s), dt.strftime("%Y-%m-%d")))
        by_id[d["id"]] = preds
    return by_id, spent


CONCRETE = re.compile(r"^\d{3,4}")


STRICT = False


def trivial(v):
    """Folds notation-only differences: a decade written "199X" (TimeBank) or "199" (ISO, ours);
    unless --strict, also a week number written without its leading zero ("2000-W7", malformed ISO
    for "2000-W07") and trailing unspecified parts ("1948-XX", "1994-XX-XX": the year 1948 with no
    month given, which ISO writes "1948"). Nothing else is folded: "1989-WXX" (some week of 1989) is
    not "1989-W43", and "1988-QX" is not "1988-Q3"."""
    v = v.upper()
    if re.fullmatch(r"\d{3}X", v):
        return v[:3]
    if not STRICT:
        v = re.sub(r"^(\d{4}-W)(\d)(?=$|-)", r"\g<1>0\2", v)
        v = re.sub(r"^(\d{4}(?:-\d{2})?)(?:-XX)+$", r"\1", v)
    return v


def at_precision(gold, pred):
    """Compares pred to gold at the gold's precision; pred may be a full day."""
    g = trivial(gold)
    p = trivial(pred)
    if re.fullmatch(r"\d{4}-W\d{2}", g):
        try:
            day = datetime.strptime(p[:10], "%Y-%m-%d")
            y, w, _ = day.isocalendar()
            return "%04d-W%02d" % (y, w) == g
        except ValueError:
            return p == g
    if re.fullmatch(r"\d{4}-Q\d", g):
        try:
            day = datetime.strptime(p[:10], "%Y-%m-%d")
            return "%04d-Q%d" % (day.year, (day.month - 1) // 3 + 1) == g
        except ValueError:
            return p == g
    return p[: len(g)] == g


def score(docs, preds):
    main = dict(n=0, found=0, exact=0, prec_ok=0)
    other = dict(n=0, found=0)
    npred, pred_ok = 0, 0
    for d in docs:
        ps = preds.get(d["id"], [])
        npred += len(ps)
        pred_ok += sum(1 for p in ps if any(p[0] < g[1] and g[0] < p[1] for g in d["gold"]))
        for g in d["gold"]:
            hit = [p for p in ps if p[0] < g[1] and g[0] < p[1]]
            if g[2] == "DATE" and CONCRETE.match(g[3]):
                main["n"] += 1
                if hit:
                    main["found"] += 1
                    main["exact"] += any(trivial(p[2]) == trivial(g[3]) for p in hit)
                    main["prec_ok"] += any(at_precision(g[3], p[2]) for p in hit)
            else:
                other["n"] += 1
                other["found"] += bool(hit)
    return main, other, npred, pred_ok


def context(text, s, e, width=90):
    a, b = max(0, s - width), min(len(text), e + width)
    return text[a:s] + "[[" + text[s:e] + "]]" + text[e:b]


def write_row(out, fields):
    out.write("\t".join(re.sub(r"\s", " ", f) for f in fields) + "\n")


def dump_errors(out, corpus, docs, preds):
    for d in docs:
        ps = preds.get(d["id"], [])
        text = d["text"]
        for g in d["gold"]:
            if not (g[2] == "DATE" and CONCRETE.match(g[3])):
                continue
            hit = [p for p in ps if p[0] < g[1] and g[0] < p[1]]
            if not hit:
                kind, ours, otext = "miss", "", ""
            elif any(trivial(p[2]) == trivial(g[3]) for p in hit):
                kind, ours, otext = "ok", " ".join(p[2] for p in hit), " | ".join(text[p[0]:p[1]] for p in hit)
            else:
                kind, ours, otext = "value", " ".join(p[2] for p in hit), " | ".join(text[p[0]:p[1]] for p in hit)
            write_row(out, [corpus, d["id"] + "@" + (d["dct"] or "")[:10], kind, g[3], ours, text[g[0]:g[1]], otext,
                            context(text, g[0], g[1])])
        for p in ps:
            if not any(p[0] < g[1] and g[0] < p[1] for g in d["gold"]):
                write_row(out, [corpus, d["id"] + "@" + (d["dct"] or "")[:10], "spurious", "", p[2], "", text[p[0]:p[1]],
                                context(text, p[0], p[1])])


def pct(a, b):
    return "%.3f" % (a / b) if b else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../shared/data"))
    ap.add_argument("--ours", default="cargo run -q -p dateline-analyze --example eval_times")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-dateparser", action="store_true")
    ap.add_argument("--strict", action="store_true", help="fold decades only (no W7 = W07, no 1948-XX = 1948)")
    ap.add_argument("--dump", help="write our errors to this TSV file (keep it outside the repository)")
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all", help="documents to score (see above)")
    args = ap.parse_args()
    if args.dump and args.split != "dev":
        ap.error("--dump shows errors: only with --split dev (test errors are never read)")
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    global STRICT
    STRICT = args.strict
    corpora = [("MEANTIME", meantime(args.data)), ("TempEval-3 TBAQ", tempeval(args.data))]
    print("| corpus | system | docs | gold DATE | recall | value exact | value@precision | precision | other gold found | docs/s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, docs in corpora:
        if args.split != "all":
            docs = [d for d in docs if split_of(d["id"]) == args.split]
            name = "%s (%s)" % (name, args.split)
        if args.limit:
            docs = docs[: args.limit]
        systems = [("dateline", run_ours(args.ours, docs))]
        if dump:
            dump_errors(dump, name, docs, systems[0][1][0])
        if not args.no_dateparser:
            systems.append(("dateparser 1.5.0", run_dateparser(docs)))
        for sysname, (preds, spent) in systems:
            m, o, npred, pok = score(docs, preds)
            exact = pct(m["exact"], m["found"]) if sysname == "dateline" else "n/a"
            print("| %s | %s | %d | %d | %s | %s | %s | %s | %d/%d | %.0f |" % (
                name, sysname, len(docs), m["n"], pct(m["found"], m["n"]), exact,
                pct(m["prec_ok"], m["found"]), pct(pok, npred), o["found"], o["n"],
                len(docs) / spent if spent else 0))
    sys.stdout.flush()
    if dump:
        dump.close()


if __name__ == "__main__":
    main()
