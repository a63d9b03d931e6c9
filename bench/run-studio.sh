#!/usr/bin/env bash
# Studio benchmark (bench/README.md): server memory per open editor (EDITORS at once, default 20) and the time of the
# live checks and preview on a 5,000-word lesson. Needs Debian's Chromium. Writes bench/results/studio.md and prints it.
# STUDIO_PAUSE=DIR (diagnostics): the run stops before and after the editors and the class pages, writes DIR/STAGE.census
# (render-tree frames by component type, from the open circuits) and waits while DIR/STAGE.pid exists, for a heap
# snapshot: dotnet-gcdump collect -p "$(cat DIR/STAGE.pid)", then rm DIR/STAGE.pid.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out/studio"
EDITORS=${EDITORS:-20}
CHROMIUM=${HH_CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || { echo "Chromium not found at $CHROMIUM (apt-get install chromium)" >&2; exit 1; }
echo "== build"
dotnet build bench/studio -c Release -nologo -v q -o "$OUT/bin" >/dev/null
echo "== run ($EDITORS editors)"

# Only the report's lines: the site's own console warnings (a migration's) are not results.
RESULT=$("$OUT/bin/HoaHung.Learning.StudioBench" "$ROOT" "$EDITORS" "$CHROMIUM" "${CLASS_PAGES:-$EDITORS}" | grep '^- ')
{
  echo "# Studio benchmark"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, SQLite, Release, workstation GC, one process (server and measurements)."
  echo
  echo "$RESULT"
} > "$ROOT/bench/results/studio.md"
cat "$ROOT/bench/results/studio.md"
