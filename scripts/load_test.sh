#!/usr/bin/env bash
# Load test of `dateline serve` on loopback: 100 connections for 60 s per endpoint (wrk, from
# Debian) against a store of at least 10,000 articles, then p50/p99 latency and requests/s into
# docs/bench-serve.md.
#
#   scripts/load_test.sh                  # build, make the corpus, ingest, serve, measure
#   DB=/tmp/bench.db scripts/load_test.sh # reuse (or keep) the store
#   DURATION=10s CONNECTIONS=50 scripts/load_test.sh
#   ENDPOINTS="stories" OUT=/tmp/serve.md scripts/load_test.sh   # some endpoints only
#   ENDPOINTS="quotes" OUT=/tmp/quotes.md scripts/load_test.sh # one endpoint, table elsewhere
#
# OUT (default docs/bench-serve.md) is rewritten whole: sections added to it by hand must be put
# back. Before the wrk runs, quote search is also timed one request at a time (each answer
# computed, then cached), and the server's anonymous memory is sampled while quote exports of
# growing size stream.
#
# The corpus comes from ../shared/peers/make_corpus.py (500 story families x 20 republications
# of the seed article = 10,000 articles) when it is there, else from the demo articles repeated
# with small edits. Traffic goes to 127.0.0.1 only and every run stops by itself.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
duration=${DURATION:-60s}
connections=${CONNECTIONS:-100}
threads=${THREADS:-2}
articles=${ARTICLES:-10000}
out=${OUT:-docs/bench-serve.md}

command -v wrk >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

cargo build --release -p dateline --quiet
bin="${CARGO_TARGET_DIR:-$root/target}/release/dateline"

tmp=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

db=${DB:-$tmp/bench.db}
if [ ! -s "$db" ]; then
  corpus="$tmp/corpus"
  shared="$root/../shared"
  seed=$(ls "$shared"/seed/*.txt 2>/dev/null | head -n 1 || true)
  if [ -f "$shared/peers/make_corpus.py" ] && [ -n "$seed" ]; then
    # Some republications come out identical and are stored once: make 10% more.
    families=$(( (articles * 11 / 10 + 19) / 20 ))
    python3 "$shared/peers/make_corpus.py" "$seed" "$corpus" "$tmp/manifest.jsonl" --families "$families" --repubs 20 >/dev/null
  else
    # The demo articles, repeated with edits: another number, another day, a sentence of its own.
    python3 - "$root/examples/demo" "$corpus" "$articles" <<'PY'
import os, random, re, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
texts = [open(os.path.join(src, f), encoding="utf-8").read() for f in sorted(os.listdir(src)) if f.endswith(".txt")]
rng = random.Random(7)
for i in range(n):
    t = texts[i % len(texts)]
    t = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), t, count=3)
    t = t.rstrip() + f"\n\nUpdate {i}: officials said talks would continue on day {rng.randint(1, 28)}.\n"
    open(os.path.join(out, f"a{i:05d}.txt"), "w", encoding="utf-8").write(t)
PY
  fi
  echo "ingesting $(ls "$corpus" | wc -l) articles into $db" >&2
  "$bin" ingest --quiet --db "$db" "$corpus"
fi
count=$("$bin" stats --db "$db" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
echo "store: $count articles" >&2
[ "$count" -ge "$articles" ] || echo "warning: fewer than $articles articles" >&2

"$bin" serve --db "$db" --addr 127.0.0.1:0 >"$tmp/url" 2>"$tmp/serve.log" &
server_pid=$!
for _ in $(seq 1 600); do
  [ -s "$tmp/url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.1
done
url=$(head -n 1 "$tmp/url")
base=${url%/}
[ -n "$url" ] || { echo "server did not start" >&2; exit 1; }

# Paths to rotate through: search terms from the corpus's own vocabulary, article ids from it.
python3 - "$base" "$tmp" <<'PY'
import json, sys, urllib.parse, urllib.request
base, tmp = sys.argv[1], sys.argv[2]
get = lambda p: json.load(urllib.request.urlopen(base + p))
terms = ["said", "minister", "ceasefire", "refugees", "government", "humanitarian corridor",
         "talks", "camp", "Syria", "Moscow", "grain", "\"national center\"", "defense", "refug*",
         "people", "officials", "statement", "return", "border", "Reuters"]
stats = get("/api/stats")
terms += [p["value"] for p in stats["places"][:10]] + [s["value"] for s in stats["sources"][:5]]
search = ["/api/search?q=" + urllib.parse.quote(t) for t in terms]
search += ["/api/search?q=said&place=" + urllib.parse.quote(p["value"]) for p in stats["places"][:5]]
ids = [h["id"] for h in get("/api/search?q=said&per_page=100")["hits"]]
ids += [h["id"] for h in get("/api/search?per_page=100&sort=oldest")["hits"]]
def lua(name, paths):
    body = ",\n".join(json.dumps(p) for p in paths)
    open(f"{tmp}/{name}.lua", "w").write(
        "local paths = {\n" + body + "\n}\nlocal i = 0\n"
        "request = function()\n  i = i + 1\n  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n")
lua("search", search)
lua("article_api", ["/api/articles/" + i for i in ids])
lua("article_page", ["/article/" + i for i in ids])
lua("search_page", ["/?q=" + urllib.parse.quote(t) for t in terms])
# Quote search: words of the corpus's own quotes, its most quoted speakers, kinds, dates, browsing.
sample = get("/api/quotes?per_page=100")
words = []
for h in sample["hits"]:
    for w in h["content"].split():
        w = "".join(c for c in w if c.isalpha())
        if len(w) >= 6 and w.lower() not in [x.lower() for x in words]:
            words.append(w)
quotes = ["/api/quotes?q=" + urllib.parse.quote(w) for w in words[:20]]
speakers = [s["value"] for s in sample["speakers"][:5]]
quotes += ["/api/quotes?speaker=" + urllib.parse.quote(s) for s in speakers]
quotes += ["/api/quotes?q=" + urllib.parse.quote(w) + "&speaker=" + urllib.parse.quote(s) for w, s in zip(words[:5], speakers)]
quotes += ["/api/quotes", "/api/quotes?kind=direct", "/api/quotes?kind=indirect", "/api/quotes?from=2021&to=2021",
           "/api/quotes?q=" + urllib.parse.quote(words[0] if words else "said") + "&kind=direct", "/api/quotes?page=3"]
lua("quotes", quotes)
open(f"{tmp}/quote_paths.txt", "w").write("\n".join(quotes) + "\n")
# The story listing, pages 1 to 50 (offsets up to 980), stories of two versions or more.
lua("stories", ["/api/stories?page=%d" % p for p in range(1, 51)])
PY

results="$tmp/results.tsv"
: >"$results"
run() { # NAME LUA
  local name=$1 lua=$2
  echo "wrk: $name ($connections connections, $duration)" >&2
  wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency -s "$tmp/$lua.lua" "$base" >"$tmp/$name.txt"
  python3 - "$name" "$tmp/$name.txt" >>"$results" <<'PY'
import re, sys
name, path = sys.argv[1], sys.argv[2]
t = open(path).read()
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", v)
    if not m:
        sys.exit(f"cannot read a latency from {v!r} in:\n{t}")
    x = float(m.group(1))
    return {"us": x / 1000, "ms": x, "s": x * 1000, "m": x * 60000}[m.group(2)]
p50 = ms(re.search(r"50%\s+(\S+)", t).group(1))
p99 = ms(re.search(r"99%\s+(\S+)", t).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
total = int(re.search(r"(\d+) requests in", t).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(int(g) for g in sock.groups()) if sock else 0)
print(f"{name}\t{p50:.2f}\t{p99:.2f}\t{rps:.0f}\t{total}\t{errors}")
PY
}
# Quote search one request at a time, each answer computed (a fresh server: nothing cached),
# then again (cached): the latency of the query itself, without the queueing of 100 connections.
python3 - "$base" "$tmp/quote_paths.txt" >"$tmp/quotes_single.txt" <<'PY'
import sys, time, urllib.request
base, paths = sys.argv[1], [l for l in open(sys.argv[2]).read().splitlines() if l]
def timed():
    out = []
    for p in paths:
        t = time.perf_counter(); urllib.request.urlopen(base + p).read(); out.append((time.perf_counter() - t) * 1000)
    return sorted(out)
first, again = timed(), timed()
pct = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]
print(f"{len(paths)}\t{pct(first, .5):.2f}\t{pct(first, .99):.2f}\t{max(first):.2f}\t{pct(again, .5):.2f}\t{pct(again, .99):.2f}")
PY

# Exports: server memory while a quote export streams, sampled every 20 ms from /proc, for a small
# export, one of at least 10,000 quotes and every quote of the store.
python3 - "$base" "$server_pid" >"$tmp/exports.txt" <<'PY'
import sys, threading, time, urllib.parse, urllib.request
base, pid = sys.argv[1], sys.argv[2]
get = lambda p: __import__("json").load(urllib.request.urlopen(base + p))
def rss():
    # Anonymous memory (heap, stacks): what the server holds. The store's pages read through
    # mmap count in VmRSS as file pages, shared with the page cache, and are left out.
    for l in open(f"/proc/{pid}/status"):
        if l.startswith("RssAnon:"):
            return int(l.split()[1]) / 1024
speakers = get("/api/quotes?per_page=1")["speakers"]
totals = sorted((get("/api/quotes?per_page=1&speaker=" + urllib.parse.quote(s["value"]))["paging"]["total"], s["value"]) for s in speakers)
small = next((s for n, s in totals if n <= 200), totals[0][1])
big = next((s for n, s in totals if n >= 10000), totals[-1][1])
cases = [("speaker=" + urllib.parse.quote(small)), ("speaker=" + urllib.parse.quote(big)), ""]
for q in cases:
    before, peak, done = rss(), [rss()], [False]
    def sample():
        while not done[0]:
            peak[0] = max(peak[0], rss()); time.sleep(0.02)
    t = threading.Thread(target=sample); t.start()
    start = time.perf_counter()
    body = urllib.request.urlopen(f"{base}/api/quotes/export?format=csv&{q}").read()
    secs = time.perf_counter() - start
    done[0] = True; t.join()
    rows = body.count(b"\r\n") - 1
    print(f"{q or 'every quote'}\t{rows}\t{len(body) / 1e6:.1f}\t{secs:.2f}\t{before:.0f}\t{peak[0]:.0f}")
PY

for endpoint in ${ENDPOINTS:-search article_api search_page article_page stories quotes}; do
  run "$endpoint" "$endpoint"
done

cpu=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
cores=$(nproc)
python3 - "$results" "$out" "$count" "$duration" "$connections" "$threads" "$cpu" "$cores" <<'PY'
import sys, datetime
res, out, count, dur, conns, threads, cpu, cores = sys.argv[1:9]
rows = [l.split("\t") for l in open(res).read().splitlines() if l]
what = {
    "search": "`GET /api/search?q=…` (35 queries and place filters, rotating; facets over the best 2,000 matches; answers cached until the store changes)",
    "article_api": "`GET /api/articles/{id}` (200 ids, rotating)",
    "search_page": "`GET /?q=…` (the search page, HTML)",
    "article_page": "`GET /article/{id}` (the annotated article, HTML)",
    "quotes": "`GET /api/quotes?…` (words of the corpus's quotes, speakers, kinds, dates, browsing: 36 paths, rotating; answers cached until the store changes)",
    "stories": "`GET /api/stories?page=…` (pages 1 to 50, rotating; not cached)",
}
lines = [
    "# `dateline serve` under load",
    "",
    f"Measured {datetime.date.today().isoformat()} by `scripts/load_test.sh`: wrk, {conns} connections on {threads} threads for {dur} per endpoint,",
    f"against a release build serving a store of **{count} articles** on 127.0.0.1 (server and wrk on the same {cores}-core machine: {cpu}).",
    "",
    "| endpoint | p50 (ms) | p99 (ms) | requests/s | requests | errors |",
    "|---|---:|---:|---:|---:|---:|",
]
for name, p50, p99, rps, total, errors in rows:
    lines.append(f"| {what.get(name, name)} | {p50} | {p99} | {rps} | {total} | {errors} |")
single = open(res.replace("results.tsv", "quotes_single.txt")).read().split()
if single:
    n, p50, p99, mx, p50c, p99c = single
    lines += ["", f"Quote search one request at a time on a fresh server ({n} paths above, each computed): p50 {p50} ms, p99 {p99} ms, max {mx} ms; the same again (cached): p50 {p50c} ms, p99 {p99c} ms."]
exports = [l.split("\t") for l in open(res.replace("results.tsv", "exports.txt")).read().splitlines() if l]
if exports:
    lines += ["", "| quote export (CSV) | quotes | MB | seconds | server anonymous RSS before (MB) | peak during (MB) |", "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| `{q}` | {rows} | {mb} | {secs} | {before} | {peak} |" for q, rows, mb, secs, before, peak in exports]
lines += ["", "Errors are non-2xx answers plus socket errors (connect, read, write, timeout) as wrk counts them.",
          "Search p99 target: < 50 ms.", "",
          "Reproduce: `scripts/load_test.sh` (env: `DB`, `DURATION`, `CONNECTIONS`, `THREADS`, `ARTICLES`, `ENDPOINTS`, `OUT`).", ""]
open(out, "w").write("\n".join(lines))
print("\n".join(lines))
PY
