// The comparison across documents and the tidy long table, end to end: dist/ served on
// 127.0.0.1, driven in Chromium. Three small articles (tests/e2e/fixtures/) from different
// places and years word one indicator three ways; the page must line them up, say where and
// when every value is from, switch its columns, chart one indicator, and sort, filter and
// export the long table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DIST, ROOT, FIXTURES, serveStatic, launch, parseCsv, waitIdle } from './helpers.mjs';
import { compareValues, groupKey, indicatorKey, readableValue, isoBounds, boundsLabel, readableChange, tidyRecords, tidyCsv, tidyJson, periodKey } from '../../www/format.js';

const TIMEOUT = 240_000;
const FILES = ['jobs-city-2023.txt', 'jobs-province-2024.txt', 'jobs-county-2022.txt'];
// the one indicator, worded three ways: its values in the three articles
const JOBS = [21000, 35000, 8000];
const JOBS_KEY = '城镇新增就业人数';
const TIDY_EXPORT = ['document', 'file', 'indicator', 'indicator_key', 'region', 'period', 'period_start', 'period_end',
  'value', 'value_max', 'approx', 'unit', 'change_direction', 'change_value', 'change_unit', 'raw'];

let server, browser, page;
const consoleErrors = [];

const docsState = () => page.evaluate(() => window.__zhibiao.docs.map((d) => ({ id: d.id, name: d.name, status: d.status, error: d.error, report: d.report })));
const allMetrics = (docs) => docs.flatMap((d) => d.report.metrics.map((m) => ({ d, m })));
const jobMetrics = (docs) => allMetrics(docs).filter(({ m }) => m.unit === '人' && JOBS.includes(m.value));
const countyRegion = (docs) => docs.find((d) => d.name === 'jobs-county-2022.txt').report.metrics[0].region;
const noRegion = '（地区不详）';
const noPeriod = '（时期不详）';

/** The comparison table as data: its column heads and, per row, its key, label, tag, unit and points by column. */
async function compareTable() {
  await page.waitForFunction(() => document.querySelector('#compare-table tbody tr'));
  return page.evaluate(() => {
    const t = document.querySelector('#compare-table');
    const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent);
    const rows = [...t.querySelectorAll('tbody tr[data-key]')].map((tr) => ({
      key: tr.dataset.key,
      label: tr.querySelector('th .label').textContent,
      tag: tr.querySelector('th .tag').textContent,
      unit: tr.querySelector('td.unit').textContent,
      ndocs: Number(tr.querySelector('td.num').textContent),
      cells: [...tr.querySelectorAll('td.cell')].map((td) => [...td.querySelectorAll('.pt')].map((pt) => ({
        val: pt.querySelector('.val').textContent,
        region: pt.querySelector('.region').textContent,
        period: pt.querySelector('.period').textContent,
        bounds: pt.querySelector('.bounds')?.textContent ?? '',
        src: pt.querySelector('.src')?.textContent ?? null,
        text: pt.textContent,
      }))),
    }));
    return { heads, rows };
  });
}

/** What the page must show for one metric: value, region, period as written and resolved. */
const shown = (m) => ({
  val: readableValue(m),
  region: m.region || noRegion,
  period: m.period?.text || noPeriod,
  bounds: m.period ? isoBounds(m.period) || '未解析' : '',
});

async function setColumns(v) {
  await page.locator(`#compare-cols input[value="${v}"]`).check();
  await page.waitForFunction((c) => document.querySelector('#compare-table').dataset.cols === c, v);
}

async function chartOf(optionText, kind = 'auto') {
  const value = await page.locator('#chart-mode option', { hasText: optionText }).first().getAttribute('value');
  assert.ok(value, `a chart choice for ${optionText}`);
  await page.locator('#chart-kind').selectOption(kind);
  await page.locator('#chart-mode').selectOption(value);
  await page.waitForFunction((t) => window.Chart && document.querySelector('#chart-caption').textContent.includes(t), optionText.replace(/（.*/, ''), { timeout: 15_000 });
  return page.evaluate(() => {
    const c = Object.values(window.Chart.instances)[0];
    return {
      instances: Object.keys(window.Chart.instances).length,
      type: c.config.type,
      labels: c.data.labels,
      datasets: c.data.datasets.map((d) => ({ label: d.label, data: d.data })),
      yTitle: c.options.scales.y.title.text,
      caption: document.querySelector('#chart-caption').textContent,
    };
  });
}

const showTab = async (id) => { await page.locator(id).click(); };
const clearPage = async () => { await page.locator('#clear').click(); await page.waitForFunction(() => window.__zhibiao.docs.length === 0); };

before(async () => {
  server = await serveStatic(DIST, '/cmp/');
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(server.url);
  await page.waitForFunction(() => window.__zhibiao?.workerInfo, null, { timeout: 60_000 });
  await page.setInputFiles('#files', FILES.map((f) => path.join(FIXTURES, f)));
  await waitIdle(page, TIMEOUT);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the fixtures are read: one figure each for the indicator worded three ways', async () => {
  const docs = await docsState();
  assert.deepEqual(docs.map((d) => [d.name, d.status]), FILES.map((f) => [f, 'done']));
  const jobs = jobMetrics(docs);
  assert.deepEqual(jobs.map(({ m }) => m.value), JOBS, 'one metric per article for the jobs figure');
  assert.deepEqual(jobs.map(({ m }) => m.indicator.replace(/^全市/, '')), ['城镇新增就业', '新增城镇就业', '城镇新增就业人数']);
});

test('every value shows its region and period, and no two cells look alike unless they are', { timeout: TIMEOUT }, async () => {
  await showTab('#tab-compare');
  await setColumns('doc');
  const docs = await docsState();
  const { heads, rows } = await compareTable();
  const withMetrics = docs.filter((d) => d.report.metrics.length);
  assert.deepEqual(heads, ['指标', '单位', '文档数', ...withMetrics.map((d) => d.report.document.title || d.name)]);
  for (const { d, m } of allMetrics(docs)) {
    const row = rows.find((r) => r.key === groupKey(m));
    assert.ok(row, `a row for ${m.indicator} (${m.unit})`);
    const cell = row.cells[withMetrics.findIndex((x) => x.id === d.id)];
    const want = shown(m);
    assert.ok(cell.some((p) => p.val === want.val && p.region === want.region && p.period === want.period && p.bounds === want.bounds),
      `${d.name}: ${m.indicator} ${want.val} shown with ${want.region} / ${want.period} / ${want.bounds}; the cell has ${JSON.stringify(cell)}`);
  }
  // the articles say where and when in full: the page says it beside the value
  const all = rows.flatMap((r) => r.cells.flat());
  const city = all.find((p) => p.val === '2.1 万人');
  assert.deepEqual([city.region, city.period, city.bounds], ['石家庄市', '2023年', '2023-01-01 至 2023-12-31']);
  const prov = all.find((p) => p.val === '3.5 万人');
  assert.deepEqual([prov.region, prov.period, prov.bounds], ['河南省', '2024年', '2024-01-01 至 2024-12-31']);
  // within a row, two values look alike only when value, region and period are all the same
  for (const r of rows) {
    const ms = allMetrics(docs).filter(({ m }) => groupKey(m) === r.key).map(({ m }) => m);
    const identities = new Set(ms.map((m) => JSON.stringify([m.value, m.value_max, m.approx, m.region, m.period?.text, m.period?.start, m.period?.end])));
    const looks = new Set(r.cells.flat().map((p) => JSON.stringify([p.val, p.region, p.period, p.bounds])));
    assert.equal(looks.size, identities.size, `${r.label}: ${identities.size} different values shown as ${looks.size}`);
  }
});

test('without an indicator_key the rows group by the normalised phrase, and say so', { timeout: TIMEOUT }, async () => {
  // the page's fallback, stated: a metric the core gives no key lines up only with the same
  // wording (region words and punctuation aside), in a row tagged 按字面归组
  const docs = await docsState();
  const { rows } = await compareTable();
  for (const { m } of jobMetrics(docs)) {
    const key = m.indicator_key ? `k:${m.indicator_key}\u0000人` : `p:${indicatorKey(m.indicator)}\u0000人`;
    const row = rows.find((r) => r.key === key);
    assert.ok(row, `${m.indicator}: row ${key}`);
    assert.equal(row.tag, m.indicator_key ? '标准指标' : '按字面归组');
    // a phrase row is labelled with its wording as written
    assert.equal(row.label, m.indicator_key ?? m.indicator);
  }
});

test('documents that word one indicator differently share one row by indicator_key (needs the core to fill the key)', { timeout: TIMEOUT }, async () => {
  const docs = await docsState();
  const jobs = jobMetrics(docs);
  assert.deepEqual(jobs.map(({ m }) => m.indicator_key ?? null), JOBS.map(() => JOBS_KEY),
    'indicator_key is not filled by the core yet: the page groups these by their wording (previous test) until it is');
  const { rows } = await compareTable();
  const row = rows.find((r) => r.key === `k:${JOBS_KEY}\u0000人`);
  assert.equal(row.label, JOBS_KEY);
  assert.equal(row.tag, '标准指标');
  assert.equal(row.ndocs, 3);
  assert.deepEqual(row.cells.map((c) => c.map((p) => p.val)), [['2.1 万人'], ['3.5 万人'], ['8000 人']]);
});

test('columns switch between documents, regions and periods', { timeout: TIMEOUT }, async () => {
  const docs = await docsState();
  const ms = allMetrics(docs).map(({ m }) => m);
  await setColumns('region');
  let t = await compareTable();
  const regions = new Set(ms.map((m) => m.region || noRegion));
  assert.deepEqual(new Set(t.heads.slice(3)), regions);
  for (const r of ['石家庄市', '河南省']) assert.ok(t.heads.includes(r), `a column for ${r}`);
  // under a region column, each value still names its region, period and document
  const col = t.heads.indexOf('石家庄市') - 3;
  const cityPts = t.rows.flatMap((r) => r.cells[col]);
  assert.ok(cityPts.length > 0);
  for (const p of cityPts) {
    assert.equal(p.region, '石家庄市');
    assert.equal(p.src, '石家庄市2023年就业工作情况通报');
  }
  await setColumns('period');
  t = await compareTable();
  const years = t.heads.filter((h) => /^\d{4}年$/.test(h));
  assert.deepEqual(years, ['2022年', '2023年', '2024年'], 'resolved periods, in time order');
  assert.deepEqual(t.heads.slice(3, 3 + years.length), years, 'resolved periods first');
  if (t.heads.includes(noPeriod)) assert.equal(t.heads.at(-1), noPeriod, 'no period last');
  const want = new Set(ms.map((m) => (m.period ? boundsLabel(m.period) || `${m.period.text}（未解析）` : noPeriod)));
  assert.deepEqual(new Set(t.heads.slice(3)), want);
  // the 2023 column holds only 2023 figures
  const y23 = t.heads.indexOf('2023年') - 3;
  for (const p of t.rows.flatMap((r) => r.cells[y23])) assert.equal(p.bounds, '2023-01-01 至 2023-12-31');
  await setColumns('doc');
  t = await compareTable();
  assert.equal(t.heads[3], '石家庄市2023年就业工作情况通报');
  assert.ok(t.rows.flatMap((r) => r.cells.flat()).every((p) => p.src === null), 'document columns: no document name in the cell');
});

test('the chart of one indicator: a line over periods, bars across regions, readable units', { timeout: TIMEOUT }, async () => {
  // the county article names its district; what the core makes of it (长安区, or with its city) is the core's
  const county = countyRegion(await docsState());
  // the unemployment rate: two articles, two years → a line over the periods, one line per region
  let c = await chartOf('城镇调查失业率（%）');
  assert.equal(c.instances, 1);
  assert.equal(c.type, 'line');
  assert.deepEqual(c.labels, ['2022年', '2023年']);
  assert.deepEqual(new Set(c.datasets.map((d) => d.label)), new Set([county, '石家庄市']));
  assert.equal(c.yTitle, '%');
  assert.match(c.caption, /按时期的折线/);
  assert.equal(await page.locator('#chart').getAttribute('data-kind'), 'line');
  // the same indicator drawn as bars across regions on request
  c = await chartOf('城镇调查失业率（%）', 'bar');
  assert.equal(c.type, 'bar');
  assert.deepEqual(new Set(c.labels), new Set([county, '石家庄市']));
  // GDP: each article's year comes from its title, so the default is a line over the years
  c = await chartOf('地区生产总值（元）');
  assert.equal(c.type, 'line');
  assert.deepEqual(c.labels, ['2023年', '2024年']);
  // as bars across regions, in 亿元 (7534.2 亿元 and 6.4 万亿元 = 64000 亿元)
  c = await chartOf('地区生产总值（元）', 'bar');
  assert.equal(c.type, 'bar');
  assert.equal(c.yTitle, '亿元');
  assert.deepEqual(new Set(c.labels), new Set(['河南省', '石家庄市']));
  const byRegion = Object.fromEntries(c.labels.map((l, i) => [l, c.datasets.map((d) => d.data[i]).find((v) => v != null)]));
  assert.deepEqual(byRegion, { 石家庄市: 7534.2, 河南省: 64000 });
  assert.match(c.caption, /各地区的柱状图/);
  await page.locator('#chart-kind').selectOption('auto');
});

test('the tidy long table: one row per metric, sorted, filtered, exported', { timeout: TIMEOUT }, async () => {
  const docs = await docsState();
  const ms = allMetrics(docs);
  await showTab('#tab-tidy');
  const table = page.locator('#tidy-table');
  await table.locator('tbody tr').first().waitFor();
  const heads = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.querySelector('button').firstChild.textContent));
  assert.deepEqual(heads, ['文档', '指标', '指标键', '地区', '时期', '数值', '单位', '变化']);
  for (const th of await table.locator('thead th').all()) assert.match(await th.getAttribute('aria-sort'), /^(none|ascending|descending)$/);
  assert.equal(await table.locator('tbody tr').count(), ms.length, 'one row per metric');
  const col = (k) => table.locator(`tbody td.t-${k}`).allTextContents();
  const byValue = (dir) => ms.map((x, i) => ({ ...x, i })).sort((a, b) => dir * (a.m.value - b.m.value) || a.i - b.i).map(({ m }) => readableValue(m));
  // sort by value, up then down
  const valueTh = table.locator('thead th[data-col="value"]');
  await valueTh.locator('button').click();
  assert.equal(await valueTh.getAttribute('aria-sort'), 'ascending');
  assert.equal(await table.locator('thead th[data-col="document"]').getAttribute('aria-sort'), 'none');
  assert.deepEqual(await col('value'), byValue(1));
  await valueTh.locator('button').click();
  assert.equal(await valueTh.getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await col('value'), byValue(-1));
  // every row carries its region and period
  const regions = await col('region');
  assert.deepEqual([...regions].sort(), ms.map(({ m }) => m.region ?? '—').sort());
  // filter: the unemployment rates only
  await page.locator('#tidy-filter').fill('失业率');
  await page.waitForFunction(() => document.querySelectorAll('#tidy-table tbody tr').length === 2);
  assert.deepEqual(await col('indicator'), ['城镇调查失业率', '城镇调查失业率']);
  const rates = ms.filter(({ m }) => m.indicator === '城镇调查失业率').map(({ m }) => m).sort((a, b) => b.value - a.value);
  assert.deepEqual(rates.map((m) => m.value), [5.5, 5.2]);
  assert.deepEqual(await col('value'), rates.map(readableValue), 'still sorted by value, descending');
  assert.match(await page.locator('#tidy-count').textContent(), new RegExp(`^2 / ${ms.length} 行$`));
  // the export is what the table shows, with the tidy columns
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#tidy-csv').click()]);
  assert.equal(dl.suggestedFilename(), 'zhibiao-tidy.csv');
  const raw = await readFile(await dl.path());
  assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const csv = parseCsv(raw.toString('utf8').slice(1));
  assert.deepEqual(csv[0], TIDY_EXPORT);
  assert.equal(csv.length, 3);
  const rec = (row) => Object.fromEntries(TIDY_EXPORT.map((k, i) => [k, row[i]]));
  assert.deepEqual(csv.slice(1).map((r) => { const x = rec(r); return [x.indicator, x.region, x.period, x.period_start, x.period_end, x.value, x.unit]; }), [
    ['城镇调查失业率', countyRegion(docs), '2022年', '2022-01-01', '2022-12-31', '5.5', '%'],
    ['城镇调查失业率', '石家庄市', '2023年', '2023-01-01', '2023-12-31', '5.2', '%'],
  ]);
  const [dj] = await Promise.all([page.waitForEvent('download'), page.locator('#tidy-json').click()]);
  assert.equal(dj.suggestedFilename(), 'zhibiao-tidy.json');
  const json = JSON.parse(await readFile(await dj.path(), 'utf8'));
  assert.equal(json.length, 2);
  assert.deepEqual(Object.keys(json[0]), TIDY_EXPORT);
  assert.deepEqual(json.map((r) => [r.document, r.value, r.unit, r.region]), [
    ['长安区2022年民生工作回顾', 5.5, '%', countyRegion(docs)], ['石家庄市2023年就业工作情况通报', 5.2, '%', '石家庄市']]);
  // standard indicators only: the rows the core gave a key
  await page.locator('#tidy-filter').fill('');
  await page.locator('#tidy-standard').check();
  const keyed = ms.filter(({ m }) => m.indicator_key).length;
  await page.waitForFunction((n) => document.querySelectorAll('#tidy-table tbody td.t-value').length === n, keyed);
  await page.locator('#tidy-standard').uncheck();
  await page.waitForFunction((n) => document.querySelectorAll('#tidy-table tbody td.t-value').length === n, ms.length);
  // changes read as on the document view
  await table.locator('thead th[data-col="change"] button').click();
  const changes = (await col('change')).filter(Boolean);
  assert.deepEqual(changes.sort(), ms.filter(({ m }) => m.change).map(({ m }) => readableChange(m.change).text).sort());
});

test('screenshot of the comparison for the README', { timeout: TIMEOUT }, async () => {
  await showTab('#tab-compare');
  await setColumns('region');
  await chartOf('地区生产总值（元）');
  await page.locator('#compare-filter').fill('');
  await page.locator('#compare-filter').blur();
  await page.evaluate(() => document.querySelector('#results').scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(300);
  await mkdir(path.join(ROOT, 'docs'), { recursive: true });
  await page.locator('#results').screenshot({ path: path.join(ROOT, 'docs/compare.png') });
  await setColumns('doc');
});

test('period labels, keys and the tidy export, in node', () => {
  assert.equal(boundsLabel({ text: '今年', start: '2023-01-01', end: '2023-12-31' }), '2023年');
  assert.equal(boundsLabel({ start: '2021-01-01', end: '2025-12-31' }), '2021–2025年');
  assert.equal(boundsLabel({ start: '2022-01-01', end: '2022-06-30' }), '2022年1–6月');
  assert.equal(boundsLabel({ start: '2024-02-01', end: '2024-02-29' }), '2024年2月');
  assert.equal(boundsLabel({ start: '2023-01-01', end: '2023-06-20' }), '2023-01-01 至 2023-06-20');
  assert.equal(boundsLabel({ text: '截至6月20日', start: null, end: '2021-06-20' }), '截至 2021-06-20');
  assert.equal(boundsLabel({ text: '五年里', start: null, end: null }), '');
  // the order the page sorts periods in (its collation compares digit runs as numbers)
  const keys = [null, { text: '今年' }, { start: '2099-01-01', end: null }, { start: '2023-01-01', end: '2023-12-31' }, { start: '2022-01-01', end: '2022-12-31' }];
  assert.deepEqual(keys.map(periodKey).sort(compareValues), [keys[4], keys[3], keys[2], keys[1], keys[0]].map(periodKey), 'resolved in time order, then unresolved, then none');
  // a key and a phrase never share a row, even when they read the same
  assert.notEqual(groupKey({ indicator: '城镇新增就业人数', indicator_key: '城镇新增就业人数', unit: '人' }),
    groupKey({ indicator: '城镇新增就业人数', indicator_key: null, unit: '人' }));
  assert.equal(groupKey({ indicator: '新增城镇就业', indicator_key: JOBS_KEY, unit: '人' }), groupKey({ indicator: '城镇新增就业', indicator_key: JOBS_KEY, unit: '人' }));
  const recs = tidyRecords([{ file: 'a.txt', title: '@甲', report: { metrics: [
    { indicator: '-x', indicator_key: null, value: 1e10, unit: '元', raw: '100亿元', region: '甲市', period: { text: '2023年', start: '2023-01-01', end: '2023-12-31' },
      change: { direction: 'down', value: 3.5, unit: '%' } }] } }]);
  const lines = tidyCsv(recs).slice(1).split('\r\n');
  assert.equal(lines[0], TIDY_EXPORT.join(','));
  assert.equal(lines[1], "'@甲,a.txt,'-x,,甲市,2023年,2023-01-01,2023-12-31,10000000000,,,元,down,3.5,%,100亿元");
  assert.deepEqual(Object.keys(JSON.parse(tidyJson(recs))[0]), TIDY_EXPORT);
});

// Reports made by hand, shown as finished documents: the page's grouping, independent of
// what the core finds today.
const metric = (o) => ({ approx: null, value_max: null, change: null, category: 'employment', indicator_key: null, sentence: '', span: null, ...o });
const report = (title, region, metrics) => ({
  source: { name: `${title}.txt`, bytes: 100, encoding: 'UTF-8', format: 'text' },
  document: { title, date: null, publisher: null, author: null, region, script: 'simplified' },
  text: '', metrics, keywords: [], warnings: [],
});
const y = (year) => ({ text: `${year}年`, start: `${year}-01-01`, end: `${year}-12-31` });
const jobsReports = (key) => [
  report('甲市2023年通报', '甲市', [metric({ indicator: '全市城镇新增就业', indicator_key: key, value: 21000, unit: '人', raw: '2.1万人', region: '甲市', period: y(2023) })]),
  report('乙省2024年发布会', '乙省', [metric({ indicator: '新增城镇就业', indicator_key: key, value: 35000, unit: '人', raw: '3.5万人', region: '乙省', period: y(2024) })]),
  report('丙区2022年回顾', '丙区', [metric({ indicator: '城镇新增就业人数', indicator_key: key, value: 8000, unit: '人', raw: '8000人', region: '丙区', period: y(2022) })]),
];
const addReports = (rs) => page.evaluate((list) => { for (const r of list) window.__zhibiao.addReport(`${r.document.title}.txt`, r); }, rs);

test('page-side grouping: a shared indicator_key makes one row; without it, one row per wording', { timeout: TIMEOUT }, async () => {
  await clearPage();
  await showTab('#tab-compare');
  await addReports(jobsReports(null));
  await page.waitForFunction(() => document.querySelectorAll('#compare-table tbody tr[data-key]').length === 3);
  let { rows } = await compareTable();
  assert.deepEqual(rows.map((r) => [r.label, r.tag]).sort(), [['全市城镇新增就业', '按字面归组'], ['城镇新增就业人数', '按字面归组'], ['新增城镇就业', '按字面归组']]);
  await clearPage();
  await addReports(jobsReports(JOBS_KEY));
  await page.waitForFunction(() => document.querySelectorAll('#compare-table tbody tr[data-key]').length === 1);
  ({ rows } = await compareTable());
  assert.equal(rows[0].label, JOBS_KEY);
  assert.equal(rows[0].tag, '标准指标');
  assert.equal(rows[0].ndocs, 3);
  assert.deepEqual(rows[0].cells.map((c) => c.map((p) => [p.val, p.region, p.period])), [
    [['2.1 万人', '甲市', '2023年']], [['3.5 万人', '乙省', '2024年']], [['8000 人', '丙区', '2022年']]]);
  // three years: the chart is a line over them
  const c = await chartOf(`${JOBS_KEY}（人）`);
  assert.equal(c.type, 'line');
  assert.deepEqual(c.labels, ['2022年', '2023年', '2024年']);
  assert.equal(c.yTitle, '万人');
});

test('mixed units are never merged, and the tidy CSV escapes formulas', { timeout: TIMEOUT }, async () => {
  await clearPage();
  await addReports([
    report('甲市', '甲市', [
      metric({ indicator: '城镇新增就业', indicator_key: JOBS_KEY, value: 21000, unit: '人', raw: '2.1万人', region: '甲市', period: y(2023) }),
      metric({ indicator: '=1+2', value: 3, unit: '个', raw: '3个', region: '甲市', period: null }),
      metric({ indicator: '就业', value: 12, unit: '%', raw: '12%', region: '甲市', period: y(2023) }),
    ]),
    report('乙省', '乙省', [
      metric({ indicator: '城镇新增就业增速', indicator_key: JOBS_KEY, value: 3.5, unit: '%', raw: '3.5%', region: '乙省', period: y(2024) }),
      metric({ indicator: '城镇新增就业', indicator_key: JOBS_KEY, value: 12000, unit: '人次', raw: '1.2万人次', region: '乙省', period: y(2024) }),
      metric({ indicator: '就业', value: 300, unit: '人', raw: '300人', region: '乙省', period: y(2024) }),
    ]),
  ]);
  await page.waitForFunction(() => document.querySelectorAll('#compare-table tbody tr[data-key]').length === 6);
  const { rows } = await compareTable();
  const units = (label) => rows.filter((r) => r.label === label).map((r) => r.unit).sort();
  assert.deepEqual(units(JOBS_KEY), ['%', '人', '人次']);
  assert.deepEqual(units('就业'), ['%', '人']);
  for (const r of rows) {
    const vals = r.cells.flat().map((p) => p.val);
    assert.equal(vals.length, 1, `${r.label} (${r.unit}): one value, not merged with another unit`);
  }
  const options = await page.locator('#chart-mode option').allTextContents();
  for (const u of ['人', '%', '人次']) assert.ok(options.some((o) => o.startsWith(`${JOBS_KEY}（${u}）`)), `a chart choice for ${u}`);
  await showTab('#tab-tidy');
  await page.locator('#tidy-filter').fill('1+2');
  await page.waitForFunction(() => document.querySelectorAll('#tidy-table tbody td.t-value').length === 1);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#tidy-csv').click()]);
  const csv = parseCsv((await readFile(await dl.path(), 'utf8')).slice(1));
  assert.equal(csv[1][TIDY_EXPORT.indexOf('indicator')], "'=1+2", 'a formula-like cell is escaped');
  await page.locator('#tidy-filter').fill('');
  assert.deepEqual(consoleErrors, []);
});
