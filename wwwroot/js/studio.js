// The authoring studio's editor, browser side (issue 13). The server (a Blazor circuit) owns the lesson; this module
// makes sure no typing is lost on the way there:
// - every change of the body, title, summary or tags is written at once to localStorage (the "stash"), with the
//   server version it is based on and the editor session, so a dropped connection, a reload, a sleeping laptop or
//   a server restart loses nothing typed in this browser;
// - the body goes to the server after a short pause (the textarea is not bound: a round trip per key would be
//   heavy on slow links and would fight the cursor), and again whenever a send failed, and when the tab is hidden;
// - toolbar snippets go in at the cursor, checks jump to a line, files are streamed to the upload endpoints
//   with the page's antiforgery token, and the preview keeps its scroll position while it is re-rendered.
const PREFIX = 'hh-studio:';
const SEND_AFTER_MS = 600;
const RETRY_MS = 2000;
const TEXT_FIELDS = { 'studio-title': 'title', 'studio-summary': 'summary', 'studio-tags': 'tags' };

let editor = null;

function read(key) {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function write() {
  if (!editor || !editor.stash) return;
  const c = editor.stash.content;
  c.body = editor.body.value;
  for (const [id, field] of Object.entries(TEXT_FIELDS)) {
    const input = document.getElementById(id);
    if (input) c[field] = input.value;
  }
  editor.stash.at = Date.now();
  try {
    localStorage.setItem(PREFIX + editor.key, JSON.stringify(editor.stash));
  } catch {
    // Storage full or disabled: the server copy, saved every few seconds, is all there is.
  }
}

async function sendBody() {
  clearTimeout(editor.timer);
  editor.timer = 0;
  const text = editor.body.value;
  try {
    await editor.dotnet.invokeMethodAsync('OnBodyChanged', text);
    editor.unsent = editor.body.value !== text;
  } catch {
    editor.unsent = true; // the circuit is down; tried again below and on the next change
  }
}

/**
 * What she typed reaches the server before whatever she taps next: the body is otherwise sent 600 ms after the last
 * key, and "Gửi duyệt" tapped at once would send the lesson without it. Called as the text box loses focus and as any
 * button is pressed; the interop call goes out ahead of the tap's event on the same circuit.
 */
function flushBody() {
  if (editor && editor.unsent) sendBody();
}

function onBodyInput() {
  write();
  editor.unsent = true;
  clearTimeout(editor.timer);
  editor.timer = setTimeout(sendBody, SEND_AFTER_MS);
}

function onFieldInput(e) {
  if (!e.target) return;
  if (TEXT_FIELDS[e.target.id]) write();
  // A card's text box (the cards view): kept by its place until the server has written it into the body.
  const card = e.target.dataset && e.target.dataset.card;
  if (card && editor.stash) {
    editor.stash.cards = editor.stash.cards || {};
    editor.stash.cards[card] = e.target.value;
    write();
  }
}

async function onHidden() {
  if (!editor || document.visibilityState !== 'hidden') return;
  write();
  if (editor.unsent) await sendBody();
  try {
    await editor.dotnet.invokeMethodAsync('FlushAsync');
  } catch {
    // Offline: the stash has it.
  }
}

function onPageHide() {
  write();
}

/** Starts the editor. Returns what the browser kept from before (JSON) for the server to decide on, or null. */
export function attach(root, dotnet, key, token) {
  detach();
  const body = root.querySelector('#studio-body');
  editor = { root, dotnet, key, token, body, stash: null, timer: 0, unsent: false };
  body.addEventListener('input', onBodyInput);
  body.addEventListener('blur', flushBody);
  document.addEventListener('pointerdown', flushBody, true);
  root.addEventListener('input', onFieldInput, true);
  body.addEventListener('paste', onPaste);
  body.addEventListener('dragover', onDragOver);
  body.addEventListener('drop', onDrop);
  root.addEventListener('change', onFileChosen, true);
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', onPageHide);
  editor.retry = setInterval(() => { if (editor && editor.unsent && !editor.timer) sendBody(); }, RETRY_MS);
  keepPreviewScroll(root);
  const kept = read(key);
  return kept ? JSON.stringify(kept) : null;
}

export function detach() {
  if (!editor) return;
  write();
  clearTimeout(editor.timer);
  clearInterval(editor.retry);
  editor.body.removeEventListener('input', onBodyInput);
  editor.body.removeEventListener('blur', flushBody);
  document.removeEventListener('pointerdown', flushBody, true);
  editor.root.removeEventListener('input', onFieldInput, true);
  editor.body.removeEventListener('paste', onPaste);
  editor.body.removeEventListener('dragover', onDragOver);
  editor.body.removeEventListener('drop', onDrop);
  editor.root.removeEventListener('change', onFileChosen, true);
  document.removeEventListener('visibilitychange', onHidden);
  window.removeEventListener('pagehide', onPageHide);
  editor = null;
}

/** The server's copy of the content (JSON) and the version it is based on: kept, with the live text of the page on top. */
export function stash(contentJson, basedOn, session) {
  if (!editor) return;
  editor.stash = { basedOn, session, content: JSON.parse(contentJson), at: Date.now() };
  write();
}

/** The server stored a version: the browser's text now descends from it. */
export function saved(basedOn) {
  if (!editor || !editor.stash) return;
  editor.stash.basedOn = basedOn;
  write();
}

/** A new lesson got its address: its stash moves with it. */
export function rename(key) {
  if (!editor) return;
  try { localStorage.removeItem(PREFIX + editor.key); } catch { /* nothing kept */ }
  editor.key = key;
  write();
}

export function forget(key) {
  try { localStorage.removeItem(PREFIX + key); } catch { /* nothing kept */ }
}

/** Replaces the whole body (a restored copy, the version chosen after a conflict). */
export function setBody(text) {
  editor.body.value = text;
  onBodyInput();
}

/**
 * The cards wrote the body again: the hidden text box and the browser's copy take it. When cards were added, removed or
 * moved, what was kept by place no longer fits and is dropped (the body now holds it).
 */
export function replaceBody(text, structural) {
  if (!editor) return;
  editor.body.value = text;
  if (editor.stash && structural) editor.stash.cards = {};
  write();
}

/** The text box as it is now (typing of the last 600 ms included). */
export function currentBody() {
  return editor ? editor.body.value : '';
}

/** Inserts text at the cursor; a block gets the blank lines Markdown needs around it. */
export function insert(text, block) {
  const b = editor.body;
  const start = b.selectionStart;
  const end = b.selectionEnd;
  let snippet = text;
  if (block) {
    const before = b.value.slice(0, start);
    const after = b.value.slice(end);
    const lead = before.length === 0 || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
    const trail = after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
    snippet = lead + text + trail;
  }
  b.focus();
  b.setRangeText(snippet, start, end, 'end');
  if (block) b.selectionStart = b.selectionEnd = start + snippet.length - (snippet.endsWith('\n\n') ? 2 : snippet.endsWith('\n') ? 1 : 0);
  onBodyInput();
}

/** Puts the cursor at the start of a line (1-based) and scrolls it into view. */
export function jumpToLine(line) {
  const b = editor.body;
  const lines = b.value.split('\n');
  let offset = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i].length + 1;
  const lineHeight = parseFloat(getComputedStyle(b).lineHeight) || 24;
  b.focus();
  b.setSelectionRange(offset, offset + (lines[line - 1] || '').length);
  b.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

export function focus(id) {
  const element = document.getElementById(id);
  if (element) {
    element.scrollIntoView({ block: 'center' });
    element.focus();
  }
}

// Files: picked, dropped or pasted, streamed as the request body (no form, no copy in memory).
function onFileChosen(e) {
  const input = e.target;
  if (!input || input.type !== 'file' || !input.dataset.upload || !input.files || input.files.length === 0) return;
  if (input.dataset.upload === 'step') {
    // Several pictures at once: one per step, in the order chosen, one after the other (the order is the steps').
    const files = pictures(input.files);
    const target = input.dataset.step || '';
    (async () => {
      for (let i = 0; i < files.length; i++) await upload('step', files[i], null, target, i);
    })().finally(() => { input.value = ''; });
    return;
  }
  const file = input.files[0];
  upload(input.dataset.upload, file, input.dataset.path || null).finally(() => { input.value = ''; });
}

function pictures(list) {
  return Array.from(list || []).filter((f) => f.type.startsWith('image/'));
}

function onPaste(e) {
  const files = pictures(e.clipboardData && e.clipboardData.files);
  if (files.length === 0) return;
  e.preventDefault();
  files.forEach((f) => upload('picture', f, null));
}

function onDragOver(e) {
  if (e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files')) e.preventDefault();
}

function onDrop(e) {
  const files = Array.from((e.dataTransfer && e.dataTransfer.files) || []);
  if (files.length === 0) return;
  e.preventDefault();
  for (const f of files) upload(f.type.startsWith('video/') ? 'video' : 'picture', f, null);
}

async function upload(kind, file, path, target, index) {
  if (!editor) return;
  const dotnet = editor.dotnet;
  const url = await dotnet.invokeMethodAsync('UploadUrl', kind === 'step' ? 'picture' : kind, path);
  if (!url) return;
  await dotnet.invokeMethodAsync('OnUploadStarted', kind, file.name, file.size);
  const result = await new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let last = 0;
    xhr.open('POST', url);
    xhr.setRequestHeader('RequestVerificationToken', editor.token);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (p) => {
      const now = Date.now();
      if (p.lengthComputable && now - last > 500) {
        last = now;
        dotnet.invokeMethodAsync('OnUploadProgress', Math.floor((100 * p.loaded) / p.total)).catch(() => {});
      }
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => resolve({ status: 0, text: '' });
    xhr.send(file);
  });
  try {
    if (kind === 'step') await dotnet.invokeMethodAsync('OnStepPictureUploaded', target, index, result.status, result.text);
    else await dotnet.invokeMethodAsync('OnUploaded', kind, result.status, result.text);
  } catch (e) {
    console.error('studio: the editor could not take the uploaded file', e);
  }
}

// The preview is an iframe whose document is replaced at every change: keep the reader where she was.
export function keepPreviewScroll(root) {
  const frame = root.querySelector('iframe.studio-preview__frame');
  if (!frame || frame.dataset.kept) return;
  frame.dataset.kept = '1';
  let y = 0;
  frame.addEventListener('load', () => {
    const win = frame.contentWindow;
    if (!win) return;
    win.scrollTo(0, y);
    win.addEventListener('scroll', () => { y = win.scrollY; }, { passive: true });
  });
}
