// The page's worker pool, with more workers than this machine would choose (?workers=3):
// a batch is spread over the workers, a worker that traps mid-batch is replaced without
// losing the files it held, and cancel terminates every worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST, SHARED, serveStatic, launch } from './helpers.mjs';

const TIMEOUT = 120_000;
let server, browser, page;
let seeds;

const batch = (prefix, n) => Array.from({ length: n }, (_, i) => ({
  name: `${prefix}-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.concat([seeds[i % seeds.length], Buffer.from(`\n${i}\n`)]),
}));
const states = (prefix) => page.evaluate((p) => window.__zhibiao.docs.filter((d) => d.name.startsWith(p)).map((d) => d.status), prefix);
const settled = (prefix, n) => page.waitForFunction(([p, k]) => {
  const ds = window.__zhibiao.docs.filter((d) => d.name.startsWith(p));
  return ds.length === k && ds.every((d) => d.status === 'done' || d.status === 'error' || d.status === 'cancelled');
}, [prefix, n], { timeout: TIMEOUT });

before(async () => {
  const dir = path.join(SHARED, 'seeds');
  seeds = await Promise.all(['000_44acea1b7899c60f.txt', '001_55b3252727bf6889.txt', '002_ccece93cdd1aa1d0.txt']
    .map((n) => readFile(path.join(dir, n))));
  server = await serveStatic(DIST, '/pool/');
  browser = await launch();
  page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}?workers=3`);
  await page.waitForFunction(() => window.__zhibiao?.pool.readyCount === 3, null, { timeout: TIMEOUT });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a batch goes over three workers; a trap mid-batch loses no file', { timeout: TIMEOUT }, async () => {
  assert.equal(await page.evaluate(() => window.__zhibiao.pool.size), 3);
  // boot.js's early worker is adopted by the pool, not doubled: three workers, three loads
  const workerLoads = server.requests.filter((u) => new URL(u, 'http://x').pathname.endsWith('/worker.js')).length;
  assert.equal(workerLoads, 3);
  const restarts = await page.evaluate(() => window.__zhibiao.pool.restarts);
  await page.setInputFiles('#files', batch('a', 30));
  await page.waitForFunction(() => window.__zhibiao.docs.some((d) => d.status === 'done'));
  const fatal = await page.evaluate(() => window.__zhibiao.pool.call('panic').then(() => false, (e) => e.fatal));
  assert.equal(fatal, true);
  await settled('a-', 30);
  assert.deepEqual([...new Set(await states('a-'))], ['done']);
  assert.equal(await page.evaluate(() => window.__zhibiao.pool.restarts), restarts + 1);
  await page.waitForFunction(() => window.__zhibiao.pool.readyCount === 3, null, { timeout: TIMEOUT });
  console.log(`# files re-run after the trap: ${await page.evaluate(() => window.__zhibiao.pool.retries)}`);
  // the cards show every result
  assert.equal(await page.locator('.file-card[data-status="done"]').count(), 30);
});

test('cancel terminates every worker; fresh ones take the next file', { timeout: TIMEOUT }, async () => {
  const restarts = await page.evaluate(() => window.__zhibiao.pool.restarts);
  await page.setInputFiles('#files', batch('b', 200));
  await page.waitForFunction(() => window.__zhibiao.docs.filter((d) => d.name.startsWith('b-') && d.status === 'done').length >= 3);
  await page.locator('#cancel').click();
  await settled('b-', 200);
  const st = await states('b-');
  assert.ok(st.includes('cancelled'), 'some files were cancelled');
  assert.ok(st.every((s) => s === 'done' || s === 'cancelled'), st.join());
  assert.equal(await page.evaluate(() => window.__zhibiao.pool.restarts), restarts + 1);
  assert.equal(await page.locator('#cancel').isDisabled(), true);
  await page.setInputFiles('#files', batch('c', 4));
  await settled('c-', 4);
  assert.deepEqual([...new Set(await states('c-'))], ['done']);
  await page.waitForFunction(() => window.__zhibiao.pool.readyCount === 3, null, { timeout: TIMEOUT });
});
