#!/bin/sh
# onoma serve under load: CLIENTS (50) concurrent clients doing lookups
# for SECONDS (30) against a generated UNITS (100,000)-unit en→uk memory
# (bench/make_tmx.cc) and a CONCEPTS (100,000)-concept termbase
# (bench/make_termbase.cc: 500,000 terms). Each client
# (bench/serve_load.cc) keeps one connection and takes in turn four term
# lookups (exact, deprecated spelling, Ukrainian locative, Korean, typo),
# one memory lookup (bench/make_tm_queries.cc's 200 queries) and one
# concordance of a word; every answer is checked. The server's resident
# memory (VmRSS) is read when it has started, after a 5-second warm-up
# with the same clients, and after the run.
#
#   bench/serve_load.sh     # results in bench/runs/<date>-<host>/serve_load.*
#
# BUILD=dir picks the build tree (default build/bench, configured here
# Release with benchmarks if it is not yet); OUT=dir writes the results
# elsewhere; KEEP=1 keeps the scratch directory (under $TMPDIR, else /tmp).
set -eu
cd "$(dirname "$0")/.."
build=${BUILD:-build/bench}
units=${UNITS:-100000}
concepts=${CONCEPTS:-100000}
clients=${CLIENTS:-50}
seconds=${SECONDS_LOAD:-30}
out=${OUT:-"bench/runs/$(date +%Y-%m-%d)-$(hostname -s)"}

[ -f "$build/CMakeCache.txt" ] || cmake --preset bench >/dev/null
cmake --build "$build" -j"$(nproc)" --target onoma_cli make_tmx \
  make_tm_queries make_termbase serve_load >/dev/null
onoma=$build/onoma

scratch=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; fi
  if [ -z "${KEEP:-}" ]; then rm -rf "$scratch"; fi
}
trap cleanup EXIT
db=$scratch/desk.db

echo "generating and importing $units units and $concepts concepts..."
"$build/bench/make_tmx" "$units" > "$scratch/memory.tmx"
"$build/bench/make_tm_queries" "$scratch/memory.tmx" "$units" 200 \
  > "$scratch/tm_queries.tsv"
"$build/bench/make_termbase" "$concepts" > "$scratch/terms.tsv"
"$build/bench/make_termbase" "$concepts" --queries 2000 > "$scratch/term_queries.txt"
"$onoma" --db "$db" term import "$scratch/terms.tsv" >/dev/null
"$onoma" --db "$db" tm import "$scratch/memory.tmx" >/dev/null
"$onoma" --db "$db" tm index 2>/dev/null

rss() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

"$onoma" --db "$db" serve --port 0 > "$scratch/url" 2> "$scratch/serve.err" &
pid=$!
started=$(date +%s)
while [ ! -s "$scratch/url" ]; do
  if ! kill -0 "$pid" 2>/dev/null; then cat "$scratch/serve.err"; exit 1; fi
  sleep 0.1
done
ready_s=$(( $(date +%s) - started ))
url=$(head -1 "$scratch/url")
rss_start=$(rss "$pid")

mkdir -p "$out"
"$build/bench/serve_load" "$url" "$clients" 5 "$scratch/term_queries.txt" \
  "$scratch/tm_queries.tsv" "$scratch/warmup.csv" >/dev/null
rss_warm=$(rss "$pid")
status=0
"$build/bench/serve_load" "$url" "$clients" "$seconds" "$scratch/term_queries.txt" \
  "$scratch/tm_queries.tsv" "$out/serve_load.csv" \
  > "$scratch/load.txt" || status=$?
rss_after=$(rss "$pid")
kill -TERM "$pid"
wait "$pid" || status=$?
pid=""

{
  echo "onoma serve under load, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), shared with other work"
  echo "store: $units units (en-uk, bench/make_tmx.cc), $concepts concepts (bench/make_termbase.cc), $(du -k "$db" | cut -f1) KB"
  echo "server: $build/onoma serve, $(sed -n "s/^CMAKE_BUILD_TYPE:STRING=//p" "$build/CMakeCache.txt") build; started and listening in ${ready_s} s (names compiled)"
  echo
  cat "$scratch/load.txt"
  echo
  echo "server RSS (KB): at start $rss_start, after a 5 s warm-up $rss_warm, after the ${seconds} s run $rss_after"
  echo "exit: $status (0: every answer was a 200 of the expected shape; the server stopped cleanly)"
} | tee "$out/serve_load.txt"
exit "$status"
