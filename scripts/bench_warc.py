#!/usr/bin/env python3
"""WARC throughput and memory: a WARC.gz built from the trafilatura-eval pages, through
`dateline analyze --json` (release build).

Each page becomes one `response` record (HTTP 200, text/html) gzipped as its own member, as
crawlers write them; the page set is repeated to reach each target size. Reported per size:
compressed MB, articles, wall seconds, MB/s of compressed input, articles/s, peak RSS (from
wait4's ru_maxrss of the dateline process). Flat memory shows as the same peak RSS at every size.

Usage: python3 scripts/bench_warc.py [--sizes 10,1000] [--jobs 0] [--keep DIR]
The archives are written to a temporary directory (evaluation data never enters the repo).
"""
import argparse, gzip, io, os, subprocess, sys, tarfile, tempfile, time, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "trafilatura-eval")


def pages():
    dest = os.path.join(tempfile.gettempdir(), "dateline-trafilatura-eval")
    tests = os.path.join(dest, "tests")
    if not os.path.exists(os.path.join(tests, "evaldata.json")):
        os.makedirs(dest, exist_ok=True)
        with tarfile.open(os.path.join(DATA, "trafilatura-eval.tar.gz")) as t:
            t.extractall(dest)
    out = []
    for sub in ("eval", "cache"):
        d = os.path.join(tests, sub)
        for name in sorted(os.listdir(d)):
            out.append((name, open(os.path.join(d, name), "rb").read()))
    return out


def record(n, name, html):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(html)) + html
    uri = f"https://pages.example/{n}/{name}"
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=n)}>\r\n"
            f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return gzip.compress(head + http + b"\r\n\r\n", compresslevel=6)


def build(path, target_mb, items):
    size = n = 0
    with open(path, "wb") as f:
        while size < target_mb * 1e6:
            for name, html in items:
                member = record(n, name, html)
                f.write(member)
                size += len(member)
                n += 1
                if size >= target_mb * 1e6:
                    break
    return size, n


def run(exe, path, jobs):
    cmd = [exe, "analyze", "--json", "--jobs", str(jobs), path]
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    articles = 0
    for line in p.stdout:
        if line.startswith(b"{"):
            articles += 1
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    return wall, articles, ru.ru_maxrss / 1024, status


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10,1000", help="compressed sizes in MB")
    ap.add_argument("--jobs", default="0")
    ap.add_argument("--keep", help="write the archives here instead of a temporary directory")
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "dateline"], cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "dateline")
    items = pages()
    tmp = a.keep or tempfile.mkdtemp(prefix="dateline-warc-")
    print("| input (compressed) | records | articles out | seconds | MB/s (compressed) | articles/s | peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for mb in [float(s) for s in a.sizes.split(",")]:
        path = os.path.join(tmp, f"pages-{mb:g}MB.warc.gz")
        if not os.path.exists(path):
            size, n = build(path, mb, items)
        else:
            size, n = os.path.getsize(path), -1
        wall, articles, rss, status = run(exe, path, a.jobs)
        print(f"| {size / 1e6:.1f} MB | {n} | {articles} | {wall:.1f} | {size / 1e6 / wall:.2f} | "
              f"{articles / wall:.1f} | {rss:.0f} MB |", flush=True)
        if not a.keep:
            os.remove(path)


if __name__ == "__main__":
    main()
