#!/bin/sh
# Two builds of onoma side by side on the commands a restructuring must not
# slow down: romanize (5 MB of Ukrainian, 5 MB of Korean), normalize (a
# 2 MB article against the bundled termbase grown to 2,000 concepts), TMX
# import (100,000 generated units into a new database) and tm lookup (the
# 200 queries of bench/make_tm_queries.cc against that memory, its index
# built beforehand), each build on stores made by itself. hyperfine runs
# all of one build's runs, then the other's: on a shared machine compare
# user times, or pair runs by hand as bench/runs/2026-12-07-vm/refactor-notes.txt does.
#
#   cmake --preset bench && cmake --build --preset bench --target onoma \
#       make_corpus make_tmx make_tm_queries make_news make_news_termbase
#   bench/compare_builds.sh BEFORE/onoma AFTER/onoma [TOOLS_DIR]
#
# TOOLS_DIR holds the generators (default build/bench/bench). Results go to
# bench/runs/<date>-<host>/NAME-*.{csv,md} and NAME-summary.txt (NAME
# default "builds"; OUT=dir writes elsewhere). RUNS (default 5) per
# command. Needs hyperfine.
set -eu
cd "$(dirname "$0")/.."
before=$(realpath "$1")
after=$(realpath "$2")
tools=$(realpath "${3:-build/bench/bench}")
runs=${RUNS:-5}
name=${NAME:-builds}
out=${OUT:-"bench/runs/$(date +%Y-%m-%d)-$(hostname -s)"}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$tools/make_corpus" uk 5 > "$tmp/uk5.txt"
"$tools/make_corpus" ko 5 > "$tmp/ko5.txt"
"$tools/make_news_termbase" tables/termbase/news.tsv 2000 > "$tmp/terms.tsv"
"$tools/make_news" "$tmp/terms.tsv" 2048 > "$tmp/news.txt"
"$tools/make_tmx" 100000 > "$tmp/tm.tmx"
"$tools/make_tm_queries" "$tmp/tm.tmx" 100000 200 | cut -f4 > "$tmp/queries.txt"

# Each build gets its own stores, made by itself (its own schema).
for which in before after; do
  eval "bin=\$$which"
  "$bin" --db "$tmp/$which-terms.db" term import "$tmp/terms.tsv" > /dev/null
  "$bin" --db "$tmp/$which-tm.db" tm import "$tmp/tm.tmx" > /dev/null
  # The first lookup builds the lookup index.
  echo "warm up" | "$bin" --db "$tmp/$which-tm.db" tm lookup --from en \
    --to uk - > /dev/null
done

summary="$out/$name-summary.txt"
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "before: $before ($("$before" --version))"
  echo "after:  $after ($("$after" --version))"
  echo "inputs: make_corpus uk/ko 5 MB; make_news 2 MB over make_news_termbase 2000;"
  echo "        make_tmx 100000 ($(wc -c < "$tmp/tm.tmx") bytes); 200 make_tm_queries"
  echo "runs: $runs each, alternating, after one warm-up run"
} > "$summary"

compare() {
  what=$1
  shift
  printf '\n## %s\n' "$what" >> "$summary"
  hyperfine --style basic --warmup 1 --runs "$runs" --export-csv "$out/$name-$what.csv" \
    --export-markdown "$out/$name-$what.md" "$@" | tee -a "$summary"
}

compare romanize-uk \
  -n before "$before romanize --scheme uk-kmu2010 < $tmp/uk5.txt > /dev/null" \
  -n after "$after romanize --scheme uk-kmu2010 < $tmp/uk5.txt > /dev/null"
compare romanize-ko \
  -n before "$before romanize --scheme ko-rr < $tmp/ko5.txt > /dev/null" \
  -n after "$after romanize --scheme ko-rr < $tmp/ko5.txt > /dev/null"
compare normalize \
  -n before "$before --db $tmp/before-terms.db normalize $tmp/news.txt > /dev/null" \
  -n after "$after --db $tmp/after-terms.db normalize $tmp/news.txt > /dev/null"
compare tmx-import \
  --prepare "rm -f $tmp/import.db $tmp/import.db-wal $tmp/import.db-shm" \
  -n before "$before --db $tmp/import.db tm import $tmp/tm.tmx > /dev/null" \
  -n after "$after --db $tmp/import.db tm import $tmp/tm.tmx > /dev/null"
compare tm-lookup \
  -n before "$before --db $tmp/before-tm.db tm lookup --from en --to uk - < $tmp/queries.txt > /dev/null" \
  -n after "$after --db $tmp/after-tm.db tm lookup --from en --to uk - < $tmp/queries.txt > /dev/null"

# Output counts beside the times: both builds give the same answers.
printf '\n## output checksums (normalize, romanize, lookup, export)\n' >> "$summary"
for which in before after; do
  eval "bin=\$$which"
  echo "$which: normalize $("$bin" --db "$tmp/$which-terms.db" normalize "$tmp/news.txt" | md5sum | cut -c1-12)," \
    "romanize uk $("$bin" romanize --scheme uk-kmu2010 < "$tmp/uk5.txt" | md5sum | cut -c1-12)," \
    "ko $("$bin" romanize --scheme ko-rr < "$tmp/ko5.txt" | md5sum | cut -c1-12)," \
    "lookup $("$bin" --db "$tmp/$which-tm.db" tm lookup --from en --to uk - < "$tmp/queries.txt" | md5sum | cut -c1-12)," \
    "export $("$bin" --db "$tmp/$which-tm.db" tm export "$tmp/$which-out.tmx" > /dev/null; md5sum < "$tmp/$which-out.tmx" | cut -c1-12)"
done | tee -a "$summary"
