#!/usr/bin/env bash
# Runs every test of HoaHung.Learning: unit and bUnit tests, HTTP integration tests on SQLite and on a
# real PostgreSQL, and browser tests in Debian's Chromium. Installs what it needs (Debian packages, as
# root or through sudo), starts a throwaway PostgreSQL cluster and Redis on loopback, and ends with one line:
#   tests: N passed, N failed, N skipped
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

# 1. System packages: Chromium for the browser tests, PostgreSQL for the integration tests, Redis for the tests of
#    several instances, fonts with Vietnamese, ffmpeg and espeak-ng for read-aloud audio and light videos.
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
[ -x /usr/sbin/nginx ] || need+=(nginx-light)   # checks deploy/nginx/hoahung.conf
[ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
command -v ffmpeg >/dev/null || need+=(ffmpeg)
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v npm >/dev/null || need+=(nodejs npm)   # the xAPI validator (tests/xapi)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  if ! { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }; then
    echo "Could not install ${need[*]} (run as root or with sudo); the tests that need them will say so." >&2
  fi
fi

# 2. A throwaway PostgreSQL cluster on 127.0.0.1, removed on exit.
PGPORT=${HH_PGPORT:-55432}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
PGDATA=""
stop_pg() {
  if [ -n "$PGDATA" ] && [ -d "$PGDATA" ]; then
    as_root runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || \
      "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA" 2>/dev/null || as_root rm -rf "$PGDATA" || true
  fi
}
trap stop_pg EXIT
if [ -z "${HH_TEST_POSTGRES:-}" ] && [ -n "$PGBIN" ]; then
  PGDATA=$(mktemp -d /tmp/hh-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PGDATA"
    run_pg() { runuser -u postgres -- "$@"; }
  else
    run_pg() { "$@"; }
  fi
  if run_pg "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null &&
     run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
       -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
    export HH_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true"
    echo "PostgreSQL started on 127.0.0.1:$PGPORT"
  else
    echo "Could not start PostgreSQL; its tests will say so." >&2
  fi
fi
# A throwaway Redis on 127.0.0.1 (no persistence), stopped on exit.
REDIS_PORT=${HH_REDIS_PORT:-56379}
REDIS_PID=""
if [ -z "${HH_TEST_REDIS:-}" ] && command -v redis-server >/dev/null; then
  REDIS_DIR=$(mktemp -d /tmp/hh-redis.XXXXXX)
  if redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$REDIS_DIR" --daemonize yes \
       --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" >/dev/null; then
    for _ in $(seq 1 50); do [ -s "$REDIS_DIR/redis.pid" ] && break; sleep 0.1; done
    REDIS_PID=$(cat "$REDIS_DIR/redis.pid" 2>/dev/null || true)
    export HH_TEST_REDIS="127.0.0.1:$REDIS_PORT"
    echo "Redis started on 127.0.0.1:$REDIS_PORT"
  else
    echo "Could not start Redis; its tests will say so." >&2
  fi
fi
stop_all() { stop_pg; [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null || true; }
trap stop_all EXIT
[ -x /usr/bin/chromium ] && export HH_CHROMIUM=/usr/bin/chromium

# 3. Build once, then run every test project (Microsoft.Testing.Platform, see global.json).
rm -rf "$ROOT/TestResults"
mkdir -p "$ROOT/TestResults"
dotnet tool restore >/dev/null
# @learninglocker/xapi-validation, pinned by tests/xapi/package-lock.json (XapiTests fail under CI=true without it).
npm ci --prefix tests/xapi --no-audit --no-fund --silent || echo "Could not install tests/xapi (npm); the xAPI validation test will say so." >&2
dotnet build HoaHung.Learning.sln -c Release -nologo -v q
# The benchmarks are part of the product (bench/README.md): they must keep compiling against the code they measure.
for bench in bench/bare bench/search bench/profile bench/studio bench/city; do dotnet build "$bench" -c Release -nologo -v q; done
status=0
dotnet test --solution HoaHung.Learning.sln -c Release --no-build --no-progress \
  --results-directory "$ROOT/TestResults" --report-xunit-trx 2>&1 | tee "$ROOT/TestResults/test-output.log" || status=$?

# 4. What CI's log tail must show: the tests that failed (name and the first line of why) and the slowest ones
#    (the run's time budget is 25 minutes), read from the TRX reports.
trx_lines() { [ $# -gt 0 ] || set -- "$ROOT"/TestResults/*.trx; cat "$@" 2>/dev/null | tr '\n' ' ' | sed -e 's/<UnitTestResult /\n<UnitTestResult /g' -e 's/<\/Results>/\n<\/Results>/g' | grep '^<UnitTestResult ' || true; }
for trx in "$ROOT"/TestResults/*.trx; do   # one report per test project: each project's own critical path
  [ -f "$trx" ] || continue
  slowest=$(trx_lines "$trx" | sed -n 's/.*testName="\([^"]*\)".*duration="\([0-9:.]*\)".*/\2 \1/p' | sort -r | head -n 12 || true)
  [ -n "$slowest" ] && { echo "Slowest tests ($(echo "$slowest" | head -n 1 | sed 's/.* HoaHung\.Learning\.\([A-Za-z]*\)\..*/\1/')):"; echo "$slowest" | sed 's/^/  /'; }
done
failed=$(trx_lines | grep 'outcome="Failed"' | sed -e 's/.*testName="\([^"]*\)".*<Message>\([^<]\{0,400\}\).*/\1 :: \2/' \
  -e 's/^<UnitTestResult .*testName="\([^"]*\)".*/\1/' || true)
[ -n "$failed" ] && { echo "Failed tests:"; echo "$failed" | sed 's/^/  /'; }

# 5. One summary line over every project, from the runner's own totals.
summary=$(awk '
  /^[[:space:]]*failed:[[:space:]]*[0-9]+/    { f = $2 }
  /^[[:space:]]*succeeded:[[:space:]]*[0-9]+/ { p = $2 }
  /^[[:space:]]*skipped:[[:space:]]*[0-9]+/   { s = $2 }
  END { if (p == "" && f == "") exit 1; printf "tests: %d passed, %d failed, %d skipped", p, f, s }' "$ROOT/TestResults/test-output.log") ||
  summary="tests: 0 passed, 1 failed, 0 skipped"
echo "$summary"
exit $status
