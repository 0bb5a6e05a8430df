#!/bin/bash
# The translation memory on SQLite and on PostgreSQL, side by side
# (docs/shared-store.md):
#
#   1. ratios: one `tm import` of a generated memory of UNITS units, then
#      `tm index` and one `tm lookup -` of QUERIES queries, on each engine;
#      the lookups' answers and the two exports must be the same bytes.
#   2. load: 8 processes each importing its own TMX files one after the
#      other and 16 each running `tm lookup -` again and again, all at
#      once for SECONDS seconds against one database; then every file's
#      units must be in the memory exactly once (its source holds what its
#      import said it added, and the memory holds the sum) and no command
#      may have failed. The same load on one SQLite file for comparison.
#
#   bench/tm_engines.sh BUILD_DIR [UNITS] [QUERIES] [SECONDS] [FILE_UNITS]
#
# $BUSY_TIMEOUT (default 30, onoma's own default) is each importer's
# --busy-timeout: how long it waits for the write lock, which the others
# hold one after another. A lookup still running at the end is stopped
# there (it counts as cut, not failed; its answers so far count).
#
# BUILD_DIR holds onoma, bench/make_tmx and bench/make_tm_queries (a
# Release build: cmake --preset bench). The PostgreSQL server is a
# throwaway cluster this script starts and removes (bench/pg_cluster.sh).
# Defaults: 20000 units, 200 queries, 60 s, files of 1000 units.
set -u
build=$(cd "$1" && pwd)
units=${2:-20000}
queries=${3:-200}
seconds=${4:-60}
file_units=${5:-1000}
busy=${BUSY_TIMEOUT:-30}
onoma=$build/onoma
tmp=$(mktemp -d)
. "$(dirname "$0")/pg_cluster.sh"
cleanup() {
  pg_cluster_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
pg_cluster_start || exit 1
uri() { pg_uri "$1"; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), shared with other jobs; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "onoma $("$onoma" --version | cut -d' ' -f2-) ($(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")); $(pg_describe)"
createdb() {
  psql -q "$(uri postgres)" -c "CREATE DATABASE $1" >/dev/null || exit 1
}
now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

# 1. Ratios.
"$build/bench/make_tmx" "$units" > "$tmp/memory.tmx"
"$build/bench/make_tm_queries" "$tmp/memory.tmx" "$units" "$queries" |
  cut -f4 > "$tmp/queries.txt"
createdb ratio
declare -A took
for engine in sqlite postgresql; do
  db=$tmp/ratio.db
  [ "$engine" = postgresql ] && db=$(uri ratio)
  t0=$(now)
  "$onoma" --db "$db" tm import "$tmp/memory.tmx" >/dev/null 2>&1 || echo "import failed on $engine"
  t1=$(now)
  "$onoma" --db "$db" tm index >/dev/null 2>&1 || echo "index failed on $engine"
  t2=$(now)
  "$onoma" --db "$db" tm lookup --from en --to uk --json - \
    < "$tmp/queries.txt" > "$tmp/lookup.$engine" 2>/dev/null || echo "lookup failed on $engine"
  t3=$(now)
  "$onoma" --db "$db" tm export "$tmp/export.$engine.tmx" >/dev/null 2>&1
  took[$engine.import]=$(elapsed "$t0" "$t1")
  took[$engine.index]=$(elapsed "$t1" "$t2")
  took[$engine.lookup]=$(elapsed "$t2" "$t3")
done
echo "ratios: $units units, $queries queries"
printf '%-8s %10s %12s %10s\n' step sqlite postgresql ratio
for step in import index lookup; do
  a=${took[sqlite.$step]}
  b=${took[postgresql.$step]}
  printf '%-8s %9.2fs %11.2fs %10.1f\n' "$step" "$a" "$b" "$(echo "$b / $a" | bc -l)"
done
cmp -s "$tmp/lookup.sqlite" "$tmp/lookup.postgresql" &&
  echo "lookup answers: the same bytes" || echo "lookup answers DIFFER"
cmp -s "$tmp/export.sqlite.tmx" "$tmp/export.postgresql.tmx" &&
  echo "exports: the same bytes" || echo "exports DIFFER"

# 2. Load: 8 importers, 16 lookups, $seconds seconds.
files_each=$(( seconds / 2 + 2 ))
for i in $(seq 1 8); do
  for k in $(seq 1 "$files_each"); do
    "$build/bench/make_tmx" "$file_units" $(( i * 1000 + k )) \
      > "$tmp/load-$i-$k.tmx"
  done
done
head -20 "$tmp/queries.txt" > "$tmp/load-queries.txt"

load() {
  engine=$1
  db=$2
  out=$tmp/load-$engine
  mkdir -p "$out"
  # A memory to look in before the importers start.
  "$onoma" --db "$db" tm import "$tmp/load-1-1.tmx" >/dev/null 2>&1
  "$onoma" --db "$db" tm index >/dev/null 2>&1
  end=$(( $(date +%s) + seconds ))
  for i in $(seq 1 8); do
    (
      k=2
      while [ "$(date +%s)" -lt "$end" ] && [ "$k" -le "$files_each" ]; do
        "$onoma" --db "$db" --busy-timeout "$busy" \
          tm import "$tmp/load-$i-$k.tmx" \
          > "$out/import-$i-$k.out" 2> "$out/import-$i-$k.err"
        echo $? > "$out/import-$i-$k.rc"
        k=$(( k + 1 ))
      done
    ) &
  done
  for j in $(seq 1 16); do
    (
      n=0
      while [ "$(date +%s)" -lt "$end" ]; do
        n=$(( n + 1 ))
        timeout $(( end - $(date +%s) + 1 )) \
          "$onoma" --db "$db" tm lookup --from en --to uk --json - \
          < "$tmp/load-queries.txt" > "$out/lookup-$j-$n.out" \
          2> "$out/lookup-$j-$n.err"
        echo $? > "$out/lookup-$j-$n.rc"
      done
    ) &
  done
  wait
  t_end=$(date +%s)
  imports=$(ls "$out"/import-*.rc | wc -l)
  import_failed=$(grep -L '^0$' "$out"/import-*.rc | wc -l)
  lookups=$(ls "$out"/lookup-*.rc | wc -l)
  lookup_cut=$(grep -l '^124$' "$out"/lookup-*.rc | wc -l)
  lookup_failed=$(grep -L '^\(0\|124\)$' "$out"/lookup-*.rc | wc -l)
  answered=$(cat "$out"/lookup-*.out | wc -l)
  # What the importers said they added, and what the memory holds.
  added=$(sed -n 's/.* units read, \([0-9]*\) added.*/\1/p' "$out"/import-*.out |
    paste -sd+ | bc)
  read_units=$(sed -n 's/.*: \([0-9]*\) units read.*/\1/p' "$out"/import-*.out |
    paste -sd+ | bc)
  "$onoma" --db "$db" tm stats > "$out/stats" 2>&1
  seed_units=$(sed -n 's/^  [^ ]*load-1-1.tmx (tmx, [^)]*): \([0-9]*\) units$/\1/p' "$out/stats")
  units_now=$(sed -n 's/^units: //p' "$out/stats")
  # Each file's source holds what its import added.
  mismatched=0
  for f in "$out"/import-*.out; do
    name=$(sed -n 's/^\(.*\.tmx\): .*/\1/p' "$f")
    said=$(sed -n 's/.* units read, \([0-9]*\) added.*/\1/p' "$f")
    [ -z "$name" ] && continue
    held=$(grep -F "  $name (tmx, " "$out/stats" | sed -n 's/.*: \([0-9]*\) units$/\1/p')
    [ "$held" = "$said" ] || mismatched=$(( mismatched + 1 ))
  done
  errors=$(cat "$out"/*.err | grep -v '^$' | grep -v 'read one by one' |
    sort | uniq -c | sort -rn | head -3)
  stale=$(cat "$out"/lookup-*.err | grep -c 'read one by one')
  echo "load on $engine ($(( t_end - end + seconds )) s; --busy-timeout $busy): $imports imports ($import_failed failed), $read_units units read, $added added;"
  echo "  memory: $units_now units = ${seed_units:-?} before + $added added: $([ "$units_now" = "$(( ${seed_units:-0} + added ))" ] && echo yes || echo NO);"
  echo "  sources whose units differ from what their import said: $mismatched;"
  echo "  $lookups lookup runs of 20 queries ($lookup_failed failed, $lookup_cut cut at the end), $answered queries answered, $stale runs on a stale index"
  if [ -n "$errors" ]; then echo "  messages: $errors"; fi
}
createdb load
load postgresql "$(uri load)"
load sqlite "$tmp/load.db"
