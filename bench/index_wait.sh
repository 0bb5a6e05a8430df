#!/bin/sh
# How long a reader waits while another onoma builds an index: a first
# concordance (the trigram index) or `tm index` (the fuzzy-match index) runs
# on a memory of UNITS units, and one second into it a colleague's
# `tm concordance` or `tm lookup` starts. Prints, per scenario, the reader's
# exit code and wall time and the builder's wall time, as CSV.
#
#   bench/index_wait.sh ONOMA MAKE_TMX [UNITS] > runs/DATE-MACHINE/index_wait.csv
#
# ONOMA is the onoma binary to measure (build it with the release preset);
# MAKE_TMX the bench/make_tmx.cc program. UNITS defaults to 400000.
set -eu
onoma=$1
make_tmx=$2
units=${3:-400000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$make_tmx" "$units" > "$tmp/memory.tmx"
"$onoma" --db "$tmp/base.db" tm import "$tmp/memory.tmx" 2>/dev/null
query="The council said on Monday"

now() { date +%s.%N; }

# scenario BUILDER_ARGS READER_ARGS: the database is fresh from the import,
# with the fuzzy-match index built and the concordance index not (scenario
# "concordance"), or neither (scenario "tm index").
run() {
  name=$1
  builder=$2
  reader=$3
  prepare=$4
  cp "$tmp/base.db" "$tmp/x.db"
  if [ "$prepare" = lookup ]; then
    "$onoma" --db "$tmp/x.db" tm lookup --from en --to uk "$query" \
      >/dev/null 2>&1
  fi
  b0=$(now)
  # shellcheck disable=SC2086
  "$onoma" --db "$tmp/x.db" $builder >/dev/null 2>"$tmp/builder.err" &
  pid=$!
  sleep 1
  r0=$(now)
  set +e
  eval "\"\$onoma\" --db \"\$tmp/x.db\" $reader" >/dev/null \
    2>"$tmp/reader.err"
  rc=$?
  set -e
  r1=$(now)
  wait "$pid" || true
  b1=$(now)
  printf '%s,%s,%s,%.2f,%.2f\n' "$name" "$units" "$rc" \
    "$(echo "$r1 - $r0" | bc)" "$(echo "$b1 - $b0" | bc)"
}

echo "scenario,units,reader_exit,reader_seconds,builder_seconds"
run "first concordance vs concordance" "tm concordance council" \
  "tm concordance budget" lookup
run "tm index vs lookup" "tm index" \
  "tm lookup --from en --to uk '$query'" none
