#!/usr/bin/python3
"""Rebuild the pictures and videos of the lesson library (called by content/_build/build.sh).

  build.py [SLUG ...]     rebuild every lesson under content/_build/ (or only the given ones)
  build.py --check [SLUG] check content/lessons: front matter, files, sizes, captions, NFC

For each content/_build/{slug}/:
  screens/*.html -> content/lessons/{slug}/{name}.png   (headless Chromium, then pngquant, < 150 KB)
  video.yml      -> content/lessons/{slug}/{name}.mp4, {name}.vi.vtt, {name}-bia.png
See content/_build/README.md for the video.yml format.
"""

import argparse
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import wave

import yaml

BUILD = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTENT = os.path.dirname(BUILD)
LESSONS = os.path.join(CONTENT, "lessons")

SCALE = 1.5                 # device pixel ratio: 360x740 CSS px -> 540x1110 PNG
WIDTH, HEIGHT = 360, 740
MAX_PICTURE = 150 * 1024
MAX_VIDEO = 2 * 1024 * 1024
MAX_SECONDS = 120
FPS = 5                     # still pictures: a small frame rate is enough

CHROMIUM = ["/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--hide-scrollbars", "--mute-audio",
            f"--window-size={WIDTH},{HEIGHT}", f"--force-device-scale-factor={SCALE}"]


def log(msg):
    print(msg, flush=True)


def fail(msg):
    print("LỖI / ERROR: " + msg, file=sys.stderr, flush=True)
    sys.exit(1)


def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if r.returncode != 0:
        fail(f"{' '.join(cmd[:3])}… exited {r.returncode}\n{r.stderr.decode(errors='replace')[-2000:]}")
    return r.stdout


def replace_if_changed(tmp, dest):
    """Move tmp to dest unless dest already has the same bytes (keeps re-runs quiet)."""
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    if os.path.exists(dest):
        with open(tmp, "rb") as a, open(dest, "rb") as b:
            if a.read() == b.read():
                os.remove(tmp)
                return False
    shutil.move(tmp, dest)
    os.chmod(dest, 0o644)
    return True


def nfc(text):
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------- pictures
def screenshot(html, out_png, workdir):
    """Render an HTML file at 360x740 CSS px into out_png (raw, not yet shrunk)."""
    profile = tempfile.mkdtemp(prefix="chrome-", dir=workdir)
    try:
        cmd = CHROMIUM + [f"--user-data-dir={profile}", f"--screenshot={out_png}",
                          "file://" + os.path.abspath(html)]
        for attempt in range(3):
            if os.path.exists(out_png):
                os.remove(out_png)
            r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
            if os.path.exists(out_png) and os.path.getsize(out_png) > 0:
                return
        fail(f"Chromium could not screenshot {html}: {r.stderr.decode(errors='replace')[-1500:]}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def shrink_png(raw, out_png):
    """Quantise with pngquant; fall back to fewer colours until the file is under MAX_PICTURE."""
    for quality, colours in (("65-95", 256), ("45-85", 128), ("20-70", 64), ("0-60", 32)):
        tmp = out_png + ".q.png"
        r = subprocess.run(["pngquant", "--force", "--strip", "--speed", "1", "--quality", quality,
                            "--output", tmp, str(colours), raw],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode == 99 or not os.path.exists(tmp):      # quality not reachable: try next
            continue
        if r.returncode != 0:
            fail(f"pngquant failed on {raw}: {r.stderr.decode(errors='replace')}")
        if os.path.getsize(tmp) <= MAX_PICTURE:
            shutil.move(tmp, out_png)
            return
        os.remove(tmp)
    fail(f"{raw}: could not get the picture under {MAX_PICTURE // 1024} KB; simplify the screen")


def render_picture(src, dest, workdir):
    """HTML or PNG/JPEG source -> a small PNG at dest. Returns True when dest changed."""
    raw = os.path.join(workdir, "raw.png")
    if src.endswith(".html"):
        screenshot(src, raw, workdir)
    else:
        shutil.copyfile(src, raw)
    out = os.path.join(workdir, "small.png")
    shrink_png(raw, out)
    return replace_if_changed(out, dest)


# ---------------------------------------------------------------- video
def ffprobe_duration(path):
    out = run(["ffprobe", "-v", "error", "-show_entries", "format=duration",
               "-of", "default=noprint_wrappers=1:nokey=1", path])
    return float(out.decode().strip())


SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def sentences_of(say, pronounce):
    """-> [(caption text, text given to the voice)]. `say` is a string (split into sentences) or a
    list whose items are strings or {text: …, speak: …} (speak: how the voice should read it)."""
    items = say if isinstance(say, list) else SENTENCE_END.split(str(say).strip())
    out = []
    for item in items:
        if isinstance(item, dict):
            text, speak = item.get("text", ""), item.get("speak")
        else:
            text, speak = item, None
        text = nfc(" ".join(str(text).split()))
        if not text:
            continue
        if speak is None:
            speak = text
            for word, sound in pronounce.items():
                speak = re.sub(r"(?<!\w)" + re.escape(word) + r"(?!\w)", sound, speak)
        out.append((text, nfc(" ".join(str(speak).split()))))
    return out


def vtt_time(t):
    ms = int(round(t * 1000))
    h, ms = divmod(ms, 3600000)
    m, ms = divmod(ms, 60000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def build_video(slug, spec_path, workdir):
    with open(spec_path, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    base = os.path.dirname(spec_path)
    name = spec.get("name", "bai-giang")
    voice = spec.get("voice", "vi")
    speed = int(spec.get("speed", 130))
    pitch = int(spec.get("pitch", 45))
    gap = float(spec.get("gap", 0.45))            # silence between two sentences of a slide
    pause = float(spec.get("pause", 1.4))         # silence after the last sentence of a slide
    lead = float(spec.get("lead", 0.6))           # silence before the first sentence
    poster_index = int(spec.get("poster", 1)) - 1
    pronounce = {}
    shared = os.path.join(BUILD, "_shared", "pronounce.yml")
    if os.path.exists(shared):
        with open(shared, encoding="utf-8") as f:
            pronounce.update(yaml.safe_load(f) or {})
    pronounce.update(spec.get("pronounce") or {})
    # longest words first, so "VietQR" is replaced before "QR"
    pronounce = {nfc(str(k)): nfc(str(v))
                 for k, v in sorted(pronounce.items(), key=lambda kv: -len(str(kv[0])))}
    slides = spec.get("slides") or []
    if not slides:
        fail(f"{spec_path}: no slides")
    if not re.fullmatch(r"[a-z0-9-]{2,80}", name):
        fail(f"{spec_path}: name must be a slug")

    out_dir = os.path.join(LESSONS, slug)
    vdir = os.path.join(workdir, "video")
    os.makedirs(vdir, exist_ok=True)

    # 1. slide pictures
    pictures = []
    cache = {}
    for i, slide in enumerate(slides):
        src = slide.get("screen") or slide.get("image")
        if not src:
            fail(f"{spec_path}: slide {i + 1} has no screen")
        src_path = os.path.normpath(os.path.join(base, src))
        if not os.path.exists(src_path):
            fail(f"{spec_path}: slide {i + 1}: {src} not found")
        if src_path not in cache:
            png = os.path.join(vdir, f"slide-{len(cache):02d}.png")
            raw = os.path.join(vdir, f"raw-{len(cache):02d}.png")
            if src_path.endswith(".html"):
                screenshot(src_path, raw, workdir)
            else:
                shutil.copyfile(src_path, raw)
            shrink_png(raw, png)
            cache[src_path] = png
        pictures.append(cache[src_path])

    # 2. narration, one WAV per sentence, durations from ffprobe
    timeline = []          # (slide picture, start, end)
    cues = []              # (start, end, text)
    clips = []             # (start, wav)
    t = lead
    n = 0
    for i, slide in enumerate(slides):
        texts = sentences_of(slide.get("say", ""), pronounce)
        if not texts:
            fail(f"{spec_path}: slide {i + 1} has nothing to say")
        start = 0.0 if i == 0 else t
        for j, (text, speak) in enumerate(texts):
            txt = os.path.join(vdir, f"s{n:03d}.txt")
            wav = os.path.join(vdir, f"s{n:03d}.wav")
            n += 1
            with open(txt, "w", encoding="utf-8") as f:
                f.write(speak + "\n")
            run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "-b", "1",
                 "-f", txt, "-w", wav])
            d = ffprobe_duration(wav)
            if j:
                t += gap
            clips.append((t, wav))
            cues.append((t, t + d, text))
            t += d
        t += pause
        # align slide changes on the frame grid so pictures and sound stay in step
        t = math.ceil(round(t * FPS, 6)) / FPS
        timeline.append((pictures[i], start, t))
    total = t
    if total > MAX_SECONDS:
        fail(f"{spec_path}: video would last {total:.1f} s (> {MAX_SECONDS} s); shorten the narration")

    # 3. one audio track: silence with each sentence laid at its start time
    with wave.open(clips[0][1], "rb") as w:
        rate, width, channels = w.getframerate(), w.getsampwidth(), w.getnchannels()
    pcm = bytearray(int(round(total * rate)) * width * channels)
    for start, wav in clips:
        with wave.open(wav, "rb") as w:
            if (w.getframerate(), w.getsampwidth(), w.getnchannels()) != (rate, width, channels):
                fail(f"{wav}: unexpected audio format")
            frames = w.readframes(w.getnframes())
        pos = int(round(start * rate)) * width * channels
        pcm[pos:pos + len(frames)] = frames
        del pcm[int(round(total * rate)) * width * channels:]
    audio = os.path.join(vdir, "narration.wav")
    with wave.open(audio, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(bytes(pcm))

    # 4. pictures as a concat list with exact durations
    lst = os.path.join(vdir, "slides.ffconcat")
    with open(lst, "w", encoding="utf-8") as f:
        f.write("ffconcat version 1.0\n")
        for pic, s, e in timeline:
            f.write(f"file '{pic}'\nduration {e - s:.3f}\n")
        f.write(f"file '{timeline[-1][0]}'\n")

    mp4 = os.path.join(vdir, name + ".mp4")
    run(["ffmpeg", "-nostdin", "-y", "-v", "error",
         "-f", "concat", "-safe", "0", "-i", lst, "-i", audio,
         "-map", "0:v:0", "-map", "1:a:0",
         "-vf", f"scale=540:1110:flags=lanczos,fps={FPS},format=yuv420p",
         "-c:v", "libx264", "-profile:v", "main", "-preset", "slow", "-tune", "stillimage",
         "-crf", "30", "-g", str(FPS * 10), "-threads", "1",
         "-c:a", "aac", "-b:a", "48k", "-ac", "1", "-ar", "22050",
         "-t", f"{total:.3f}", "-movflags", "+faststart", "-map_metadata", "-1",
         "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
         mp4])
    size = os.path.getsize(mp4)
    dur = ffprobe_duration(mp4)
    if size > MAX_VIDEO:
        fail(f"{mp4}: {size} bytes (> 2 MB)")
    if dur > MAX_SECONDS:
        fail(f"{mp4}: {dur:.1f} s (> {MAX_SECONDS} s)")

    # 5. captions: one cue per narration sentence
    vtt = os.path.join(vdir, name + ".vi.vtt")
    with open(vtt, "w", encoding="utf-8", newline="\n") as f:
        f.write("WEBVTT\n\n")
        for k, (s, e, text) in enumerate(cues, 1):
            f.write(f"{k}\n{vtt_time(s)} --> {vtt_time(min(e, dur))}\n{text}\n\n")

    # 6. poster
    poster = os.path.join(vdir, name + "-bia.png")
    shutil.copyfile(pictures[max(0, min(poster_index, len(pictures) - 1))], poster)

    changed = False
    for f in (mp4, vtt, poster):
        changed |= replace_if_changed(f, os.path.join(out_dir, os.path.basename(f)))
    log(f"  {name}.mp4  {dur:.1f} s  {size / 1024:.0f} KB  {len(cues)} captions"
        + ("" if changed else "  (unchanged)"))


# ---------------------------------------------------------------- lessons
def build_lesson(slug):
    src = os.path.join(BUILD, slug)
    if not os.path.isdir(src):
        fail(f"no folder content/_build/{slug}")
    log(f"{slug}")
    with tempfile.TemporaryDirectory(prefix="hh-build-") as work:
        screens = os.path.join(src, "screens")
        if os.path.isdir(screens):
            for fn in sorted(os.listdir(screens)):
                if not fn.endswith(".html") or fn.startswith(("_", ".")):
                    continue
                dest = os.path.join(LESSONS, slug, fn[:-5] + ".png")
                changed = render_picture(os.path.join(screens, fn), dest, work)
                log(f"  {fn[:-5]}.png  {os.path.getsize(dest) / 1024:.0f} KB"
                    + ("" if changed else "  (unchanged)"))
        spec = os.path.join(src, "video.yml")
        if os.path.exists(spec):
            build_video(slug, spec, work)


def lesson_slugs():
    return sorted(d for d in os.listdir(BUILD)
                  if not d.startswith(("_", ".")) and os.path.isdir(os.path.join(BUILD, d)))


# ---------------------------------------------------------------- check
FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
CUE = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)")


def seconds(g):
    return int(g[0]) * 3600 + int(g[1]) * 60 + int(g[2]) + int(g[3]) / 1000


def check(slugs):
    problems = []
    warn = []

    def bad(where, msg):
        problems.append(f"{where}: {msg}")

    topics = set()
    tpath = os.path.join(CONTENT, "topics.yml")
    if os.path.exists(tpath):
        for t in yaml.safe_load(open(tpath, encoding="utf-8")) or []:
            topics.add(t.get("slug"))
            if t.get("icon") not in ("phone", "id-card", "city", "government", "payment", "shield", "book"):
                bad("topics.yml", f"{t.get('slug')}: bad icon {t.get('icon')}")
    all_lessons = sorted(d for d in os.listdir(LESSONS) if not d.startswith(("_", "."))) if os.path.isdir(LESSONS) else []
    for root, _, files in os.walk(CONTENT):
        for fn in files:
            if fn.endswith((".md", ".yml", ".vtt", ".html", ".css")):
                p = os.path.join(root, fn)
                text = open(p, encoding="utf-8").read()
                if text != nfc(text):
                    bad(os.path.relpath(p, CONTENT), "text is not NFC")
    pdir = os.path.join(CONTENT, "paths")
    if os.path.isdir(pdir):
        for fn in sorted(os.listdir(pdir)):
            if fn.endswith(".yml"):
                p = yaml.safe_load(open(os.path.join(pdir, fn), encoding="utf-8"))
                for k in ("title", "summary", "lessons"):
                    if not p.get(k):
                        bad(f"paths/{fn}", f"missing {k}")
                if len(p.get("summary", "")) > 300:
                    bad(f"paths/{fn}", "summary > 300 characters")
                for s in p.get("lessons", []):
                    if s not in all_lessons:
                        warn.append(f"paths/{fn}: lesson {s} does not exist (yet)")
    for slug in slugs or all_lessons:
        d = os.path.join(LESSONS, slug)
        where = f"lessons/{slug}"
        idx = os.path.join(d, "index.md")
        if not os.path.exists(idx):
            bad(where, "no index.md")
            continue
        text = open(idx, encoding="utf-8").read()
        m = FRONT.match(text)
        if not m:
            bad(where, "no front matter")
            continue
        fm = yaml.safe_load(m.group(1))
        body = m.group(2)
        for k in ("title", "summary", "topic", "type"):
            if not fm.get(k):
                bad(where, f"missing {k}")
        if topics and fm.get("topic") not in topics:
            bad(where, f"unknown topic {fm.get('topic')}")
        if fm.get("type") not in ("tutorial", "video", "quiz"):
            bad(where, f"bad type {fm.get('type')}")
        if len(str(fm.get("summary", ""))) > 400:
            bad(where, "summary > 400 characters")
        refs = set()
        for k in ("cover", "video", "poster", "captions"):
            if fm.get(k):
                refs.add(fm[k])
        if fm.get("type") == "video" and not fm.get("captions"):
            bad(where, "video lesson without captions")
        for alt, target in IMAGE.findall(body):
            if not alt.strip():
                bad(where, f"{target}: empty alt text")
            if not target.startswith(("http:", "https:")):
                refs.add(target)
        for r in sorted(refs):
            if not os.path.exists(os.path.join(d, r)):
                bad(where, f"{r} not found")
        for box in ("prepare", "remember"):
            if f":::{box}" not in body:
                bad(where, f"no :::{box} box")
        if fm.get("type") == "tutorial":
            sm = re.search(r":::steps\n(.*?)\n:::", body, re.S)
            if not sm:
                bad(where, "tutorial without :::steps")
            else:
                steps = re.findall(r"^\d+\. ", sm.group(1), re.M)
                pics = IMAGE.findall(sm.group(1))
                if not 4 <= len(steps) <= 8:
                    warn.append(f"{where}: {len(steps)} steps")
                if len(pics) < len(steps):
                    warn.append(f"{where}: {len(steps)} steps but {len(pics)} pictures")
        if "<" in re.sub(r"`[^`]*`", "", body) and re.search(r"<[a-zA-Z/]", body):
            warn.append(f"{where}: looks like raw HTML")
        for para in re.split(r"\n", body):
            if para.lstrip().startswith("|"):
                continue
            for sent in re.split(r"(?<=[.!?…])\s+", re.sub(r"!\[[^\]]*\]\([^)]*\)", "", para)):
                words = len(sent.split())
                if words > 25:
                    warn.append(f"{where}: sentence of {words} words: {sent[:60]}…")
        for fn in sorted(os.listdir(d)):
            p = os.path.join(d, fn)
            size = os.path.getsize(p)
            if fn.endswith((".png", ".jpg", ".jpeg", ".webp")) and size > MAX_PICTURE:
                bad(where, f"{fn}: {size // 1024} KB > 150 KB")
            if fn.endswith((".mp4", ".webm")):
                if size > MAX_VIDEO:
                    bad(where, f"{fn}: {size // 1024} KB > 2 MB")
                dur = ffprobe_duration(p)
                if dur > MAX_SECONDS:
                    bad(where, f"{fn}: {dur:.1f} s > 2 min")
                vtt = os.path.join(d, fn.rsplit(".", 1)[0] + ".vi.vtt")
                if os.path.exists(vtt):
                    lines = open(vtt, encoding="utf-8").read().split("\n")
                    if lines[0] != "WEBVTT":
                        bad(where, f"{os.path.basename(vtt)}: does not start with WEBVTT")
                    last = 0.0
                    for ln in lines:
                        cm = CUE.match(ln)
                        if cm:
                            s, e = seconds(cm.groups()[:4]), seconds(cm.groups()[4:])
                            if s < last - 1e-6 or e <= s or e > dur + 0.01:
                                bad(where, f"{os.path.basename(vtt)}: cue {ln} out of order or range")
                            last = e
            if fn not in refs and fn != "index.md" and fn != "quiz.yml" and not fn.endswith(".vtt"):
                warn.append(f"{where}: {fn} is not used by index.md")
    for w in warn:
        log("warning: " + w)
    for p in problems:
        log("PROBLEM: " + p)
    log(f"checked {len(slugs or all_lessons)} lessons: {len(problems)} problems, {len(warn)} warnings")
    return 1 if problems else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="check content/lessons instead of building")
    ap.add_argument("slugs", nargs="*")
    a = ap.parse_args()
    if a.check:
        sys.exit(check(a.slugs))
    slugs = a.slugs or lesson_slugs()
    for s in slugs:
        if not re.fullmatch(r"[a-z0-9-]{2,80}", s):
            fail(f"not a lesson slug: {s}")
        build_lesson(s)


if __name__ == "__main__":
    main()
