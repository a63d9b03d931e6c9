#!/usr/bin/env bash
# Lesson-pack benchmark (bench/README.md): the seed library (content/: 26 lessons, 136 pictures, 6 videos) plus one
# lesson with a VIDEO_MB video (default 190; the content format allows 200 MB a file), zipped as a pack and imported with `import-content pack.zip` into an
# empty SQLite site: wall time and peak memory (max RSS) of the whole command process. Writes bench/results/packs.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VIDEO_MB=${VIDEO_MB:-190}
OUT="$ROOT/bench/out/packs"
rm -rf "$OUT" && mkdir -p "$OUT/pack/lessons/video-lon" "$OUT/data" "$OUT/empty"
echo "== build"
dotnet build src/HoaHung.Learning.Web -c Release -nologo -v q >/dev/null
DLL="$ROOT/src/HoaHung.Learning.Web/bin/Release/net10.0/HoaHung.Learning.Web.dll"

echo "== pack"
cp -r content/topics.yml content/paths content/lessons "$OUT/pack/"
SRC=$(ls content/lessons/*/bai-giang.mp4 | head -n1)
{ cat "$SRC"; head -c $((VIDEO_MB * 1024 * 1024)) /dev/urandom; } > "$OUT/pack/lessons/video-lon/bai-giang.mp4"
cp "$(dirname "$SRC")/bai-giang.vi.vtt" "$OUT/pack/lessons/video-lon/bai-giang.vi.vtt"
TOPIC=$(sed -n 's/^- slug: //p' content/topics.yml | head -n1)
printf -- "---\ntitle: Video dài\nsummary: Một video lớn để đo.\ntopic: %s\ntype: video\nvideo: bai-giang.mp4\ncaptions: bai-giang.vi.vtt\n---\nXem video.\n" "$TOPIC" \
  > "$OUT/pack/lessons/video-lon/index.md"
(cd "$OUT/pack" && zip -qr -X "$OUT/pack.zip" topics.yml paths lessons)
ENTRIES=$(unzip -Z1 "$OUT/pack.zip" | wc -l)
PACK_MB=$(( $(stat -c %s "$OUT/pack.zip") / 1024 / 1024 ))

export App__DataDirectory="$OUT/data" App__ContentDirectory="$OUT/empty" Database__Provider=Sqlite ASPNETCORE_ENVIRONMENT=Production
dotnet "$DLL" migrate >/dev/null
echo "== import ($ENTRIES entries, $PACK_MB MB)"
/usr/bin/time -v -o "$OUT/time.txt" dotnet "$DLL" import-content "$OUT/pack.zip" > "$OUT/import.txt"
ELAPSED=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$OUT/time.txt")
RSS_MB=$(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/time.txt") / 1024 ))
{
  echo "# Lesson-pack benchmark"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, SQLite, Release. \`import-content pack.zip\` as its own process (start, migrate check, import, exit)."
  echo
  echo "| pack | entries | size | wall time | peak memory (max RSS) |"
  echo "|---|---|---|---|---|"
  echo "| content/ + one ${VIDEO_MB} MB video | $ENTRIES | $PACK_MB MB | $ELAPSED | $RSS_MB MB |"
  echo
  echo '```'
  head -n 3 "$OUT/import.txt"
  echo '```'
} > "$ROOT/bench/results/packs.md"
cat "$ROOT/bench/results/packs.md"
