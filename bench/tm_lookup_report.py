#!/usr/bin/python3
"""Summary and raw CSV of bench/compare_tm_lookup.sh.

    /usr/bin/python3 bench/tm_lookup_report.py --work DIR --onoma BIN \
        --sizes 10k=10000,100k=100000,1m=1000000 --tt 10k,100k \
        --summary SUMMARY.txt --csv RAW.csv

Reads what the script left in DIR for each size label L: q-L.tsv
(bench/make_tm_queries.cc), import-L.time, onoma-L.json (Google
Benchmark's JSON from bench/tm_lookup_bench.cc), onoma-L-min70.tsv and
onoma-L-min50.tsv (its per-query results), and for the sizes in --tt:
L.tmx, tt-L.tsv and tt-L.txt (bench/tt_matcher.py). Appends the figures to
SUMMARY.txt and writes one CSV line per query, tool and --min to RAW.csv.

Results are compared unit by unit (by tuid; translate-toolkit's sources
are mapped back to tuids through the TMX): does onoma return
translate-toolkit's best match, and the reverse. A translate-toolkit best
match that onoma leaves out is scored by onoma alone (the unit imported
into a scratch database, `onoma tm lookup --min 0`) and counted as
  below-min   onoma scores it under 70: not a lost match by onoma's
              definition (translate-toolkit's similarity counts characters,
              onoma's counts tokens), listed with both scores
  crowded     onoma scores it at 70 or more but returned 5 better ones
  lost        onoma scores it at 70 or more and did not return it
"""

import argparse
import csv
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")


def plain(text):
    """translate-toolkit's source (inline codes as their native text, "<b>")
    as onoma's plain text."""
    return SPACE.sub(" ", TAG.sub("", text)).strip()


def percentile(sorted_values, p):
    """Nearest rank, as bench/tm_lookup_bench.cc computes it."""
    if not sorted_values:
        return 0.0
    rank = max(1, -(-int(p * 1000) * len(sorted_values) // 1000))
    return sorted_values[min(len(sorted_values), rank) - 1]


def read_queries(path):
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            number, kind, tuid, text = line.rstrip("\n").split("\t", 3)
            queries.append({"n": int(number), "kind": kind, "origin": tuid,
                            "text": text})
    return queries


def read_onoma(path):
    """Per query: ms, stats and [(score, tuid, source)], best first."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            matches = [(int(fields[i]), fields[i + 1], fields[i + 2])
                       for i in range(7, len(fields) - 2, 3)]
            rows[int(fields[0])] = {
                "ms": float(fields[1]), "cpu_ms": float(fields[2]),
                "candidates": int(fields[3]), "postings_read": int(fields[4]),
                "scored": int(fields[5]), "filtered": fields[6] == "1",
                "matches": matches}
    return rows


def read_tt(path, tuid_of):
    """Per query: ms and [(score, tuid, source)], best first."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            matches = []
            for i in range(3, len(fields) - 1, 2):
                source = plain(fields[i + 1])
                matches.append((int(fields[i]), tuid_of.get(source, "?"),
                                source))
            rows[int(fields[0])] = {"ms": float(fields[1]),
                                    "cpu_ms": float(fields[2]),
                                    "matches": matches}
    return rows


def read_keys(path):
    values = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if ": " in line:
                    key, value = line.rstrip("\n").split(": ", 1)
                    values[key] = value
    return values


def read_bench(path):
    """Google Benchmark's JSON: name prefix -> counters."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    found = {}
    for b in data.get("benchmarks", []):
        name = b["name"]
        if name.startswith("BM_TmIndexBuild"):
            found["build"] = b
        elif name.startswith("BM_TmLookup/min:70"):
            found[70] = b
        elif name.startswith("BM_TmLookup/min:50"):
            found[50] = b
    return found


def rank_of(tuid, matches):
    for i, m in enumerate(matches):
        if m[1] == tuid:
            return i + 1
    return 0


def onoma_scores(onoma, units, pairs):
    """onoma's score of each (query, tuid) in `pairs`, from a scratch
    database holding only `units` (tuid -> raw <tu> XML)."""
    if not pairs:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        tmx = os.path.join(tmp, "pairs.tmx")
        with open(tmx, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<tmx version="1.4">\n<header creationtool="bench" '
                    'creationtoolversion="1" segtype="sentence" o-tmf="bench" '
                    'adminlang="en" srclang="en" datatype="plaintext"/>\n'
                    "<body>\n")
            for xml in units.values():
                f.write(xml + "\n")
            f.write("</body>\n</tmx>\n")
        db = os.path.join(tmp, "pairs.db")
        subprocess.run([onoma, "--db", db, "tm", "import", tmx], check=True,
                       stdout=subprocess.DEVNULL)
        queries = sorted({q for q, _ in pairs})
        run = subprocess.run(
            [onoma, "--db", db, "tm", "lookup", "--from", "en", "--to", "uk",
             "--min", "0", "--max", str(max(5, len(units))), "--json", "-"],
            input="\n".join(queries) + "\n", capture_output=True, text=True)
        if run.returncode not in (0, 1):
            print("onoma tm lookup failed: " + run.stderr, file=sys.stderr)
            return {}
        scores = {}
        for line in run.stdout.splitlines():
            answer = json.loads(line)
            for m in answer.get("matches", []):
                scores[(answer["query"], m.get("tuid", ""))] = m["score"]
        return {p: scores.get(p) for p in pairs}


def load_tmx(path):
    """translate-toolkit's view of the TMX: plain source -> tuid, and
    tuid -> raw <tu> (for scoring a unit alone) and plain source."""
    from lxml import etree
    from translate.storage import tmx

    store = tmx.tmxfile.parsefile(path)
    tuid_of, raw, source_of = {}, {}, {}
    for unit in store.units:
        tuid = unit.getid()
        source = plain(str(unit.source))
        tuid_of[source] = tuid
        source_of[tuid] = str(unit.source)
        raw[tuid] = etree.tostring(unit.xmlelement, encoding="unicode")
    return tuid_of, raw, source_of


def stats_line(times, cpu_times):
    ordered, cpu = sorted(times), sorted(cpu_times)
    return ("p50 %.2f ms, p99 %.2f ms, mean %.2f ms, max %.2f ms; CPU p50 "
            "%.2f ms, p99 %.2f ms, mean %.2f ms" % (
                percentile(ordered, 0.5), percentile(ordered, 0.99),
                statistics.fmean(ordered), ordered[-1],
                percentile(cpu, 0.5), percentile(cpu, 0.99),
                statistics.fmean(cpu)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--onoma", required=True)
    parser.add_argument("--sizes", required=True)
    parser.add_argument("--tt", default="")
    parser.add_argument("--summary", required=True)
    parser.add_argument("--csv", required=True)
    args = parser.parse_args()
    sizes = [(s.split("=")[0], int(s.split("=")[1]))
             for s in args.sizes.split(",")]
    tt_sizes = set(filter(None, args.tt.split(",")))
    work = args.work

    out = open(args.summary, "a", encoding="utf-8")

    def say(text=""):
        print(text)
        out.write(text + "\n")

    raw_csv = open(args.csv, "w", newline="", encoding="utf-8")
    writer = csv.writer(raw_csv)
    writer.writerow(["units", "tool", "min", "query", "kind", "origin_tuid",
                     "ms", "cpu_ms", "matches", "best_score", "best_tuid",
                     "origin_rank", "candidates", "postings_read", "scored"])

    verdict = {}
    for label, units in sizes:
        queries = read_queries(os.path.join(work, "q-%s.tsv" % label))
        bench = read_bench(os.path.join(work, "onoma-%s.json" % label))
        imported = read_keys(os.path.join(work, "import-%s.time" % label))
        say("")
        say("== %s units (%d) ==" % (label, units))
        if imported:
            say("import (onoma tm import): %s s, peak %s KB" % (
                imported.get("seconds", "?"), imported.get("max_rss_kb", "?")))
        build = bench.get("build", {})
        if build:
            mb = lambda key: build.get(key, 0) / 1e6
            say("index build (first Lookup::Open after the import): %.2f s "
                "for %d units" % (build.get("index_build_s", 0),
                                  build.get("units_indexed", 0)))
            say("index size: %.1f MB = tm_token %.1f + its UNIQUE index %.1f "
                "+ tm_posting %.1f + tm_posting_key %.1f + tm_tokens %.1f; "
                "whole database %.1f MB (dbstat)" % (
                    mb("index_bytes"), mb("tm_token_bytes"),
                    mb("sqlite_autoindex_tm_token_1_bytes"),
                    mb("tm_posting_bytes"), mb("tm_posting_key_bytes"),
                    mb("tm_tokens_bytes"), mb("db_bytes")))
        onoma = {}
        for min_score in (70, 50):
            path = os.path.join(work, "onoma-%s-min%d.tsv" % (label,
                                                               min_score))
            onoma[min_score] = read_onoma(path) if os.path.exists(path) else {}
            b = bench.get(min_score)
            if not b:
                say("onoma --min %d: no result" % min_score)
                continue
            line = ("onoma --min %d: p50 %.2f ms, p99 %.2f ms, mean %.2f ms, "
                    "max %.2f ms; CPU p50 %.2f ms, p99 %.2f ms, mean %.2f ms; "
                    "%d timings (%d queries, up to %d passes); per query: "
                    "%.2f candidates, %.0f postings read, %.2f scored; %d/%d "
                    "queries matched" % (
                        min_score, b["p50_ms"], b["p99_ms"], b["mean_ms"],
                        b["max_ms"], b["p50_cpu_ms"], b["p99_cpu_ms"],
                        b["mean_cpu_ms"], b["timings"], b["queries"],
                        b["iterations"], b["candidates"], b["postings_read"],
                        b["scored"], b["matched"], b["queries"]))
            if b["queries"] < len(queries):
                line += (" (time budget: the first %d of the %d queries)" % (
                    b["queries"], len(queries)))
            if b.get("unfiltered"):
                line += "; %d queries unfiltered" % b["unfiltered"]
            if "brute_force_diffs" in b:
                line += ("; Find differs from BruteForce on %d of the %d "
                         "queries checked" % (b["brute_force_diffs"],
                                             b["brute_force_checked"]))
            say(line)
            verdict[(label, min_score)] = b

        # Origin found: the unit each query was made from, by kind.
        say("by kind (onoma, first pass): kind, queries; at --min 70 and "
            "--min 50: the unit the query was made from returned / queries "
            "run; median best score at 70; p50 ms at 70 / 50")
        kinds = []
        for q in queries:
            if q["kind"] not in kinds:
                kinds.append(q["kind"])
        for kind in kinds:
            qs = [q for q in queries if q["kind"] == kind]
            found, ran = {}, {}
            for m in (70, 50):
                ran[m] = sum(1 for q in qs if q["n"] in onoma[m])
                found[m] = sum(
                    1 for q in qs if q["n"] in onoma[m] and
                    rank_of(q["origin"], onoma[m][q["n"]]["matches"]))
            best = [onoma[70][q["n"]]["matches"][0][0] for q in qs
                    if q["n"] in onoma[70] and onoma[70][q["n"]]["matches"]]
            ms = {m: sorted(onoma[m][q["n"]]["ms"] for q in qs
                            if q["n"] in onoma[m]) for m in (70, 50)}
            say("  %-7s %4d   70: %3d/%-3d  50: %3d/%-3d  %5s  %7.2f / %7.2f" % (
                kind, len(qs), found[70], ran[70], found[50], ran[50],
                "%.1f" % statistics.median(best) if best else "-",
                percentile(ms[70], 0.5), percentile(ms[50], 0.5)))

        for q in queries:
            for m in (70, 50):
                r = onoma[m].get(q["n"])
                if r is None:
                    continue
                matches = r["matches"]
                writer.writerow([units, "onoma", m, q["n"], q["kind"],
                                 q["origin"], "%.3f" % r["ms"],
                                 "%.3f" % r["cpu_ms"], len(matches),
                                 matches[0][0] if matches else "",
                                 matches[0][1] if matches else "",
                                 rank_of(q["origin"], matches),
                                 r["candidates"], r["postings_read"],
                                 r["scored"]])

        if label not in tt_sizes:
            continue
        tt_summary = read_keys(os.path.join(work, "tt-%s.txt" % label))
        tuid_of, raw, source_of = load_tmx(os.path.join(work, label + ".tmx"))
        tt = read_tt(os.path.join(work, "tt-%s.tsv" % label), tuid_of)
        subset = [q for q in queries if q["n"] in tt]
        for q in subset:
            r = tt[q["n"]]
            writer.writerow([units, "translate-toolkit", 70, q["n"], q["kind"],
                             q["origin"], "%.3f" % r["ms"],
                             "%.3f" % r["cpu_ms"], len(r["matches"]),
                             r["matches"][0][0] if r["matches"] else "",
                             r["matches"][0][1] if r["matches"] else "",
                             rank_of(q["origin"], r["matches"]), "", "", ""])
        tt_ms = [tt[q["n"]]["ms"] for q in subset]
        tt_cpu = [tt[q["n"]]["cpu_ms"] for q in subset]
        on_ms = [onoma[70][q["n"]]["ms"] for q in subset
                 if q["n"] in onoma[70]]
        on_cpu = [onoma[70][q["n"]]["cpu_ms"] for q in subset
                  if q["n"] in onoma[70]]
        note = "" if len(subset) == len(queries) else (
            " (the first %d of the %d queries: translate-toolkit's time)" % (
                len(subset), len(queries)))
        say("translate-toolkit matcher (max_candidates=5, min_similarity=70, "
            "max_length=1000)%s: %s; %d/%d matched; load %s s, matcher "
            "init %s s" % (note, stats_line(tt_ms, tt_cpu),
                           sum(1 for q in subset if tt[q["n"]]["matches"]),
                           len(subset), tt_summary.get("load_s", "?"),
                           tt_summary.get("matcher_init_s", "?")))
        if on_ms:
            say("onoma --min 70 on the same %d queries, first pass: %s" % (
                len(on_ms), stats_line(on_ms, on_cpu)))
            for what, o, t in (("clock", sorted(on_ms), sorted(tt_ms)),
                               ("CPU", sorted(on_cpu), sorted(tt_cpu))):
                ratio_p50 = percentile(t, 0.5) / percentile(o, 0.5)
                say("speed-up onoma vs translate-toolkit (%s): %.0fx at p50, "
                    "%.0fx in mean time per query, %.0fx at p99" % (
                        what, ratio_p50,
                        statistics.fmean(t) / statistics.fmean(o),
                        percentile(t, 0.99) / percentile(o, 0.99)))
                verdict[(label, "ratio", what)] = ratio_p50

        # Results: translate-toolkit's best against onoma's list, and back.
        same_best = found_tt = 0
        missing = []  # (query, tt tuid, tt score)
        for q in subset:
            tm = tt[q["n"]]["matches"]
            if not tm:
                continue
            om = onoma[70].get(q["n"], {"matches": []})["matches"]
            best = tm[0][1]
            if om and om[0][1] == best:
                same_best += 1
            if rank_of(best, om):
                found_tt += 1
            else:
                missing.append((q, best, tm[0][0]))
        pairs = []
        for q, tuid, _ in missing:
            pairs.append((q["text"], tuid))
        scores = onoma_scores(args.onoma, {t: raw[t] for _, t in pairs
                                           if t in raw}, pairs)
        below, crowded, lost = [], [], []
        for q, tuid, tt_score in missing:
            score = scores.get((q["text"], tuid))
            om = onoma[70].get(q["n"], {"matches": []})["matches"]
            item = (q, tuid, tt_score, score)
            if score is None or score >= 70:
                if score is not None and len(om) >= 5 and om[-1][0] >= score:
                    crowded.append(item)
                else:
                    lost.append(item)
            else:
                below.append(item)
        with_tt = sum(1 for q in subset if tt[q["n"]]["matches"])
        say("translate-toolkit's best match returned by onoma --min 70: "
            "%d/%d (as onoma's best: %d); lost matches: %d; crowded out by "
            "5 better: %d; scored below 70 by onoma: %d" % (
                found_tt, with_tt, same_best, len(lost), len(crowded),
                len(below)))
        verdict[(label, "lost")] = len(lost)
        for q, tuid, tt_score, score in lost + crowded + below:
            tag = "LOST" if (q, tuid, tt_score, score) in lost else (
                "crowded" if (q, tuid, tt_score, score) in crowded
                else "below-min")
            say("  %s: query %d (%s): tuid %s, translate-toolkit %d%%, onoma "
                "%s" % (tag, q["n"], q["kind"], tuid, tt_score,
                        "?" if score is None else score))

        # The reverse: onoma's best that translate-toolkit leaves out.
        from translate.search import lshtein

        comparer = lshtein.LevenshteinComparer(1000)
        reverse = []
        for q in subset:
            om = onoma[70].get(q["n"], {"matches": []})["matches"]
            if not om:
                continue
            tm = tt[q["n"]]["matches"]
            if rank_of(om[0][1], tm):
                continue
            source = source_of.get(om[0][1])
            similarity = (comparer.similarity(q["text"], source, 0)
                          if source is not None else None)
            reverse.append((q, om[0][1], om[0][0], similarity))
        say("onoma's best match (--min 70) not returned by translate-toolkit: "
            "%d" % len(reverse))
        for q, tuid, score, similarity in reverse:
            say("  query %d (%s): tuid %s, onoma %d, translate-toolkit "
                "similarity %s" % (q["n"], q["kind"], tuid, score,
                                   "?" if similarity is None
                                   else "%.1f%%" % similarity))

    raw_csv.close()
    say("")
    say("targets:")
    for label, units in sizes:
        if units >= 1000000 and (label, 70) in verdict:
            for m in (70, 50):
                b = verdict.get((label, m))
                if b:
                    say("  %s --min %d: p50 %.2f ms (target < 20), p99 %.2f "
                        "ms (target < 100): %s; by CPU time p50 %.2f ms, p99 "
                        "%.2f ms" % (
                            label, m, b["p50_ms"], b["p99_ms"],
                            "met" if b["p50_ms"] < 20 and b["p99_ms"] < 100
                            else "NOT met", b["p50_cpu_ms"], b["p99_cpu_ms"]))
        if (label, "ratio", "clock") in verdict:
            ratio = verdict[(label, "ratio", "clock")]
            ok = ratio >= 100 and verdict.get((label, "lost"), 1) == 0
            say("  %s: %.0fx translate-toolkit at p50 (%.0fx by CPU time) "
                "with %s lost matches (target >= 100x at 100k, none lost): "
                "%s" % (label, ratio, verdict[(label, "ratio", "CPU")],
                        verdict.get((label, "lost"), "?"),
                        "met" if ok else "NOT met"))
    out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
