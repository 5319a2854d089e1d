#!/usr/bin/env bash
# Browser tests of the dateline web UI: builds the binary, stores the demo articles in a
# temporary store, starts `dateline serve` on a free loopback port, runs the Playwright tests in
# Debian's chromium, and stops the server whatever happens.
#
#   tests/browser/run.sh                              # as CI runs it
#   SCREENSHOTS=docs/screenshots tests/browser/run.sh # also refresh the screenshots
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

# Debian's chromium, never a browser download.
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

cargo build -p dateline --quiet
bin="$root/target/debug/dateline"

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

"$bin" ingest --quiet --db "$tmp/demo.db" examples/demo

# Port 0: the system picks a free port; the server prints its address on stdout once it accepts
# connections, so waiting for that line is waiting for the server.
"$bin" serve --db "$tmp/demo.db" --addr 127.0.0.1:0 >"$tmp/url" 2>"$tmp/serve.log" &
server_pid=$!
for _ in $(seq 1 600); do
  [ -s "$tmp/url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "dateline serve exited early:" >&2
    cat "$tmp/serve.log" >&2
    exit 1
  fi
  sleep 0.1
done
url=$(head -n 1 "$tmp/url")
if [ -z "$url" ]; then
  echo "dateline serve did not start within 60 s" >&2
  cat "$tmp/serve.log" >&2
  exit 1
fi
echo "browser tests against $url"

shots=""
if [ -n "${SCREENSHOTS:-}" ]; then
  mkdir -p "$SCREENSHOTS"
  shots=$(cd "$SCREENSHOTS" && pwd)
fi
cd tests/browser
DATELINE_URL="$url" SCREENSHOTS="$shots" node --test ui.test.mjs
