#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server on loopback for the store
# tests. Usage from .ci/run:
#   eval "$(bash .ci/postgres.sh start)"   # exports DYAD_TEST_POSTGRES, DYAD_PG_DIR
#   go test ./postgres/...
#   bash .ci/postgres.sh stop
# It installs Debian's postgresql package when no server binaries are found,
# and never touches the system's own cluster: the data directory is a new
# temporary one, the socket lives there, and the server listens on
# 127.0.0.1 only.
set -euo pipefail

port="${DYAD_PG_PORT:-54329}"

# free_port moves past ports another server already holds on loopback.
free_port() {
	local p=$1
	while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
	echo "$p"
}

as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
start)
	if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
		echo "installing postgresql from Debian packages" >&2
		apt-get update -qq >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
	fi
	bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
	port=$(free_port "$port")
	dir=$(mktemp -d /tmp/dyad-pg.XXXXXX)
	if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
	as_pg "$bin/initdb" -D "$dir/data" -A trust -U dyad --no-sync >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off" start >&2 ||
		{ cat "$dir/server.log" >&2; exit 1; }
	as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U dyad dyad >&2
	echo "export DYAD_PG_DIR=$dir"
	echo "export DYAD_TEST_POSTGRES='postgres://dyad@127.0.0.1:$port/dyad?sslmode=disable'"
	;;
stop)
	dir="${DYAD_PG_DIR:?DYAD_PG_DIR is not set: nothing to stop}"
	bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
	as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start|stop" >&2
	exit 2
	;;
esac
