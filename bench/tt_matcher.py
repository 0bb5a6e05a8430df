#!/usr/bin/python3
"""translate-toolkit's fuzzy matcher on the TM lookup benchmark's queries.

The rival of `onoma tm lookup` in bench/compare_tm_lookup.sh:
Debian's python3-translate, as Pootle and pot2po use it: the TMX read by
translate.storage.tmx.tmxfile, then translate.search.match.matcher over its
units, and matcher.matches(query) timed alone for each query with
time.perf_counter.

    /usr/bin/python3 bench/tt_matcher.py MEMORY.tmx QUERIES.txt OUT.tsv \
        [--min 70] [--max 5] [--limit N]

The matcher gets max_length=1000: its default of 70 characters makes it
skip every stored source longer than that (most news sentences) without a
word. QUERIES.txt holds one query a line; --limit N takes the first N only
(translate-toolkit needs most of a second a query at 100k units).

OUT.tsv: a line per query: number, milliseconds, CPU milliseconds (this
thread's, which other processes on a busy machine do not inflate), then
score and source of each match, best first; the score is the matcher's own, a character
Levenshtein similarity, so it is not onoma's token score. Sources are as
tmxfile gives them, inline codes included as their native text ("<b>").
A summary goes to stdout as `key: value` lines.
"""

import argparse
import statistics
import sys
import time

from translate.search import match
from translate.storage import tmx
import translate.__version__


def percentile(sorted_values, p):
    """Nearest rank, as bench/tm_lookup_bench.cc computes it."""
    if not sorted_values:
        return 0.0
    rank = max(1, -(-int(p * 1000) * len(sorted_values) // 1000))
    return sorted_values[min(len(sorted_values), rank) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tmx")
    parser.add_argument("queries")
    parser.add_argument("out")
    parser.add_argument("--min", type=int, default=70)
    parser.add_argument("--max", type=int, default=5)
    parser.add_argument("--max-length", type=int, default=1000)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()

    with open(args.queries, encoding="utf-8") as f:
        queries = [line.rstrip("\n") for line in f if line.strip()]
    if args.limit:
        queries = queries[: args.limit]

    start = time.perf_counter()
    store = tmx.tmxfile.parsefile(args.tmx)
    loaded = time.perf_counter()
    matcher = match.matcher(
        store,
        max_candidates=args.max,
        min_similarity=args.min,
        max_length=args.max_length,
    )
    built = time.perf_counter()

    times, cpu_times = [], []
    matched = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for number, query in enumerate(queries):
            c0, t0 = time.thread_time(), time.perf_counter()
            units = matcher.matches(query)
            t1, c1 = time.perf_counter(), time.thread_time()
            ms, cpu_ms = (t1 - t0) * 1000, (c1 - c0) * 1000
            times.append(ms)
            cpu_times.append(cpu_ms)
            matched += 1 if units else 0
            fields = [str(number), "%.3f" % ms, "%.3f" % cpu_ms]
            for unit in units:
                # buildunits() leaves the score as a note: "87%".
                score = unit.getnotes().strip().split("\n")[-1].rstrip("%")
                fields += [score, str(unit.source).replace("\t", " ")]
            out.write("\t".join(fields) + "\n")

    ordered = sorted(times)
    print("tool: translate-toolkit %s" % translate.__version__.sver)
    print("units: %d" % len(store.units))
    print("usable_units: %d" % len(matcher.candidates.units))
    print("load_s: %.2f" % (loaded - start))
    print("matcher_init_s: %.2f" % (built - loaded))
    print("queries: %d" % len(times))
    print("matched: %d" % matched)
    print("p50_ms: %.3f" % percentile(ordered, 0.50))
    print("p99_ms: %.3f" % percentile(ordered, 0.99))
    print("mean_ms: %.3f" % statistics.fmean(times))
    print("max_ms: %.3f" % ordered[-1])
    ordered = sorted(cpu_times)
    print("p50_cpu_ms: %.3f" % percentile(ordered, 0.50))
    print("p99_cpu_ms: %.3f" % percentile(ordered, 0.99))
    print("mean_cpu_ms: %.3f" % statistics.fmean(cpu_times))
    return 0


if __name__ == "__main__":
    sys.exit(main())
