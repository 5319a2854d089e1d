#!/usr/bin/env bash
# First-time quote search on a cold server: `dateline serve` started afresh, each of the 36 quote
# paths of scripts/load_test.sh requested once (every answer computed, nothing cached, no request
# before them), then once again (cached). Prints each path's milliseconds, then p50 and p99 (with
# 36 samples, the slowest) of both passes. Traffic goes to 127.0.0.1 only.
#
#   DB=/tmp/q100k.db scripts/quote_first_time.sh          # the store must exist
#   DB=/tmp/q100k.db RUNS=3 scripts/quote_first_time.sh   # three cold servers in a row
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
db=${DB:?set DB to a store}
runs=${RUNS:-1}
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

serve() { # starts a fresh server; sets $base
  : >"$tmp/url"
  "$bin" serve --db "$db" --addr 127.0.0.1:0 >"$tmp/url" 2>"$tmp/serve.log" &
  server_pid=$!
  for _ in $(seq 1 600); do
    [ -s "$tmp/url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  local url
  url=$(head -n 1 "$tmp/url")
  base=${url%/}
}
stop() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# The paths, chosen as load_test.sh chooses them (these requests warm that server: it is stopped).
serve
python3 - "$base" >"$tmp/paths.txt" <<'PY'
import json, sys, urllib.parse, urllib.request
base = sys.argv[1]
get = lambda p: json.load(urllib.request.urlopen(base + p))
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
print("\n".join(quotes))
PY
stop

for run in $(seq 1 "$runs"); do
  serve
  echo "run $run ($(uptime | sed 's/.*load average/load average/'))"
  python3 - "$base" "$tmp/paths.txt" <<'PY'
import json, sys, time, urllib.request
base, paths = sys.argv[1], [l for l in open(sys.argv[2]).read().splitlines() if l]
def timed():
    out = []
    for p in paths:
        t = time.perf_counter()
        body = urllib.request.urlopen(base + p).read()
        out.append(((time.perf_counter() - t) * 1000, json.loads(body)["paging"]["total"], p))
    return out
first, again = timed(), timed()
for ms, total, p in first:
    print(f"{ms:8.1f} ms  {total:>9}  {p}")
for name, xs in (("first time", first), ("again (cached)", again)):
    xs = sorted(x[0] for x in xs)
    pct = lambda q: xs[min(len(xs) - 1, int(q * len(xs)))]
    print(f"{name}: n={len(xs)} p50={pct(.5):.1f} ms p99={pct(.99):.1f} ms max={xs[-1]:.1f} ms")
PY
  stop
done
