#!/usr/bin/env python3
"""Body and metadata extraction accuracy and speed: dateline vs trafilatura, same pages, same run.

Data: ../shared/data/trafilatura-eval (990 annotated pages; evaluation only, never copied into
the repository). Body: every "with" snippet found in the output is a true positive, missing a
false negative; every "without" snippet found is a false positive (as trafilatura's own
evaluation does), whitespace collapsed on both sides. Title / author / date: exact match after
whitespace collapse and case folding, over the pages whose gold has the field (an empty gold
value means "none", so answering nothing is right there).

dateline runs as `crates/dateline-ingest/examples/extract_html` (release build; pages read into
memory first, extraction timed inside); trafilatura runs in-process on the same bytes
(`extract(page)`, default settings, then `extract_metadata` for title/author/date in a separate,
untimed pass).

Optional: --gold-html DIR GOLD.jsonl (made by ../shared/peers/make_html.py) adds char-level
similarity (difflib ratio) of both tools against gold bodies.

Usage (one command; re-execs itself with the peers venv if trafilatura is missing):
  python3 scripts/eval_html_trafilatura.py [--data DIR] [--limit N] [--write docs/accuracy-html.md]
"""
import argparse, difflib, hashlib, json, os, re, resource, subprocess, sys, tarfile, tempfile, time

PEERS_PY = os.path.expanduser("~/.venvs/peers/bin/python")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WS = re.compile(r"\s+")


def norm(s):
    return WS.sub(" ", s or "").strip()


def ensure_trafilatura():
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        if os.path.exists(PEERS_PY) and not os.environ.get("DATELINE_EVAL_REEXEC"):
            os.environ["DATELINE_EVAL_REEXEC"] = "1"
            os.execv(PEERS_PY, [PEERS_PY] + sys.argv)
        sys.exit("trafilatura not importable; install it or create ~/.venvs/peers")


def unpack(data_dir):
    """Unpacks the tarball once into a cache directory outside the repository."""
    dest = os.path.join(tempfile.gettempdir(), "dateline-trafilatura-eval")
    if not os.path.exists(os.path.join(dest, "tests", "evaldata.json")):
        os.makedirs(dest, exist_ok=True)
        with tarfile.open(os.path.join(data_dir, "trafilatura-eval.tar.gz")) as t:
            t.extractall(dest)
    return os.path.join(dest, "tests")


def split_of(url):
    """"dev" or "test", fixed per page by a hash of its URL (about a third of the pages are test).

    Rules are tuned on dev only; test is scored but its errors are never written out, so its
    figure stays an honest estimate of how the rules do on pages nobody looked at."""
    return "test" if hashlib.sha256(url.encode("utf-8")).digest()[0] % 3 == 0 else "dev"


def load(data_dir, limit):
    tests = unpack(data_dir)
    gold = json.load(open(os.path.join(data_dir, "evaldata.json"), encoding="utf-8"))
    items = []
    for url, g in sorted(gold.items()):
        for sub in ("eval", "cache"):
            p = os.path.join(tests, sub, g["file"])
            if os.path.exists(p):
                items.append((url, g, p))
                break
    return items[:limit] if limit else items


def build_bin():
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    exe = os.path.join(target, "release", "examples", "extract_html")
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "dateline-ingest", "--example", "extract_html"],
                   cwd=ROOT, check=True)
    return exe


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_dateline(exe, paths):
    """Outputs, extraction seconds, wall seconds with process start, and CPU seconds with whether
    they cover extraction only (measured inside) or the whole process."""
    t, c = time.perf_counter(), children_cpu()
    p = subprocess.run([exe], input="\n".join(paths), capture_output=True, text=True, check=True)
    wall, cpu = time.perf_counter() - t, children_cpu() - c
    outs = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    timing = json.loads(p.stderr.strip().splitlines()[-1])
    inside = timing.get("cpu_seconds") is not None
    return outs, timing["seconds"], wall, (timing["cpu_seconds"] if inside else cpu, inside)


def body_scores(texts, items):
    tp = fn = fp = tn = 0
    for text, (_, g, _) in zip(texts, items):
        t = norm(text)
        for s in g["with"]:
            if norm(s) in t:
                tp += 1
            else:
                fn += 1
        for s in g["without"]:
            if norm(s) in t:
                fp += 1
            else:
                tn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = (tp + tn) / max(1, tp + tn + fp + fn)
    return {"precision": p, "recall": r, "f1": f, "accuracy": acc, "tp": tp, "fn": fn, "fp": fp, "tn": tn}


def names(v):
    """Author values as a set of names: gold holds lists or "A, B", tools "A; B"."""
    if isinstance(v, list):
        v = "; ".join(v)
    return sorted(norm(x).casefold() for x in re.split(r"[;,&]| and ", v or "") if norm(x))


def field_acc(values, items, key):
    n = ok = 0
    for v, (_, g, _) in zip(values, items):
        if key not in g:
            continue
        n += 1
        gv, ov = g[key], v or ""
        if key == "author":
            ok += names(gv) == names(ov)
        else:
            ok += norm(gv).casefold() == norm(ov).casefold()
    return ok, n


def gold_html_similarity(exe, html_dir, gold_path):
    import trafilatura
    gold = [json.loads(l) for l in open(gold_path, encoding="utf-8")]
    paths = [os.path.join(html_dir, g["id"] + ".html") for g in gold]
    outs = run_dateline(exe, paths)[0]
    ours, theirs = [], []
    for g, o, p in zip(gold, outs, paths):
        gn = norm(g["gold"])
        ours.append(difflib.SequenceMatcher(None, gn, norm(o["text"]), autojunk=False).ratio())
        t = trafilatura.extract(open(p, "rb").read()) or ""
        theirs.append(difflib.SequenceMatcher(None, gn, norm(t), autojunk=False).ratio())
    return len(gold), sum(ours) / len(ours), sum(theirs) / len(theirs), sum(o == 1.0 for o in ours), sum(t == 1.0 for t in theirs)


def load_peer_cache(path, version, items):
    """trafilatura's texts, seconds and metadata from an earlier run over the same pages, or None."""
    if not os.path.exists(path):
        return None
    c = json.load(open(path, encoding="utf-8"))
    if c.get("version") != version or c.get("urls") != [u for u, _, _ in items]:
        return None
    return c["texts"], c["seconds"], c.get("cpu", c["seconds"]), c["meta"]


def write_errors(path, ours, items):
    """One line per dev page with a miss or a leak: url, file, missed and leaked snippets, text
    length. Test pages are never written, so nobody tunes on them."""
    with open(path, "w", encoding="utf-8") as f:
        for o, (url, g, p) in zip(ours, items):
            if split_of(url) != "dev":
                continue
            t = norm(o["text"])
            missed = [s for s in g["with"] if norm(s) not in t]
            leaked = [s for s in g["without"] if norm(s) in t]
            if missed or leaked:
                f.write(json.dumps({"url": url, "path": p, "chars": len(t), "missed": missed, "leaked": leaked,
                                    "found": len(g["with"]) - len(missed)}, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "trafilatura-eval"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--write", help="write the markdown report here")
    ap.add_argument("--gold-html", nargs=2, metavar=("HTML_DIR", "GOLD_JSONL"))
    ap.add_argument("--dump", help="write dateline's JSONL output here")
    ap.add_argument("--peer-cache", metavar="FILE",
                    help="reuse trafilatura's outputs (texts, metadata, time) from FILE if it matches the pages, "
                         "else run it and save them there; for quick iteration on dateline's side only. "
                         "Leave it out for a same-run measurement")
    ap.add_argument("--errors", metavar="FILE",
                    help="write dateline's per-page misses (must-contain snippets not found) and leaks "
                         "(must-not-contain snippets found) on the dev split here, one JSON object a line")
    a = ap.parse_args()
    if not os.path.isdir(a.data):
        a.data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "trafilatura-eval")
    ensure_trafilatura()
    import trafilatura
    from trafilatura import extract
    from trafilatura.metadata import extract_metadata

    items = load(a.data, a.limit)
    paths = [p for _, _, p in items]
    pages = [open(p, "rb").read() for p in paths]
    mb = sum(map(len, pages)) / 1e6
    exe = build_bin()

    ours, our_s, our_wall, (our_cpu, cpu_inside) = run_dateline(exe, paths)
    if a.dump:
        with open(a.dump, "w", encoding="utf-8") as f:
            for o in ours:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")

    if a.errors:
        write_errors(a.errors, ours, items)

    cached = load_peer_cache(a.peer_cache, trafilatura.__version__, items) if a.peer_cache else None
    if cached:
        theirs, their_s, their_cpu, their_meta = cached
    else:
        extract(pages[0])  # warm-up, not timed
        t, c = time.perf_counter(), time.process_time()
        theirs = [extract(p) or "" for p in pages]
        their_s, their_cpu = time.perf_counter() - t, time.process_time() - c
        metas = []
        for p in pages:
            try:
                metas.append(extract_metadata(p))
            except Exception:  # noqa: BLE001 - a peer failure counts as no answer
                metas.append(None)
        their_meta = {
            "title": [m.title if m else None for m in metas],
            "author": [m.author if m else None for m in metas],
            "date": [m.date if m else None for m in metas],
        }
        if a.peer_cache:
            with open(a.peer_cache, "w", encoding="utf-8") as f:
                json.dump({"version": trafilatura.__version__, "urls": [u for u, _, _ in items], "texts": theirs,
                           "seconds": their_s, "cpu": their_cpu, "meta": their_meta}, f, ensure_ascii=False)

    splits = [split_of(u) for u, _, _ in items]
    n = len(items)
    n_dev = splits.count("dev")
    outputs = (("dateline", [o["text"] for o in ours], {k: [o.get(k) for o in ours] for k in ("title", "author", "date")}),
               ("trafilatura " + trafilatura.__version__, theirs, their_meta))
    lines = [
        f"Pages: {n} ({mb:.1f} MB of HTML; dev {n_dev}, test {n - n_dev}, split by a hash of the URL), "
        f"snippets: {sum(len(g['with']) for _, g, _ in items)} must-contain, "
        f"{sum(len(g['without']) for _, g, _ in items)} must-not-contain.",
        "",
        "| tool | pages | precision | recall | F1 | accuracy | title | author | date |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for part in ("dev", "test", "all"):
        keep = [i for i in range(n) if part == "all" or splits[i] == part]
        sub = [items[i] for i in keep]
        for name, texts, meta in outputs:
            s = body_scores([texts[i] for i in keep], sub)
            cells = []
            for key in ("title", "author", "date"):
                ok, cnt = field_acc([meta[key][i] for i in keep], sub, key)
                cells.append(f"{ok / max(1, cnt):.3f} ({ok}/{cnt})")
            bold = "**" if part == "all" else ""
            lines.append(f"| {name} | {part} ({len(keep)}) | {s['precision']:.3f} | {s['recall']:.3f} | "
                         f"{bold}{s['f1']:.3f}{bold} | {s['accuracy']:.3f} | " + " | ".join(cells) + " |")
    speeds = [n / our_s, n / their_s]
    lines += ["", f"Pages/s: dateline {speeds[0]:.0f}, trafilatura {speeds[1]:.0f}."]
    lines += ["", f"Speed ratio dateline / trafilatura: **{speeds[0] / speeds[1]:.1f}×** "
                  f"(dateline {our_s:.2f} s extraction, {our_wall:.2f} s with process start and file reading; "
                  f"trafilatura {their_s:.2f} s, single process, pages in memory).",
              "",
              f"CPU time, less sensitive to other jobs on the machine: dateline {our_cpu:.2f} s"
              + (" (extraction only)" if cpu_inside else " (whole process, reading the files included)")
              + f", trafilatura {their_cpu:.2f} s (extraction only): **{their_cpu / max(our_cpu, 1e-9):.1f}×**."]
    errors = [o for o in ours if o.get("error")]
    if errors:
        lines.append(f"dateline errors: {len(errors)} ({', '.join(sorted({e['error'] for e in errors}))}).")
    if a.gold_html:
        g, ours_r, theirs_r, ours_x, theirs_x = gold_html_similarity(exe, *a.gold_html)
        lines += ["", f"Generated news pages with gold bodies ({g} pages, make_html.py): mean char similarity "
                      f"dateline {ours_r:.3f} (exact {ours_x}), trafilatura {theirs_r:.3f} (exact {theirs_x})."]
    if cached:
        lines.append(f"(trafilatura's results read from {a.peer_cache}, not measured in this run.)")
    report = "\n".join(lines)
    print(report)
    if a.write:
        path = a.write
        text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        start, end = "<!-- results:start -->", "<!-- results:end -->"
        if start in text and end in text:
            text = text.split(start)[0] + start + "\n" + report + "\n" + end + text.split(end, 1)[1]
        else:
            text = text + "\n" + start + "\n" + report + "\n" + end + "\n"
        open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
