#!/usr/bin/env bash
# Lesson-pack benchmark (bench/README.md): the seed library (content/: 26 lessons, 136 pictures, 6 videos) plus one
# lesson with a video of each size in VIDEO_SIZES MB (default "10 190"; the content format allows 200 MB a file), zipped as a pack and imported with `import-content pack.zip` into an
# empty SQLite site: wall time and peak memory (max RSS) of the whole command process. Writes bench/results/packs.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VIDEO_SIZES=${VIDEO_SIZES:-"10 190"}
OUT="$ROOT/bench/out/packs"
rm -rf "$OUT" && mkdir -p "$OUT/empty"
echo "== build"
dotnet build src/HoaHung.Learning.Web -c Release -nologo -v q >/dev/null
DLL="$ROOT/src/HoaHung.Learning.Web/bin/Release/net10.0/HoaHung.Learning.Web.dll"

SRC=$(ls content/lessons/*/bai-giang.mp4 | head -n1)
TOPIC=$(sed -n 's/^- slug: //p' content/topics.yml | head -n1)
export Database__Provider=Sqlite ASPNETCORE_ENVIRONMENT=Production
ROWS=""
for MB in $VIDEO_SIZES; do
  echo "== pack with a $MB MB video"
  rm -rf "$OUT/pack" "$OUT/data" "$OUT/pack.zip" && mkdir -p "$OUT/pack/lessons/video-lon" "$OUT/data"
  cp -r content/topics.yml content/paths content/lessons "$OUT/pack/"
  { cat "$SRC"; head -c $((MB * 1024 * 1024)) /dev/urandom; } > "$OUT/pack/lessons/video-lon/bai-giang.mp4"
  cp "$(dirname "$SRC")/bai-giang.vi.vtt" "$OUT/pack/lessons/video-lon/bai-giang.vi.vtt"
  printf -- "---\ntitle: Video dài\nsummary: Một video lớn để đo.\ntopic: %s\ntype: video\nvideo: bai-giang.mp4\ncaptions: bai-giang.vi.vtt\n---\nXem video.\n" "$TOPIC" \
    > "$OUT/pack/lessons/video-lon/index.md"
  (cd "$OUT/pack" && zip -qr -X "$OUT/pack.zip" topics.yml paths lessons)
  ENTRIES=$(unzip -Z1 "$OUT/pack.zip" | wc -l)
  PACK_MB=$(( $(stat -c %s "$OUT/pack.zip") / 1024 / 1024 ))
  export App__DataDirectory="$OUT/data" App__ContentDirectory="$OUT/empty"
  dotnet "$DLL" migrate >/dev/null
  echo "== import ($ENTRIES entries, $PACK_MB MB)"
  /usr/bin/time -v -o "$OUT/time.txt" dotnet "$DLL" import-content "$OUT/pack.zip" > "$OUT/import.txt"
  ELAPSED=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$OUT/time.txt")
  RSS_MB=$(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/time.txt") / 1024 ))
  SUMMARY=$(grep -m1 "^Đã nhập gói" "$OUT/import.txt" | sed 's/^.*: //')
  ROWS="$ROWS| content/ + one $MB MB video | $ENTRIES | $PACK_MB MB | $ELAPSED | $RSS_MB MB | $SUMMARY |"$'\n'
done
{
  echo "# Lesson-pack benchmark"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, SQLite, Release. \`import-content pack.zip\` as its own process (start, migrate check, import, exit) into an empty site."
  echo
  echo "| pack | entries | size | wall time | peak memory (max RSS) | imported |"
  echo "|---|---|---|---|---|---|"
  printf "%s" "$ROWS"
} > "$ROOT/bench/results/packs.md"
cat "$ROOT/bench/results/packs.md"
