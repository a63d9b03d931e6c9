#!/usr/bin/env bash
# The issue-24 measure of light video: a ~100 MB 1080p phone-like video (20 s at 40 Mbit/s, ffmpeg's test pattern,
# made in the test's temp folder) and its 240p, 360p and audio-only renditions, made with the site's own ffmpeg
# arguments (VideoRenditions.Arguments). The 360p one must be at most 40% of the original (CI checks the same on 4 s).
# Figures: TestResults/measurements/video-phone.tsv. Needs ffmpeg (tests/run.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/HoaHung.Learning.Tests -c Release -v q
HH_VIDEO_SECONDS="${HH_VIDEO_SECONDS:-20}" dotnet test --project tests/HoaHung.Learning.Tests -c Release --no-build \
  --filter-method '*A_phone_video_gets_a_360p_rendition_of_at_most_40_percent_of_its_size'
cat TestResults/measurements/video-phone.tsv
