#!/bin/sh
# Concordance in the translation memory, on the generated en→uk
# memory of bench/tmx_corpus.h at 1,000,000 units:
#   - `onoma tm import` alone, then the same import into a database with
#     the index kept current by a trigger on tm_variant (the alternative to
#     the lazy update that onoma uses), at 100,000 units: what each costs
#     an import;
#   - the first `onoma tm concordance` after the 1M import (it builds the
#     index) and a second one, with the database's size before and after;
#   - bench/concordance_bench.cc on that database: index build time and
#     size (dbstat), latency p50/p99 per kind of query (en, uk, numbers,
#     1-2 characters, absent) beside a LIKE scan on tm_variant.
#
#   cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release \
#       -DONOMA_BUILD_BENCH=ON && ninja -C build/bench onoma_cli make_tmx \
#       concordance_bench
#   BUILD=build/bench bench/compare_concordance.sh
#
# Results: bench/runs/<date>-<host>/concordance.csv (one row per
# benchmark), concordance-summary.txt, concordance-bench.json. Needs the
# sqlite3 shell for the trigger variant. TMP=dir picks where the 760 MB
# TMX and the 2.5 GB database go (default /tmp); all is removed at the end.
set -eu
cd "$(dirname "$0")/.."
build=${BUILD:-build/bench}
out="bench/runs/$(date +%Y-%m-%d)-$(hostname -s)"
mkdir -p "$out"
tmp=$(mktemp -d "${TMP:-/tmp}/onoma-concordance-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
summary="$out/concordance-summary.txt"
onoma="$build/onoma"

bytes() { du -cb "$@" 2>/dev/null | tail -1 | cut -f1; }
seconds() { /usr/bin/time -f %e -o "$tmp/time" "$@" > /dev/null && cat "$tmp/time"; }

"$build/bench/make_tmx" 1000000 > "$tmp/1m.tmx"
"$build/bench/make_tmx" 100000 > "$tmp/100k.tmx"
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB"
  echo "onoma: $($onoma --version); SQLite $(sqlite3 --version | cut -d' ' -f1)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$summary"

# The index kept by a trigger: every variant inserted goes into FTS5 at
# once, row by row.
for mode in plain trigger; do
  rm -f "$tmp/t.db"*
  "$onoma" --db "$tmp/t.db" tm stats > /dev/null
  if [ "$mode" = trigger ]; then
    sqlite3 "$tmp/t.db" "DROP TRIGGER tm_concordance_unit_deleting;
      CREATE TRIGGER tm_concordance_variant_added AFTER INSERT ON tm_variant
      BEGIN INSERT INTO tm_concordance (rowid, text) VALUES (new.id, new.text);
      END;"
  fi
  s=$(seconds "$onoma" --db "$tmp/t.db" tm import "$tmp/100k.tmx")
  echo "import 100k units, index $mode: $s s" | tee -a "$summary"
done

"$onoma" --db "$tmp/1m.db" tm import "$tmp/1m.tmx" > /dev/null
sqlite3 "$tmp/1m.db" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
before=$(bytes "$tmp/1m.db"*)
first=$(seconds "$onoma" --db "$tmp/1m.db" tm concordance --max 1 Kharkiv)
second=$(seconds "$onoma" --db "$tmp/1m.db" tm concordance --max 1 Kharkiv)
sqlite3 "$tmp/1m.db" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
after=$(bytes "$tmp/1m.db"*)
{
  echo "1M units: first concordance (builds the index) $first s, second $second s"
  echo "1M units: database $before bytes before, $after after"
} | tee -a "$summary"

# The benchmark on a fresh copy of the import, so that it times the build.
rm -f "$tmp/1m.db"*
"$onoma" --db "$tmp/1m.db" tm import "$tmp/1m.tmx" > /dev/null
ONOMA_BENCH_DB="$tmp/1m.db" "$build/bench/concordance_bench" \
  --benchmark_out="$out/concordance-bench.json" \
  --benchmark_out_format=json | tee -a "$summary"
python3 - "$out/concordance-bench.json" > "$out/concordance.csv" <<'EOF'
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
keys = ["p50_ms", "p99_ms", "mean_ms", "max_ms", "hits", "queries",
        "index_build_s", "units_indexed", "index_bytes", "file_bytes_before",
        "file_bytes_after"]
print("name," + ",".join(keys))
for r in runs:
    print(r["name"] + "," + ",".join(str(r.get(k, "")) for k in keys))
EOF
echo "results in $out"
