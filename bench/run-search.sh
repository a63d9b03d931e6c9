#!/usr/bin/env bash
# Search benchmark (bench/README.md): generates a library of LESSONS text lessons (default 10,000) in the content
# folder format, imports it into a fresh SQLite database and a fresh database on a throwaway PostgreSQL cluster
# (loopback only), and measures search latency over 300 realistic queries (3 rounds after a warm-up).
# Writes bench/results/search.md and prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/search"
LESSONS=${LESSONS:-10000}
PGPORT=${HH_BENCH_PGPORT:-55433}
BENCH="$OUT/bin/HoaHung.Learning.SearchBench"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { as_root apt-get update -qq; DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

rm -rf "$OUT/data" "$OUT/pg"; mkdir -p "$OUT/data"
echo "== build"
dotnet build bench/search -c Release -nologo -v q -o "$OUT/bin" >/dev/null
echo "== generate $LESSONS lessons"
"$BENCH" generate "$OUT/content" "$LESSONS"

PGDATA=$(mktemp -d /tmp/hh-bench-pg.XXXXXX)
stop_pg() { as_root runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PGDATA"; }
trap stop_pg EXIT
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDATA"; run_pg() { runuser -u postgres -- "$@"; }; else run_pg() { "$@"; }; fi
run_pg "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
# Durable settings (fsync on), unlike the test cluster: import times should mean something.
run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1" start >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE hh_bench" >/dev/null

echo "== SQLite"
SQLITE=$("$BENCH" run Sqlite "Data Source=$OUT/data/bench.db" "$OUT/content" "$OUT/data")
echo "$SQLITE"
echo "== PostgreSQL"
PG=$("$BENCH" run Postgres "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=hh_bench" "$OUT/content" "$OUT/data")
echo "$PG"

{
  echo "# Search benchmark results"
  echo
  echo "Run: $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "$LESSONS generated text lessons (bench/search/LibraryGenerator.cs), imported with the site's ContentImporter; 300 queries"
  echo "(bench/search/Queries.cs) × 3 rounds through LessonSearch (index query, lesson cards, highlighted snippets), one scope per query."
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on loopback with default durability settings."
  echo
  echo "| provider | lessons | import | index rebuild | p50 | p95 | p99 |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "$SQLITE" | grep '^| '
  echo "$PG" | grep '^| '
  echo
  echo '```'
  echo "$SQLITE" | grep -v '^| '
  echo
  echo "$PG" | grep -v '^| '
  echo '```'
} > "$OUT/search.md"
mkdir -p "$ROOT/bench/results" && cp "$OUT/search.md" "$ROOT/bench/results/search.md"
cat "$OUT/search.md"
