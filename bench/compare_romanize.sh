#!/bin/sh
# Whole-command comparison: `onoma romanize` against ICU's command-line
# transliterator `uconv -x` (Debian's icu-devtools), the tool an ICU user
# reaches for, on the same generated Cyrillic text; and onoma's peak memory
# on 5 MB and 50 MB of input, to show that the streaming path does not grow
# with the input.
#
#   cmake --preset bench && cmake --build --preset bench
#   bench/compare_romanize.sh            # results in bench/runs/<date>-<host>/
#
# Needs hyperfine and icu-devtools (apt-get install hyperfine icu-devtools).
set -eu
cd "$(dirname "$0")/.."
build=build/bench
out="bench/runs/$(date +%Y-%m-%d)-$(hostname -s)"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$build/bench/make_corpus" uk 5 > "$tmp/uk5.txt"
"$build/bench/make_corpus" ru 5 > "$tmp/ru5.txt"
"$build/bench/make_corpus" uk 50 > "$tmp/uk50.txt"

{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "onoma: $($build/onoma --version); uconv: $(uconv --version 2>&1 | head -1)"
  echo "input: 5 MB generated Ukrainian and Russian text (bench/corpus.h)"
} > "$out/romanize-summary.txt"

hyperfine --warmup 1 --runs 5 --export-csv "$out/romanize-uk.csv" \
  -n onoma-uk-bgn "$build/onoma romanize --scheme uk-bgn < $tmp/uk5.txt" \
  -n onoma-uk-kmu2010 "$build/onoma romanize --scheme uk-kmu2010 < $tmp/uk5.txt" \
  -n uconv-Ukrainian-Latin/BGN "uconv -f utf-8 -t utf-8 -x Ukrainian-Latin/BGN < $tmp/uk5.txt" \
  | tee -a "$out/romanize-summary.txt"
hyperfine --warmup 1 --runs 5 --export-csv "$out/romanize-ru.csv" \
  -n onoma-ru-bgn "$build/onoma romanize --scheme ru-bgn < $tmp/ru5.txt" \
  -n uconv-Russian-Latin/BGN "uconv -f utf-8 -t utf-8 -x Russian-Latin/BGN < $tmp/ru5.txt" \
  | tee -a "$out/romanize-summary.txt"

# Output counts beside the times: every run wrote one line per input line.
for f in uk5 ru5; do
  printf '%s: %s input lines, onoma wrote %s\n' "$f" "$(wc -l < "$tmp/$f.txt")" \
    "$($build/onoma romanize < "$tmp/$f.txt" | wc -l)" >> "$out/romanize-summary.txt"
done

# Peak memory of the streaming path: 5 MB against 50 MB of input.
for f in uk5 uk50; do
  /usr/bin/time -f "$f: max RSS %M KB, %e s" \
    "$build/onoma" romanize < "$tmp/$f.txt" > /dev/null 2>> "$out/romanize-summary.txt" || true
done
tail -2 "$out/romanize-summary.txt"
