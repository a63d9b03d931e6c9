#!/usr/bin/env bash
# Load and page-weight benchmark of the published site (see bench/README.md).
# Publishes the site, starts it on loopback with a fresh SQLite data directory, and in the same run:
#  - wrk -c64 against the home page, a lesson page and /api/v1/lessons, and against nginx serving a saved
#    copy of the same lesson page's bytes with gzip; rounds interleaved so both see the same machine state;
#  - bytes a first and a repeat visit to a lesson page transfer in Chromium (HTML, CSS, JS, fonts);
#  - Lighthouse 12 (mobile preset) on the home page and the lesson page.
# Writes bench/results/latest.md and prints it. Only loopback addresses are used.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
SITE_PORT=${SITE_PORT:-5480}
NGINX_PORT=${NGINX_PORT:-5481}
LESSON=${LESSON:-/bai-hoc/ket-noi-wi-fi}
SITE="http://127.0.0.1:$SITE_PORT"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then as_root apt-get update -qq; DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}" >/dev/null; fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

rm -rf "$OUT"; mkdir -p "$OUT"/{site,data,nginx/www,nginx/tmp,lighthouse}
echo "== publish"
dotnet publish src/HoaHung.Learning.Web -c Release -o "$OUT/site" -nologo -v q >/dev/null

echo "== start site on $SITE"
( cd "$OUT/site" && ASPNETCORE_URLS="$SITE" ASPNETCORE_ENVIRONMENT=Production App__DataDirectory="$OUT/data" \
  Logging__LogLevel__Default=Warning exec dotnet HoaHung.Learning.Web.dll ) > "$OUT/site.log" 2>&1 &
SITE_PID=$!
NGINX_PID=""
cleanup() {
  kill "$SITE_PID" 2>/dev/null || true
  [ -f "$OUT/nginx/nginx.pid" ] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs "$SITE/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$SITE/healthz" >/dev/null || { echo "site did not start"; cat "$OUT/site.log"; exit 1; }

echo "== save the lesson page for nginx"
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
sleep 0.5

# warm both servers (JIT, output cache)
for u in / "$LESSON" /api/v1/lessons; do for _ in 1 2 3; do curl -fs -H 'Accept-Encoding: gzip' "$SITE$u" -o /dev/null; done; done
wrk -t2 -c"$CONNS" -d3s -H 'Accept-Encoding: gzip' "$SITE$LESSON" >/dev/null
wrk -t2 -c"$CONNS" -d3s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$NGINX_PORT/" >/dev/null

declare -A RPS P99
run_wrk() { # name url
  local out; out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$2")
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  RPS[$1]="${RPS[$1]:-} $rps"; P99[$1]="${P99[$1]:-} $p99"
  echo "   $1: $rps req/s, p99 $p99"
}
echo "== wrk: $ROUNDS interleaved rounds of $DURATION at $CONNS connections"
for r in $(seq 1 "$ROUNDS"); do
  echo " round $r"
  run_wrk nginx "http://127.0.0.1:$NGINX_PORT/"
  run_wrk lesson "$SITE$LESSON"
  run_wrk home "$SITE/"
  run_wrk api "$SITE/api/v1/lessons"
done

median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
to_ms() { printf '%s\n' $1 | awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2f\n", v}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

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

NG=$(median "${RPS[nginx]}")
{
  echo "# Benchmark results"
  echo
  echo "Run: $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; wrk -t2 -c$CONNS -d$DURATION, $ROUNDS interleaved rounds, medians; Accept-Encoding: gzip."
  echo
  echo "| target | req/s (median) | p99 (ms, median) | ratio to nginx | rounds req/s |"
  echo "|---|---:|---:|---:|---|"
  for k in nginx lesson home api; do
    m=$(median "${RPS[$k]}"); echo "| $k | $m | $(to_ms "${P99[$k]}") | $(awk -v a="$m" -v b="$NG" 'BEGIN {printf "%.0f%%", 100*a/b}') |${RPS[$k]} |"
  done
  echo
  echo "Lesson page bytes (Chromium, compressed, HTML+CSS+JS+fonts; images/video excluded):"
  node -e "const w=require('$OUT/weight.json');console.log('- first visit: '+(w.first/1024).toFixed(1)+' KB ('+w.firstRequests+' requests)');console.log('- repeat visit: '+(w.repeat/1024).toFixed(1)+' KB ('+w.repeatRequests+' requests)');for(const [k,v] of Object.entries(w.byType))console.log('  - '+k+': '+(v/1024).toFixed(1)+' KB')"
  echo
  echo "Lighthouse 12, mobile preset (performance / accessibility / best practices / SEO):"
  for l in "${LH[@]}"; do set -- $l; echo "- $1: $2 / $3 / $4 / $5"; done
} > "$OUT/latest.md"
mkdir -p "$ROOT/bench/results" && cp "$OUT/latest.md" "$ROOT/bench/results/latest.md"
cat "$OUT/latest.md"
