#!/usr/bin/env python3
"""Start-up and end-to-end throughput of the commands that compile the term
store's names, measured in one run:

  - `onoma normalize` of a 5 kB article and `onoma tm lookup` of one
    sentence against a 200-concept and a 100,000-concept store (400k
    terms), warm page cache and cold (the database, its name index and
    the input evicted with posix_fadvise(DONTNEED) before each run):
    median wall time and peak RSS;
  - `onoma normalize` end to end on 50 MB of dense mixed-language copy
    (bench/make_news.cc: en/uk/ko, a name in every sentence) at both store
    sizes, beside `grep -F -f` over the store's variant forms on the same
    file, and on 50 MB naming only the 200 concepts both stores hold
    (the same rewrites at both sizes: the cost of the store's size alone);
  - `onoma romanize` on 5 MB of Ukrainian and of Korean
    (bench/make_corpus.cc) beside `uconv -x Ukrainian-Latin/BGN` and
    `uconv -x Hangul-Latin`.

    cmake --preset bench && cmake --build --preset bench \\
        --target onoma make_news_termbase make_news make_corpus make_tmx
    bench/compare_names.py            # results in bench/runs/<date>-<host>/

--onoma and --tools point at another build (a baseline); --work keeps the
generated stores between runs (they take a minute to import). Needs uconv
(icu-devtools) and grep. Never run by ctest.
"""

import argparse
import csv
import datetime
import os
import socket
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SENTENCE = ("Officials said on Monday that forces attacked near Kharkiv and "
            "Lviv, reporters said.")


def evict(paths):
    """Drops the page-cache pages of `paths` (clean pages only)."""
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def run_once(argv, stdin_path=None, stdout=subprocess.DEVNULL):
    """Runs argv; returns (seconds, peak RSS in KB, exit code, stderr, CPU
    seconds: user and system)."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=stdin, stdout=stdout,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if stdin_path:
        stdin.close()
    return (elapsed, usage.ru_maxrss, proc.returncode, err,
            usage.ru_utime + usage.ru_stime)


def measure(argv, runs, stdin_path=None, cold=()):
    """Median wall seconds, peak RSS in KB, median CPU seconds of `runs`
    runs. On a machine shared with other work the wall time grows with the
    load; the CPU time (user and system) much less, and is what the command
    itself costs."""
    times, rss, cpu = [], [], []
    for _ in range(runs):
        if cold:
            evict(cold)
        elapsed, peak, code, err, used = run_once(argv, stdin_path)
        if code not in (0, 1):
            sys.exit("%s failed (%d): %s" % (" ".join(argv), code, err))
        times.append(elapsed)
        rss.append(peak)
        cpu.append(used)
    return statistics.median(times), max(rss), statistics.median(cpu)


def sh(argv, out_path=None):
    with open(out_path, "wb") if out_path else open(os.devnull, "wb") as out:
        subprocess.run(argv, check=True, stdout=out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--onoma", default=os.path.join(ROOT, "build/bench/onoma"))
    parser.add_argument("--tools", default=os.path.join(ROOT, "build/bench/bench"))
    parser.add_argument("--work", default="/tmp/onoma-bench-names")
    parser.add_argument("--out", default=os.path.join(
        ROOT, "bench/runs", datetime.date.today().isoformat() + "-" +
        socket.gethostname().split(".")[0]))
    parser.add_argument("--label", default="after")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--big-runs", type=int, default=0,
                        help="runs against the big store (default --runs)")
    parser.add_argument("--startup-only", action="store_true",
                        help="the start-up table alone (no end-to-end runs)")
    args = parser.parse_args()
    big_runs = args.big_runs or args.runs
    onoma, tools, work = args.onoma, args.tools, args.work
    os.makedirs(work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    news = os.path.join(ROOT, "tables/termbase/news.tsv")

    def path(name):
        return os.path.join(work, name)

    # Inputs, made once.
    for concepts, name in ((200, "small"), (100000, "big")):
        if not os.path.exists(path(name + ".tsv")):
            sh([os.path.join(tools, "make_news_termbase"), news, str(concepts)],
               path(name + ".tsv"))
    if not os.path.exists(path("tm.tmx")):
        sh([os.path.join(tools, "make_tmx"), "2000"], path("tm.tmx"))
    if not os.path.exists(path("article.txt")):
        sh([os.path.join(tools, "make_news"), path("big.tsv"), "5"],
           path("article.txt"))
    if not os.path.exists(path("news50.txt")):
        sh([os.path.join(tools, "make_news"), path("big.tsv"), "51200"],
           path("news50.txt"))
    # The same density of names, drawn from the 200 concepts both stores
    # hold: both rewrite the same names, so the store's size alone differs.
    if not os.path.exists(path("news50-shared.txt")):
        sh([os.path.join(tools, "make_news"), path("small.tsv"), "51200"],
           path("news50-shared.txt"))
    for lang in ("uk", "ko"):
        if not os.path.exists(path(lang + "5.txt")):
            sh([os.path.join(tools, "make_corpus"), lang, "5"],
               path(lang + "5.txt"))
    # The variant forms the store rewrites, for grep -F -f.
    if not os.path.exists(path("variants.txt")):
        with open(path("big.tsv"), encoding="utf-8") as tsv, \
                open(path("variants.txt"), "w", encoding="utf-8") as out:
            for line in tsv:
                f = line.rstrip("\n").split("\t")
                if len(f) > 4 and f[4] == "deprecated":
                    out.write(f[3] + "\n")

    # The stores, made by the onoma measured (its schema).
    stores = {}
    for name in ("small", "big"):
        db = path("%s-%s.db" % (args.label, name))
        if not os.path.exists(db):
            sh([onoma, "--db", db, "term", "import", path(name + ".tsv")])
            sh([onoma, "--db", db, "tm", "import", path("tm.tmx")])
        stores[name] = db

    rows = []
    summary = []
    machine = "machine: %d cores, %s; load average %s" % (
        os.cpu_count(),
        next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
              if l.startswith("model name")), "?"),
        " ".join(open("/proc/loadavg").read().split()[:3]))
    summary.append(machine)
    summary.append("onoma: %s (%s)" % (
        subprocess.run([onoma, "--version"], capture_output=True,
                       text=True).stdout.strip(), args.label))

    # Start-up: one article, one sentence.
    summary.append("")
    summary.append("| command | store | cache | median ms | CPU ms | "
                   "peak RSS MB |")
    summary.append("|---|---|---|---:|---:|---:|")
    for command in ("normalize", "tm lookup"):
        for name in ("small", "big"):
            db = stores[name]
            if command == "normalize":
                argv = [onoma, "--db", db, "normalize", path("article.txt")]
            else:
                argv = [onoma, "--db", db, "tm", "lookup", "--from", "en",
                        "--to", "uk", SENTENCE]
            runs = args.runs if name == "small" else big_runs
            run_once(argv)  # the first run after the import may compile
            for cache in ("warm", "cold"):
                cold = ()
                if cache == "cold":
                    cold = [db, db + "-wal", db + "-shm", db + ".names",
                            path("article.txt"), onoma]
                seconds, rss, cpu = measure(argv, runs, cold=cold)
                rows.append([command, name, cache, "%.1f" % (seconds * 1000),
                             "%.1f" % (rss / 1024), "%.1f" % (cpu * 1000)])
                summary.append("| `%s` | %s | %s | %.1f | %.1f | %.1f |" %
                               (command, name, cache, seconds * 1000,
                                cpu * 1000, rss / 1024))
    if os.path.exists(stores["big"] + ".names"):
        summary.append("name index at 100k concepts: %d bytes" %
                       os.path.getsize(stores["big"] + ".names"))

    # End-to-end throughput.
    summary.append("")
    if args.startup_only:
        write_results(args, rows, summary)
        return
    mb = os.path.getsize(path("news50.txt")) / 1e6
    for name in ("small", "big"):
        seconds, rss, cpu = measure([onoma, "--db", stores[name],
                                     "normalize", path("news50.txt")], 3)
        rows.append(["normalize 50MB", name, "warm", "%.1f" % (seconds * 1000),
                     "%.1f" % (rss / 1024), "%.1f" % (cpu * 1000)])
        summary.append("normalize, %s store, %.1f MB dense copy: %.0f ms, "
                       "%.1f MB/s (CPU %.0f ms, %.1f MB/s), peak %.0f MB" %
                       (name, mb, seconds * 1000, mb / seconds, cpu * 1000,
                        mb / cpu, rss / 1024))
        if name == "small":
            small_rate, small_cpu_rate = mb / seconds, mb / cpu
        else:
            big_rate, big_cpu_rate = mb / seconds, mb / cpu
    grep_s, _, grep_cpu = measure(["grep", "-F", "-c", "-f",
                                   path("variants.txt"), path("news50.txt")], 3)
    rows.append(["grep -F -f variants", "big", "warm",
                 "%.1f" % (grep_s * 1000), "", "%.1f" % (grep_cpu * 1000)])
    summary.append("grep -F -f (%d variant forms) on the same copy: %.0f ms, "
                   "%.1f MB/s (CPU %.0f ms); normalize at 100k is %.2fx "
                   "grep's rate (CPU %.2fx), and %.2fx slower than at 200 "
                   "concepts (CPU %.2fx)" %
                   (sum(1 for _ in open(path("variants.txt"),
                                        encoding="utf-8")),
                    grep_s * 1000, mb / grep_s, grep_cpu * 1000,
                    big_rate / (mb / grep_s), big_cpu_rate / (mb / grep_cpu),
                    small_rate / big_rate, small_cpu_rate / big_cpu_rate))

    shared_mb = os.path.getsize(path("news50-shared.txt")) / 1e6
    shared = {}
    for name in ("small", "big"):
        seconds, rss, cpu = measure([onoma, "--db", stores[name],
                                     "normalize", path("news50-shared.txt")],
                                    3)
        rows.append(["normalize 50MB shared names", name, "warm",
                     "%.1f" % (seconds * 1000), "%.1f" % (rss / 1024),
                     "%.1f" % (cpu * 1000)])
        shared[name] = (seconds, cpu)
        summary.append("normalize, %s store, %.1f MB dense copy naming the "
                       "200 concepts both stores hold: %.0f ms, %.1f MB/s "
                       "(CPU %.0f ms, %.1f MB/s), peak %.0f MB" %
                       (name, shared_mb, seconds * 1000, shared_mb / seconds,
                        cpu * 1000, shared_mb / cpu, rss / 1024))
    summary.append("on the shared names, 100k concepts is %.2fx slower than "
                   "200 (CPU %.2fx)" %
                   (shared["big"][0] / shared["small"][0],
                    shared["big"][1] / shared["small"][1]))

    summary.append("")
    for lang, scheme, transform in (("uk", "uk-bgn", "Ukrainian-Latin/BGN"),
                                    ("ko", "ko-rr", "Hangul-Latin")):
        text = path(lang + "5.txt")
        mb5 = os.path.getsize(text) / 1e6
        ours, rss, ours_cpu = measure([onoma, "romanize", "--scheme",
                                       scheme], 5, stdin_path=text)
        theirs, _, theirs_cpu = measure(["uconv", "-f", "utf-8", "-t",
                                         "utf-8", "-x", transform], 3,
                                        stdin_path=text)
        rows.append(["romanize " + scheme, "", "warm", "%.1f" % (ours * 1000),
                     "%.1f" % (rss / 1024), "%.1f" % (ours_cpu * 1000)])
        rows.append(["uconv " + transform, "", "warm",
                     "%.1f" % (theirs * 1000), "",
                     "%.1f" % (theirs_cpu * 1000)])
        summary.append("romanize --scheme %s, %.1f MB: %.0f ms (%.0f MB/s, "
                       "CPU %.0f ms); uconv -x %s: %.0f ms (CPU %.0f ms); "
                       "ratio %.1fx (CPU %.1fx)" %
                       (scheme, mb5, ours * 1000, mb5 / ours, ours_cpu * 1000,
                        transform, theirs * 1000, theirs_cpu * 1000,
                        theirs / ours, theirs_cpu / ours_cpu))

    write_results(args, rows, summary)


def write_results(args, rows, summary):
    """Writes names-<label>.csv and .txt under --out, and prints the latter."""
    summary.append("load average at the end: " +
                   " ".join(open("/proc/loadavg").read().split()[:3]))
    with open(os.path.join(args.out, "names-%s.csv" % args.label), "w",
              newline="") as f:
        w = csv.writer(f)
        w.writerow(["command", "store", "cache", "median_ms", "peak_rss_mb",
                    "cpu_ms"])
        w.writerows(rows)
    with open(os.path.join(args.out, "names-%s.txt" % args.label), "w") as f:
        f.write("\n".join(summary) + "\n")
    print("\n".join(summary))


if __name__ == "__main__":
    main()
