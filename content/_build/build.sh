#!/usr/bin/env bash
# Dựng lại hình minh họa và video bài học từ nguồn trong content/_build/.
# Rebuilds the lesson pictures and videos from their sources in content/_build/.
#
#   content/_build/build.sh              every lesson that has a folder in content/_build/
#   content/_build/build.sh SLUG [SLUG…] only these lessons
#   content/_build/build.sh --check      check content/lessons (files, sizes, captions, NFC)
#
# Safe to run again: files whose bytes do not change are left alone. See content/_build/README.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

missing=()
need() { # need COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 || missing+=("$2")
}
need /usr/bin/chromium chromium
need ffmpeg ffmpeg
need ffprobe ffmpeg
need espeak-ng espeak-ng
need pngquant pngquant
need /usr/bin/python3 python3
/usr/bin/python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
fc-list 2>/dev/null | grep -q 'NotoSans-Regular' || missing+=(fonts-noto-core fontconfig)

if ((${#missing[@]})); then
  pkgs=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  echo "Cài công cụ còn thiếu / installing missing tools: $pkgs"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  # shellcheck disable=SC2086
  $SUDO apt-get install -y --no-install-recommends $pkgs || {
    $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends $pkgs; }
fi

export LC_ALL=C.UTF-8
exec /usr/bin/python3 "$HERE/_shared/build.py" "$@"
