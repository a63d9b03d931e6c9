#!/bin/sh
# Starts the ward's kiosk screen: Debian's Chromium, full screen, on the library's kiosk start address.
# Read by hoahung-kiosk.service; settings come from /etc/hoahung-kiosk.env (see README.md):
#   HH_KIOSK_URL  the site, e.g. https://hoc.hoahung.gov.vn
#   HH_KIOSK_KEY  the key set as App:Kiosk:Key on the site
set -eu
: "${HH_KIOSK_URL:?set HH_KIOSK_URL in /etc/hoahung-kiosk.env}"
: "${HH_KIOSK_KEY:?set HH_KIOSK_KEY in /etc/hoahung-kiosk.env}"
# A fresh, throwaway profile every start: nothing of yesterday survives a reboot or a crash.
PROFILE=$(mktemp -d /tmp/hoahung-kiosk.XXXXXX)
trap 'rm -rf "$PROFILE"' EXIT
# The key goes into the URL only here, on the kiosk itself; the site answers 404 to a wrong one.
KEY=$(printf '%s' "$HH_KIOSK_KEY" | jq -sRr @uri)
exec /usr/bin/chromium \
  --kiosk \
  --incognito \
  --no-first-run \
  --no-default-browser-check \
  --disable-translate \
  --disable-features=Translate,TranslateUI,AutofillServerCommunication,PasswordManagerOnboarding \
  --password-store=basic \
  --disable-save-password-bubble \
  --disable-sync \
  --disable-infobars \
  --disable-session-crashed-bubble \
  --noerrdialogs \
  --disable-pinch \
  --overscroll-history-navigation=0 \
  --check-for-update-interval=31536000 \
  --user-data-dir="$PROFILE" \
  "$HH_KIOSK_URL/kiosk/bat-dau?khoa=$KEY"
