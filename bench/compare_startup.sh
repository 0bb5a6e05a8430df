#!/bin/sh
# The start-up of two builds of onoma side by side: commands that do almost
# no work, so that what is measured is loading the binary and its shared
# libraries (the dynamic loader maps and relocates every library a binary
# is linked with before main()), beside empty C++ programs linked with the
# libraries onoma uses, one set at a time, to show what each costs.
#
#   bench/compare_startup.sh BEFORE/onoma AFTER/onoma
#
# Results: bench/runs/<date>-<host>/startup.txt (OUT=dir writes elsewhere).
# RUNS (default 40) per command. Needs hyperfine and g++.
set -eu
cd "$(dirname "$0")/.."
before=$(realpath "$1")
after=$(realpath "$2")
runs=${RUNS:-40}
out=${OUT:-"bench/runs/$(date +%Y-%m-%d)-$(hostname -s)"}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo 'int main() { return 0; }' > "$tmp/empty.cc"
link() {  # NAME LIBS...: an empty program linked with LIBS, all kept
  name=$1
  shift
  g++ -O2 "$tmp/empty.cc" -o "$tmp/$name" -Wl,--no-as-needed "$@"
}
link empty
link icu -licuuc -licui18n
link icu-boost-sqlite-xml2 -licuuc -licui18n -lboost_locale -lsqlite3 -lxml2
link libpq -lpq
link httplib -lcpp-httplib
link all -licuuc -licui18n -lboost_locale -lsqlite3 -lxml2 -lpq -lcpp-httplib

printf 'Київ\n' > "$tmp/word.txt"
{
  echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "before: $before ($(ldd "$before" | wc -l) shared objects)"
  echo "after:  $after ($(ldd "$after" | wc -l) shared objects)"
  echo
} > "$out/startup.txt"
hyperfine -N -w 5 -r "$runs" --export-markdown "$tmp/onoma.md" \
  -n "before: onoma --version" "$before --version" \
  -n "after: onoma --version" "$after --version" \
  -n "before: romanize Київ" "$before romanize Київ" \
  -n "after: romanize Київ" "$after romanize Київ" >/dev/null
hyperfine -N -w 5 -r "$runs" --export-markdown "$tmp/libs.md" \
  -n "empty program" "$tmp/empty" \
  -n "+ ICU" "$tmp/icu" \
  -n "+ ICU, Boost.Locale, SQLite, libxml2" "$tmp/icu-boost-sqlite-xml2" \
  -n "+ libpq alone" "$tmp/libpq" \
  -n "+ cpp-httplib alone" "$tmp/httplib" \
  -n "+ all of them" "$tmp/all" >/dev/null
cat "$tmp/onoma.md" >> "$out/startup.txt"
echo >> "$out/startup.txt"
cat "$tmp/libs.md" >> "$out/startup.txt"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/startup.txt"
cat "$out/startup.txt"
