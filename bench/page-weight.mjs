// Bytes a lesson page transfers in Chromium on a first visit (empty cache) and a repeat visit (same
// browser profile, the page opened again), counting what the network sends compressed: HTML, CSS, JS,
// fonts and other documents; pictures and video excluded (they load lazily and vary by screen).
import { chromium } from 'playwright-core';

const url = process.argv[2];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
const types = new Map();
let bytes = 0, requests = 0, byType = {};
cdp.on('Network.responseReceived', e => types.set(e.requestId, e.type));
cdp.on('Network.loadingFinished', e => {
  const type = types.get(e.requestId) || 'Other';
  if (type === 'Image' || type === 'Media') return;
  bytes += e.encodedDataLength; requests++;
  byType[type] = (byType[type] || 0) + e.encodedDataLength;
});
await page.goto(url, { waitUntil: 'networkidle' });
const first = bytes, firstRequests = requests, firstByType = byType;
bytes = 0; requests = 0; byType = {};
await page.goto('about:blank');
await page.goto(url, { waitUntil: 'networkidle' });
console.log(JSON.stringify({ url, first, firstRequests, repeat: bytes, repeatRequests: requests, byType: firstByType }));
await browser.close();
