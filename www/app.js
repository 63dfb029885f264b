// Zhibiao's page: input (drop, pick, paste) → worker (wasm) → the metrics view.
// Untrusted article text only ever reaches the DOM through textContent / text nodes.
import { WorkerPool } from './bridge.js';
import { $, el, copyToClipboard, download, sortHeader } from './dom.js';
import { mountCompare, COMPARE_DEFAULTS } from './compare.js';
import { mountTidy, TIDY_DEFAULTS } from './tidy.js';
import {
  CATEGORIES, SCRIPTS, FORMATS, categoryLabel, readableValue, readableChange, readablePeriod,
  readableBytes, num, metricsCsv, tsv, specReport, sortValue, compareValues, ensureUtf16Spans,
} from './format.js';

// ------------------------------------------------------------------ settings

const COLUMNS = [
  { key: 'pos', label: '#', title: '在正文中的顺序' },
  { key: 'indicator', label: '指标', fixed: true },
  { key: 'value', label: '数值' },
  { key: 'change', label: '变化' },
  { key: 'period', label: '时期' },
  { key: 'region', label: '地区' },
  { key: 'category', label: '类别' },
  { key: 'raw', label: '原文' },
];
const DEFAULTS = {
  theme: 'auto',
  columns: { pos: true, indicator: true, value: true, change: true, period: true, region: true, category: true, raw: false },
  category: '',
  text: '',
  sort: { col: 'pos', dir: 1 },
  ...COMPARE_DEFAULTS,
  ...TIDY_DEFAULTS,
};
const STORE = 'zhibiao.settings.v1';
function loadSettings() {
  try {
    const s = JSON.parse(localStorage.getItem(STORE) ?? '{}');
    return { ...structuredClone(DEFAULTS), ...s, columns: { ...DEFAULTS.columns, ...(s.columns ?? {}) } };
  } catch {
    return structuredClone(DEFAULTS);
  }
}
let settings = loadSettings();
function saveSettings() {
  try { localStorage.setItem(STORE, JSON.stringify(settings)); } catch { /* private mode */ }
}
function applyTheme() {
  if (settings.theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = settings.theme;
  $('#theme').value = settings.theme;
}

// ------------------------------------------------------------------ state

/** @type {{id:number,file:File,name:string,size:number,status:string,report?:any,error?:string,ms?:number,encoding?:string,li?:HTMLElement,queuedAt?:number,doneAt?:number}[]} */
const docs = [];
let selected = null;
let nextDocId = 1;
let pasteCount = 0;
let batch = { total: 0, done: 0 };
let running = false;
let workerInfo = null;

// A pool of module workers, one per core (at most 4; `?workers=N` overrides, for
// benchmarks). The page itself does little per result, so it needs no core of its own: on
// 2 cores two workers did 1 000 articles in 4.0 s against 5.5 s for one, the page still
// responsive (docs/bench-browser.md). Each loads and warms the module once; files go to
// whichever is free.
const POOL_SIZE = (() => {
  const q = Number(new URLSearchParams(location.search).get('workers'));
  if (Number.isInteger(q) && q >= 1) return Math.min(q, 8);
  return Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2));
})();
// boot.js started the first worker while the page was still loading; a page without it
// (or where it has not run yet) starts its own
const booted = window.zhibiaoBootWorker;
window.zhibiaoBootWorker = null; // boot.js, if it runs late, leaves the pool alone
const bridge = new WorkerPool(new URL('./worker.js', import.meta.url), {
  size: POOL_SIZE,
  adopt: booted ?? undefined,
  onRestart: (why) => { if (why !== 'cancelled') note(`分析模块已重启（${why === 'trap' ? '模块崩溃' : why}），继续处理其余文件。`); },
});
bridge.ready.then((info) => {
  workerInfo = { ...info, workers: POOL_SIZE };
  if (!running) setProgressText(`分析模块已就绪（v${info.version}，加载 ${Math.round(info.initMs + info.firstAnalyzeMs)} ms）`);
}, (e) => setProgressText(`分析模块加载失败：${e.message}`));

// ------------------------------------------------------------------ input

function addFiles(files) {
  const added = [];
  for (const f of files) {
    const name = f.relPath || f.webkitRelativePath || f.name;
    // no f.size here: for a file on disk every read of it is a synchronous round trip to the
    // browser (0.2 ms each, 200 ms for a thousand files); the worker reports the size instead
    const d = { id: nextDocId++, file: f, name, size: undefined, status: 'queued' };
    docs.push(d);
    added.push(d);
  }
  if (!added.length) return;
  for (const d of added) enqueue(d);
  newCards.push(...added);
  $('#empty-files').hidden = true;
  $('#clear').disabled = false;
  if (selected == null) select(added[0].id);
  pump();
}

// ------------------------------------------------------------------ the work queue

const queue = []; // documents waiting for a worker, in order
let qHead = 0;
let inFlight = 0;

function enqueue(d) {
  d.status = 'queued';
  d.queuedAt = performance.now();
  d.doneAt = undefined;
  queue.push(d);
  batch.total++;
  markDirty(d);
}

/** Hands queued documents to the pool while it has free slots; results stream back. */
function pump() {
  if (!running && qHead < queue.length) {
    running = true;
    $('#cancel').disabled = false;
    document.body.dataset.busy = 'true';
  }
  const slots = bridge.size * bridge.depth;
  while (inFlight < slots && qHead < queue.length) {
    const d = queue[qHead++];
    if (d.status !== 'queued') continue; // cancelled or removed meanwhile
    analyzeDoc(d);
  }
  if (qHead >= queue.length) for (const ask of keywordsWanted.splice(0)) ask();
  if (qHead > 1024 && qHead * 2 > queue.length) { queue.splice(0, qHead); qHead = 0; }
  if (running && inFlight === 0 && qHead >= queue.length) {
    running = false;
    $('#cancel').disabled = true;
    finishBatch();
  }
}

async function analyzeDoc(d) {
  inFlight++;
  d.status = 'running';
  markDirty(d);
  try {
    // the File itself goes to the worker, which reads it: no copy on the page's thread
    const { report, ms, bytes } = await bridge.call('analyze', d.file, d.name, d.encoding ?? '');
    if (d.status !== 'running') return; // cleared meanwhile
    Object.assign(d, { status: 'done', report: ensureUtf16Spans(report), ms, size: bytes ?? d.size, error: undefined });
    requestKeywords(d);
  } catch (e) {
    if (e.bytes != null) d.size = e.bytes;
    if (e.cancelled) d.status = 'cancelled';
    else Object.assign(d, { status: 'error', report: undefined, error: e.fatal ? `分析模块崩溃：${e.message}` : e.message });
  } finally {
    inFlight--;
    batch.done++;
    markDirty(d);
    if (d.id === selected) detailStale = true;
    scheduleCompare();
    pump();
  }
}

// The keywords follow the figures: the worker sends a report without them (TextRank is the
// one part of the analysis the metrics do not need) and the page asks for them once no
// document waits for its figures, so a batch's metrics all come first. A call lost to a
// cancel is asked again of the fresh workers.
const keywordsWanted = []; // one function per document: asks for its keywords
function requestKeywords(d) {
  d.keywordsPending = true;
  // settles once the keywords are in (or cannot be had): what the JSON export waits for
  d.keywordsReady = new Promise((resolve) => keywordsWanted.push(() => resolve(askKeywords(d))));
}

function askKeywords(d) {
  const report = d.report;
  if (d.status !== 'done' || !report) return undefined;
  const ask = () => bridge.call('keywords', report.text);
  return ask()
    .catch((e) => (e.cancelled ? ask() : Promise.reject(e)))
    .then((words) => { report.keywords = words; }, () => { /* the worker died: no keywords */ })
    .finally(() => {
      if (d.report !== report) return; // analysed again meanwhile
      d.keywordsPending = false;
      const ul = d.id === selected ? $(`#doc[data-doc="${d.id}"] .keywords`) : null;
      if (ul) fillKeywords(ul, d);
    });
}

function fillKeywords(ul, d) {
  const words = d.report.keywords;
  ul.replaceChildren(...words.map((k) => el('li', { text: k.word, title: `权重 ${k.weight}` })));
  if (!words.length) ul.append(el('li', { class: 'muted', text: d.keywordsPending ? '…' : '（无）' }));
}

// Card and progress updates are batched: at most one DOM pass per animation frame, a few
// milliseconds each, so a thousand results arriving at once never block the page.
const newCards = []; // documents whose card is not in the list yet
let newHead = 0;
const dirty = new Set();
let detailStale = false;
let flushPending = false;
function markDirty(d) { dirty.add(d); scheduleFlush(); }
function scheduleFlush() {
  if (flushPending) return;
  flushPending = true;
  requestAnimationFrame(flush);
  setTimeout(flush, 250); // rAF does not run in a hidden tab: still keep the list current
}
function flush() {
  if (!flushPending) return;
  flushPending = false;
  const t0 = performance.now();
  const BUDGET = 6;
  for (const d of dirty) {
    if (d.li) { updateCard(d); if (d.status === 'done' || d.status === 'error') d.doneAt ??= performance.now(); }
    dirty.delete(d);
    if (performance.now() - t0 > BUDGET) break;
  }
  if (newHead < newCards.length && performance.now() - t0 < BUDGET) {
    const frag = document.createDocumentFragment();
    while (newHead < newCards.length && performance.now() - t0 < BUDGET) {
      const d = newCards[newHead++];
      frag.append(fileCard(d));
      dirty.delete(d);
      if (d.status === 'done' || d.status === 'error') d.doneAt ??= performance.now();
    }
    $('#file-list').append(frag);
    if (newHead === newCards.length) { newCards.length = 0; newHead = 0; }
  }
  if (detailStale) { detailStale = false; renderDoc(); }
  if (running) setProgress(`正在分析 ${Math.min(batch.done + 1, batch.total)}/${batch.total}`);
  if (dirty.size || newHead < newCards.length || detailStale) scheduleFlush();
}

function finishBatch() {
  const ok = docs.filter((d) => d.status === 'done');
  const bad = docs.filter((d) => d.status === 'error').length;
  const n = ok.reduce((s, d) => s + d.report.metrics.length, 0);
  setProgress(`完成：${docs.length} 个文档，${ok.length} 个成功，${bad} 个失败，共 ${n} 项指标`, 1, 1);
  batch = { total: 0, done: 0 };
  $('#export-csv').disabled = $('#export-json').disabled = ok.length === 0;
  document.body.dataset.busy = 'false';
}

function cancel() {
  for (let i = qHead; i < queue.length; i++) if (queue[i].status === 'queued') { queue[i].status = 'cancelled'; markDirty(queue[i]); }
  queue.length = 0;
  qHead = 0;
  bridge.restart('cancelled');
}

function setProgress(text, value = batch.done, max = Math.max(batch.total, 1)) {
  document.body.dataset.busy = 'true';
  $('#progress').max = max;
  $('#progress').value = value;
  setProgressText(text);
}
function setProgressText(t) { $('#progress-text').textContent = t; }
function note(t) { setProgressText(t); }

// Folders: walk FileSystemDirectoryEntry trees where the browser gives them.
async function filesFromDrop(dt) {
  const entries = [...(dt.items ?? [])].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.length) return [...dt.files];
  const out = [];
  const walk = async (entry, prefix) => {
    if (entry.isFile) {
      const f = await new Promise((res, rej) => entry.file(res, rej));
      f.relPath = prefix + f.name;
      out.push(f);
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
        if (!batch.length) break;
        for (const e of batch) await walk(e, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const e of entries) await walk(e, '');
  return out.filter((f) => !f.name.startsWith('.'));
}

function setupInput() {
  const drop = $('#drop');
  for (const ev of ['dragenter', 'dragover']) {
    window.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.add('over'); });
  }
  window.addEventListener('dragleave', (e) => { if (!e.relatedTarget) drop.classList.remove('over'); });
  window.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    addFiles(await filesFromDrop(e.dataTransfer));
  });
  drop.addEventListener('keydown', (e) => {
    if (e.target === drop && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); $('#files').click(); }
  });
  for (const id of ['#files', '#folder']) {
    $(id).addEventListener('change', (e) => {
      addFiles([...e.target.files].filter((f) => !f.name.startsWith('.')));
      e.target.value = '';
    });
  }
  $('#paste-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $('#paste').value;
    if (!text.trim()) { note('粘贴框是空的。'); $('#paste').focus(); return; }
    pasteCount++;
    const name = ($('#paste-name').value.trim() || `粘贴的文章 ${pasteCount}`).replace(/[\\/]/g, '_');
    addFiles([new File([new TextEncoder().encode(text)], name.endsWith('.txt') ? name : `${name}.txt`, { type: 'text/plain' })]);
  });
  $('#cancel').addEventListener('click', cancel);
  $('#clear').addEventListener('click', () => {
    if (running) cancel();
    docs.length = 0;
    newCards.length = 0;
    newHead = 0;
    dirty.clear();
    selected = null;
    $('#file-list').replaceChildren();
    $('#doc').replaceChildren();
    $('#empty-files').hidden = false;
    $('#clear').disabled = true;
    $('#export-csv').disabled = $('#export-json').disabled = true;
    setProgress('已清空', 0, 1);
    scheduleCompare();
  });
}

// ------------------------------------------------------------------ file cards

const STATUS = { queued: '等待中', running: '分析中…', done: '完成', error: '失败', cancelled: '已取消' };

function fileCard(d) {
  const name = el('span', { class: 'card-name', text: d.name });
  const status = el('span', { class: 'card-status' });
  const btn = el('button', { type: 'button', class: 'card-main', onclick: () => select(d.id) }, name, status);
  const li = el('li', { class: 'file-card', dataset: { id: d.id } }, btn);
  d.li = li;
  d.ui = { btn, status, error: null };
  updateCard(d);
  return li;
}

// updates the card in place (it is redrawn for every state a document goes through)
function updateCard(d) {
  const li = d.li;
  if (!li) return;
  li.dataset.status = d.status;
  const { btn, status } = d.ui;
  btn.setAttribute('aria-current', d.id === selected ? 'true' : 'false');
  status.textContent = d.status === 'done'
    ? `${d.report.metrics.length} 项指标 · ${Math.round(d.ms)} ms`
    : d.size != null ? `${STATUS[d.status]} · ${readableBytes(d.size)}` : STATUS[d.status];
  if (d.status === 'error') {
    if (!d.ui.error) { d.ui.error = el('p', { class: 'card-error', role: 'alert' }); li.append(d.ui.error); }
    d.ui.error.textContent = d.error;
  } else if (d.ui.error) { d.ui.error.remove(); d.ui.error = null; }
}

function select(id) {
  const prev = docs.find((d) => d.id === selected);
  selected = id;
  if (prev) updateCard(prev);
  const d = docs.find((x) => x.id === id);
  if (d) updateCard(d);
  renderDoc();
}

// ------------------------------------------------------------------ one document

let renderToken = 0;
let view = null; // the selected document's rendered state

function renderDoc() {
  const token = ++renderToken;
  const root = $('#doc');
  const d = docs.find((x) => x.id === selected);
  if (!d) { root.replaceChildren(); view = null; return; }
  if (d.status !== 'done') {
    const box = el('div', { class: `doc-status ${d.status}` },
      el('h3', { text: d.name }),
      el('p', { text: d.status === 'error' ? `无法分析：${d.error}` : STATUS[d.status] }));
    if (d.status === 'error') box.append(redecodeForm(d));
    root.replaceChildren(box);
    view = null;
    return;
  }
  const r = d.report;
  const frag = $('#tpl-doc').content.cloneNode(true);
  $('.doc-title', frag).textContent = r.document.title || d.name;
  const meta = $('.meta', frag);
  const add = (k, v) => { if (v != null && v !== '') meta.append(el('div', {}, el('dt', { text: k }), el('dd', { text: String(v) }))); };
  add('文件', d.name);
  add('日期', r.document.date);
  add('地区', r.document.region);
  add('发布者', r.document.publisher);
  add('作者', r.document.author);
  add('编码', r.source.encoding);
  add('格式', FORMATS[r.source.format] ?? r.source.format);
  add('文字', SCRIPTS[r.document.script] ?? r.document.script);
  add('大小', readableBytes(r.source.bytes));
  add('用时', `${num(d.ms, 3)} ms`);
  const warn = $('.warnings', frag);
  for (const w of r.warnings) warn.append(el('li', { text: w }));
  warn.hidden = !r.warnings.length;
  $('.redecode', frag).replaceWith(redecodeForm(d));
  fillKeywords($('.keywords', frag), d);
  root.replaceChildren(frag);
  root.dataset.doc = d.id;
  view = { d, token, groups: [], metricGroup: [], marks: new Map(), rendered: 0 };
  setupMetricsTable(root, d);
  renderText(root, d, token);
}

function redecodeForm(d) {
  const f = $('#tpl-doc').content.querySelector('.redecode').cloneNode(true);
  f.encoding.value = d.encoding ?? '';
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    d.encoding = f.encoding.value || undefined;
    enqueue(d);
    renderDoc();
    pump();
  });
  return f;
}

function visibleColumns() {
  return COLUMNS.filter((c) => c.fixed || settings.columns[c.key]);
}

function setupMetricsTable(root, d) {
  const r = d.report;
  $('.count', root).textContent = `（${r.metrics.length}）`;
  const cat = $('.f-category', root);
  const present = [...new Set(r.metrics.map((m) => m.category))];
  for (const c of Object.keys(CATEGORIES)) {
    if (present.includes(c)) cat.append(el('option', { value: c, text: `${categoryLabel(c)}（${r.metrics.filter((m) => m.category === c).length}）` }));
  }
  cat.value = present.includes(settings.category) ? settings.category : '';
  const txt = $('.f-text', root);
  txt.value = settings.text;
  cat.addEventListener('change', () => { settings.category = cat.value; saveSettings(); renderRows(); });
  txt.addEventListener('input', () => { settings.text = txt.value; saveSettings(); renderRows(); });
  const toggles = $('.column-toggles', root);
  for (const c of COLUMNS) {
    if (c.fixed) continue;
    const box = el('input', { type: 'checkbox', checked: !!settings.columns[c.key], onchange: (e) => {
      settings.columns[c.key] = e.target.checked; saveSettings(); renderHead(); renderRows();
    } });
    toggles.append(el('label', {}, box, ` ${c.label}`));
  }
  $('.copy-table', root).addEventListener('click', () => {
    const cols = visibleColumns();
    const rows = [cols.map((c) => c.label), ...filteredMetrics().map(({ m, i }) => cols.map((c) => cellText(m, i, c.key)))];
    copyText(tsv(rows), rows.length - 1);
  });
  const tbody = $('table.metrics tbody', root);
  tbody.addEventListener('click', (e) => {
    const tr = e.target.closest('tr[data-i]');
    if (tr) gotoMark(+tr.dataset.i, tr);
  });
  tbody.addEventListener('keydown', (e) => {
    const tr = e.target.closest('tr[data-i]');
    if (!tr) return;
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); gotoMark(+tr.dataset.i, tr); }
    if (e.key === 'ArrowDown') { e.preventDefault(); tr.nextElementSibling?.focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); tr.previousElementSibling?.focus(); }
  });
  $('.no-metrics', root).hidden = r.metrics.length > 0;
  renderHead();
  renderRows();
}

function renderHead() {
  const tr = $('#doc table.metrics thead tr');
  if (!tr) return;
  tr.replaceChildren(...visibleColumns().map((c) => sortHeader(c.key, c.label, settings.sort, (col) => {
    settings.sort = { col, dir: settings.sort.col === col ? -settings.sort.dir : 1 };
    saveSettings(); renderHead(); renderRows();
  }, c.title)));
}

function filteredMetrics() {
  if (!view) return [];
  const ms = view.d.report.metrics;
  const q = settings.text.trim().toLowerCase();
  let rows = ms.map((m, i) => ({ m, i })).filter(({ m }) => (!settings.category || m.category === settings.category) &&
    (!q || [m.indicator, m.raw, m.sentence, m.region, m.period?.text, m.unit, categoryLabel(m.category), readableValue(m)]
      .some((s) => s && String(s).toLowerCase().includes(q))));
  const { col, dir } = settings.sort;
  rows.sort((a, b) => dir * compareValues(sortValue(a.m, col), sortValue(b.m, col)) || a.i - b.i);
  return rows;
}

function cellText(m, i, key) {
  switch (key) {
    case 'pos': return i + 1;
    case 'indicator': return m.indicator;
    case 'value': return readableValue(m);
    case 'change': return readableChange(m.change).text;
    case 'period': return readablePeriod(m.period);
    case 'region': return m.region ?? '';
    case 'category': return categoryLabel(m.category);
    case 'raw': return m.raw;
    default: return '';
  }
}

/** Rows of the metrics table laid out in the frame that first shows it (a screenful). */
const FIRST_ROWS = 20;

function renderRows() {
  if (!view) return;
  const token = view.token;
  const tbody = $('#doc table.metrics tbody');
  const rows = filteredMetrics();
  const cols = visibleColumns();
  tbody.replaceChildren();
  $('.count', $('#doc')).textContent = rows.length === view.d.report.metrics.length
    ? `（${rows.length}）` : `（${rows.length} / ${view.d.report.metrics.length}）`;
  const CHUNK = 300;
  const renderChunk = (start, size) => {
    if (token !== renderToken) return;
    const frag = document.createDocumentFragment();
    for (const { m, i } of rows.slice(start, start + size)) {
      const tr = el('tr', { tabindex: '0', dataset: { i }, title: m.sentence });
      for (const c of cols) {
        const td = el('td', { class: `c-${c.key}`, text: String(cellText(m, i, c.key)) });
        if (c.key === 'change' && m.change) {
          td.classList.add(m.change.direction);
          td.setAttribute('aria-label', readableChange(m.change).label);
          td.title = m.change.raw;
        }
        if (c.key === 'value') td.title = m.raw;
        if (c.key === 'period' && m.period?.start) td.title = `${m.period.start} – ${m.period.end ?? ''}`;
        tr.append(td);
      }
      frag.append(tr);
    }
    tbody.append(frag);
    if (start + size < rows.length) setTimeout(() => renderChunk(start + size, CHUNK), 0);
  };
  // a screenful in the frame that first shows the table, the rest in later tasks
  renderChunk(0, FIRST_ROWS);
}

// The text, with metric spans (UTF-16 offsets from the wasm side) highlighted. Overlapping
// spans share one highlight. Long texts are rendered a slice at a time.
function renderText(root, d, token) {
  const r = d.report;
  const content = r.original_text ?? r.text;
  const spanKey = r.original_text != null ? 'original_span_utf16' : 'span_utf16';
  $('.text-note', root).textContent = r.original_text != null ? '（原文字形；分析按简体进行）' : '';
  const marks = r.metrics.map((m, i) => ({ s: m[spanKey]?.[0], e: m[spanKey]?.[1], i }))
    .filter((x) => Number.isInteger(x.s) && x.e > x.s && x.e <= content.length)
    .sort((a, b) => a.s - b.s || b.e - a.e);
  const groups = [];
  for (const mk of marks) {
    const last = groups[groups.length - 1];
    if (last && mk.s < last.e) { last.e = Math.max(last.e, mk.e); last.ids.push(mk.i); }
    else groups.push({ s: mk.s, e: mk.e, ids: [mk.i] });
  }
  groups.forEach((g, gi) => { for (const i of g.ids) view.metricGroup[i] = gi; });
  view.groups = groups;
  const box = $('.text', root);
  box.replaceChildren();
  box.addEventListener('click', (e) => { const m = e.target.closest('mark[data-g]'); if (m) gotoRow(+m.dataset.g); });
  box.addEventListener('keydown', (e) => {
    const m = e.target.closest('mark[data-g]');
    if (m && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); gotoRow(+m.dataset.g); }
  });
  // lines as [start, end) in UTF-16 units
  const lines = [];
  for (let p = 0; p <= content.length;) {
    const n = content.indexOf('\n', p);
    const end = n < 0 ? content.length : n;
    lines.push([p, end]);
    p = end + 1;
    if (n < 0) break;
  }
  let li = 0;
  let gi = 0;
  view.renderMore = (untilOffset = Infinity, budget = 200_000) => {
    let chars = 0;
    const frag = document.createDocumentFragment();
    while (li < lines.length && (chars < budget || lines[li][0] <= untilOffset)) {
      const [a, b] = lines[li++];
      chars += b - a + 1;
      const p = el('p');
      let pos = a;
      while (gi < groups.length && groups[gi].e <= a) gi++;
      for (let g = gi; g < groups.length && groups[g].s < b; g++) {
        const s = Math.max(groups[g].s, a);
        const e = Math.min(groups[g].e, b);
        if (s > pos) p.append(content.slice(pos, s));
        const mark = el('mark', { class: 'hl', tabindex: '0', dataset: { g }, text: content.slice(s, e) });
        if (!view.marks.has(g)) view.marks.set(g, mark);
        p.append(mark);
        pos = e;
      }
      if (b > pos) p.append(content.slice(pos, b));
      if (a === b) p.append('\u00a0');
      frag.append(p);
    }
    view.rendered = li < lines.length ? lines[li][0] : Infinity;
    box.append(frag);
    return li < lines.length;
  };
  const step = () => {
    if (token !== renderToken) return;
    if (view.renderMore()) setTimeout(step, 0);
  };
  step();
}

function flash(node) {
  node.classList.remove('flash');
  void node.offsetWidth; // restart the animation
  node.classList.add('flash');
  clearTimeout(node._flashTimer);
  node._flashTimer = setTimeout(() => node.classList.remove('flash'), 2000);
}

const smooth = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

function gotoMark(i, tr) {
  if (!view) return;
  for (const x of document.querySelectorAll('#doc tr[aria-current="true"]')) x.removeAttribute('aria-current');
  tr?.setAttribute('aria-current', 'true');
  const g = view.metricGroup[i];
  if (g == null) { note('这项指标在正文中没有位置。'); return; }
  if (!view.marks.has(g)) view.renderMore(view.groups[g].s);
  const mark = view.marks.get(g);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center', behavior: smooth() });
  flash(mark);
}

function gotoRow(g) {
  if (!view) return;
  const ids = view.groups[g]?.ids ?? [];
  let tr = null;
  for (const i of ids) if ((tr = $(`#doc table.metrics tbody tr[data-i="${i}"]`))) break;
  if (!tr && (settings.category || settings.text)) {
    // the row is filtered out: clear the filters so it can be shown
    settings.category = ''; settings.text = ''; saveSettings();
    $('#doc .f-category').value = ''; $('#doc .f-text').value = '';
    renderRows();
    tr = $(`#doc table.metrics tbody tr[data-i="${ids[0]}"]`);
  }
  if (!tr) return;
  for (const x of document.querySelectorAll('#doc tr[aria-current="true"]')) x.removeAttribute('aria-current');
  tr.setAttribute('aria-current', 'true');
  tr.scrollIntoView({ block: 'center', behavior: smooth() });
  tr.focus({ preventScroll: true });
  flash(tr);
}

// ------------------------------------------------------------------ across documents

// the comparison (compare.js) and the tidy long table (tidy.js) render when shown
const viewCtx = { docs, prefs: () => settings, save: saveSettings, note };
const views = { 'panel-compare': mountCompare(viewCtx), 'panel-tidy': mountTidy(viewCtx) };
let compareTimer = 0;
function scheduleCompare() {
  clearTimeout(compareTimer);
  compareTimer = setTimeout(updateViews, running ? 400 : 0);
}
function updateViews() { for (const v of Object.values(views)) v.update(); }

function setupTabs() {
  const tabs = [...document.querySelectorAll('#results [role="tab"]')];
  const show = (t) => {
    for (const x of tabs) {
      const on = x === t;
      x.setAttribute('aria-selected', String(on));
      x.tabIndex = on ? 0 : -1;
      $(`#${x.getAttribute('aria-controls')}`).hidden = !on;
    }
    views[t.getAttribute('aria-controls')]?.show();
  };
  for (const t of tabs) {
    t.addEventListener('click', () => show(t));
    t.addEventListener('keydown', (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      const n = tabs[(tabs.indexOf(t) + step + tabs.length) % tabs.length];
      show(n);
      n.focus();
    });
  }
}

// ------------------------------------------------------------------ export

async function copyText(text, n) {
  await copyToClipboard(text);
  note(`已复制 ${n} 行到剪贴板，可直接粘贴到电子表格。`);
}

function setupExport() {
  const done = () => docs.filter((d) => d.status === 'done');
  $('#export-csv').addEventListener('click', () => {
    download('zhibiao-metrics.csv', 'text/csv;charset=utf-8', metricsCsv(done().map((d) => ({ file: d.name, report: d.report }))));
  });
  $('#export-json').addEventListener('click', async () => {
    // whole reports: with their keywords, which follow the figures
    await Promise.all(done().map((d) => d.keywordsReady));
    download('zhibiao-reports.json', 'application/json', `${JSON.stringify(done().map((d) => specReport(d.report)), null, 2)}\n`);
  });
}

// ------------------------------------------------------------------ start

applyTheme();
$('#theme').addEventListener('change', (e) => { settings.theme = e.target.value; saveSettings(); applyTheme(); updateViews(); });
$('#reset-settings').addEventListener('click', () => {
  try { localStorage.removeItem(STORE); } catch { /* ignore */ }
  settings = structuredClone(DEFAULTS);
  applyTheme();
  renderDoc();
  updateViews();
  note('设置已恢复默认。');
});
setupInput();
setupTabs();
setupExport();

/** Show a report made elsewhere (an exported JSON, the native CLI) as a finished document. */
function addReport(name, report, ms = 0) {
  const d = { id: nextDocId++, file: new File([report.text ?? ''], name), name, size: report.source?.bytes ?? 0,
    status: 'done', report: ensureUtf16Spans(report), ms };
  docs.push(d);
  $('#file-list').append(fileCard(d));
  $('#empty-files').hidden = true;
  $('#clear').disabled = false;
  $('#export-csv').disabled = $('#export-json').disabled = false;
  select(d.id);
  scheduleCompare();
  return d.id;
}

// for the page tests and for the curious
window.__zhibiao = { docs, bridge, pool: bridge, addReport, select, get settings() { return settings; }, get workerInfo() { return workerInfo; } };
