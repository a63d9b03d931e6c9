// "Nghe bài" and the light video of the lesson page (docs/architecture.md §10). Progressive: without this script each
// part has its own <audio controls>, and the video plays its 360p source.
(() => {
  'use strict';
  const article = document.querySelector('article.lesson');
  if (!article) return;
  const store = (key, value) => { try { if (value === undefined) return localStorage.getItem(key); localStorage.setItem(key, value); } catch (e) { return null; } return null; };

  // The light video: on when the reader chose it, else when the browser says Save-Data or a slow connection.
  const light = article.querySelector('[data-light-video]');
  const video = article.querySelector('.lesson__video video');
  const toggle = light && light.querySelector('[data-save-data]');
  if (video && toggle && light.dataset.lightSrc && light.dataset.normalSrc) {
    const conn = navigator.connection;
    const slow = !!conn && (conn.saveData === true || /^(slow-2g|2g|3g)$/.test(conn.effectiveType || ''));
    const set = (on, remember) => {
      toggle.setAttribute('aria-checked', on ? 'true' : 'false');
      const src = on ? light.dataset.lightSrc : light.dataset.normalSrc;
      if (remember) store('hh.savedata', on ? '1' : '0');
      if (video.getAttribute('src') === src) return;
      const at = video.currentTime, playing = !video.paused;
      video.setAttribute('src', src); // the captions <track> stays: it is the same for every version
      video.load();
      if (at > 0) video.addEventListener('loadedmetadata', () => { video.currentTime = at; if (playing) video.play().catch(() => {}); }, { once: true });
    };
    const chosen = store('hh.savedata');
    toggle.hidden = false;
    set(chosen === null ? slow : chosen === '1', false);
    toggle.addEventListener('click', () => set(toggle.getAttribute('aria-checked') !== 'true', true));
  }

  // Read aloud: the phone's Vietnamese voice when it has one, else the server's files, part after part.
  const panel = article.querySelector('[data-read-aloud]');
  if (!panel) return;
  const parts = [...article.querySelectorAll('[data-part]')];
  const fileOf = (part) => part.querySelector(':scope > audio.read-audio');
  const hasFiles = parts.some(fileOf);
  const synth = window.speechSynthesis;
  const listen = panel.querySelector('[data-listen]');
  const stop = panel.querySelector('[data-stop]');
  const again = panel.querySelector('[data-again]');
  const speeds = [...panel.querySelectorAll('[data-speed]')];
  const player = new Audio();
  let voice = null, rate = parseFloat(store('hh.readspeed')) || 1, current = -1, running = false, turn = 0;

  const show = () => {
    panel.hidden = !(voice || hasFiles);
    article.classList.toggle('read-aloud-on', !panel.hidden);
  };
  const pickVoice = () => {
    voice = (synth && synth.getVoices().find((v) => /^vi([-_]|$)/i.test(v.lang))) || null;
    show();
  };
  const buttons = () => {
    stop.hidden = !running;
    again.hidden = current < 0;
  };
  const mark = (i) => {
    parts.forEach((p, j) => p.classList.toggle('is-reading', j === i));
    if (i >= 0) parts[i].scrollIntoView({ block: 'nearest' });
  };
  const finish = () => {
    running = false; turn++;
    if (synth) synth.cancel();
    player.pause();
    mark(-1); buttons();
  };
  const play = (i) => {
    if (i >= parts.length) { current = -1; finish(); return; }
    const mine = ++turn;
    running = true; current = i; mark(i); buttons();
    const next = () => { if (running && turn === mine) play(i + 1); };
    const part = parts[i];
    if (voice) {
      synth.cancel();
      const say = new SpeechSynthesisUtterance(part.dataset.say || part.textContent);
      say.voice = voice; say.lang = voice.lang; say.rate = rate;
      say.onend = next;
      synth.speak(say);
      return;
    }
    const file = fileOf(part);
    if (!file) { next(); return; }
    player.src = file.getAttribute('src');
    player.playbackRate = rate;
    player.onended = next;
    player.play().catch(finish);
  };
  const setRate = (value) => {
    rate = value; store('hh.readspeed', String(value));
    speeds.forEach((b) => b.setAttribute('aria-pressed', parseFloat(b.dataset.speed) === value ? 'true' : 'false'));
    if (!voice) player.playbackRate = value;
    else if (running) play(current); // a voice takes its speed when it starts a sentence
  };

  listen.addEventListener('click', () => play(0));
  stop.addEventListener('click', finish);
  again.addEventListener('click', () => play(Math.max(current, 0)));
  speeds.forEach((b) => b.addEventListener('click', () => setRate(parseFloat(b.dataset.speed))));
  setRate([0.75, 1, 1.25].includes(rate) ? rate : 1);
  if (synth) { synth.addEventListener('voiceschanged', pickVoice); pickVoice(); } else show();
  window.addEventListener('pagehide', finish);
})();
