// The staff side of the busy day (bench/run-city.sh): live class grids and open editors, each a Blazor circuit held
// by Debian's Chromium, for as long as the day lasts; and a probe of each grid's refresh: a member of the class
// finishes an assigned lesson (the same origin-checked post the lesson page makes), and the time until her row in
// the trainer's grid shows one more ✓ is recorded.
// Usage: node circuits.mjs BASE PROBES EDITOR_COOKIE EDITOR_SLUGS SECONDS OUT_JSON READY_FILE
//   PROBES: lines "CLASS_ID<TAB>TRAINER_COOKIE<TAB>MEMBER_ID<TAB>MEMBER_COOKIE<TAB>SLUG SLUG …" (one per live class)
//   EDITOR_SLUGS: lesson slugs to open in the studio, one a line (one editor each)
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const [base, probesFile, editorCookie, editorSlugsFile, secondsText, outFile, readyFile] = process.argv.slice(2);
const seconds = Number(secondsText);
const probes = readFileSync(probesFile, 'utf8').trim().split('\n').filter(Boolean).map(l => {
  const [classId, trainerCookie, memberId, memberCookie, slugs] = l.split('\t');
  return { classId, trainerCookie, memberId, memberCookie, slugs: slugs.split(' ') };
});
const editorSlugs = readFileSync(editorSlugsFile, 'utf8').trim().split('\n').filter(Boolean);
const cookies = text => text.split('; ').map(kv => { const i = kv.indexOf('='); return { name: kv.slice(0, i), value: kv.slice(i + 1), url: base }; });

const browser = await chromium.launch({
  executablePath: process.env.HH_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
});
const result = { grids: 0, editors: 0, refresh: [], lost: [], opened: {} };
const started = Date.now();

const grids = [];
for (const p of probes) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  await context.addCookies(cookies(p.trainerCookie));
  const page = await context.newPage();
  await page.goto(`${base}/lop-hoc/${p.classId}`, { waitUntil: 'networkidle', timeout: 120000 });
  await page.getByRole('tab', { name: 'Tiến độ' }).click();
  await page.locator('table.grid').waitFor({ timeout: 120000 });
  // A probe needs a member signed in for the day and an assigned lesson she has not opened ("-": none).
  if (p.memberCookie === '-' || p.slugs[0] === '-') p.slugs = [];
  grids.push({ p, page, next: 0 });
}
result.opened.grids = (Date.now() - started) / 1000;
result.grids = grids.length;

const editorContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
await editorContext.addCookies(cookies(editorCookie));
const editors = [];
for (const slug of editorSlugs) {
  const page = await editorContext.newPage();
  await page.goto(`${base}/soan-bai/${slug}`, { waitUntil: 'networkidle', timeout: 120000 });
  const body = page.getByLabel('Nội dung').first(); // the first card's text
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Thêm một câu.');
  editors.push(page);
}
result.editors = editors.length;
result.opened.all = (Date.now() - started) / 1000;
writeFileSync(readyFile, 'ready\n');

const done = row => row.locator('td').evaluateAll(cells => cells.filter(c => c.textContent.includes('✓')).length);
// One probe every 20 s, the grids in turn, while the day lasts.
const end = Date.now() + seconds * 1000;
let turn = 0;
while (Date.now() < end) {
  const probing = grids.filter(x => x.next < x.p.slugs.length);
  if (probing.length === 0) { await new Promise(r => setTimeout(r, 5000)); continue; }
  const g = probing[turn++ % probing.length];
  if (g.next < g.p.slugs.length) {
    const slug = g.p.slugs[g.next++];
    const row = g.page.locator(`tr[data-user="${g.p.memberId}"]`);
    try {
      const before = await done(row);
      const t0 = Date.now();
      const res = await fetch(`${base}/tien-do/${slug}/hoan-thanh`, {
        method: 'POST', redirect: 'manual',
        headers: { Cookie: g.p.memberCookie, Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' }, body: '',
      });
      if (res.status !== 302) throw new Error(`completion answered ${res.status}`);
      let after = before;
      while (after <= before && Date.now() - t0 < 30000) {
        await g.page.waitForTimeout(50);
        after = await done(row);
      }
      result.refresh.push(after > before ? (Date.now() - t0) / 1000 : null);
    } catch (e) {
      result.lost.push(`class ${g.p.classId}: ${e.message.split('\n')[0]}`);
    }
  }
  await new Promise(r => setTimeout(r, 20000 / Math.max(1, Math.min(grids.length, 4))));
}
// Still live at the end? A circuit that was dropped shows Blazor's reconnect dialog.
for (const page of [...grids.map(g => g.page), ...editors]) {
  const lost = await page.locator('#components-reconnect-modal').isVisible().catch(() => true);
  if (lost) result.lost.push(`circuit lost: ${page.url()}`);
}
writeFileSync(outFile, JSON.stringify(result));
await browser.close();
