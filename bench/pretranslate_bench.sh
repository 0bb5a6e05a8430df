#!/bin/sh
# The time of `onoma pretranslate` end to end on a 40-sentence report
# against generated en→uk memories, the lookup index already built (the
# figure docs/pretranslate.md gives). For each size: the memory of
# bench/make_tmx.cc is imported and indexed; the report is the first 40
# sentences (as `onoma segment` cuts them) of queries of
# bench/make_tm_queries.cc, with its mix of exact, changed-number, edited,
# case and fresh sentences, one a line; pretranslate then runs RUNS times
# writing XLIFF 2.0 and --stats. Prints CSV (units, run, wall seconds, user
# and system CPU seconds, peak KB, segments) on stdout, and the analysis of
# the first run on stderr. On a shared machine the CPU seconds are the
# steadier figure.
#
#   bench/pretranslate_bench.sh ONOMA MAKE_TMX MAKE_TM_QUERIES [UNITS ...] \
#       > runs/DATE-MACHINE/pretranslate.csv
#
# ONOMA is the onoma binary to measure (build it with the release or bench
# preset). UNITS defaults to 100000 1000000. RUNS (environment) defaults
# to 5.
set -eu
onoma=$1
make_tmx=$2
make_queries=$3
shift 3
[ $# -gt 0 ] || set -- 100000 1000000
runs=${RUNS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "units,run,seconds,user_s,sys_s,peak_kb,segments"
for units in "$@"; do
  "$make_tmx" "$units" > "$tmp/memory.tmx"
  rm -f "$tmp/m.db"
  "$onoma" --db "$tmp/m.db" tm import "$tmp/memory.tmx" >/dev/null 2>&1
  "$onoma" --db "$tmp/m.db" tm index >/dev/null 2>&1
  "$make_queries" "$tmp/memory.tmx" "$units" 60 | cut -f4 |
    "$onoma" segment --lang en - | head -n 40 > "$tmp/report.txt"
  rm -f "$tmp/memory.tmx"
  run=1
  while [ "$run" -le "$runs" ]; do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" \
      "$onoma" --db "$tmp/m.db" pretranslate --from en --to uk \
      -o "$tmp/report.xlf" --stats "$tmp/stats.json" "$tmp/report.txt" \
      2> "$tmp/analysis"
    segments=$(grep -c '<segment ' "$tmp/report.xlf")
    read -r seconds user sys peak < "$tmp/time"
    echo "$units,$run,$seconds,$user,$sys,$peak,$segments"
    if [ "$run" -eq 1 ]; then
      echo "== $units units; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
      cat "$tmp/analysis" >&2
    fi
    run=$((run + 1))
  done
done
