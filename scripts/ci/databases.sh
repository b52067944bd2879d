#!/usr/bin/env bash
# Real PostgreSQL and MariaDB servers for the storage suites, on 127.0.0.1 only.
#
#   eval "$(bash scripts/ci/databases.sh start)"     # prints `export KAERU_TEST_*_URL=...`
#   trap 'bash scripts/ci/databases.sh stop' EXIT
#   bash scripts/ci/databases.sh start postgres      # only one of them
#
# Installs Debian's packages when missing (needs root), then runs each server from a data
# directory of its own under $KAERU_CI_DB_DIR: Debian's own clusters cannot start in CI
# containers (no systemd), and throwaway directories leave nothing behind. Only the export
# lines go to stdout (the caller evals them); everything else goes to stderr. The same
# lines are written to $KAERU_CI_DB_DIR/env for callers that prefer `source`.
# Durability is switched off (fsync, doublewrite): these servers hold test data only.
set -euo pipefail

DIR="${KAERU_CI_DB_DIR:-${TMPDIR:-/tmp}/kaeru-ci-databases}"
PG_PORT="${KAERU_CI_PG_PORT:-55432}"
MY_PORT="${KAERU_CI_MYSQL_PORT:-53306}"
DB=kaeru_test

log() { echo "[databases] $*" >&2; }
die() { log "error: $*"; exit 1; }
# Root runs the servers as their own users (PostgreSQL refuses root); so do we.
as_user() { local user=$1; shift; (cd /tmp && su "$user" -s /bin/sh -c "$*"); }
elapsed() { echo "$(( $(date +%s%N) / 1000000 - $1 ))ms"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

install_missing() {
  local wanted=() name
  for name in "$@"; do
    case "$name" in
      postgres) [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || wanted+=(postgresql) ;;
      mysql) command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null || wanted+=(mariadb-server) ;;
    esac
  done
  [ ${#wanted[@]} -eq 0 ] && { log "packages already installed"; return; }
  [ "$(id -u)" -eq 0 ] || die "installing ${wanted[*]} needs root (or install them first)"
  local t0; t0=$(now_ms)
  log "installing ${wanted[*]} from Debian's packages..."
  apt-get update -qq >&2
  # policy-rc.d keeps Debian's maintainer scripts from starting the default clusters.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}" >&2
  log "installed ${wanted[*]} in $(elapsed "$t0")"
}

start_postgres() {
  local bin data t0; bin=$(pg_bin); data="$DIR/postgres"; t0=$(now_ms)
  port_busy "$PG_PORT" && die "port $PG_PORT is taken; set KAERU_CI_PG_PORT"
  install -d -m 700 -o postgres -g postgres "$data"
  as_user postgres "$bin/initdb -D '$data' -U postgres --auth=trust -E UTF8 --no-locale >/dev/null"
  as_user postgres "$bin/pg_ctl -D '$data' -l '$data/log' -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$data' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start >/dev/null" \
    || { cat "$data/log" >&2; die "PostgreSQL did not start"; }
  as_user postgres "$bin/psql -h 127.0.0.1 -p $PG_PORT -U postgres -qAt -c 'CREATE DATABASE $DB' >/dev/null"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT in $(elapsed "$t0")"
  echo "export KAERU_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$PG_PORT/$DB"
}

start_mysql() {
  local data t0; data="$DIR/mariadb"; t0=$(now_ms)
  port_busy "$MY_PORT" && die "port $MY_PORT is taken; set KAERU_CI_MYSQL_PORT"
  install -d -m 750 -o mysql -g mysql "$data"
  # --no-defaults: Debian's /etc/mysql files point at the system datadir and socket.
  mariadb-install-db --no-defaults --datadir="$data/data" --user=mysql --auth-root-authentication-method=normal \
    --skip-test-db >"$DIR/mariadb-install.log" 2>&1 || { cat "$DIR/mariadb-install.log" >&2; die "mariadb-install-db failed"; }
  local sock="$data/mysqld.sock"
  # setsid + nohup: the server must outlive this script, which the caller only evals.
  setsid nohup mariadbd --no-defaults --datadir="$data/data" --socket="$sock" --port="$MY_PORT" \
    --bind-address=127.0.0.1 --user=mysql --pid-file="$data/mariadbd.pid" --log-error="$data/error.log" \
    --skip-name-resolve --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --innodb-buffer-pool-size=64M \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_bin --max-connections=300 \
    </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 300); do
    mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 || { cat "$data/error.log" >&2; die "MariaDB did not start"; }
  mariadb --no-defaults --socket="$sock" -uroot -e "
    CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    CREATE USER 'kaeru'@'127.0.0.1' IDENTIFIED BY 'kaeru';
    GRANT ALL ON *.* TO 'kaeru'@'127.0.0.1';"
  log "MariaDB $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$MY_PORT in $(elapsed "$t0")"
  echo "export KAERU_TEST_MYSQL_URL=mysql://kaeru:kaeru@127.0.0.1:$MY_PORT/$DB"
}

stop_all() {
  [ -d "$DIR" ] || return 0
  local bin; bin=$(pg_bin)
  if [ -f "$DIR/postgres/postmaster.pid" ] && [ -n "$bin" ]; then
    as_user postgres "$bin/pg_ctl -D '$DIR/postgres' -m immediate -w stop >/dev/null" || true
    log "PostgreSQL stopped"
  fi
  local pidfile="$DIR/mariadb/mariadbd.pid"
  if [ -f "$pidfile" ]; then
    local pid; pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    log "MariaDB stopped"
  fi
  rm -rf "$DIR"
}

cmd="${1:-}"; shift || true
case "$cmd" in
  start)
    targets=("$@"); [ ${#targets[@]} -eq 0 ] && targets=(postgres mysql)
    t0=$(now_ms)
    stop_all # a previous run's leftovers
    install_missing "${targets[@]}"
    mkdir -p "$DIR" && chmod 755 "$DIR"
    # Both servers start at once: initdb and mariadb-install-db take most of the time.
    pids=()
    for w in "${targets[@]}"; do
      case "$w" in
        postgres) start_postgres >"$DIR/env.postgres" & pids+=($!) ;;
        mysql) start_mysql >"$DIR/env.mysql" & pids+=($!) ;;
        *) die "unknown database '$w' (postgres, mysql)" ;;
      esac
    done
    failed=0
    for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    [ "$failed" -eq 0 ] || { stop_all; die "a server did not start (see above)"; }
    cat "$DIR"/env.* >"$DIR/env"
    cat "$DIR/env"
    log "ready in $(elapsed "$t0") (also written to $DIR/env)"
    ;;
  stop) stop_all ;;
  *) echo "usage: $0 start [postgres] [mysql] | stop" >&2; exit 2 ;;
esac
