#!/bin/sh
# Whole-command comparison for the translation memory, on the
# generated en→uk memory of bench/tmx_corpus.h:
#   - at 1,000,000 units: `onoma tm import` (parse, store, index) with its
#     time and peak memory, `onoma tm export`, `onoma tm import --dry-run`
#     (reading alone) and `xmllint --stream`, the floor for merely reading
#     the XML;
#   - at 100,000 units: the same, and translate-toolkit (Debian's
#     python3-translate): build_tmdb, which turns a TMX into its own SQLite
#     memory, and its tmxfile parser;
#   - that the 100k export validates against TMX 1.4b's DTD.
# Each command runs three times; the fastest run is kept, with its peak
# memory (/usr/bin/time's maximum resident set size).
#
#   cmake --preset bench && cmake --build --preset bench
#   bench/compare_tmx.sh            # results in bench/runs/<date>-<host>/
#
# Needs libxml2-utils (xmllint) and python3-translate (apt-get install
# libxml2-utils python3-translate). BUILD=dir picks another build tree.
set -eu
cd "$(dirname "$0")/.."
build=${BUILD:-build/bench}
out="bench/runs/$(date +%Y-%m-%d)-$(hostname -s)"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python=/usr/bin/python3  # Debian's, which has python3-translate
csv="$out/tmx.csv"
summary="$out/tmx-summary.txt"

"$build/bench/make_tmx" 1000000 > "$tmp/1m.tmx"
"$build/bench/make_tmx" 100000 > "$tmp/100k.tmx"

{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB"
  echo "onoma: $($build/onoma --version); $(xmllint --version 2>&1 | head -1); translate-toolkit $($python -c 'import translate.__version__ as v; print(v.sver)'); SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1)"
  echo "input: bench/tmx_corpus.h, en→uk: 1m.tmx $(stat -c %s "$tmp/1m.tmx") bytes, 100k.tmx $(stat -c %s "$tmp/100k.tmx") bytes"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$summary"
echo "name,units,seconds,max_rss_kb,units_per_s" > "$csv"

# measure NAME UNITS SETUP COMMAND: the fastest of three runs of COMMAND,
# each after SETUP (not timed).
measure() {
  name=$1 units=$2 setup=$3 command=$4
  best=""
  for run in 1 2 3; do
    sh -c "$setup"
    /usr/bin/time -f "%e %M" -o "$tmp/time" sh -c "$command" > /dev/null 2> "$tmp/err" ||
      { echo "$name failed:"; cat "$tmp/err"; exit 1; }
    line=$(cat "$tmp/time")
    if [ -z "$best" ] || [ "$(echo "$line $best" | awk '{print ($1 < $3)}')" = 1 ]; then
      best=$line
    fi
  done
  seconds=${best% *} rss=${best#* }
  rate=$(awk -v u="$units" -v s="$seconds" 'BEGIN {printf "%.0f", (s > 0 ? u / s : 0)}')
  echo "$name,$units,$seconds,$rss,$rate" >> "$csv"
  printf '%-28s %8s units %8.2f s %9s KB peak %10s units/s\n' \
    "$name" "$units" "$seconds" "$rss" "$rate" | tee -a "$summary"
}

db="$tmp/tm.db"
fresh="rm -f $db $db-wal $db-shm"
onoma="$build/onoma --db $db"

measure xmllint-stream-1m 1000000 true "xmllint --stream --noout $tmp/1m.tmx"
measure onoma-read-1m 1000000 true "$build/onoma tm import --dry-run $tmp/1m.tmx"
measure onoma-import-1m 1000000 "$fresh" "$onoma tm import $tmp/1m.tmx"
measure onoma-export-1m 1000000 true "$onoma tm export $tmp/out1m.tmx"
echo "database after 1m: $(du -b $db | cut -f1) bytes; export: $(stat -c %s $tmp/out1m.tmx) bytes" >> "$summary"

measure xmllint-stream-100k 100000 true "xmllint --stream --noout $tmp/100k.tmx"
measure onoma-read-100k 100000 true "$build/onoma tm import --dry-run $tmp/100k.tmx"
measure onoma-import-100k 100000 "$fresh" "$onoma tm import $tmp/100k.tmx"
measure onoma-export-100k 100000 true "$onoma tm export $tmp/out100k.tmx"
measure tt-build_tmdb-100k 100000 "rm -f $tmp/tt.db" \
  "$python -m translate.tools.build_tmdb -d $tmp/tt.db -s en -t uk $tmp/100k.tmx"
measure tt-tmxfile-parse-100k 100000 true \
  "$python -c \"from translate.storage import tmx; f = tmx.tmxfile.parsefile('$tmp/100k.tmx'); print(len(f.units))\""

# Output counts beside the times: every tool saw every unit.
{
  echo "units stored by onoma (100k): $(sqlite3 $db 'SELECT count(*) FROM tm_unit' 2>/dev/null || echo '?')"
  echo "units stored by build_tmdb (100k): $(sqlite3 $tmp/tt.db 'SELECT count(*) FROM targets' 2>/dev/null || echo '?')"
  echo "units parsed by tmxfile (100k): $($python -c "from translate.storage import tmx; print(len(tmx.tmxfile.parsefile('$tmp/100k.tmx').units))")"
  if xmllint --noout --dtdvalid ../shared/corpora/spec/tmx14.dtd \
      "$tmp/out100k.tmx"; then
    echo "100k export: valid against ../shared/corpora/spec/tmx14.dtd"
  fi
} >> "$summary"

# Ratios.
awk -F, 'NR > 1 {t[$1] = $3; m[$1] = $4}
END {
  printf "import at 1m: %.0f units/s (target 100000); peak %d KB (target < 100 MB)\n", 1000000 / t["onoma-import-1m"], m["onoma-import-1m"]
  printf "reading alone vs xmllint --stream: %.2fx at 1m, %.2fx at 100k (target <= 2)\n", t["onoma-read-1m"] / t["xmllint-stream-1m"], t["onoma-read-100k"] / t["xmllint-stream-100k"]
  printf "import throughput vs build_tmdb at 100k: %.1fx (target >= 6); at 1m vs build_tmdb at 100k: %.1fx\n", t["tt-build_tmdb-100k"] / t["onoma-import-100k"], (1000000 / t["onoma-import-1m"]) / (100000 / t["tt-build_tmdb-100k"])
  printf "peak memory at 100k: onoma %d KB, build_tmdb %d KB, tmxfile %d KB\n", m["onoma-import-100k"], m["tt-build_tmdb-100k"], m["tt-tmxfile-parse-100k"]
}' "$csv" | tee -a "$summary"
