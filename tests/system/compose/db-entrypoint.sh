#!/bin/sh
# The stand-in image's start (db.Containerfile): `redis-server ...` runs Redis, anything else
# PostgreSQL, each as its own system user. Like the official images, PostgreSQL is initialised on
# first start with POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB and accepts password logins
# from other containers, and Redis leaves protected mode off (compose's network is private).
set -eu
as() { user=$1; shift; exec setpriv --reuid="$user" --regid="$user" --init-groups "$@"; }

if [ "${1:-}" = redis-server ]; then
  shift
  as redis redis-server --protected-mode no "$@"
fi

BIN=/usr/lib/postgresql/15/bin
PGDATA=/var/lib/postgresql/data
USER_NAME=${POSTGRES_USER:-postgres}
mkdir -p /run/postgresql && chown postgres:postgres /run/postgresql
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
  chown postgres:postgres "$PGDATA" && chmod 700 "$PGDATA"
  pwfile=$(mktemp) && printf '%s' "$POSTGRES_PASSWORD" >"$pwfile" && chown postgres "$pwfile"
  setpriv --reuid=postgres --regid=postgres --init-groups "$BIN/initdb" -D "$PGDATA" -U "$USER_NAME" \
    --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pwfile" >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  setpriv --reuid=postgres --regid=postgres --init-groups "$BIN/pg_ctl" -D "$PGDATA" \
    -o "-c listen_addresses=''" -w start >/dev/null
  database=${POSTGRES_DB:-$USER_NAME}
  if [ "$database" != postgres ]; then  # initdb made that one
    setpriv --reuid=postgres --regid=postgres --init-groups "$BIN/createdb" -U "$USER_NAME" "$database"
  fi
  setpriv --reuid=postgres --regid=postgres --init-groups "$BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
fi
as postgres "$BIN/postgres" -D "$PGDATA" -c listen_addresses='*'
