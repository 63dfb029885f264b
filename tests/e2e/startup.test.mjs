// The page's start (issue 12): a file dropped while the analyzer is still loading waits for
// it and gets the native report; and `make serve` (scripts/serve.py) sends headers that let
// the browser keep the page and the wasm and revalidate them, so a second visit does not
// download the module again.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST, ROOT, SHARED, serveStatic, nativeReport, comparable, launch } from './helpers.mjs';

const TIMEOUT = 120_000;
const cleanup = [];
after(async () => { for (const f of cleanup.reverse()) await f(); });

/** `dist/` served with `serveOptions`, a fresh browser and a page in it that records its errors. */
async function openServed(serveOptions) {
  const server = await serveStatic(DIST, '/', serveOptions);
  cleanup.push(() => server.close());
  const browser = await launch();
  cleanup.push(() => browser.close());
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { server, page, errors };
}

test('a file dropped while the module loads waits for it and gets the native report', { timeout: TIMEOUT }, async () => {
  // the wasm's response waits until the page has taken the file, so the worker has it
  // before the module can be instantiated, whatever the machine's speed
  let release;
  const released = new Promise((r) => { release = r; });
  const { server, page, errors } = await openServed({ hold: (rel) => (rel.endsWith('.wasm') ? released : null) });

  const file = path.join(SHARED, 'seeds', '002_ccece93cdd1aa1d0.txt');
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__zhibiao);
  // a real drop: a DataTransfer holding the File, as the browser gives a user's drop
  const bytes = [...await readFile(file)];
  await page.evaluate((b) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], 'dropped-early.txt', { type: 'text/plain' }));
    document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes);
  await page.waitForFunction(() => window.__zhibiao.docs.some((d) => d.name === 'dropped-early.txt' && d.status === 'running'));
  assert.equal(await page.evaluate(() => window.__zhibiao.workerInfo), null, 'the module is not up yet');
  release();

  await page.waitForFunction(() => window.__zhibiao.docs[0]?.doneAt != null, null, { timeout: TIMEOUT });
  const info = await page.waitForFunction(() => window.__zhibiao.workerInfo, null, { timeout: TIMEOUT }).then((h) => h.jsonValue());
  assert.ok(info.readyAt >= info.startedAt && info.firstAnalyzeMs > 0);
  const [d] = await page.evaluate(() => window.__zhibiao.docs.map((x) => ({ status: x.status, report: x.report })));
  assert.equal(d.status, 'done');
  // the figures: the keywords follow in a second message, compared by the page tests
  const { keywords: _k1, ...got } = comparable(d.report);
  const { keywords: _k2, ...want } = comparable(nativeReport(file));
  assert.deepEqual(got, want);
  assert.deepEqual(errors, []);
});

// The first worker compiles the wasm and every other worker of the pool instantiates that
// compile; on a host that serves .wasm under another type the compile fails, and each worker
// fetches the module itself (wasm-bindgen's fallback), so the page still works.
for (const { wasmType, fetches } of [
  { wasmType: undefined, fetches: (n) => n === 1 },
  { wasmType: 'application/octet-stream', fetches: (n) => n >= 3 },
]) {
  test(`three workers, .wasm served as ${wasmType ?? 'application/wasm'}: the module is fetched ${wasmType ? 'by every worker' : 'once'}`, { timeout: TIMEOUT }, async () => {
    const { server, page, errors } = await openServed({ type: (rel) => (rel.endsWith('.wasm') ? wasmType : undefined) });
    await page.goto(`${server.url}?workers=3`);
    await page.waitForFunction(() => window.__zhibiao?.pool.readyCount === 3, null, { timeout: TIMEOUT });
    const file = path.join(SHARED, 'seeds', '002_ccece93cdd1aa1d0.txt');
    await page.setInputFiles('#files', file);
    await page.waitForFunction(() => window.__zhibiao.docs[0]?.doneAt != null, null, { timeout: TIMEOUT });
    const { keywords: _k1, ...got } = comparable(await page.evaluate(() => window.__zhibiao.docs[0].report));
    const { keywords: _k2, ...want } = comparable(nativeReport(file));
    assert.deepEqual(got, want);
    const n = server.requests.filter((u) => u.includes('zhibiao_bg.wasm')).length;
    assert.ok(fetches(n), `${n} fetches of the wasm`);
    assert.deepEqual(errors, []);
  });
}

/** scripts/serve.py on a free port; resolves with its URL and a log of "METHOD path status" lines. */
async function servePy() {
  const child = spawn('python3', [path.join(ROOT, 'scripts/serve.py'), '0', DIST], { stdio: ['ignore', 'pipe', 'pipe'] });
  cleanup.push(async () => { child.kill(); });
  const log = [];
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (s) => {
    err += s;
    for (;;) {
      const i = err.indexOf('\n');
      if (i < 0) break;
      const m = /"(\w+) (\S+) HTTP\/[\d.]+" (\d{3})/.exec(err.slice(0, i));
      if (m) log.push(`${m[1]} ${m[2]} ${m[3]}`);
      err = err.slice(i + 1);
    }
  });
  const url = await new Promise((resolve, reject) => {
    child.on('exit', (c) => reject(new Error(`serve.py exited (${c})`)));
    child.stdout.setEncoding('utf8').on('data', (s) => { const m = /http:\/\/\S+/.exec(s); if (m) resolve(m[0]); });
  });
  return { url, log };
}

test('make serve: no-cache with Last-Modified (revalidated, not downloaded again), wasm as application/wasm', { timeout: TIMEOUT }, async () => {
  const { url, log } = await servePy();
  const wasmUrl = new URL('pkg/zhibiao_bg.wasm', url);
  const expect = { '': /^text\/html/, 'worker.js': /^text\/javascript/, 'pkg/zhibiao.js': /^text\/javascript/, 'pkg/zhibiao_bg.wasm': /^application\/wasm$/, 'style.css': /^text\/css/ };
  for (const [rel, type] of Object.entries(expect)) {
    const r = await fetch(new URL(rel, url));
    assert.equal(r.status, 200, rel);
    await r.arrayBuffer();
    assert.match(r.headers.get('content-type'), type, rel);
    // kept by the browser but revalidated on every use: the names are fixed, so never immutable,
    // and never no-store (which would turn off Chromium's cache of the compiled wasm)
    assert.equal(r.headers.get('cache-control'), 'no-cache', rel);
    assert.ok(r.headers.get('last-modified'), `${rel}: a validator`);
  }
  const first = await fetch(wasmUrl);
  await first.arrayBuffer();
  const again = await fetch(wasmUrl, { headers: { 'if-modified-since': first.headers.get('last-modified') } });
  assert.equal(again.status, 304);

  // a browser with a profile of its own: the second visit takes the module from its cache
  const context = await launch({ persistent: true });
  cleanup.push(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  const visit = async () => {
    await page.goto(url);
    return page.waitForFunction(() => window.__zhibiao?.workerInfo, null, { timeout: TIMEOUT }).then((h) => h.jsonValue());
  };
  // a visit's requests may go on after its first worker is ready: wait until the server has
  // seen no request for a while, so that no fetch of one visit counts for the next
  const settled = async () => {
    for (let n = log.length, quiet = 0; quiet < 10; quiet++) {
      await new Promise((r) => setTimeout(r, 100));
      if (log.length !== n) (n = log.length), (quiet = 0);
    }
  };
  const mark = log.length;
  const one = await visit();
  await settled();
  const onFirst = log.slice(mark).filter((l) => l.includes('zhibiao_bg.wasm'));
  assert.ok(onFirst.includes('GET /pkg/zhibiao_bg.wasm 200'), `first visit downloads the module: ${onFirst}`);
  const mark2 = log.length;
  const two = await visit();
  await settled();
  const onSecond = log.slice(mark2).filter((l) => l.includes('zhibiao_bg.wasm'));
  assert.ok(onSecond.length > 0 && onSecond.every((l) => l.endsWith(' 304')), `second visit only revalidates the module: ${onSecond}`);
  console.log(`# wasm init: first visit ${one.initMs.toFixed(0)} ms, second visit (from the HTTP cache) ${two.initMs.toFixed(0)} ms`);
});
