#!/usr/bin/env bash
# Load and page-weight benchmark of the published site (see bench/README.md).
# Publishes the site and starts it twice on loopback — on a fresh SQLite data directory and on a fresh database of
# a throwaway PostgreSQL cluster — plus nginx and a bare Kestrel program serving a saved copy of a lesson page's
# gzip bytes. In interleaved rounds (every target sees the same machine state), wrk -c$CONNS against:
#  - nginx and bare Kestrel (the machine's and the .NET stack's ceilings for the same bytes);
#  - the anonymous lesson page, home page and /api/v1/lessons (output cache);
#  - the lesson page, /cua-toi and a quiz question page for signed-in learners, on SQLite and on PostgreSQL
#    (accounts made with the site's own `users add`, signed in through the real form);
# then the latency of each target at one connection, the bytes a first and a repeat visit transfer in Chromium,
# and Lighthouse 12 (mobile). Writes bench/results/latest.md and prints it. Only loopback addresses are used.
# QUICK=1: one round of 5 s, no page weight, no Lighthouse, nothing written to bench/results (bench/out/latest.md).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then ROUNDS=${ROUNDS:-1}; DURATION=${DURATION:-5s}; BROWSER=${BROWSER:-0}; SOLO=${SOLO:-2s}; fi
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
SOLO=${SOLO:-3s}                 # the one-connection latency run of each target
BROWSER=${BROWSER:-1}            # page weight in Chromium and Lighthouse
PG=${PG:-1}                      # the signed-in targets on PostgreSQL too
LEARNERS=${LEARNERS:-8}          # accounts the signed-in requests rotate over
PUBLISH=${PUBLISH:-1}            # 0: measure the site published by the previous run (bench/out/site) again
SITE_PORT=${SITE_PORT:-5480}
NGINX_PORT=${NGINX_PORT:-5481}
BARE_PORT=${BARE_PORT:-5482}
PG_SITE_PORT=${PG_SITE_PORT:-5483}
PGPORT=${HH_BENCH_PGPORT:-55434}
LESSON=${LESSON:-/bai-hoc/ket-noi-wi-fi}
QUIZ_LESSON=${QUIZ_LESSON:-/bai-hoc/kiem-tra-an-toan-tren-mang}
RESULT=${RESULT:-$( [ "$QUICK" = 1 ] && echo "" || echo "$ROOT/bench/results/latest.md")}
SITE="http://127.0.0.1:$SITE_PORT"
PGSITE="http://127.0.0.1:$PG_SITE_PORT"
NGINX_URL="http://127.0.0.1:$NGINX_PORT/"
BARE_URL="http://127.0.0.1:$BARE_PORT/"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
[ "$BROWSER" = 1 ] && { [ -x /usr/bin/chromium ] || need+=(chromium); }
[ "$PG" = 1 ] && { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql); }
if [ ${#need[@]} -gt 0 ]; then as_root apt-get update -qq; DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}" >/dev/null; fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

if [ "$PUBLISH" = 0 ]; then [ -d "$OUT/site" ] || { echo "PUBLISH=0: nothing published in $OUT/site"; exit 1; }; rm -rf "$OUT.site"; mv "$OUT/site" "$OUT.site"; fi
rm -rf "$OUT"; mkdir -p "$OUT"/{site,bare,data,data-pg,nginx/www,nginx/tmp,lighthouse,sessions}
PIDS=()
declare -A SERVER_PID
PGDATA=""
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$OUT/nginx/nginx.pid" ] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true
  if [ -n "$PGDATA" ]; then
    as_root runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA"
  fi
}
trap cleanup EXIT

echo "== publish the site, build bare Kestrel"
if [ "$PUBLISH" = 0 ]; then rm -rf "$OUT/site"; mv "$OUT.site" "$OUT/site"; else dotnet publish src/HoaHung.Learning.Web -c Release -o "$OUT/site" -nologo -v q >/dev/null; fi
dotnet build bench/bare -c Release -nologo -v q -o "$OUT/bare" >/dev/null

PG_CS=""
if [ "$PG" = 1 ]; then
  echo "== throwaway PostgreSQL on 127.0.0.1:$PGPORT (default durability: fsync and synchronous commit on)"
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PGDATA=$(mktemp -d /tmp/hh-bench-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDATA"; run_pg() { runuser -u postgres -- "$@"; }; else run_pg() { "$@"; }; fi
  run_pg "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  run_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE hh_bench" >/dev/null
  PG_CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=hh_bench"
fi

# Site instances: NAME -> env beyond the common one.
site_env() { # name
  local data="$OUT/data"; [ "$1" = pg ] && data="$OUT/data-pg"
  # Production refuses any Host for its links (Hosting/PublicAddress): the names the load generators use.
  echo "ASPNETCORE_ENVIRONMENT=Production AllowedHosts=localhost;127.0.0.1 App__DataDirectory=$data Logging__LogLevel__Default=Warning"
  [ "$1" = pg ] && echo "Database__Provider=Postgres ConnectionStrings__Postgres=$PG_CS"
  return 0
}
site_dll() { # name args... (the published site, as the site or as its admin command line)
  local name=$1; shift
  # shellcheck disable=SC2046 # word splitting of the env list is intended (no value has a space)
  ( cd "$OUT/site" && exec env $(site_env "$name") dotnet HoaHung.Learning.Web.dll "$@" )
}
start_site() { # name url (the background job is the dotnet process itself, so cleanup can stop it)
  # shellcheck disable=SC2046
  ( cd "$OUT/site" && ASPNETCORE_URLS="$2" exec env $(site_env "$1") dotnet HoaHung.Learning.Web.dll ) > "$OUT/$1.log" 2>&1 &
  PIDS+=($!); SERVER_PID[$1]=$!
}
wait_up() { # url log
  for _ in $(seq 1 1200); do curl -fs "$1/healthz" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "site $1 did not start"; cat "$2"; exit 1
}

echo "== start the site on $SITE (SQLite)${PG_CS:+ and on $PGSITE (PostgreSQL)}, each on an empty database"
start_site sqlite "$SITE"
[ "$PG" = 1 ] && start_site pg "$PGSITE"
wait_up "$SITE" "$OUT/sqlite.log"
[ "$PG" = 1 ] && wait_up "$PGSITE" "$OUT/pg.log"

echo "== save the lesson page for nginx and bare Kestrel"
curl -fs "$SITE$LESSON" -o "$OUT/nginx/www/lesson.html"
gzip -9 -k "$OUT/nginx/www/lesson.html"
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
( cd "$OUT/bare" && exec dotnet HoaHung.Learning.BareBench.dll "$OUT/nginx/www/lesson.html.gz" "http://127.0.0.1:$BARE_PORT" ) > "$OUT/bare.log" 2>&1 &
PIDS+=($!); SERVER_PID[bare]=$!
for _ in $(seq 1 60); do curl -fs "$BARE_URL" -o /dev/null 2>&1 && break; sleep 0.25; done
cmp <(curl -fs -H 'Accept-Encoding: gzip' "$NGINX_URL") "$OUT/nginx/www/lesson.html.gz" || { echo "nginx does not serve the saved bytes"; exit 1; }
cmp <(curl -fs -H 'Accept-Encoding: gzip' "$BARE_URL") "$OUT/nginx/www/lesson.html.gz" || { echo "bare Kestrel does not serve the saved bytes"; cat "$OUT/bare.log"; exit 1; }

# ---- signed-in learners: accounts from the site's own command, sessions from the real sign-in form ----
PASSWORD="Bench-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
add_learners() { # instance
  for i in $(seq 1 "$LEARNERS"); do
    echo "$PASSWORD" | site_dll "$1" users add --username "hocvien$i" --role Learner --display-name "Học viên $i" >> "$OUT/$1-users.log" 2>&1 \
      || { echo "users add failed on $1"; cat "$OUT/$1-users.log"; return 1; }
  done
}
form_token() { # jar url
  curl -fs -c "$1" -b "$1" "$2" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -n 1
}
cookie_of() { # jar -> "a=1; b=2" (curl writes HttpOnly cookies with a #HttpOnly_ prefix)
  awk -F'\t' 'NF == 7 { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"
}
# Signs every learner in afresh (a cookie younger than the 5-minute security-stamp interval, as a browser that
# takes each renewed cookie has) and writes one sessions file per signed-in target: "PATH<TAB>COOKIE" lines.
sign_in_all() { # instance base
  local inst=$1 base=$2 dir="$OUT/sessions/$1"
  mkdir -p "$dir"; : > "$dir/lesson"; : > "$dir/my"; : > "$dir/quiz"
  for i in $(seq 1 "$LEARNERS"); do
    local jar="$dir/jar$i" token code quiz cookie
    rm -f "$jar"
    token=$(form_token "$jar" "$base/tai-khoan/dang-nhap")
    code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" --data-urlencode _handler=sign-in \
      --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Name=hocvien$i" \
      --data-urlencode "Input.Password=$PASSWORD" "$base/tai-khoan/dang-nhap")
    [ "$code" = "302 $base/cua-toi" ] || { echo "sign-in of hocvien$i on $inst answered '$code'"; return 1; }
    # Starting a quiz lands on its first question; with an attempt open, the same form continues it.
    token=$(form_token "$jar" "$base$QUIZ_LESSON/kiem-tra")
    quiz=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode _handler=quiz-start \
      --data-urlencode "__RequestVerificationToken=$token" "$base$QUIZ_LESSON/kiem-tra")
    quiz=${quiz#"$base"}
    [[ "$quiz" == "$QUIZ_LESSON"/kiem-tra/*/1 ]] || { echo "quiz start of hocvien$i on $inst landed on '$quiz'"; return 1; }
    cookie=$(cookie_of "$jar")
    printf '%s\t%s\n' "$LESSON" "$cookie" >> "$dir/lesson"
    printf '%s\t%s\n' /cua-toi "$cookie" >> "$dir/my"
    printf '%s\t%s\n' "$quiz" "$cookie" >> "$dir/quiz"
  done
}
# Each signed-in target must answer 200 with the learner's own page, or its figure would mean nothing.
check_signed_in() { # instance base
  local dir="$OUT/sessions/$1" path cookie page
  IFS=$'\t' read -r path cookie < "$dir/lesson"
  page=$(curl -fs -H "Cookie: $cookie" "$2$path") && grep -q 'data-signed-in="1"' <<<"$page" || { echo "$1: lesson page not signed in"; return 1; }
  page=$(curl -fs -H "Cookie: $cookie" "$2/cua-toi") && grep -q 'Học viên 1' <<<"$page" || { echo "$1: /cua-toi not signed in"; return 1; }
  IFS=$'\t' read -r path cookie < "$dir/quiz"
  page=$(curl -fs -H "Cookie: $cookie" "$2$path") && grep -q 'class="quiz-question"' <<<"$page" || { echo "$1: quiz page not served"; return 1; }
}

INSTANCES=(sqlite); [ "$PG" = 1 ] && INSTANCES+=(pg)
base_of() { [ "$1" = pg ] && echo "$PGSITE" || echo "$SITE"; }
echo "== $LEARNERS learner accounts on ${INSTANCES[*]} (users add), signed in through the form"
ADDERS=()
for inst in "${INSTANCES[@]}"; do add_learners "$inst" & ADDERS+=($!); done
for p in "${ADDERS[@]}"; do wait "$p"; done
for inst in "${INSTANCES[@]}"; do sign_in_all "$inst" "$(base_of "$inst")"; check_signed_in "$inst" "$(base_of "$inst")"; done
# What /cua-toi weighs for one of them: the HTML, and as sent (gzip).
IFS=$'\t' read -r _ MY_COOKIE < "$OUT/sessions/sqlite/my"
MY_BYTES=$(curl -fs -H "Cookie: $MY_COOKIE" "$SITE/cua-toi" | wc -c)
MY_GZIP=$(curl -fs -H "Cookie: $MY_COOKIE" -H 'Accept-Encoding: gzip' "$SITE/cua-toi" | wc -c)
echo "   /cua-toi of a learner: $MY_BYTES B of HTML, $MY_GZIP B gzip"

# ---- targets ----
TARGETS=(nginx bare lesson home api lesson-in my quiz)
[ "$PG" = 1 ] && TARGETS+=(lesson-in-pg my-pg quiz-pg)
declare -A WHAT=(
  [nginx]="nginx, the lesson page's bytes (gzip_static)" [bare]="bare Kestrel, the same bytes from memory"
  [lesson]="lesson page, anonymous (output cache)" [home]="home page, anonymous" [api]="/api/v1/lessons, anonymous"
  [lesson-in]="lesson page, signed in — SQLite" [my]="/cua-toi, signed in — SQLite" [quiz]="quiz question, signed in — SQLite"
  [lesson-in-pg]="lesson page, signed in — PostgreSQL" [my-pg]="/cua-toi, signed in — PostgreSQL" [quiz-pg]="quiz question, signed in — PostgreSQL")
wrk_args() { # target -> url and script arguments
  case $1 in
    nginx) echo "$NGINX_URL" ;;
    bare) echo "$BARE_URL" ;;
    lesson) echo "$SITE$LESSON" ;;
    home) echo "$SITE/" ;;
    api) echo "$SITE/api/v1/lessons" ;;
    lesson-in) echo "-s $ROOT/bench/signed-in.lua $SITE $OUT/sessions/sqlite/lesson" ;;
    my) echo "-s $ROOT/bench/signed-in.lua $SITE $OUT/sessions/sqlite/my" ;;
    quiz) echo "-s $ROOT/bench/signed-in.lua $SITE $OUT/sessions/sqlite/quiz" ;;
    lesson-in-pg) echo "-s $ROOT/bench/signed-in.lua $PGSITE $OUT/sessions/pg/lesson" ;;
    my-pg) echo "-s $ROOT/bench/signed-in.lua $PGSITE $OUT/sessions/pg/my" ;;
    quiz-pg) echo "-s $ROOT/bench/signed-in.lua $PGSITE $OUT/sessions/pg/quiz" ;;
  esac
}
# CPU time the server spent (user + system, all its processes), so a figure also means something on a busy machine:
# req/s falls when other work takes the cores, CPU per request much less. nginx counts its master and workers.
server_of() { case $1 in nginx) echo "$(cat "$OUT/nginx/nginx.pid") $(pgrep -P "$(cat "$OUT/nginx/nginx.pid")" | tr '\n' ' ')" ;;
  bare) echo "${SERVER_PID[bare]}" ;;
  *-pg) local pm; pm=$(head -n 1 "$PGDATA/postmaster.pid"); echo "${SERVER_PID[pg]} $pm $(pgrep -P "$pm" | tr '\n' ' ')" ;;
  *) echo "${SERVER_PID[sqlite]}" ;; esac; }
# utime + stime, plus cutime + cstime (the CPU of children that exited: a PostgreSQL backend that ends between two
# readings moves from its own line to the postmaster's, instead of vanishing and making the difference negative)
cpu_ticks() { local t=0 p; for p in $(server_of "$1"); do t=$(( t + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done; echo "$t"; }
refresh_sessions() { # before a round's signed-in targets of an instance
  case $1 in lesson-in) sign_in_all sqlite "$SITE" ;; lesson-in-pg) sign_in_all pg "$PGSITE" ;; esac
}

echo "== warm up (JIT, output cache, connection pools)"
for u in / "$LESSON" /api/v1/lessons; do for _ in 1 2 3; do curl -fs -H 'Accept-Encoding: gzip' "$SITE$u" -o /dev/null; done; done
for t in "${TARGETS[@]}"; do
  # shellcheck disable=SC2046
  wrk -t2 -c"$CONNS" -d2s -H 'Accept-Encoding: gzip' $(wrk_args "$t") >/dev/null
done

declare -A RPS P99 ERR KB CPU
run_wrk() { # target
  local out rps p99 err kb before cpu
  before=$(cpu_ticks "$1")
  # shellcheck disable=SC2046
  out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s --latency -H 'Accept-Encoding: gzip' $(wrk_args "$1"))
  # server CPU µs per request (clock ticks are 1/100 s)
  cpu=$(awk -v t=$(( $(cpu_ticks "$1") - before )) -v hz="$(getconf CLK_TCK)" '/requests in/ {printf "%.0f", t * 1e6 / hz / $1}' <<<"$out")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  # non-2xx/3xx answers and socket errors (a request slower than --timeout counts as one and leaves the latency
  # figures): a target that fails fast must not look fast
  err=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
  kb=$(awk '/requests in/ {r = $1; v = $5; u = v; sub(/[0-9.]+/, "", u); sub(/[A-Za-z]+$/, "", v);
        m = (u == "GB") ? 1048576 : (u == "MB") ? 1024 : (u == "KB") ? 1 : 1/1024; printf "%.1f", v * m / r}' <<<"$out")
  RPS[$1]="${RPS[$1]:-} $rps"; P99[$1]="${P99[$1]:-} $p99"; ERR[$1]=$(( ${ERR[$1]:-0} + err )); KB[$1]=$kb; CPU[$1]="${CPU[$1]:-} $cpu"
  printf '   %-13s %10s req/s  p99 %-8s CPU %6s µs/req  errors %s\n' "$1" "$rps" "$p99" "$cpu" "$err"
}
echo "== wrk: $ROUNDS interleaved rounds of $DURATION at $CONNS connections (load average before: $LOAD_BEFORE)"
for r in $(seq 1 "$ROUNDS"); do
  echo " round $r (load $(cut -d' ' -f1 /proc/loadavg))"
  for t in "${TARGETS[@]}"; do refresh_sessions "$t"; run_wrk "$t"; done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== latency at one connection ($SOLO each)"
declare -A SOLO_P50 SOLO_CPU
for t in "${TARGETS[@]}"; do
  refresh_sessions "$t"
  before=$(cpu_ticks "$t")
  # shellcheck disable=SC2046
  out=$(wrk -t1 -c1 -d"$SOLO" --timeout 10s --latency -H 'Accept-Encoding: gzip' $(wrk_args "$t"))
  SOLO_P50[$t]=$(awk '$1 == "50%" {print $2}' <<<"$out")
  SOLO_CPU[$t]=$(awk -v t=$(( $(cpu_ticks "$t") - before )) -v hz="$(getconf CLK_TCK)" '/requests in/ {printf "%.0f", t * 1e6 / hz / $1}' <<<"$out")
  printf '   %-13s p50 %-8s CPU %s µs/req\n' "$t" "${SOLO_P50[$t]}" "${SOLO_CPU[$t]}"
done

median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { printf '%s\n' $1 | awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2f\n", v}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { v = 100 * a / b; printf (v < 10 ? "%.1f%%" : "%.0f%%"), v }'; }

if [ "$BROWSER" = 1 ]; then
  echo "== page weight in Chromium"
  mkdir -p "$OUT/node" && ( cd "$OUT/node" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund playwright-core@1 >/dev/null )
  cp "$ROOT/bench/page-weight.mjs" "$OUT/node/" && node "$OUT/node/page-weight.mjs" "$SITE$LESSON" > "$OUT/weight.json"
  cat "$OUT/weight.json"
  echo "== Lighthouse (mobile)"
  LH=()
  for u in / "$LESSON"; do
    name=$( [ "$u" = / ] && echo home || echo lesson )
    CHROME_PATH=/usr/bin/chromium npx --yes lighthouse@12 "$SITE$u" --quiet --output=json --output-path="$OUT/lighthouse/$name.json" \
      --only-categories=performance,accessibility,best-practices,seo --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1 || true
    LH+=("$name $(node -e "const r=require('$OUT/lighthouse/$name.json');const c=r.categories;console.log([c.performance,c.accessibility,c['best-practices'],c.seo].map(x=>Math.round(x.score*100)).join(' '))" 2>/dev/null || echo 'n/a n/a n/a n/a')")
  done
fi

NG=$(median "${RPS[nginx]}")
BARE=$(median "${RPS[bare]}")
{
  echo "# Benchmark results"
  echo
  echo "Run: $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; wrk -t2 -c$CONNS -d$DURATION, $ROUNDS interleaved rounds, medians;"
  echo "Accept-Encoding: gzip. Load average before the rounds: $LOAD_BEFORE; after: $LOAD_AFTER (other sessions share the cores)."
  echo "Signed-in requests rotate over $LEARNERS learner accounts (bench/signed-in.lua), each signed in through the form"
  echo "before every round.${PG_CS:+ PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on loopback, default durability.}"
  echo "One learner's /cua-toi is $MY_BYTES B of HTML, $MY_GZIP B gzip."
  echo "Bytes: nginx and bare Kestrel serve \`gzip -9\` of the lesson page ($(stat -c %s "$OUT/nginx/www/lesson.html.gz") B); the site its own compression."
  echo
  echo "Server CPU per request: user + system time of the server's processes during the run ÷ requests (wrk's own CPU"
  echo "excluded${PG_CS:+; the PostgreSQL server processes included for the PostgreSQL rows, SQLite runs inside the site}); it moves"
  echo "much less than req/s when other work shares the machine."
  echo
  echo "| target | req/s | p99 ms | vs nginx | vs bare Kestrel | server CPU µs/req | at 1 conn: p50 ms, CPU µs/req | KB/resp | errors | rounds req/s (vs nginx) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  for k in "${TARGETS[@]}"; do
    m=$(median "${RPS[$k]}")
    rounds=$(paste -d' ' <(printf '%s\n' ${RPS[$k]}) <(printf '%s\n' ${RPS[nginx]}) |
      awk '{v = 100 * $1 / $2; printf "%s%.0f (%s)", (NR > 1 ? ", " : ""), $1, sprintf(v < 10 ? "%.1f%%" : "%.0f%%", v)}')
    echo "| ${WHAT[$k]} | $(printf '%.0f' "$m") | $(ms "${P99[$k]}") | $(pct "$m" "$NG") | $(pct "$m" "$BARE") | $(median "${CPU[$k]}") | $(ms "${SOLO_P50[$k]}"), ${SOLO_CPU[$k]} | ${KB[$k]} | ${ERR[$k]} | $rounds |"
  done
  if [ "$BROWSER" = 1 ]; then
    echo
    echo "Lesson page bytes (Chromium, compressed, HTML+CSS+JS+fonts; images/video excluded):"
    node -e "const w=require('$OUT/weight.json');console.log('- first visit: '+(w.first/1024).toFixed(1)+' KB ('+w.firstRequests+' requests)');console.log('- repeat visit: '+(w.repeat/1024).toFixed(1)+' KB ('+w.repeatRequests+' requests)');for(const [k,v] of Object.entries(w.byType))console.log('  - '+k+': '+(v/1024).toFixed(1)+' KB')"
    echo
    echo "Lighthouse 12, mobile preset (performance / accessibility / best practices / SEO):"
    for l in "${LH[@]}"; do set -- $l; echo "- $1: $2 / $3 / $4 / $5"; done
  fi
} > "$OUT/latest.md"
if [ -n "$RESULT" ]; then mkdir -p "$(dirname "$RESULT")" && cp "$OUT/latest.md" "$RESULT"; fi
cat "$OUT/latest.md"
