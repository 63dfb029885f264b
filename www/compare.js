// The cross-document view: one row per indicator and unit, columns by document, region or
// period, and a chart of one indicator. Rows group by the metric's `indicator_key` (SPEC §2)
// and fall back to the normalised phrase when the core gives none. Every value carries its
// region and period, so two cells never look alike when they are not.
import { $, el, copyToClipboard } from './dom.js';
import {
  CATEGORIES, categoryLabel, readableValue, groupKey, periodParts, periodKey, boundsLabel, unitScale,
  num, tsv, compareValues,
} from './format.js';

export const COMPARE_DEFAULTS = { chart: '__categories', compareFilter: '', compareCols: 'doc', chartKind: 'auto' };

const NO_REGION = '（地区不详）';
const NO_PERIOD = '（时期不详）';
const docLabel = (d) => d.report?.document?.title || d.name;

/** How one value reads: value, region, period as written and as resolved, its document. */
function pointContext(p) {
  const { text, iso } = periodParts(p.m.period);
  return {
    value: readableValue(p.m),
    region: p.m.region || NO_REGION,
    period: text || NO_PERIOD,
    bounds: p.m.period ? iso || '未解析' : '',
    doc: docLabel(p.d),
  };
}

// The three ways to lay out columns: each gives a point's column key, a column's label, and
// the columns' order.
const AXES = {
  doc: {
    label: '文档',
    key: (p) => `d${p.d.id}`,
    head: (p) => ({ text: docLabel(p.d), title: p.d.name }),
    order: (a, b) => a.first.d.id - b.first.d.id,
  },
  region: {
    label: '地区',
    key: (p) => p.m.region ?? '',
    head: (p) => ({ text: p.m.region || NO_REGION }),
    order: (a, b) => (a.key === '') - (b.key === '') || b.n - a.n || compareValues(a.key, b.key),
  },
  period: {
    label: '时期',
    key: (p) => periodKey(p.m.period),
    head: (p) => {
      const { text, bounds } = periodParts(p.m.period);
      return bounds ? { text: bounds, title: `${periodParts(p.m.period).iso}（原文：${text}）` } : { text: text ? `${text}（未解析）` : NO_PERIOD };
    },
    order: (a, b) => compareValues(a.key, b.key),
  },
};

/** Documents with metrics, and the groups of their metrics by indicator and unit. */
function collect(docs) {
  const ok = docs.filter((d) => d.status === 'done' && d.report.metrics.length > 0);
  const groups = new Map();
  for (const d of ok) {
    d.report.metrics.forEach((m, i) => {
      const k = groupKey(m);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { key: k, std: !!m.indicator_key, names: new Map(), unit: m.unit ?? '', points: [], docs: new Set() }));
      g.names.set(m.indicator, (g.names.get(m.indicator) ?? 0) + 1);
      g.points.push({ d, m, i });
      g.docs.add(d.id);
    });
  }
  for (const g of groups.values()) {
    g.label = g.std ? g.points[0].m.indicator_key : [...g.names].sort((a, b) => b[1] - a[1])[0][0];
  }
  const list = [...groups.values()].sort((a, b) => b.docs.size - a.docs.size || b.std - a.std || compareValues(a.label, b.label));
  return { ok, list };
}

/** The columns of an axis over some points, in order. */
function columnsOf(axis, points) {
  const cols = new Map();
  for (const p of points) {
    const k = axis.key(p);
    const c = cols.get(k);
    if (c) c.n++;
    else cols.set(k, { key: k, first: p, n: 1 });
  }
  return [...cols.values()].sort(axis.order);
}

let chartLibrary = null;
function loadChartLibrary() {
  chartLibrary ??= new Promise((resolve, reject) => {
    const s = el('script', { src: new URL('./vendor/chart.umd.min.js', import.meta.url).href });
    s.onload = resolve;
    s.onerror = () => { chartLibrary = null; s.remove(); reject(new Error('chart.js')); };
    document.head.append(s);
  });
  return chartLibrary;
}

const cssVar = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#ea580c', '#4f46e5', '#0d9488', '#9333ea', '#ca8a04', '#6b7280'];
const short = (t, n = 16) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

/**
 * The chart of one indicator: a line over resolved periods (one line per region), or bars
 * across regions (one series per period). Several values for one place and time: the first
 * in document order. Values are scaled to a readable unit (万人, 亿元).
 */
function indicatorChart(g, kind) {
  const resolved = g.points.filter((p) => p.m.period?.start || p.m.period?.end);
  const periods = columnsOf(AXES.period, resolved);
  const line = kind === 'line' || (kind === 'auto' && periods.length >= 2);
  const [f, prefix] = unitScale(g.points.flatMap((p) => [p.m.value, p.m.value_max ?? NaN]), g.unit);
  const unit = `${prefix}${g.unit}`;
  const scaled = (v) => Number((v / f).toPrecision(12));
  let labels;
  let series; // [{label, key}]: one line or bar series each
  let xs;
  if (line) {
    xs = periods;
    labels = periods.map((c) => boundsLabel(c.first.m.period));
    series = columnsOf(AXES.region, resolved).map((r) => ({ label: r.first.m.region || NO_REGION, key: r.key }));
  } else {
    xs = columnsOf(AXES.region, g.points);
    labels = xs.map((c) => short(c.first.m.region || NO_REGION));
    series = columnsOf(AXES.period, g.points).map((c) => ({ label: AXES.period.head(c.first).text, key: c.key }));
  }
  const xAxis = line ? AXES.period : AXES.region;
  const sAxis = line ? AXES.region : AXES.period;
  const first = new Map(); // x key, series key → the first point there
  const drawn = line ? resolved : g.points;
  for (const p of drawn) {
    const k = `${xAxis.key(p)}\u0001${sAxis.key(p)}`;
    if (!first.has(k)) first.set(k, p);
  }
  const pick = (s, x) => first.get(`${x.key}\u0001${s.key}`);
  const datasets = series.map((s, k) => {
    const pts = xs.map((x) => pick(s, x));
    return {
      label: s.label,
      data: pts.map((p) => (p ? scaled(p.m.value) : null)),
      points: pts,
      borderColor: PALETTE[k % PALETTE.length],
      pointRadius: 5,
      backgroundColor: PALETTE[k % PALETTE.length],
      spanGaps: true,
    };
  });
  const dropped = line ? g.points.length - resolved.length : 0;
  const how = line ? '按时期的折线，每个地区一条线' : '各地区的柱状图，每个时期一组';
  const caption = `“${g.label}”（${g.unit || '无单位'}）：${how}；单位：${unit || '无'}。`
    + (dropped ? `${dropped} 个数值没有可解析的时期，未画出。` : '')
    + (drawn.length > first.size ? '同一地区同一时期有多个数值时取第一个。' : '');
  return { type: line ? 'line' : 'bar', labels, datasets, unit, caption };
}

/**
 * Mounts the view on the page's #panel-compare. `ctx`: { docs (the live list), prefs()
 * (the settings object), save(), note(text) }. Returns { update(), show() }.
 */
export function mountCompare(ctx) {
  const panel = $('#panel-compare');
  const table = $('#compare-table');
  const chartSel = $('#chart-mode');
  const kindSel = $('#chart-kind');
  const filter = $('#compare-filter');
  let stale = true;
  let chart = null;
  let data = { ok: [], list: [] };
  let renderToken = 0;

  const prefs = () => ctx.prefs();
  const axis = () => AXES[prefs().compareCols] ?? AXES.doc;
  const visibleRows = () => {
    const q = prefs().compareFilter.trim().toLowerCase();
    return data.list.filter((g) => !q || g.label.toLowerCase().includes(q) || [...g.names.keys()].some((n) => n.toLowerCase().includes(q)));
  };

  function syncControls() {
    filter.value = prefs().compareFilter;
    kindSel.value = prefs().chartKind;
    for (const r of panel.querySelectorAll('input[name="compare-cols"]')) r.checked = r.value === (AXES[prefs().compareCols] ? prefs().compareCols : 'doc');
  }

  function pointNode(p, showDoc) {
    const c = pointContext(p);
    const where = el('span', { class: 'ctx' }, el('span', { class: 'region', text: c.region }), ' · ',
      el('span', { class: 'period', text: c.period }));
    if (c.bounds) where.append(' ', el('span', { class: 'bounds', text: c.bounds }));
    const node = el('div', { class: 'pt', title: `${p.m.raw ?? ''}\n${p.m.sentence ?? ''}`.trim(), dataset: { region: c.region, period: c.period, bounds: c.bounds } },
      el('span', { class: 'val', text: c.value }), where);
    if (showDoc) node.append(el('span', { class: 'src', text: c.doc }));
    return node;
  }

  function renderTable() {
    const token = ++renderToken;
    const ax = axis();
    const rows = visibleRows();
    const cols = columnsOf(ax, rows.flatMap((g) => g.points));
    table.dataset.cols = prefs().compareCols;
    const head = el('tr', {}, el('th', { scope: 'col', text: '指标' }), el('th', { scope: 'col', text: '单位' }), el('th', { scope: 'col', text: '文档数' }),
      ...cols.map((c) => { const h = ax.head(c.first); return el('th', { scope: 'col', title: h.title, text: h.text }); }));
    $('thead', table).replaceChildren(head);
    const tbody = $('tbody', table);
    tbody.replaceChildren();
    const showDoc = ax !== AXES.doc;
    let start = 0;
    const chunk = () => {
      if (token !== renderToken) return;
      const frag = document.createDocumentFragment();
      for (const g of rows.slice(start, start + 200)) {
        const byCol = new Map();
        for (const p of g.points) {
          const k = ax.key(p);
          if (!byCol.has(k)) byCol.set(k, []);
          byCol.get(k).push(p);
        }
        const names = [...g.names.keys()];
        const th = el('th', { scope: 'row', title: names.join(' / ') }, el('span', { class: 'label', text: g.label }));
        th.append(el('span', { class: `tag ${g.std ? 'std' : 'phrase'}`, text: g.std ? '标准指标' : '按字面归组' }));
        if (g.std || names.length > 1) th.append(el('span', { class: 'names', text: `原文：${names.join('、')}` }));
        frag.append(el('tr', { dataset: { key: g.key } }, th,
          el('td', { class: 'unit', text: g.unit || '—' }), el('td', { class: 'num', text: String(g.docs.size) }),
          ...cols.map((c) => el('td', { class: 'cell' }, ...(byCol.get(c.key) ?? []).map((p) => pointNode(p, showDoc))))));
      }
      tbody.append(frag);
      start += 200;
      if (start < rows.length) setTimeout(chunk, 0);
    };
    chunk();
    if (!rows.length) tbody.append(el('tr', {}, el('td', { colspan: String(3 + cols.length), class: 'muted', text: data.ok.length ? '没有符合筛选的指标。' : '还没有找到指标的文档。' })));
  }

  function render() {
    data = collect(ctx.docs);
    syncControls();
    renderTable();
    chartSel.replaceChildren(el('option', { value: '__categories', text: '各文档按类别的指标数' }),
      ...data.list.slice(0, 300).map((g) => el('option', { value: g.key, text: `${g.label}（${g.unit || '无单位'}）· ${g.docs.size} 篇` })));
    chartSel.value = data.list.some((g) => g.key === prefs().chart) ? prefs().chart : '__categories';
    drawChart();
  }

  function drawChart() {
    const caption = $('#chart-caption');
    const Chart = window.Chart;
    if (!Chart) {
      // the chart library (71 KB gzipped) is fetched the first time a chart is shown, not with the page
      caption.textContent = '图表库加载中…';
      loadChartLibrary().then(drawChart, () => { caption.textContent = '图表库未加载。'; });
      return;
    }
    chart?.destroy();
    chart = null;
    const fg = cssVar('--fg');
    const grid = cssVar('--border');
    const mode = chartSel.value || '__categories';
    const g = data.list.find((x) => x.key === mode);
    const { ok } = data;
    let spec;
    if (!g) {
      const cats = Object.keys(CATEGORIES).filter((c) => ok.some((d) => d.report.metrics.some((m) => m.category === c)));
      spec = {
        type: 'bar', unit: '指标数', stacked: true,
        labels: ok.map((d) => short(docLabel(d))),
        datasets: cats.map((c, k) => ({ label: categoryLabel(c), backgroundColor: PALETTE[k % PALETTE.length],
          data: ok.map((d) => d.report.metrics.filter((m) => m.category === c).length) })),
        caption: ok.length ? '各文档中每个类别的指标数（只列出找到指标的文档）。' : '还没有找到指标的文档。',
      };
    } else {
      spec = indicatorChart(g, kindSel.value);
    }
    caption.textContent = spec.caption;
    const canvas = $('#chart');
    canvas.setAttribute('aria-label', spec.caption);
    canvas.dataset.kind = g ? spec.type : 'categories';
    const tick = (v) => (g ? num(v, 10) : v);
    chart = new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: spec.datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          // one series needs no legend: the caption names it
          legend: { display: spec.datasets.length > 1, labels: { color: fg } },
          tooltip: g ? { callbacks: { label: (it) => {
            const p = it.dataset.points[it.dataIndex];
            if (!p) return '';
            const c = pointContext(p);
            return `${it.dataset.label}：${c.value}（${c.region}，${c.period}${c.bounds ? ` ${c.bounds}` : ''}，${short(c.doc, 24)}）`;
          } } } : {},
        },
        scales: {
          x: { stacked: !!spec.stacked, offset: true, ticks: { color: fg }, grid: { color: grid } },
          y: { stacked: !!spec.stacked, beginAtZero: true, ticks: { color: fg, precision: g ? undefined : 0, callback: tick }, grid: { color: grid },
            title: { display: !!spec.unit, text: spec.unit, color: fg } },
        },
      },
    });
  }

  /** The table as TSV: every value with its region and period, as on screen. */
  function tableTsv() {
    const ax = axis();
    const rows = visibleRows();
    const cols = columnsOf(ax, rows.flatMap((g) => g.points));
    const out = [['指标', '单位', '文档数', ...cols.map((c) => ax.head(c.first).text)]];
    for (const g of rows) {
      out.push([g.label, g.unit, g.docs.size, ...cols.map((c) => g.points.filter((p) => ax.key(p) === c.key).map((p) => {
        const x = pointContext(p);
        return `${x.value}（${[x.region, x.period, x.bounds, ax === AXES.doc ? '' : x.doc].filter(Boolean).join('，')}）`;
      }).join('；'))]);
    }
    return out;
  }

  chartSel.addEventListener('change', () => { prefs().chart = chartSel.value; ctx.save(); drawChart(); });
  kindSel.addEventListener('change', () => { prefs().chartKind = kindSel.value; ctx.save(); drawChart(); });
  filter.addEventListener('input', () => { prefs().compareFilter = filter.value; ctx.save(); renderTable(); });
  for (const r of panel.querySelectorAll('input[name="compare-cols"]')) {
    r.addEventListener('change', () => { if (r.checked) { prefs().compareCols = r.value; ctx.save(); renderTable(); } });
  }
  $('#copy-compare').addEventListener('click', async () => {
    const rows = tableTsv();
    await copyToClipboard(tsv(rows));
    ctx.note(`已复制 ${rows.length - 1} 行到剪贴板，可直接粘贴到电子表格。`);
  });

  const update = () => {
    if (panel.hidden) { stale = true; return; }
    stale = false;
    render();
  };
  return { update, show: () => { if (stale) update(); } };
}
