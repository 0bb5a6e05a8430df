#!/usr/bin/env python3
"""Times each query of a batch command (`onoma ... tm lookup --json -` or
`tm concordance --json -`) as a translator's client sees it: one query
written to the command's standard input, its answer line read back, the
next query only then. The command answers and flushes one line per query
(docs/tm.md), so each time is the query's own, start-up excluded: a
query that finds nothing ("onoma warm-up") goes first and its answer is
awaited before the clock starts (not an empty line: `tm lookup` writes
an empty line's answer without flushing it).

  bench/timed_queries.py QUERIES ANSWERS -- onoma --db DB tm lookup ... -

Prints one JSON object: queries, p50_ms, p99_ms, mean_ms, max_ms,
total_s. ANSWERS gets the answer lines, for comparing two engines.
Used by bench/tm_scale.sh."""

import json
import subprocess
import sys
import time


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(1, int(round(fraction * len(ordered) + 0.5)))
    return ordered[min(rank, len(ordered)) - 1]


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        sys.exit(__doc__)
    queries = [line.rstrip("\n") for line in
               open(sys.argv[1], encoding="utf-8") if line.strip()]
    command = sys.argv[4:]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    proc.stdin.write(b"onoma warm-up\n")
    proc.stdin.flush()
    if not proc.stdout.readline():
        sys.exit("the command gave no answer: " + " ".join(command))
    times = []
    answers = []
    for query in queries:
        start = time.perf_counter()
        proc.stdin.write(query.encode("utf-8") + b"\n")
        proc.stdin.flush()
        answer = proc.stdout.readline()
        times.append((time.perf_counter() - start) * 1000)
        if not answer:
            sys.exit("the command stopped at query: " + query)
        answers.append(answer)
    proc.stdin.close()
    proc.wait()
    with open(sys.argv[2], "wb") as out:
        out.writelines(answers)
    print(json.dumps({
        "queries": len(times),
        "p50_ms": round(percentile(times, 0.50), 2),
        "p99_ms": round(percentile(times, 0.99), 2),
        "mean_ms": round(sum(times) / max(len(times), 1), 2),
        "max_ms": round(max(times, default=0.0), 2),
        "total_s": round(sum(times) / 1000, 3),
    }))


if __name__ == "__main__":
    main()
