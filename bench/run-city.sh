#!/usr/bin/env bash
# City benchmark (bench/README.md, issue 25): a city-sized library on PostgreSQL, measured.
#  1. makes (or reuses) the city: its own PostgreSQL cluster in $CITY_DIR, a database migrated and filled by the site's
#     own commands (migrate, import-content of content/ and of 20,000 generated lessons) and by bench/city (learners,
#     progress, quiz attempts, certificates, classes, sessions, attendance: binary COPY), then the ward rollups
#     (bench/city/rollups.sql: what `rebuild-stats` computes, set-based);
#  2. starts the published site in Production on it, plus nginx serving a lesson page's bytes, and measures with wrk
#     (interleaved rounds, ratios to nginx): signed-in lesson, /cua-toi, quiz question, the dashboard and every
#     open-data file, the cost of the rollups per event; search p95 over 20,000 lessons on both providers
#     (bench/search on SQLite and PostgreSQL);
#  3. the busy day (bench/city/busy-day.sh): 5,000 signed-in learners at human pace, live class grids, open editors.
# Writes bench/results/city.md. Knobs: see bench/README.md ("City").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CITY_DIR=${CITY_DIR:-/tmp/hh-city}          # the cluster, the generated lessons and the sessions (never in git)
OUT=${CITY_OUT:-$ROOT/bench/out/city}
SEED=${SEED:-2026}
LEARNERS=${LEARNERS:-500000}
PROGRESS=${PROGRESS:-25000000}
LESSONS=${LESSONS:-20000}
CLASSES=${CLASSES:-5000}
WARDS=${WARDS:-168}
BUSY=${BUSY:-5000}                          # learners of the busy day: wrk connections, one learner each
BUSY_SIGNED=${BUSY_SIGNED:-$BUSY}           # accounts signed in for them (kept in $CITY_DIR; fewer: shared; "pages": the pages step's)
LIVE=${LIVE:-30}                            # live class grids of the busy day
EDITORS=${EDITORS:-10}                      # open editors of the busy day
SOAK=${SOAK:-30m}                           # the busy day's length
STEPS=${STEPS:-city,pages,search,busy}      # which parts to run
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
SIGNED=${SIGNED:-64}                        # learners the wrk targets rotate over
PGPORT=${CITY_PGPORT:-55490}
SITE_PORT=${SITE_PORT:-5490}
NGINX_PORT=${NGINX_PORT:-5491}
PASSWORD=${CITY_PASSWORD:-Thanh-pho-2026}
RESULT=${RESULT-$ROOT/bench/results/city.md}   # empty: nowhere
SITE="http://127.0.0.1:$SITE_PORT"
NGINX_URL="http://127.0.0.1:$NGINX_PORT/"
LESSON=${LESSON:-/bai-hoc/ket-noi-wi-fi}
has() { [[ ",$STEPS," == *",$1,"* ]]; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v bc >/dev/null || need+=(bc)
has busy && { [ -x /usr/bin/chromium ] || need+=(chromium); command -v npm >/dev/null || need+=(npm); }
if [ ${#need[@]} -gt 0 ]; then as_root apt-get update -qq; DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}" >/dev/null; fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if [ "$(id -u)" = 0 ]; then run_pg() { runuser -u postgres -- "$@"; }; else run_pg() { "$@"; }; fi

mkdir -p "$CITY_DIR" "$OUT"
PGDATA="$CITY_DIR/pg"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$OUT/nginx/nginx.pid" ] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true
  [ -d "$PGDATA" ] && run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# The city's PostgreSQL: one cluster kept in $CITY_DIR between runs. Memory as a small dedicated database server
# would have (shared_buffers 1 GB); durability as in production except while the city is generated.
pg_start() { # extra -c options
  run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
  run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 300 -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 \
    -c max_connections=300 -c shared_buffers=1GB -c effective_cache_size=4GB -c work_mem=16MB -c max_wal_size=8GB -c shared_preload_libraries=pg_stat_statements $*" start >/dev/null
}
CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=hh_city;Maximum Pool Size=100"
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d hh_city -Atq)
site_env() {
  echo "ASPNETCORE_ENVIRONMENT=Production AllowedHosts=localhost;127.0.0.1 App__DataDirectory=$CITY_DIR/data"
  echo "App__ContentDirectory=$ROOT/content Database__Provider=Postgres Logging__LogLevel__Default=Warning"
  # The load comes from one address (wrk on loopback): the per-address limits are for residents, not for it.
  # Read-aloud audio and light videos are made once per lesson in the background (bench/run-video.sh measures them):
  # for 20,000 imported lessons that is hours of espeak-ng and ffmpeg, which would be counted as the pages' CPU.
  echo "App__Media__MakeRenditions=false"
  echo "App__RateLimits__SignInPerMinute=100000 App__RateLimits__SearchPermitLimit=1000000 App__RateLimits__SuggestPermitLimit=1000000"
}
site_dll() { # args... (the published site as its admin command line)
  # shellcheck disable=SC2046
  ( cd "$OUT/site" && exec env $(site_env) "ConnectionStrings__Postgres=$CS" dotnet HoaHung.Learning.Web.dll "$@" )
}

echo "== publish the site, build the generator"
if [ ! -f "$OUT/site/HoaHung.Learning.Web.dll" ] || [ "${PUBLISH:-1}" = 1 ]; then
  dotnet publish src/HoaHung.Learning.Web -c Release -o "$OUT/site" -nologo -v q >/dev/null
fi
GEN="$OUT/gen/HoaHung.Learning.CityBench"
[ "${PUBLISH:-1}" = 0 ] && [ -x "$GEN" ] || dotnet build bench/city -c Release -nologo -v q -o "$OUT/gen" >/dev/null

# ---- 1. the city ----
if [ ! -f "$CITY_DIR/done" ]; then
  has city || { echo "no city in $CITY_DIR: run with STEPS including 'city'"; exit 1; }
  echo "== make the city in $CITY_DIR (seed $SEED)"
  rm -rf "$PGDATA" "$CITY_DIR/data" "$CITY_DIR/lessons" "$CITY_DIR/sessions"; mkdir -p "$PGDATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
  run_pg "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  pg_start -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE hh_city"
  T0=$(date +%s)
  site_dll migrate > "$CITY_DIR/make.log" 2>&1
  site_dll import-content >> "$CITY_DIR/make.log" 2>&1          # content/: the seed library, its paths and quizzes
  T1=$(date +%s)
  "$GEN" lessons "$CITY_DIR/lessons" "$LESSONS" "$SEED" >> "$CITY_DIR/make.log"
  site_dll import-content "$CITY_DIR/lessons" >> "$CITY_DIR/make.log" 2>&1
  T2=$(date +%s)
  "$GEN" fill "$CS" "$CITY_DIR" --seed "$SEED" --learners "$LEARNERS" --progress "$PROGRESS" --classes "$CLASSES" \
    --wards "$WARDS" --busy "$BUSY" --live "$LIVE" --password "$PASSWORD" | tee -a "$CITY_DIR/make.log"
  T3=$(date +%s)
  cp "$CITY_DIR/city.json" "$OUT/site/appsettings.Production.json"
  # The rollups as rebuild-stats makes them, set-based (bench/city/rollups.sql; rebuild-stats would take hours here).
  "${PSQL[@]}" -f "$ROOT/bench/city/rollups.sql"
  T4=$(date +%s)
  "${PSQL[@]}" -c "VACUUM ANALYZE"
  T5=$(date +%s)
  {
    echo "migrate and seed library: $((T1 - T0)) s"
    echo "$LESSONS generated lessons imported (site's import-content): $((T2 - T1)) s"
    echo "accounts, progress, classes (bench/city fill, binary COPY): $((T3 - T2)) s"
    echo "ward rollups (bench/city/rollups.sql): $((T4 - T3)) s"
    echo "vacuum analyze: $((T5 - T4)) s"
    echo "city made in $((T5 - T0)) s; database $("${PSQL[@]}" -c "SELECT pg_size_pretty(pg_database_size('hh_city'))")"
  } | tee "$CITY_DIR/timing.txt"
  touch "$CITY_DIR/done"
fi
cp "$CITY_DIR/city.json" "$OUT/site/appsettings.Production.json"
pg_start   # production durability from here on
has pages || has ward || has search || has busy || exit 0

# ---- 2. the site over the city ----
"${PSQL[@]}" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
SITE_PID=""
start_site() {
  # shellcheck disable=SC2046
  ( cd "$OUT/site" && ASPNETCORE_URLS="$SITE" exec env $(site_env) "ConnectionStrings__Postgres=$CS" dotnet HoaHung.Learning.Web.dll ) > "$OUT/site.log" 2>&1 &
  SITE_PID=$!; PIDS+=("$SITE_PID")
  for _ in $(seq 1 600); do curl -fs "$SITE/healthz" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "the site did not start"; tail -50 "$OUT/site.log"; exit 1
}
echo "== start the site on $SITE (Production, PostgreSQL city)"
T=$(date +%s.%N); start_site; START_S=$(echo "$(date +%s.%N) - $T" | bc)
PG_PM=$(head -n 1 "$PGDATA/postmaster.pid")
# utime + stime (+ children's) of the site and of PostgreSQL's processes, in clock ticks
cpu_ticks() { local t=0 p; for p in "$SITE_PID" "$PG_PM" $(pgrep -P "$PG_PM"); do t=$(( t + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done; echo "$t"; }
nginx_ticks() { local t=0 p m; m=$(cat "$OUT/nginx/nginx.pid"); for p in "$m" $(pgrep -P "$m"); do t=$(( t + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat") )); done; echo "$t"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SITE_PID/status"; }
HZ=$(getconf CLK_TCK)

mkdir -p "$OUT/nginx/www" "$OUT/nginx/tmp" "$CITY_DIR/sessions"
curl -fs "$SITE$LESSON" -o "$OUT/nginx/www/lesson.html"; gzip -9 -kf "$OUT/nginx/www/lesson.html"
cat > "$OUT/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  client_body_temp_path $OUT/nginx/tmp; proxy_temp_path $OUT/nginx/tmp; fastcgi_temp_path $OUT/nginx/tmp;
  uwsgi_temp_path $OUT/nginx/tmp; scgi_temp_path $OUT/nginx/tmp;
  default_type text/html;
  gzip on; gzip_static on; gzip_vary on;
  server { listen 127.0.0.1:$NGINX_PORT; root $OUT/nginx/www; location / { try_files /lesson.html =404; } }
}
NGINX
"$NGINX" -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx"

QUIZ_LESSON=/bai-hoc/$("${PSQL[@]}" -c "SELECT \"Slug\" FROM \"Lessons\" WHERE \"Type\" = 'Quiz' AND \"Status\" = 'Published' AND \"Slug\" NOT LIKE 'bai-%' ORDER BY \"Id\" LIMIT 1")
"${PSQL[@]}" -c "SELECT \"Slug\" FROM \"Lessons\" WHERE \"Status\" = 'Published' AND \"Type\" <> 'Quiz' ORDER BY \"Id\"" > "$OUT/slugs.txt"
# What residents type (bench/search/Queries.cs's kinds: tasks, no diacritics, half-typed, broad words, nothing found).
printf '%s\n' "dang ky vneid" "vneid" "chuyen tien" "lua dao" "mat khau" "dien thoai" "zalo" "wi-fi" "thanh toan qr" \
  "dịch vụ công" "bảo hiểm y tế" "tien dien" "otp" "cong dan so" "hoa don" "can cuoc" "phan anh" "ngan hang" "dang nh" \
  "thanh to" "xe buyt" "lop hoc" "nguoi cao tuoi" "an toan" "ho so" > "$OUT/queries.txt"
sign_in_many() { # file-of-users quiz-lesson -> sessions on stdout
  xargs -P "${SIGNIN_JOBS:-4}" -I{} bash "$ROOT/bench/city/sign-in.sh" "$SITE" "$PASSWORD" "$2" {} < "$1"
}

if has pages; then
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  head -n "$SIGNED" "$CITY_DIR/learners.txt" > "$OUT/signed-users.txt"
  refresh() {
    sign_in_many "$OUT/signed-users.txt" "$QUIZ_LESSON" > "$OUT/signed.tsv"
    [ "$(wc -l < "$OUT/signed.tsv")" = "$SIGNED" ] || { echo "only $(wc -l < "$OUT/signed.tsv") of $SIGNED learners signed in"; exit 1; }
    awk -F'\t' -v l="$LESSON" '{print l "\t" $2}' "$OUT/signed.tsv" > "$OUT/s-lesson"
    awk -F'\t' '{print "/cua-toi\t" $2}' "$OUT/signed.tsv" > "$OUT/s-my"
    awk -F'\t' '{print $3 "\t" $2}' "$OUT/signed.tsv" > "$OUT/s-quiz"
  }
  echo "== $SIGNED learners signed in through the form"
  T=$(date +%s.%N); refresh; SIGNIN_S=$(echo "($(date +%s.%N) - $T) / $SIGNED" | bc -l)
  IFS=$'\t' read -r u c _ < <(head -n 1 "$OUT/signed.tsv")
  curl -fs -H "Cookie: $c" "$SITE$LESSON" | grep -q 'data-signed-in="1"' || { echo "lesson page not signed in"; exit 1; }
  curl -fs -H "Cookie: $c" "$SITE/cua-toi" | grep -q "Học viên $((10#${u#hv}))" || { echo "/cua-toi is not $u's"; exit 1; }
  TARGETS=(nginx lesson-in my quiz)
  declare -A WHAT=([nginx]="nginx, the lesson page's bytes (gzip_static)" [lesson-in]="lesson page, signed in"
    [my]="\`/cua-toi\`, signed in" [quiz]="quiz question page, signed in")
  wrk_args() { case $1 in nginx) echo "$NGINX_URL" ;; lesson-in) echo "-s $ROOT/bench/signed-in.lua $SITE $OUT/s-lesson" ;;
    my) echo "-s $ROOT/bench/signed-in.lua $SITE $OUT/s-my" ;; quiz) echo "-s $ROOT/bench/signed-in.lua $SITE $OUT/s-quiz" ;; esac; }
  declare -A RPS P99 P50 ERR CPU
  echo "== warm up"
  for t in "${TARGETS[@]}"; do
    # shellcheck disable=SC2046
    wrk -t2 -c"$CONNS" -d3s -H 'Accept-Encoding: gzip' $(wrk_args "$t") >/dev/null
  done
  echo "== wrk: $ROUNDS interleaved rounds of $DURATION at $CONNS connections (load before: $LOAD_BEFORE)"
  ROUND_LOADS=""
  "${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
  for r in $(seq 1 "$ROUNDS"); do
    [ "$r" -gt 1 ] && refresh
    ROUND_LOADS="$ROUND_LOADS $(cut -d' ' -f1 /proc/loadavg)"
    for t in "${TARGETS[@]}"; do
      if [ "$t" = nginx ]; then before=$(nginx_ticks); else before=$(cpu_ticks); fi
      # shellcheck disable=SC2046
      out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s --latency -H 'Accept-Encoding: gzip' $(wrk_args "$t"))
      if [ "$t" = nginx ]; then after=$(nginx_ticks); else after=$(cpu_ticks); fi
      rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
      cpu=$(awk -v t=$(( after - before )) -v hz="$HZ" '/requests in/ {printf "%.0f", t * 1e6 / hz / $1}' <<<"$out")
      err=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
      RPS[$t]="${RPS[$t]:-} $rps"; P99[$t]="${P99[$t]:-} $(awk '$1 == "99%" {print $2}' <<<"$out")"
      P50[$t]="${P50[$t]:-} $(awk '$1 == "50%" {print $2}' <<<"$out")"; ERR[$t]=$(( ${ERR[$t]:-0} + err )); CPU[$t]="${CPU[$t]:-} $cpu"
      printf '   %-10s %10s req/s  p99 %-8s CPU %6s µs/req  errors %s\n' "$t" "$rps" "$(awk '$1 == "99%" {print $2}' <<<"$out")" "$cpu" "$err"
    done
  done
  LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
  # Where the database time of the rounds went (PostgreSQL's statement statistics, reset before the rounds).
  "${PSQL[@]}" -F' | ' -c "SELECT calls, round(total_exec_time::numeric, 0), round(mean_exec_time::numeric, 3), left(regexp_replace(query, '\s+', ' ', 'g'), 160) FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 10" > "$OUT/statements-pages.txt"
  median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  ms() { printf '%s\n' $1 | awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.1f\n", v}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  pct() { awk -v a="$1" -v b="$2" 'BEGIN { v = 100 * a / b; printf (v < 10 ? "%.1f%%" : "%.0f%%"), v }'; }
  NG=$(median "${RPS[nginx]}")

  # The ward's view: the dashboard (Official) and every open-data file, cold (first after start) and warm.
  echo "== dashboard and open data"
  printf 'canbo\n' > "$OUT/official.txt"
  OFFICIAL=$(sign_in_many "$OUT/official.txt" "" | cut -f2)
  MONTH=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m)
  PREV=$(TZ=Asia/Ho_Chi_Minh date -d "$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-01) -1 day" +%Y-%m)
  VIEWS=("/quan-tri/tong-quan" "/quan-tri/tong-quan?thang=$PREV" "/quan-tri/tong-quan?thang=$PREV&khu-pho=Ph%C6%B0%E1%BB%9Dng%20001%20%C2%B7%20Khu%20ph%E1%BB%91%201" "/quan-tri/bao-cao/$MONTH" "/quan-tri/bao-cao/$MONTH.xlsx" "/du-lieu-mo" "/du-lieu-mo/catalog.json")
  for d in hoc-tap-theo-khu-pho lop-hoc-theo-khu-pho bai-hoc; do VIEWS+=("/du-lieu-mo/$d.csv" "/du-lieu-mo/$d.json"); done
  declare -A VIEW_LINE
  for v in "${VIEWS[@]}"; do
    times=()
    for i in $(seq 1 "${VIEW_TRIES:-4}"); do
      line=$(curl -s -o "$OUT/view.out" -w '%{http_code} %{time_total} %{size_download}' -H "Cookie: $OFFICIAL" -H 'Accept-Encoding: gzip' "$SITE$v")
      set -- $line; code=$1; times+=("$2"); size=$3
      [ "$code" = 200 ] || echo "   $v answered $code"
    done
    warm=$(printf '%s\n' "${times[@]:1}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f ms (max %.0f ms)", a[int((NR+1)/2)] * 1000, a[NR] * 1000}')
    VIEW_LINE[$v]="| \`$v\` | $code | $(awk -v t="${times[0]}" 'BEGIN {printf "%.0f ms", t * 1000}') | $warm | $(awk -v s="$size" 'BEGIN {printf "%.0f", s / 1024}') |"
    echo "   ${VIEW_LINE[$v]}"
  done

  # The rollups' cost per event: completions of lessons not yet done, at full speed, with PostgreSQL's statement
  # statistics reset before: the time of the statements that write WardDailyCounts / WardMonthMembers ÷ events.
  echo "== rollup cost per event"
  head -n 16 "$OUT/signed.tsv" > "$OUT/s-done"
  "${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
  DONE_BEFORE=$("${PSQL[@]}" -c "SELECT count(*) FROM \"LessonProgress\" WHERE \"CompletedAt\" IS NOT NULL")
  before=$(cpu_ticks)
  out=$(wrk -t1 -c16 -d"$DURATION" --timeout 10s --latency -s "$ROOT/bench/city/busy.lua" "$SITE" -- done "$OUT/s-done" "$OUT/slugs.txt" "$OUT/queries.txt" 0 0 "$SITE")
  after=$(cpu_ticks)
  EVENTS=$(( $("${PSQL[@]}" -c "SELECT count(*) FROM \"LessonProgress\" WHERE \"CompletedAt\" IS NOT NULL") - DONE_BEFORE ))
  DONE_REQ=$(awk '/requests in/ {print $1}' <<<"$out"); DONE_RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  DONE_P99=$(awk '$1 == "99%" {print $2}' <<<"$out"); DONE_ERR=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
  DONE_CPU=$(awk -v t=$(( after - before )) -v hz="$HZ" -v n="$DONE_REQ" 'BEGIN {printf "%.0f", t * 1e6 / hz / n}')
  read -r ROLLUP_MS ROLLUP_CALLS < <("${PSQL[@]}" -F' ' -c "SELECT round(sum(total_exec_time)::numeric, 1), sum(calls) FROM pg_stat_statements WHERE query ILIKE '%Ward%' AND query NOT ILIKE '%pg_stat_statements%'")
  read -r ALL_MS < <("${PSQL[@]}" -c "SELECT round(sum(total_exec_time)::numeric, 1) FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'")
  echo "   $DONE_REQ completion posts, $EVENTS new completions, rollup statements ${ROLLUP_MS} ms in $ROLLUP_CALLS calls (all statements ${ALL_MS} ms), request CPU $DONE_CPU µs"
  "${PSQL[@]}" -F' | ' -c "SELECT calls, round(mean_exec_time::numeric, 3), left(regexp_replace(query, '\s+', ' ', 'g'), 140) FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 12" > "$OUT/statements.txt"

  {
    echo "## Pages at city size (PostgreSQL)"
    echo
    echo "Run: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -c$CONNS -d$DURATION, $ROUNDS interleaved rounds, medians; Accept-Encoding: gzip."
    echo "Load average before: $LOAD_BEFORE; at each round's start:$ROUND_LOADS; after: $LOAD_AFTER (other sessions build and test on the same cores)."
    echo "Signed-in requests rotate over $SIGNED generated learners (hv000001…), signed in through the form before every round"
    echo "(${SIGNIN_S:0:4} s a sign-in, $(echo "$SIGNIN_S" | awk '{printf "%.2f", $1}') s each with ${SIGNIN_JOBS:-4} in parallel, on this machine). Site start on the city: ${START_S%.*} s."
    echo "Server CPU per request: the site's and PostgreSQL's processes (nginx's own for nginx) ÷ requests."
    echo
    echo "| target | req/s | vs nginx | p50 ms | p99 ms | server CPU µs/req | errors | rounds req/s |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|"
    for k in "${TARGETS[@]}"; do
      m=$(median "${RPS[$k]}")
      echo "| ${WHAT[$k]} | $(printf '%.0f' "$m") | $(pct "$m" "$NG") | $(ms "${P50[$k]}") | $(ms "${P99[$k]}") | $(median "${CPU[$k]}") | ${ERR[$k]} | $(printf '%s ' ${RPS[$k]} | awk '{for (i = 1; i <= NF; i++) printf "%s%.0f", (i > 1 ? ", " : ""), $i}') |"
    done
    echo
    echo "Database time during the rounds (pg_stat_statements: calls | total ms | mean ms | statement):"
    echo
    echo '```'
    cat "$OUT/statements-pages.txt"
    echo '```'
    echo
    echo "### The ward's view (signed in as an Official; ${VIEW_TRIES:-4} requests each: the first, then the median and max of the others)"
    echo
    echo "| page or file | status | first | then: median (max) | KB (gzip) |"
    echo "|---|---:|---:|---:|---:|"
    for v in "${VIEWS[@]}"; do echo "${VIEW_LINE[$v]}"; done
    echo
    echo "### Rollups per event"
    echo
    echo "wrk -c4 for $DURATION over 64 learners: $DONE_REQ posts of \"I have finished this lesson\" for random (learner, lesson) pairs ($DONE_RPS req/s, p99 $DONE_P99,"
    echo "$DONE_ERR errors), $EVENTS of them new completions (an event: a lesson finished, with its rollup rows). PostgreSQL's"
    echo "statement statistics (pg_stat_statements, reset before): the statements on WardDailyCounts / WardMonthMembers took"
    echo "**$ROLLUP_MS ms in $ROLLUP_CALLS calls = $(awk -v a="$ROLLUP_MS" -v e="$EVENTS" 'BEGIN {printf "%.2f", (e > 0 ? a / e : 0)}') ms of database time per event**, of ${ALL_MS} ms for all statements"
    echo "($(awk -v a="$ROLLUP_MS" -v b="$ALL_MS" 'BEGIN {printf "%.0f", (b > 0 ? 100 * a / b : 0)}')%); a completion post cost $DONE_CPU µs of server CPU (site and PostgreSQL). Heaviest statements:"
    echo
    echo '```'
    cat "$OUT/statements.txt"
    echo '```'
    echo
  } > "$OUT/pages.md"
  cat "$OUT/pages.md"
fi

# ---- the ward's view alone (STEPS=ward): every page and file of it, first request then the median of WARD_TRIES more,
# and the rollups' cost per event with the rows each event touches (pg_stat_statements) ----
if has ward; then
  echo "== the ward's view (an Official), $((${WARD_TRIES:-5})) timed requests after the first"
  printf 'canbo\n' > "$OUT/official.txt"
  OFFICIAL=$(sign_in_many "$OUT/official.txt" "" | cut -f2)
  MONTH=$(TZ=Asia/Ho_Chi_Minh date +%Y-%m)
  PREV=$(TZ=Asia/Ho_Chi_Minh date -d "$(TZ=Asia/Ho_Chi_Minh date +%Y-%m-01) -1 day" +%Y-%m)
  AREA=$(jq -r '.App.Accounts.Neighbourhoods[0]' "$CITY_DIR/city.json" | jq -sRr @uri | sed 's/%0A$//')
  TOPIC=$("${PSQL[@]}" -c "SELECT \"Slug\" FROM \"Topics\" ORDER BY \"Order\" LIMIT 1")
  WVIEWS=("/quan-tri/tong-quan" "/quan-tri/tong-quan?thang=$PREV" "/quan-tri/tong-quan?thang=$PREV&khu-pho=$AREA"
    "/quan-tri/tong-quan?chu-de=$TOPIC" "/quan-tri/bao-cao/$MONTH" "/quan-tri/bao-cao/$MONTH.xlsx" "/du-lieu-mo" "/du-lieu-mo/catalog.json")
  for d in hoc-tap-theo-khu-pho lop-hoc-theo-khu-pho bai-hoc; do WVIEWS+=("/du-lieu-mo/$d.csv" "/du-lieu-mo/$d.json"); done
  WARD_LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  WARD_LINES=()
  for v in "${WVIEWS[@]}"; do
    times=()
    for i in $(seq 0 "${WARD_TRIES:-5}"); do
      [ "$i" = 1 ] && ticks=$(cpu_ticks)
      line=$(curl -s -o "$OUT/view.out" -w '%{http_code} %{time_total} %{size_download}' -H "Cookie: $OFFICIAL" -H 'Accept-Encoding: gzip' "$SITE$v")
      set -- $line; code=$1; times+=("$2"); size=$3
      [ "$code" = 200 ] || echo "   $v answered $code"
    done
    # CPU of the site and PostgreSQL per timed request: what the page costs, less moved by other work on the machine.
    cpu=$(awk -v t=$(( $(cpu_ticks) - ticks )) -v hz="$HZ" -v n="${WARD_TRIES:-5}" 'BEGIN {printf "%.0f", t * 1000 / hz / n}')
    # The dashboard's prerendered answer must already hold the figures (the table of khu phố), not a placeholder.
    [[ "$v" != /quan-tri/tong-quan* ]] || { gunzip -c "$OUT/view.out" 2>/dev/null || cat "$OUT/view.out"; } | grep -c 'id="bang-khu-pho"' >/dev/null || echo "   $v: no khu phố table in the answer"
    warm=$(printf '%s\n' "${times[@]:1}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f ms | %.0f ms", a[int((NR+1)/2)] * 1000, a[NR] * 1000}')
    WARD_LINES+=("| \`$v\` | $code | $(awk -v t="${times[0]}" 'BEGIN {printf "%.0f ms", t * 1000}') | $warm | $cpu ms | $(awk -v s="$size" 'BEGIN {printf "%.0f", s / 1024}') |")
    echo "   ${WARD_LINES[-1]}"
  done
  WARD_LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

  echo "== rollup cost per event"
  # Learners the pages step does not use (their quizzes there are part-way), signed in without starting one; 64 of
  # them over 4 connections, so two posts of one learner (which wait on her own member row) rarely meet.
  sed -n '4001,4064p' "$CITY_DIR/learners.txt" > "$OUT/done-users.txt"
  sign_in_many "$OUT/done-users.txt" "" > "$OUT/s-done"
  "${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
  DONE_BEFORE=$("${PSQL[@]}" -c "SELECT count(*) FROM \"LessonProgress\" WHERE \"CompletedAt\" IS NOT NULL")
  out=$(wrk -t1 -c4 -d"$DURATION" --timeout 10s --latency -s "$ROOT/bench/city/busy.lua" "$SITE" -- done "$OUT/s-done" "$OUT/slugs.txt" "$OUT/queries.txt" 0 0 "$SITE")
  EVENTS=$(( $("${PSQL[@]}" -c "SELECT count(*) FROM \"LessonProgress\" WHERE \"CompletedAt\" IS NOT NULL") - DONE_BEFORE ))
  DONE_REQ=$(awk '/requests in/ {print $1}' <<<"$out"); DONE_P99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  # Per rollup table: statements, database time and rows written or read, ÷ events.
  "${PSQL[@]}" -F' | ' -c "
    SELECT t, sum(calls), round(sum(total_exec_time)::numeric, 1), sum(rows),
           round((sum(total_exec_time) / greatest($EVENTS, 1))::numeric, 3), round(sum(rows)::numeric / greatest($EVENTS, 1), 2)
    FROM (SELECT CASE WHEN query ILIKE '%INTO \"WardDailyCounts\"%' THEN 'WardDailyCounts (upsert)'
                      WHEN query ILIKE '%INTO \"WardMonthCounts\"%' THEN 'WardMonthCounts (upsert)'
                      WHEN query ILIKE '%INTO \"WardMonthMembers\"%' THEN 'WardMonthMembers (upsert)'
                      WHEN query ILIKE '%FROM \"WardMonthMembers\"%' THEN 'WardMonthMembers (read back)' END AS t, calls, total_exec_time, rows
          FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%') x
    WHERE t IS NOT NULL GROUP BY t ORDER BY t" > "$OUT/rollup-cost.txt"
  read -r ALL_MS < <("${PSQL[@]}" -c "SELECT round(sum(total_exec_time)::numeric, 1) FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'")
  {
    echo "### The ward's view at city size ($(date -u +%Y-%m-%dT%H:%MZ); load average before $WARD_LOAD_BEFORE, after $WARD_LOAD_AFTER)"
    echo
    echo "Signed in as an Official; gzip; the first request after the site started, then $((${WARD_TRIES:-5})) more: their median and max."
    echo
    echo "| page or file | status | first | median | max | CPU per request (site + PostgreSQL) | KB (gzip) |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${WARD_LINES[@]}"
    echo
    echo "### Rollups per event"
    echo
    echo "wrk -c4 for $DURATION over 64 learners: $DONE_REQ posts of \"I have finished this lesson\" (p99 $DONE_P99), $EVENTS new completions."
    echo "pg_stat_statements (reset before; all statements $ALL_MS ms): table | calls | total ms | rows | ms per event | rows per event"
    echo
    echo '```'
    cat "$OUT/rollup-cost.txt"
    echo '```'
  } > "$OUT/ward.md"
  cat "$OUT/ward.md"
fi

# ---- search over 20,000 lessons, both providers (bench/search: 300 queries, 3 rounds, through LessonSearch) ----
if has search; then
  echo "== search: PostgreSQL (the city's lessons) and SQLite (the same lessons imported into a fresh file)"
  dotnet build bench/search -c Release -nologo -v q -o "$OUT/search-bin" >/dev/null
  SB="$OUT/search-bin/HoaHung.Learning.SearchBench"
  rm -rf "$OUT/search-data"; mkdir -p "$OUT/search-data/pg" "$OUT/search-data/sqlite"
  SEARCH_LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
  "$SB" query Postgres "$CS" "$OUT/search-data/pg" > "$OUT/search-pg.txt"
  "$SB" run Sqlite "Data Source=$OUT/search-data/sqlite/search.db" "$CITY_DIR/lessons" "$OUT/search-data/sqlite" > "$OUT/search-sqlite.txt"
  {
    echo "## Search over the city's lessons"
    echo
    echo "bench/search's 300 queries, 3 rounds after a warm-up, each through LessonSearch in its own scope (index, cards,"
    echo "snippets; no HTTP). PostgreSQL: the city database ($("${PSQL[@]}" -c "SELECT count(*) FROM \"Lessons\" WHERE \"Status\" = 'Published'") published lessons)"
    echo "while the site runs idle beside it; SQLite: the $LESSONS generated lessons imported into a fresh file. Load average before: $SEARCH_LOAD."
    echo
    echo '```'
    cat "$OUT/search-pg.txt"
    echo
    cat "$OUT/search-sqlite.txt"
    echo '```'
    echo
  } > "$OUT/search.md"
  cat "$OUT/search.md"
fi

# ---- 3. the busy day ----
if has busy; then
  echo "== the busy day: $BUSY learners at human pace, $LIVE live class grids, $EDITORS open editors, ${SOAK}"
  ulimit -n "$(ulimit -Hn)"   # wrk: one socket per learner
  SOAK_S=$(awk -v s="$SOAK" 'BEGIN { n = s + 0; if (s ~ /m$/) n *= 60; else if (s ~ /h$/) n *= 3600; print n }')
  # The live classes' assignments: 6 lessons each (idempotent), the grids' columns.
  "${PSQL[@]}" -c "
    INSERT INTO \"ClassAssignments\" (\"ClassId\", \"Kind\", \"LessonId\", \"Position\", \"CreatedAt\")
    SELECT c.id, 0, l.\"Id\", l.pos, now() FROM generate_series(1, $LIVE) AS c(id)
    CROSS JOIN LATERAL (SELECT \"Id\", row_number() OVER () AS pos FROM \"Lessons\" WHERE \"Type\" = 'Tutorial' AND \"Status\" = 'Published'
      AND \"Slug\" LIKE 'bai-%' ORDER BY md5(\"Slug\" || c.id) LIMIT 6) l
    WHERE NOT EXISTS (SELECT 1 FROM \"ClassAssignments\" a WHERE a.\"ClassId\" = c.id)" >/dev/null
  BUSY_FILE="$CITY_DIR/sessions/busy.tsv"
  if [ "$BUSY_SIGNED" = pages ] && [ -s "$OUT/signed.tsv" ]; then   # the pages step's learners, no more sign-ins
    BUSY_FILE="$OUT/signed.tsv"; BUSY_SIGNED=$(wc -l < "$BUSY_FILE")
  elif [ ! -s "$BUSY_FILE" ] || [ "$(wc -l < "$BUSY_FILE")" != "$BUSY_SIGNED" ]; then
    echo "   signing in $BUSY_SIGNED learners through the form (kept in $BUSY_FILE for later runs)"
    head -n "$BUSY_SIGNED" "$CITY_DIR/learners.txt" > "$OUT/busy-users.txt"
    T=$(date +%s); sign_in_many "$OUT/busy-users.txt" "$QUIZ_LESSON" > "$BUSY_FILE.part"; mv "$BUSY_FILE.part" "$BUSY_FILE"
    echo "   $(wc -l < "$BUSY_FILE") signed in in $(( $(date +%s) - T )) s"
  fi
  # Probes: per live class, its trainer, one member signed in for the day, and the assigned lessons she has not opened.
  awk -F'\t' '{print $2}' "$CITY_DIR/live-classes.txt" > "$OUT/trainers.txt"
  sign_in_many "$OUT/trainers.txt" "" > "$OUT/trainers.tsv"
  printf 'quantri\n' > "$OUT/admin.txt"; ADMIN_COOKIE=$(sign_in_many "$OUT/admin.txt" "" | cut -f2)
  "${PSQL[@]}" -F $'\t' -c "
    SELECT c.id, u.\"Id\", u.\"UserName\", (SELECT string_agg(l.\"Slug\", ' ') FROM \"ClassAssignments\" a JOIN \"Lessons\" l ON l.\"Id\" = a.\"LessonId\"
        WHERE a.\"ClassId\" = c.id AND NOT EXISTS (SELECT 1 FROM \"LessonProgress\" p WHERE p.\"UserId\" = u.\"Id\" AND p.\"LessonId\" = a.\"LessonId\"))
    FROM generate_series(1, $LIVE) AS c(id)
    CROSS JOIN LATERAL (SELECT m.\"UserId\" FROM \"ClassMembers\" m JOIN \"AspNetUsers\" x ON x.\"Id\" = m.\"UserId\"
      WHERE m.\"ClassId\" = c.id ORDER BY x.\"UserName\" LIMIT 1) m
    JOIN \"AspNetUsers\" u ON u.\"Id\" = m.\"UserId\" ORDER BY c.id" > "$OUT/members.tsv"
  awk -F'\t' -v OFS='\t' '
    FILENAME == ARGV[1] { busy[$1] = $2; next }
    FILENAME == ARGV[2] { trainer[$1] = $2; next }
    FILENAME == ARGV[3] { tr[$1] = $2; next }
    { print $1, trainer[tr[$1]], $2, (busy[$3] == "" ? "-" : busy[$3]), ($4 == "" ? "-" : $4) }' "$BUSY_FILE" "$OUT/trainers.tsv" "$CITY_DIR/live-classes.txt" "$OUT/members.tsv" > "$OUT/probes.tsv"
  "${PSQL[@]}" -c "SELECT \"Slug\" FROM \"Lessons\" WHERE \"Slug\" LIKE 'bai-%' AND \"Type\" = 'Tutorial' ORDER BY \"Id\" DESC LIMIT $EDITORS" > "$OUT/editor-slugs.txt"
  mkdir -p "$OUT/node" && [ -d "$OUT/node/node_modules/playwright-core" ] || ( cd "$OUT/node" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund playwright-core@1 >/dev/null )
  cp "$ROOT/bench/city/circuits.mjs" "$OUT/node/"
  RSS_EMPTY=$(rss_mb)
  rm -f "$OUT/circuits.ready" "$OUT/circuits.json"
  node "$OUT/node/circuits.mjs" "$SITE" "$OUT/probes.tsv" "$ADMIN_COOKIE" "$OUT/editor-slugs.txt" "$SOAK_S" "$OUT/circuits.json" "$OUT/circuits.ready" > "$OUT/circuits.log" 2>&1 &
  NODE_PID=$!; PIDS+=("$NODE_PID")
  for _ in $(seq 1 600); do [ -f "$OUT/circuits.ready" ] && break; kill -0 "$NODE_PID" 2>/dev/null || { cat "$OUT/circuits.log"; exit 1; }; sleep 1; done
  RSS_CIRCUITS=$(rss_mb)
  echo "   $LIVE grids and $EDITORS editors open (site RSS $RSS_EMPTY → $RSS_CIRCUITS MB)"

  # Memory and CPU every 10 s.
  ( echo -e "s\trss_mb\tsite_ticks\tall_ticks\tload"; t0=$(date +%s)
    while kill -0 "$SITE_PID" 2>/dev/null; do
      echo -e "$(( $(date +%s) - t0 ))\t$(rss_mb)\t$(awk '{print $14 + $15}' "/proc/$SITE_PID/stat")\t$(cpu_ticks)\t$(cut -d' ' -f1 /proc/loadavg)"; sleep 10
    done ) > "$OUT/soak.tsv" &
  SAMPLER=$!; PIDS+=("$SAMPLER")
  KINDS=(lesson done quiz my search)
  declare -A KIND_WHAT=([lesson]="open a lesson (GET, 20,000 lessons)" [done]="mark it done (POST)" [quiz]="answer a quiz question (POST)" [my]="open \"Của tôi\" (GET)" [search]="search (GET /tim-kiem)")
  PER=$(( BUSY / ${#KINDS[@]} ))
  BUSY_LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  before=$(cpu_ticks)
  WRKS=()
  for k in "${KINDS[@]}"; do
    wrk -t1 -c"$PER" -d"${SOAK_S}s" --timeout 30s --latency -s "$ROOT/bench/city/busy.lua" "$SITE" -- \
      "$k" "$BUSY_FILE" "$OUT/slugs.txt" "$OUT/queries.txt" 5000 15000 "$SITE" > "$OUT/busy-$k.txt" 2>&1 &
    WRKS+=($!)
  done
  for p in "${WRKS[@]}"; do wait "$p"; done
  after=$(cpu_ticks)
  BUSY_LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
  for _ in $(seq 1 120); do [ -f "$OUT/circuits.json" ] && break; sleep 1; done
  kill "$SAMPLER" 2>/dev/null || true
  TOTAL_REQ=0
  {
    echo "## The busy day"
    echo
    echo "$(date -u +%Y-%m-%dT%H:%MZ): $BUSY learners at once, signed in as $BUSY_SIGNED generated accounts (each signed in through the form$( [ "$BUSY_SIGNED" != "$BUSY" ] && echo "; an account serves $(( BUSY / BUSY_SIGNED )) of them, as one person on several phones would" )), one wrk"
    echo "process per kind of request with $PER connections, each connection a learner who waits 5–15 s (uniform) after"
    echo "every answer (bench/city/busy.lua); $LIVE live class grids (each its trainer's, in Chromium) and $EDITORS open editors"
    echo "(an admin, each typed in once), for $SOAK_S s, on one site process over the city database. Load average before:"
    echo "$BUSY_LOAD_BEFORE; after: $BUSY_LOAD_AFTER. The cookies are the ones made at sign-in: once one is older than 5 minutes,"
    echo "every request with it runs Identity's security-stamp check (a browser would take the renewed cookie and run it once"
    echo "every 5 minutes), so after the first minutes this is a heavier day than a real one."
    echo
    echo "| kind | requests | req/s | p50 ms | p99 ms | max ms | errors |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    for k in "${KINDS[@]}"; do
      f="$OUT/busy-$k.txt"
      n=$(awk '/requests in/ {print $1}' "$f"); TOTAL_REQ=$(( TOTAL_REQ + n ))
      err=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$f")
      conv() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.1f", v}' <<<"$1"; }
      echo "| ${KIND_WHAT[$k]} | $n | $(awk '/Requests\/sec/ {printf "%.1f", $2}' "$f") | $(conv "$(awk '$1 == "50%" {print $2}' "$f")") | $(conv "$(awk '$1 == "99%" {print $2}' "$f")") | $(conv "$(awk '/Latency/ && !/Distribution/ {print $4}' "$f")") | $err |"
    done
    echo
    echo "All kinds: $TOTAL_REQ requests, $(awk -v n="$TOTAL_REQ" -v s="$SOAK_S" 'BEGIN {printf "%.0f", n / s}') req/s; server CPU (site and PostgreSQL, grids and editors included)"
    echo "$(awk -v t=$(( after - before )) -v hz="$HZ" -v n="$TOTAL_REQ" 'BEGIN {printf "%.0f", t * 1e6 / hz / n}') µs per request = $(awk -v t=$(( after - before )) -v hz="$HZ" -v s="$SOAK_S" 'BEGIN {printf "%.2f", t / hz / s}') cores on average."
    echo
    echo "Site memory (RSS): $RSS_EMPTY MB before the circuits, $RSS_CIRCUITS MB with them open, then during the day"
    echo "(every 10 s, bench/out/city/soak.tsv): $(awk -F'\t' 'NR > 1 {n++; v[n] = $2; if ($2 > max) max = $2} END {
        q = int(n / 4); if (q < 1) q = 1; a = 0; b = 0; for (i = 1; i <= q; i++) { a += v[i]; b += v[n - q + i] }
        printf "first quarter mean %.0f MB, last quarter mean %.0f MB, max %.0f MB, last %.0f MB", a / q, b / q, max, v[n] }' "$OUT/soak.tsv")."
    echo
    node -e "
      const r = require('$OUT/circuits.json');
      const t = r.refresh.filter(x => x !== null).sort((a, b) => a - b);
      const p = q => t.length ? t[Math.min(t.length - 1, Math.ceil(q * t.length) - 1)].toFixed(2) + ' s' : 'n/a';
      console.log('Class grids: ' + r.refresh.length + ' refresh probes (a member finishes an assigned lesson; her row shows one more ✓): median ' + p(0.5) + ', p95 ' + p(0.95) + ', max ' + p(1) + ', ' + r.refresh.filter(x => x === null).length + ' not shown within 30 s.');
      console.log('Circuits: ' + r.grids + ' grids and ' + r.editors + ' editors opened in ' + r.opened.all.toFixed(0) + ' s; lost or failed: ' + (r.lost.length ? r.lost.join('; ') : 'none') + '.');
    " 2>/dev/null || echo "Class grids: no result (bench/out/city/circuits.log)."
    echo
  } > "$OUT/busy.md"
  cat "$OUT/busy.md"
fi

{
  echo "# City benchmark"
  echo
  echo "The city (bench/city, seed $SEED): $(cat "$CITY_DIR/timing.txt" | tail -n 1)."
  echo
  echo '```'
  cat "$CITY_DIR/city.txt" | grep -v '^  CREATE\|^  ALTER' || true
  cat "$CITY_DIR/timing.txt"
  echo '```'
  echo
  [ -f "$OUT/pages.md" ] && cat "$OUT/pages.md"
  [ -f "$OUT/ward.md" ] && cat "$OUT/ward.md"
  [ -f "$OUT/search.md" ] && cat "$OUT/search.md"
  [ -f "$OUT/busy.md" ] && cat "$OUT/busy.md"
} > "$OUT/city.md"
[ -n "$RESULT" ] && cp "$OUT/city.md" "$RESULT"
echo "== wrote ${RESULT:-$OUT/city.md}"
