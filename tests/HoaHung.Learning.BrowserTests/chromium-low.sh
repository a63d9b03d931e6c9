#!/bin/sh
# Debian's Chromium for the browser tests at a low CPU priority (nice 10) that it cannot raise again. Run as root (as
# CI runs), Chromium raises its display threads to nice -8 and starved the HTTP tests running beside it: tests/run.sh
# runs both test projects at once on a 2-core machine. BrowserSite launches this script instead of Chromium itself.
browser="${HH_CHROMIUM:-/usr/bin/chromium}"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
  exec nice -n 10 setpriv --inh-caps=-sys_nice --bounding-set=-sys_nice "$browser" "$@"
fi
exec nice -n 10 "$browser" "$@"
