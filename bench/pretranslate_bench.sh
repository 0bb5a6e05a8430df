#!/bin/sh
# The time of `onoma pretranslate` end to end on a 40-sentence report
# against generated en→uk memories, the lookup index already built (the
# figure docs/pretranslate.md gives). For each size: the memory of
# bench/make_tmx.cc is imported and indexed; the report is the first 40
# sentences (as `onoma segment` cuts them) of queries of
# bench/make_tm_queries.cc, with its mix of exact, changed-number, edited,
# case and fresh sentences, one a line; pretranslate then runs writing
# XLIFF 2.0 and --stats, RUNS times with the database in the page cache
# (warm) and COLD times after the database's pages were dropped from it
# (posix_fadvise DONTNEED on the file, so other processes' caches stay).
# Prints CSV (units, run, cache, wall seconds, user and system CPU
# seconds, peak KB, segments) on stdout, and the analysis of the first run
# on stderr. On a shared machine the CPU seconds are the steadier figure.
# With HYPERFINE_OUT set and hyperfine installed, the warm command is also
# timed by hyperfine into $HYPERFINE_OUT-UNITS.json.
#
#   bench/pretranslate_bench.sh ONOMA MAKE_TMX MAKE_TM_QUERIES [UNITS ...] \
#       > runs/DATE-MACHINE/pretranslate.csv
#
# ONOMA is the onoma binary to measure (build it with the release or bench
# preset). UNITS defaults to 100000 1000000. RUNS (environment) defaults
# to 5, COLD to 3.
set -eu
onoma=$1
make_tmx=$2
make_queries=$3
shift 3
[ $# -gt 0 ] || set -- 100000 1000000
runs=${RUNS:-5}
cold=${COLD:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

drop_cache() {
  python3 -c '
import os, sys
for path in sys.argv[1:]:
    if os.path.exists(path):
        fd = os.open(path, os.O_RDONLY)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)' "$tmp/m.db" "$tmp/m.db-wal" "$tmp/m.db-shm"
}

# One timed run: CSV line; the analysis of the first warm run on stderr.
timed() {
  units=$1 run=$2 cache=$3
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" \
    "$onoma" --db "$tmp/m.db" pretranslate --from en --to uk \
    -o "$tmp/report.xlf" --stats "$tmp/stats.json" "$tmp/report.txt" \
    2> "$tmp/analysis"
  segments=$(grep -c '<segment ' "$tmp/report.xlf")
  read -r seconds user sys peak < "$tmp/time"
  echo "$units,$run,$cache,$seconds,$user,$sys,$peak,$segments"
  if [ "$run" -eq 1 ] && [ "$cache" = warm ]; then
    echo "== $units units; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    cat "$tmp/analysis" >&2
  fi
}

echo "units,run,cache,seconds,user_s,sys_s,peak_kb,segments"
for units in "$@"; do
  "$make_tmx" "$units" > "$tmp/memory.tmx"
  rm -f "$tmp/m.db"
  "$onoma" --db "$tmp/m.db" tm import "$tmp/memory.tmx" >/dev/null 2>&1
  "$onoma" --db "$tmp/m.db" tm index >/dev/null 2>&1
  "$make_queries" "$tmp/memory.tmx" "$units" 60 | cut -f4 |
    "$onoma" segment --lang en - | head -n 40 > "$tmp/report.txt"
  rm -f "$tmp/memory.tmx"
  # Once untimed, so that the warm runs find the database in the cache.
  "$onoma" --db "$tmp/m.db" pretranslate --from en --to uk \
    -o "$tmp/report.xlf" "$tmp/report.txt" 2>/dev/null
  run=1
  while [ "$run" -le "$runs" ]; do
    timed "$units" "$run" warm
    run=$((run + 1))
  done
  if [ -n "${HYPERFINE_OUT:-}" ] && command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup 1 --runs 10 \
      --export-json "$HYPERFINE_OUT-$units.json" \
      "'$onoma' --db '$tmp/m.db' pretranslate --from en --to uk -o '$tmp/h.xlf' '$tmp/report.txt'" \
      >/dev/null 2>&1
  fi
  run=1
  while [ "$run" -le "$cold" ]; do
    drop_cache
    timed "$units" "$run" cold
    run=$((run + 1))
  done
done
