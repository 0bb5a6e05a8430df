#!/bin/sh
# Fuzzy lookup in the translation memory, side by side with
# translate-toolkit, on the generated en→uk memory of bench/tmx_corpus.h at
# 10,000, 100,000 and 1,000,000 units:
#   - each memory gets its own 200 queries (bench/make_tm_queries.cc: units
#     of that memory unchanged, with a number changed, with 1-3 or 4-8 words
#     changed, with case changed, and fresh sentences);
#   - onoma: `onoma tm import`, then bench/tm_lookup_bench.cc: the index
#     build (the first lookup after the import) and its size, latency per
#     query at --min 70 and --min 50 (3 passes), and at 10k and 100k each
#     query checked against Lookup::BruteForce (the first VERIFY_100K=20
#     at 100k, where brute force takes seconds a query); a benchmark whose
#     lookups pass BUDGET_S=300 seconds stops early and says so (--min 50
#     on the million, where the generator's 48-word vocabulary makes the
#     filter weak);
#   - translate-toolkit (Debian's python3-translate) at 10k and 100k:
#     bench/tt_matcher.py, its matcher with max_length=1000 on the same
#     queries (at 100k the first TT_LIMIT_100K of them, 60 by default: three
#     rounds of the query pattern; it takes seconds a query);
#   - bench/tm_lookup_report.py: the summary, ratios, and the results
#     compared unit by unit (lost matches).
# Nothing runs in parallel: the timings would disturb each other.
#
#   bench/compare_tm_lookup.sh    # results in bench/runs/<date>-<host>/
#
# BUILD=dir picks the build tree (default build/bench, configured here
# Release with benchmarks if it is not yet); SIZES="10000 100000" skips the
# million; TT_SIZES, QUERIES (200) likewise; OUT=dir writes the results
# elsewhere; KEEP=1 keeps the scratch directory (under $TMPDIR, else /tmp;
# about 3 GB at the peak). Needs python3-translate.
set -eu
cd "$(dirname "$0")/.."
build=${BUILD:-build/bench}
sizes=${SIZES:-10000 100000 1000000}
tt_sizes=${TT_SIZES:-10000 100000}
tt_limit_100k=${TT_LIMIT_100K:-60}
verify_100k=${VERIFY_100K:-20}
budget=${BUDGET_S:-300}
count=${QUERIES:-200}
python=/usr/bin/python3  # Debian's, which has python3-translate
out=${OUT:-"bench/runs/$(date +%Y-%m-%d)-$(hostname -s)"}
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tm-lookup.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
  echo "scratch: $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi
summary="$out/tm-lookup-summary.txt"
csv="$out/tm-lookup.csv"
bench_txt="$out/tm-lookup-bench.txt"

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DONOMA_BUILD_BENCH=ON -DONOMA_BUILD_TESTS=OFF
fi
cmake --build "$build" -j "${JOBS:-2}" \
  --target onoma_cli make_tmx make_tm_queries tm_lookup_bench

label() {
  case $1 in
    1000000) echo 1m ;;
    *000) echo "$(($1 / 1000))k" ;;
    *) echo "$1" ;;
  esac
}

{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB"
  echo "onoma: $($build/onoma --version) ($(git describe --always --dirty 2>/dev/null || echo '?')); $(g++ --version | head -1); SQLite $($python -c 'import sqlite3; print(sqlite3.sqlite_version)'); Google Benchmark $(dpkg-query -W -f '${Version}' libbenchmark-dev 2>/dev/null || echo '?')"
  echo "rival: translate-toolkit $($python -c 'import translate.__version__ as v; print(v.sver)') (python3-levenshtein $(dpkg-query -W -f '${Version}' python3-levenshtein 2>/dev/null || echo '?'), $($python --version))"
  echo "input: bench/tmx_corpus.h, en→uk, at $sizes units; $count queries a size (bench/make_tm_queries.cc)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$summary"
: > "$bench_txt"

size_list=""
tt_list=""
for units in $sizes; do
  l=$(label "$units")
  size_list="$size_list${size_list:+,}$l=$units"
  tmx="$tmp/$l.tmx"
  db="$tmp/$l.db"
  "$build/bench/make_tmx" "$units" > "$tmx"
  "$build/bench/make_tm_queries" "$tmx" "$units" "$count" > "$tmp/q-$l.tsv"
  cut -f4 "$tmp/q-$l.tsv" > "$tmp/q-$l.txt"

  /usr/bin/time -f "seconds: %e
max_rss_kb: %M" -o "$tmp/import-$l.time" \
    "$build/onoma" --db "$db" tm import "$tmx" > /dev/null

  verify=0
  if [ "$units" -le 10000 ]; then
    verify=$count
  elif [ "$units" -le 100000 ]; then
    verify=$verify_100k
  fi
  echo "== $l units ==" >> "$bench_txt"
  ONOMA_BENCH_DB="$db" ONOMA_BENCH_QUERIES="$tmp/q-$l.txt" \
    ONOMA_BENCH_OUT="$tmp/onoma-$l" ONOMA_BENCH_VERIFY=$verify \
    ONOMA_BENCH_BUDGET_S=$budget \
    "$build/bench/tm_lookup_bench" \
    --benchmark_out="$tmp/onoma-$l.json" --benchmark_out_format=json \
    | tee -a "$bench_txt"

  case " $tt_sizes " in
    *" $units "*)
      limit=0
      [ "$units" -ge 100000 ] && limit=$tt_limit_100k
      "$python" bench/tt_matcher.py "$tmx" "$tmp/q-$l.txt" "$tmp/tt-$l.tsv" \
        --limit "$limit" | tee "$tmp/tt-$l.txt"
      tt_list="$tt_list${tt_list:+,}$l"
      ;;
    *)
      rm -f "$tmx"  # the report needs only translate-toolkit's memories
      ;;
  esac
  rm -f "$db" "$db-wal" "$db-shm"
done

"$python" bench/tm_lookup_report.py --work "$tmp" --onoma "$build/onoma" \
  --sizes "$size_list" --tt "$tt_list" --summary "$summary" --csv "$csv"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$summary"
