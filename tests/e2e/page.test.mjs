// The page end to end: dist/ served on 127.0.0.1 under a sub-path, driven in Debian's
// Chromium by playwright-core. Compares every shared article's report with the native CLI's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, mkdir, mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, ROOT, serveStatic, sharedArticles, nativeReport, comparable, launch, parseCsv } from './helpers.mjs';

const TIMEOUT = 240_000;
let server, browser, context, page;
const requests = [];
const dialogs = [];
const consoleErrors = [];

// A report made by hand: non-BMP characters before the figures, a Traditional original,
// markup in the text that must stay text, and an indicator that looks like a formula.
const T_SIMP = '𠀀😀全市地区生产总值729.91亿元,增长5.1%。\n城镇新增就业24.8万人。\n<img src=x onerror=alert(1)><script>alert(2)</script>常住人口38.3万人。';
const T_TRAD = '𠀀😀全市地區生產總值729.91億元,增長5.1%。\n城鎮新增就業24.8萬人。\n<img src=x onerror=alert(1)><script>alert(2)</script>常住人口38.3萬人。';
function charSpan(text, raw) {
  const units = text.indexOf(raw);
  const start = Array.from(text.slice(0, units)).length;
  return [start, start + Array.from(raw).length];
}
const metric = (o) => ({ approx: null, value_max: null, change: null, period: null, region: '石家庄市', ...o });
const FIXTURE = {
  source: { name: 'fixture.txt', bytes: 321, encoding: 'Big5', format: 'text' },
  document: { title: '固定样例：石家庄市经济运行', date: '2022-08-11', publisher: '测试', author: null, region: '石家庄市', script: 'traditional' },
  text: T_SIMP,
  original_text: T_TRAD,
  metrics: [
    metric({ indicator: '地区生产总值', value: 72991000000, unit: '元', raw: '729.91亿元', category: 'economy',
      change: { direction: 'up', value: 5.1, unit: '%', raw: '增长5.1%' }, period: { text: '今年上半年', start: '2022-01-01', end: '2022-06-30' },
      sentence: '全市地區生產總值729.91億元,增長5.1%。', span: charSpan(T_SIMP, '729.91亿元') }),
    metric({ indicator: '城镇新增就业', value: 248000, unit: '人', raw: '24.8万人', category: 'employment',
      sentence: '城鎮新增就業24.8萬人。', span: charSpan(T_SIMP, '24.8万人') }),
    metric({ indicator: '=常住人口', value: 383000, unit: '人', raw: '38.3万人', category: 'other',
      sentence: '常住人口38.3萬人。', span: charSpan(T_SIMP, '38.3万人') }),
  ],
  keywords: [{ word: '生产总值', weight: 1 }],
  warnings: ['测试警告'],
};

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000'
  + '1f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');

async function waitIdle() {
  // done with the keywords too: they follow the figures
  await page.waitForFunction(() => window.__zhibiao.docs.length > 0
    && window.__zhibiao.docs.every((d) => (d.status === 'done' && !d.keywordsPending) || d.status === 'error' || d.status === 'cancelled'), null, { timeout: TIMEOUT });
}
const docsState = () => page.evaluate(() => window.__zhibiao.docs.map((d) => ({ id: d.id, name: d.name, status: d.status, error: d.error, report: d.report, ms: d.ms })));
const selectDoc = (name) => page.evaluate((n) => window.__zhibiao.select(window.__zhibiao.docs.find((d) => d.name === n).id), name);

before(async () => {
  server = await serveStatic(DIST, '/some/sub/path/');
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(server.url);
  const info = await page.waitForFunction(() => window.__zhibiao?.workerInfo, null, { timeout: 60_000 }).then((h) => h.jsonValue());
  console.log(`# worker ready: wasm init ${info.initMs.toFixed(0)} ms, first analyze (the warm-up sample, no dictionary) ${info.firstAnalyzeMs.toFixed(0)} ms`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('every shared article and bad input: the page gives the native report; bad files get error cards', { timeout: TIMEOUT }, async () => {
  const files = await sharedArticles();
  assert.ok(files.length >= 5, 'the shared seeds are beside the repository');
  // the PNG's verdict comes from the native CLI on the same bytes (binary detection is the core's)
  const tmp = await mkdtemp(path.join(tmpdir(), 'zhibiao-e2e-'));
  const pngPath = path.join(tmp, 'picture.png');
  await writeFile(pngPath, PNG);
  const extra = [
    { name: 'picture.png', mimeType: 'image/png', buffer: PNG, want: nativeReport(pngPath) },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0), want: null },
  ];
  await rm(tmp, { recursive: true, force: true });
  // the bad-input corpus of tests/inputs (issue 5): the same outcome as natively, file by file
  const inputsDir = path.join(ROOT, 'tests/inputs');
  const inputs = (await readdir(inputsDir)).filter((f) => !/\.(md|py)$/.test(f)).sort();
  for (const f of inputs) {
    extra.push({ name: `inputs-${f}`, mimeType: 'application/octet-stream', buffer: await readFile(path.join(inputsDir, f)), want: nativeReport(path.join(inputsDir, f)) });
  }
  const t0 = Date.now();
  // (playwright takes paths or buffers, not both in one call)
  const payloads = await Promise.all(files.map(async (f) => ({ name: path.basename(f), mimeType: 'text/plain', buffer: await readFile(f) })));
  await page.setInputFiles('#files', [...payloads, ...extra.map(({ want, ...f }) => f)]);
  await waitIdle();
  console.log(`# ${payloads.length + extra.length} files analysed in the page in ${Date.now() - t0} ms`);
  const docs = await docsState();
  assert.equal(docs.length, payloads.length + extra.length);
  const expectations = [...files.map((f) => ({ name: path.basename(f), want: nativeReport(f) })), ...extra];
  for (const { name, want } of expectations) {
    const d = docs.find((x) => x.name === name);
    if (want == null) {
      assert.equal(d.status, 'error', `${name}: the CLI refused it, the page did not`);
      const card = page.locator(`.file-card[data-id="${d.id}"][data-status="error"] .card-error`);
      assert.match(await card.textContent(), /\S/, `${name}: error card with a message`);
      continue;
    }
    assert.equal(d.status, 'done', `${name}: ${d.error}`);
    assert.equal(d.report.metrics.length, want.metrics.length, `${name}: metric count`);
    assert.deepEqual(comparable(d.report), comparable(want), `${name}: page and CLI reports differ`);
    const card = page.locator(`.file-card[data-id="${d.id}"]`);
    await assert.doesNotReject(card.getByText(`${want.metrics.length} 项指标`).waitFor({ timeout: 5000 }), `${name}: card shows the count`);
  }
  if (extra[0].want != null) console.log('# note: the core still accepts PNG bytes as text (no binary detection yet)');
  // the others went on: at least every seed succeeded
  assert.ok(docs.filter((d) => d.status === 'done').length >= files.filter((f) => f.includes('/seeds/')).length);
  await selectDoc('empty.txt');
  assert.match(await page.locator('#doc .doc-status.error').textContent(), /无法分析/);
});

test('a real article with metrics: click a row and its evidence flashes', { timeout: TIMEOUT }, async (t) => {
  const docs = (await docsState()).filter((d) => d.status === 'done' && d.report.metrics.length > 0);
  if (!docs.length) { t.skip('the core finds no metrics in the shared articles yet'); return; }
  const d = docs.sort((a, b) => b.report.metrics.length - a.report.metrics.length)[0];
  await selectDoc(d.name);
  // its keywords, which came after its figures, are listed
  await page.waitForFunction(() => document.querySelectorAll('#doc .keywords li:not(.muted)').length > 0, null, { timeout: 5000 });
  const row = page.locator('#doc table.metrics tbody tr').first();
  const i = Number(await row.getAttribute('data-i'));
  await row.click();
  const m = d.report.metrics[i];
  const shown = d.report.original_text ?? d.report.text;
  const [a, b] = d.report.original_text != null ? m.original_span_utf16 : m.span_utf16;
  const mark = page.locator('#doc .text mark.flash');
  await mark.first().waitFor({ timeout: 5000 });
  assert.ok((await mark.first().textContent()).length > 0);
  assert.ok(shown.slice(a, b).length > 0);
});

test('the view: original script, both-way links, sort, filter, untrusted text stays text', { timeout: TIMEOUT }, async () => {
  await page.evaluate((r) => window.__zhibiao.addReport('fixture.txt', r, 3), FIXTURE);
  const doc = page.locator('#doc');
  await doc.locator('table.metrics tbody tr').nth(2).waitFor();
  assert.equal(await doc.locator('.doc-title').textContent(), FIXTURE.document.title);
  assert.match(await doc.locator('.meta').textContent(), /Big5.*繁体/s);
  // readable values
  const values = await doc.locator('td.c-value').allTextContents();
  assert.deepEqual(values, ['729.91 亿元', '24.8 万人', '38.3 万人']);
  assert.equal(await doc.locator('td.c-change').first().textContent(), '↑ 5.1%');
  // highlights sit on the original (Traditional) characters although 𠀀 and 😀 come first
  assert.deepEqual(await doc.locator('.text mark').allTextContents(), ['729.91億元', '24.8萬人', '38.3萬人']);
  // row → evidence
  await doc.locator('tbody tr[data-i="1"]').click();
  await doc.locator('.text mark.flash').waitFor({ timeout: 3000 });
  assert.equal(await doc.locator('.text mark.flash').textContent(), '24.8萬人');
  // evidence → row
  await doc.locator('.text mark', { hasText: '38.3萬人' }).click();
  await page.waitForFunction(() => document.querySelector('#doc tbody tr[aria-current="true"]')?.dataset.i === '2');
  // markup in the article is shown as text, never parsed
  assert.equal(await doc.locator('.text img, .text script').count(), 0);
  assert.match(await doc.locator('.text').textContent(), /<img src=x onerror=alert\(1\)><script>alert\(2\)<\/script>/);
  assert.deepEqual(dialogs, []);
  // sort by value, both ways
  await doc.locator('th[data-col="value"] button').click();
  assert.deepEqual(await doc.locator('td.c-value').allTextContents(), ['24.8 万人', '38.3 万人', '729.91 亿元']);
  assert.equal(await doc.locator('th[data-col="value"]').getAttribute('aria-sort'), 'ascending');
  await doc.locator('th[data-col="value"] button').click();
  assert.deepEqual(await doc.locator('td.c-value').allTextContents(), ['729.91 亿元', '38.3 万人', '24.8 万人']);
  await doc.locator('th[data-col="indicator"] button').click();
  assert.equal(await doc.locator('th[data-col="indicator"]').getAttribute('aria-sort'), 'ascending');
  // filter by category, then by text
  await doc.locator('.f-category').selectOption('employment');
  assert.deepEqual(await doc.locator('td.c-indicator').allTextContents(), ['城镇新增就业']);
  await doc.locator('.f-category').selectOption('');
  await doc.locator('.f-text').fill('人口');
  assert.deepEqual(await doc.locator('td.c-indicator').allTextContents(), ['=常住人口']);
  // copy as table (TSV) for spreadsheets
  await doc.locator('.copy-table').click();
  await page.waitForFunction(() => /已复制/.test(document.querySelector('#progress-text').textContent));
  const tsv = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(tsv.trim().split('\n').length, 2);
  assert.match(tsv, /^#\t指标\t数值/);
  await doc.locator('.f-text').fill('');
});

test('settings are remembered and can be reset', { timeout: TIMEOUT }, async () => {
  await page.locator('#theme').selectOption('dark');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('zhibiao.settings.v1')));
  assert.equal(stored.theme, 'dark');
  assert.equal(stored.sort.col, 'indicator');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.locator('#reset-settings').click();
  assert.equal(await page.evaluate(() => localStorage.getItem('zhibiao.settings.v1')), null);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? 'auto'), 'auto');
  assert.equal(await page.locator('#theme').inputValue(), 'auto');
  assert.equal(await page.locator('#doc th[data-col="pos"]').getAttribute('aria-sort'), 'ascending');
});

test('comparison across documents and its chart', { timeout: TIMEOUT }, async () => {
  await page.locator('#tab-compare').click();
  const table = page.locator('#compare-table');
  await table.locator('tbody tr').first().waitFor();
  const row = table.locator('tbody tr', { hasText: '地区生产总值' }).first();
  assert.match(await row.textContent(), /729\.91 亿元/);
  const key = await page.locator('#chart-mode option', { hasText: '地区生产总值' }).first().getAttribute('value');
  await page.locator('#chart-mode').selectOption(key);
  // the chart library is fetched the first time a chart is shown
  await page.waitForFunction(() => /地区生产总值/.test(document.querySelector('#chart-caption').textContent), null, { timeout: 10_000 });
  assert.ok(await page.evaluate(() => window.Chart && Object.keys(window.Chart.instances).length === 1));
  await page.locator('#tab-docs').click();
});

test('export CSV and JSON', { timeout: TIMEOUT }, async () => {
  const docs = (await docsState()).filter((d) => d.status === 'done');
  const total = docs.reduce((n, d) => n + d.report.metrics.length, 0);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
  assert.equal(dl.suggestedFilename(), 'zhibiao-metrics.csv');
  const raw = await readFile(await dl.path());
  assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = raw.toString('utf8').slice(1);
  assert.match(text, /\r\n/);
  const rows = parseCsv(text);
  assert.equal(rows[0][0], '文件');
  assert.equal(rows.length - 1, total, 'one row per metric');
  const col = (h) => rows[0].indexOf(h);
  const fx = rows.filter((r) => r[col('文件')] === 'fixture.txt');
  assert.equal(fx.length, 3);
  assert.equal(fx[0][col('数值')], '72991000000');
  assert.equal(fx[0][col('变化值')], '5.1');
  assert.equal(fx[2][col('指标')], "'=常住人口", 'formula injection escaped');
  assert.ok(text.includes(',72991000000,'), 'numbers are not quoted');
  const [dj] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  const json = JSON.parse(await readFile(await dj.path(), 'utf8'));
  assert.equal(json.length, docs.length);
  assert.ok(json.every((r) => r.metrics.every((m) => !('span_utf16' in m))));
});

test('paste an article; a trapped module is replaced and work goes on', { timeout: TIMEOUT }, async () => {
  const seed = (await sharedArticles()).find((f) => f.includes('/seeds/001_'));
  const text = await readFile(seed, 'utf8');
  const want = nativeReport(seed);
  await page.locator('#paste').fill(text);
  await page.locator('#paste-name').fill('粘贴-001');
  await page.locator('#paste-go').click();
  await waitIdle();
  let d = (await docsState()).find((x) => x.name === '粘贴-001.txt');
  assert.equal(d.status, 'done', d.error);
  assert.equal(d.report.metrics.length, want.metrics.length);
  if (!text.includes('\r')) assert.deepEqual(comparable(d.report), comparable(want));
  // a panic inside the module: the call fails as fatal, the worker is recreated
  const before = await page.evaluate(() => window.__zhibiao.bridge.restarts);
  const fatal = await page.evaluate(() => window.__zhibiao.bridge.call('panic').then(() => false, (e) => e.fatal));
  assert.equal(fatal, true);
  assert.equal(await page.evaluate(() => window.__zhibiao.bridge.restarts), before + 1);
  await page.locator('#paste-name').fill('粘贴-after-trap');
  await page.locator('#paste-go').click();
  await waitIdle();
  d = (await docsState()).find((x) => x.name === '粘贴-after-trap.txt');
  assert.equal(d.status, 'done', d.error);
});

test('re-decode a document with another encoding from its card', { timeout: TIMEOUT }, async () => {
  const name = (await docsState()).find((d) => d.name.startsWith('c06_') && d.status === 'done')?.name;
  assert.ok(name, 'the GBK article c06 is in the batch');
  await selectDoc(name);
  const form = page.locator('#doc form.redecode');
  await form.locator('select').selectOption('big5');
  await form.locator('button').click();
  await page.waitForFunction((n) => { const d = window.__zhibiao.docs.find((x) => x.name === n); return d.status === 'done' && d.report.source.encoding === 'Big5'; }, name);
  await page.locator('#doc .meta', { hasText: 'Big5' }).waitFor();
  assert.equal(await page.locator('#doc form.redecode select').inputValue(), 'big5');
  await page.locator('#doc form.redecode select').selectOption('gb18030');
  await page.locator('#doc form.redecode button').click();
  await page.waitForFunction((n) => window.__zhibiao.docs.find((x) => x.name === n).report?.source.encoding === 'gb18030', name);
  const d = (await docsState()).find((x) => x.name === name);
  assert.match(d.report.text, /最低工资/);
  // back to detection: the native report again
  await page.locator('#doc form.redecode select').selectOption('');
  await page.locator('#doc form.redecode button').click();
  await page.waitForFunction((n) => { const d = window.__zhibiao.docs.find((x) => x.name === n); return d.status === 'done' && !d.encoding; }, name);
  await waitIdle();
});

test('drag and drop of several files', { timeout: TIMEOUT }, async () => {
  const dt = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['城镇新增就业24.8万人。'], 'drop-a.txt', { type: 'text/plain' }));
    dt.items.add(new File([new Uint8Array([0xfe, 0xff, 0x51, 0x68, 0x5e, 0x02])], 'drop-b-utf16be.txt'));
    return dt;
  });
  await page.locator('#drop').dispatchEvent('dragover', { dataTransfer: dt });
  await page.locator('#drop').dispatchEvent('drop', { dataTransfer: dt });
  await page.waitForFunction(() => ['drop-a.txt', 'drop-b-utf16be.txt'].every((n) => window.__zhibiao.docs.some((d) => d.name === n)));
  await waitIdle();
  const docs = (await docsState()).filter((d) => d.name.startsWith('drop-'));
  assert.equal(docs.length, 2);
  assert.equal(docs[0].status, 'done', docs[0].error);
});

test('a 16 MB file: the page stays responsive, and cancel stops the work', { timeout: TIMEOUT }, async () => {
  const seed = await readFile((await sharedArticles()).find((f) => f.includes('/seeds/002_')));
  const big = Buffer.concat(Array(Math.ceil((16 << 20) / seed.length)).fill(seed));
  const restarts = await page.evaluate(() => window.__zhibiao.bridge.restarts);
  await page.setInputFiles('#files', [{ name: 'big.txt', mimeType: 'text/plain', buffer: big }]);
  await page.waitForFunction(() => window.__zhibiao.docs.find((d) => d.name === 'big.txt')?.status === 'running');
  await page.waitForTimeout(200);
  // the main thread answers while the worker is busy: a 0 ms timer fires promptly
  const lag = await page.evaluate(() => new Promise((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t), 0); }));
  assert.ok(lag < 250, `timer lag ${lag} ms`);
  const status = await page.evaluate(() => window.__zhibiao.docs.find((d) => d.name === 'big.txt').status);
  if (status === 'running') {
    await page.locator('#cancel').click();
    await page.waitForFunction(() => window.__zhibiao.docs.find((d) => d.name === 'big.txt').status === 'cancelled');
    assert.equal(await page.evaluate(() => window.__zhibiao.bridge.restarts), restarts + 1);
  } else console.log(`# note: big.txt finished (${status}) before it could be cancelled`);
  // and the next document is analysed by the fresh worker
  await page.locator('#paste').fill('全市地区生产总值729.91亿元,增长5.1%。');
  await page.locator('#paste-name').fill('粘贴-after-cancel');
  await page.locator('#paste-go').click();
  await waitIdle();
  const d = (await docsState()).find((x) => x.name === '粘贴-after-cancel.txt');
  assert.equal(d.status, 'done', d.error);
});

test('nothing left the origin; screenshot for the README', { timeout: TIMEOUT }, async () => {
  const foreign = requests.filter((u) => !u.startsWith(server.origin + '/') && !/^(data|blob):/.test(u));
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((u) => u.endsWith('/some/sub/path/pkg/zhibiao_bg.wasm')), 'served from a sub-path');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  // a request to elsewhere is refused by the page's CSP
  const blocked = await page.evaluate(() => fetch('http://example.invalid/x').then(() => false, () => true));
  assert.equal(blocked, true);
  assert.deepEqual(consoleErrors.filter((e) => !/example\.invalid|Content Security Policy|Failed to fetch|panicked|debug_panic|unreachable|RuntimeError/.test(e)), []);
  // the screenshot: the richest real document, or the fixture while the core finds little
  const docs = (await docsState()).filter((d) => d.status === 'done');
  const best = docs.filter((d) => d.name !== 'fixture.txt').sort((a, b) => b.report.metrics.length - a.report.metrics.length)[0];
  await selectDoc(best && best.report.metrics.length >= 3 ? best.name : 'fixture.txt');
  await page.locator('#paste').fill('');
  await page.locator('#doc table.metrics tbody tr').first().click().catch(() => {});
  await page.evaluate(() => document.querySelector('.status-bar').scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  await mkdir(path.join(ROOT, 'docs'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'docs/screenshot.png') });
});
