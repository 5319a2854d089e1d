#!/usr/bin/env bash
# Load test of `dateline serve` on loopback: 100 connections for 60 s per endpoint (wrk, from
# Debian) against a store of at least 10,000 articles, then p50/p99 latency and requests/s into
# docs/bench-serve.md.
#
#   scripts/load_test.sh                  # build, make the corpus, ingest, serve, measure
#   DB=/tmp/bench.db scripts/load_test.sh # reuse (or keep) the store
#   DURATION=10s CONNECTIONS=50 scripts/load_test.sh
#   ENDPOINTS="stories" OUT=/tmp/serve.md scripts/load_test.sh   # some endpoints only
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
bin="$root/target/release/dateline"

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
for endpoint in ${ENDPOINTS:-search article_api search_page article_page stories}; do
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
lines += ["", "Errors are non-2xx answers plus socket errors (connect, read, write, timeout) as wrk counts them.",
          "Search p99 target: < 50 ms.", "",
          "Reproduce: `scripts/load_test.sh` (env: `DB`, `DURATION`, `CONNECTIONS`, `THREADS`, `ARTICLES`).", ""]
open(out, "w").write("\n".join(lines))
print("\n".join(lines))
PY
