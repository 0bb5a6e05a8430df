# A throwaway PostgreSQL cluster for the benchmarks, started the way the
# tests start theirs (tests/support/pg_server.h), with nothing but
# PostgreSQL's own programs: `initdb --locale=C.UTF-8 -E UTF8` into a new
# temporary directory (as the postgres user when run as root: initdb and
# the server refuse root), `pg_ctl` with no TCP listener and its unix
# socket in that directory; stopped and removed by pg_cluster_stop.
#
#   . bench/pg_cluster.sh
#   pg_cluster_start || exit 1     # sets PG_DIR and PG_USER
#   psql "$(pg_uri postgres)" -c 'CREATE DATABASE bench'
#   onoma --db "$(pg_uri bench)" ...
#   pg_cluster_stop
#
# The server keeps its default settings (fsync on, shared_buffers 128 MB)
# but for synchronous_commit=off, which makes a commit as durable as
# SQLite's synchronous=NORMAL that onoma sets (memory/sqlite/database.cc):
# a power cut may lose the last commits, never corrupt the store.
# $PG_BINDIR: PostgreSQL's programs (default /usr/lib/postgresql/15/bin);
# $PG_SETTINGS: more `-c name=value` for the server.

PG_BINDIR=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
PG_DIR=
PG_USER=

# Runs a PostgreSQL program as the cluster's owner.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_cluster_start() {
  if [ ! -x "$PG_BINDIR/initdb" ]; then
    echo "no $PG_BINDIR/initdb (apt-get install postgresql)" >&2
    return 1
  fi
  PG_DIR=$(mktemp -d /tmp/onoma-bench-pg-XXXXXX) || return 1
  PG_USER=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    PG_USER=postgres
    chown postgres: "$PG_DIR" || return 1
  fi
  chmod 755 "$PG_DIR"
  pg_as_owner "$PG_BINDIR/initdb" -D "$PG_DIR/data" --locale=C.UTF-8 -E UTF8 \
    -A trust -U "$PG_USER" > "$PG_DIR/initdb.log" 2>&1 &&
  pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" \
    -w -t 60 -o "-c listen_addresses='' -k $PG_DIR -p 5432 -c synchronous_commit=off ${PG_SETTINGS:-}" \
    start > "$PG_DIR/pg_ctl.log" 2>&1 || {
    echo "cannot start PostgreSQL in $PG_DIR:" >&2
    tail -5 "$PG_DIR/initdb.log" "$PG_DIR/server.log" >&2 2>/dev/null
    pg_cluster_stop
    return 1
  }
}

pg_cluster_stop() {
  [ -n "$PG_DIR" ] || return 0
  if [ -d "$PG_DIR/data" ]; then
    pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_DIR/data" -m fast -w stop \
      > /dev/null 2>&1
  fi
  rm -rf "$PG_DIR"
  PG_DIR=
}

# The URI of database $1 on the cluster.
pg_uri() {
  echo "postgresql:///$1?host=$PG_DIR&port=5432&user=$PG_USER"
}

# The server's settings worth quoting with a result.
pg_describe() {
  psql -At "$(pg_uri postgres)" -c "SELECT split_part(version(), ',', 1)
    || '; shared_buffers ' || current_setting('shared_buffers')
    || ', work_mem ' || current_setting('work_mem')
    || ', maintenance_work_mem ' || current_setting('maintenance_work_mem')
    || ', fsync ' || current_setting('fsync')
    || ', synchronous_commit ' || current_setting('synchronous_commit')"
}
