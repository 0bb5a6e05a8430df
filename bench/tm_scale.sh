#!/bin/bash
# The translation memory on SQLite and on PostgreSQL at scale, in one run
# (docs/shared-store.md, "At scale"): for each size, a generated en→uk
# memory (bench/make_tmx) goes into a SQLite file and into a PostgreSQL
# database, and on each engine
#   import       one `tm import` of the whole file
#   index        `tm index` (SQLite: the lookup and concordance indexes;
#                PostgreSQL: lookup's, the server keeps pg_trgm's itself)
#   lookup       `tm lookup --json -` of QUERIES queries drawn from the
#                memory (bench/make_tm_queries), each timed alone
#                (bench/timed_queries.py): p50 and p99
#   concordance  `tm concordance --json -` of 60 substrings of the
#                memory's words (3 to 8 characters, en and uk) and 10 of
#                one or two, each timed alone: p50 and p99
# and the two engines' answers are compared (they must be the same bytes).
#
#   bench/tm_scale.sh BUILD_DIR [SIZES] [QUERIES]
#
# BUILD_DIR holds a Release onoma and bench/make_tmx, bench/make_tm_queries
# (cmake --preset bench). The PostgreSQL server is a throwaway cluster
# this script starts and removes (bench/pg_cluster.sh). SIZES defaults to
# "100000 1000000", QUERIES to 200. Each size's TMX and queries are made
# once and kept in $TMX_DIR (default /tmp/onoma-tm-scale) for later runs.
# A step that runs over $STEP_LIMIT seconds (default 1800) is stopped and
# reported so, and that engine's later steps at that size are left out.
# $OUT (default bench/runs/DATE-vm) gets tm_scale.csv (size, engine,
# step, seconds, p50_ms, p99_ms, queries, bytes, peak_kb, status: ok,
# stopped at the limit or failed) and tm_scale.txt
# (the machine, then the table with PostgreSQL's figure over SQLite's).
set -u
build=$(cd "$1" && pwd)
sizes=${2:-"100000 1000000"}
queries=${3:-200}
limit=${STEP_LIMIT:-1800}
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-$here/runs/$(date +%Y-%m-%d)-vm}
inputs=${TMX_DIR:-/tmp/onoma-tm-scale}
mkdir -p "$out" "$inputs"
onoma=$build/onoma
tmp=$(mktemp -d "${TMPDIR:-/tmp}/onoma-tm-scale-run-XXXXXX")
. "$here/pg_cluster.sh"
cleanup() {
  pg_cluster_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
pg_cluster_start || exit 1
csv=$out/tm_scale.csv
txt=$out/tm_scale.txt
echo "size,engine,step,seconds,p50_ms,p99_ms,queries,bytes,peak_kb,status" > "$csv"
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB, shared with other jobs; $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "onoma $("$onoma" --version | cut -d' ' -f2-) ($(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")) at $(git -C "$here" describe --always --dirty 2>/dev/null), SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1)"
  echo "$(pg_describe); a throwaway cluster on a local unix socket (bench/pg_cluster.sh)"
  echo "sizes: $sizes units; $queries lookups and 70 concordance queries a size, each timed alone; a step stopped after $limit s"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$txt"

# Substrings of the memory's words for concordance: 60 of 3 to 8
# characters, 10 of 1 or 2, from the first segments.
concordance_queries() {
  python3 - "$1" <<'PY'
import random, re, sys
words = []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        for seg in re.findall(r"<seg>([^<]*)</seg>", line):
            words += [w for w in re.findall(r"\w+", seg) if len(w) >= 3]
        if len(words) > 200000:
            break
rng = random.Random(7)
for i in range(70):
    w = rng.choice(words)
    n = min(len(w), rng.randint(3, 8)) if i < 60 else rng.randint(1, 2)
    start = rng.randint(0, len(w) - n)
    print(w[start:start + n].lower() if i % 2 else w[start:start + n])
PY
}

row() { echo "$1,$2,$3,$4,$5,$6,$7,$8,$9,${10}" >> "$csv"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

# timed NAME COMMAND...: runs COMMAND under /usr/bin/time and $limit;
# sets took (seconds), peak (KB) and rc (124 when stopped at the limit).
timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %M' -o "$tmp/$name.time" \
    timeout "$limit" "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"
  rc=$?
  status=ok
  [ "$rc" = 0 ] || status=failed
  [ "$rc" = 124 ] && status=stopped
  took=$(tail -1 "$tmp/$name.time" | cut -d' ' -f1)
  peak=$(tail -1 "$tmp/$name.time" | cut -d' ' -f2)
  if [ "$rc" = 124 ]; then
    echo "$name: stopped at the limit of $limit s" >> "$txt"
  elif [ "$rc" != 0 ]; then
    echo "$name failed (exit $rc): $(head -c 300 "$tmp/$name.err")" >> "$txt"
  fi
}

for size in $sizes; do
  tmx=$inputs/memory-$size.tmx
  if [ ! -s "$tmx" ]; then
    "$build/bench/make_tmx" "$size" > "$tmx.part" && mv "$tmx.part" "$tmx"
  fi
  if [ ! -s "$inputs/lookup-$size-$queries.txt" ]; then
    "$build/bench/make_tm_queries" "$tmx" "$size" "$queries" | cut -f4 \
      > "$inputs/lookup-$size-$queries.txt"
  fi
  cp "$inputs/lookup-$size-$queries.txt" "$tmp/lookup.txt"
  concordance_queries "$tmx" > "$tmp/concordance.txt"
  psql -q "$(pg_uri postgres)" -c "CREATE DATABASE scale_$size" >/dev/null || exit 1
  for engine in sqlite postgresql; do
    db=$tmp/scale_$size.db
    [ "$engine" = postgresql ] && db=$(pg_uri "scale_$size")
    bytes() {
      if [ "$engine" = sqlite ]; then
        du -cb "$db" "$db-wal" 2>/dev/null | tail -1 | cut -f1
      else
        psql -At "$(pg_uri postgres)" -c "SELECT pg_database_size('scale_$size')"
      fi
    }
    timed "import.$size.$engine" "$onoma" --db "$db" tm import "$tmx"
    row "$size" "$engine" import "$took" "" "" "" "$(bytes)" "$peak" "$status"
    [ "$rc" = 0 ] || continue
    timed "index.$size.$engine" "$onoma" --db "$db" tm index
    row "$size" "$engine" index "$took" "" "" "" "$(bytes)" "$peak" "$status"
    [ "$rc" = 0 ] || continue
    for step in lookup concordance; do
      if [ "$step" = lookup ]; then
        args="tm lookup --from en --to uk --json -"
      else
        args="tm concordance --json -"
      fi
      # shellcheck disable=SC2086
      summary=$(timeout "$limit" python3 "$here/timed_queries.py" \
        "$tmp/$step.txt" "$tmp/$step.$size.$engine" -- \
        "$onoma" --db "$db" $args) ||
        { echo "$step failed or stopped on $engine at $size" >> "$txt"; continue; }
      row "$size" "$engine" "$step" "$(echo "$summary" | field total_s)" \
        "$(echo "$summary" | field p50_ms)" "$(echo "$summary" | field p99_ms)" \
        "$(echo "$summary" | field queries)" "" "" ok
    done
  done
  for step in lookup concordance; do
    [ -f "$tmp/$step.$size.sqlite" ] && [ -f "$tmp/$step.$size.postgresql" ] ||
      continue
    if cmp -s "$tmp/$step.$size.sqlite" "$tmp/$step.$size.postgresql"; then
      echo "$size units, $step: the two engines' answers are the same bytes ($(grep -c . "$tmp/$step.$size.sqlite") answers)" >> "$txt"
    else
      echo "$size units, $step: the two engines' answers DIFFER" >> "$txt"
      cp "$tmp/$step.$size.sqlite" "$tmp/$step.$size.postgresql" "$inputs/"
    fi
  done
  rm -f "$tmp/scale_$size.db"*
  psql -q "$(pg_uri postgres)" -c "DROP DATABASE scale_$size" >/dev/null
done

# The table: each engine's figure and PostgreSQL's over SQLite's.
python3 - "$csv" >> "$txt" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
get = {(r["size"], r["engine"], r["step"]): r for r in rows}

def seconds(r):
    if r is None:
        return "not run", None
    if r["status"] != "ok":
        return f"{r['status']} after {float(r['seconds']):.0f} s", None
    return f"{float(r['seconds']):.1f} s", float(r["seconds"])

def ratio(x, y):
    return f"{y / x:.2f}" if x and y is not None else "-"

print()
print("| units | step | SQLite | PostgreSQL | PostgreSQL / SQLite |")
print("|---|---|---|---|---|")
for size in dict.fromkeys(r["size"] for r in rows):
    for step in ("import", "index", "lookup", "concordance"):
        a, b = get.get((size, "sqlite", step)), get.get((size, "postgresql", step))
        if not a and not b:
            continue
        if step in ("import", "index"):
            (sa, x), (sb, y) = seconds(a), seconds(b)
            print(f"| {int(size):,} | {step} | {sa} | {sb} | {ratio(x, y)} |")
            if step == "import":
                continue
            if a and b and a["bytes"] and b["bytes"]:
                print(f"| {int(size):,} | database size after index | "
                      f"{int(a['bytes']) / 1e6:.0f} MB | {int(b['bytes']) / 1e6:.0f} MB "
                      f"| {int(b['bytes']) / int(a['bytes']):.2f} |")
        else:
            n = (a or b)["queries"]
            for p in ("p50_ms", "p99_ms"):
                x = float(a[p]) if a else None
                y = float(b[p]) if b else None
                fx = f"{x:.2f} ms" if x is not None else "not run"
                fy = f"{y:.2f} ms" if y is not None else "not run"
                print(f"| {int(size):,} | {step} {p[:3]} ({n} queries) "
                      f"| {fx} | {fy} | {ratio(x, y)} |")
print()
print("peak memory (KB, /usr/bin/time): " + "; ".join(
    f"{r['size']} {r['engine']} {r['step']} {r['peak_kb']}"
    for r in rows if r["peak_kb"]))
PY
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$txt"
cat "$txt"
