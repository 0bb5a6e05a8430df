#!/bin/sh
# Installs onoma's build dependencies from Debian 12's packages, those that
# are missing only. Usage: tools/setup-deps.sh [--with-tests]
# The tests need PostgreSQL 15 (postgresql, and postgresql-contrib for
# pg_trgm): the suite starts a throwaway cluster of its own
# (tests/support/pg_server.h); no server needs to be running.
set -eu

packages="g++ cmake ninja-build pkg-config gettext libicu-dev libsqlite3-dev
  libboost-locale-dev libxml2-dev libcli11-dev nlohmann-json3-dev
  libcpp-httplib-dev libpq-dev"
if [ "${1:-}" = "--with-tests" ]; then
  # python3, chromium and fonts-nanum (Hangul drawn, not boxes) for the
  # browser test of onoma serve's page.
  packages="$packages googletest libgtest-dev libgmock-dev libbenchmark-dev
    libxml2-utils python3 chromium fonts-nanum postgresql postgresql-contrib"
fi

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "onoma: installing:$missing"
  if [ "$(id -u)" -ne 0 ]; then
    echo "onoma: run as root (or install these with sudo apt-get install)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
fi
