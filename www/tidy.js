// The tidy long table: one row per metric across all documents (document, indicator, key,
// region, period, value, unit, change), sortable, filterable, exported as CSV or JSON.
import { $, el, download, sortHeader } from './dom.js';
import { tidyRecords, tidyCsv, tidyJson, readableValue, readableChange, periodParts, periodKey, compareValues } from './format.js';

export const TIDY_DEFAULTS = { tidySort: { col: 'document', dir: 1 }, tidyFilter: '', tidyStandardOnly: false };

// the table's columns: header, cell text, sort value
const COLUMNS = [
  { key: 'document', label: '文档', text: (r) => r.document, sort: (r) => r.document },
  { key: 'indicator', label: '指标', text: (r) => r.indicator, sort: (r) => r.indicator },
  { key: 'indicator_key', label: '指标键', text: (r) => r.indicator_key ?? '—', sort: (r) => r.indicator_key ?? '\uffff' },
  { key: 'region', label: '地区', text: (r) => r.region ?? '—', sort: (r) => r.region ?? '\uffff' },
  { key: 'period', label: '时期', text: (r) => periodText(r.metric.period), sort: (r) => periodKey(r.metric.period) },
  { key: 'value', label: '数值', text: (r) => readableValue(r.metric), sort: (r) => r.value ?? -Infinity, num: true },
  { key: 'unit', label: '单位', text: (r) => r.unit, sort: (r) => r.unit },
  { key: 'change', label: '变化', text: (r) => readableChange(r.metric.change).text,
    sort: (r) => readableChange(r.metric.change).signed ?? -Infinity, num: true },
];

function periodText(p) {
  const { text, bounds } = periodParts(p);
  if (!text && !bounds) return '—';
  if (!bounds) return `${text}（未解析）`;
  return text && text !== bounds ? `${text}（${bounds}）` : bounds;
}

/**
 * Mounts the view on #panel-tidy. `ctx`: { docs (the live list), prefs(), save(), note() }.
 * Returns { update(), show() }.
 */
export function mountTidy(ctx) {
  const panel = $('#panel-tidy');
  const table = $('#tidy-table');
  const filter = $('#tidy-filter');
  const stdOnly = $('#tidy-standard');
  let stale = true;
  let records = [];
  let token = 0;
  const prefs = () => ctx.prefs();

  const done = () => ctx.docs.filter((d) => d.status === 'done')
    .map((d) => ({ file: d.name, title: d.report.document?.title, report: d.report }));

  /** The records shown: filtered by the text and the standard-only box, sorted. */
  function shown() {
    const q = prefs().tidyFilter.trim().toLowerCase();
    const std = prefs().tidyStandardOnly;
    const rows = records.map((r, i) => ({ r, i })).filter(({ r }) => (!std || r.indicator_key)
      && (!q || COLUMNS.some((c) => String(c.text(r)).toLowerCase().includes(q)) || r.file.toLowerCase().includes(q)));
    const col = COLUMNS.find((c) => c.key === prefs().tidySort.col) ?? COLUMNS[0];
    const dir = prefs().tidySort.dir;
    rows.sort((a, b) => dir * compareValues(col.sort(a.r), col.sort(b.r)) || a.i - b.i);
    return rows.map(({ r }) => r);
  }

  function renderHead() {
    const sort = prefs().tidySort;
    $('thead', table).replaceChildren(el('tr', {}, ...COLUMNS.map((c) => sortHeader(c.key, c.label, sort, (col) => {
      prefs().tidySort = { col, dir: sort.col === col ? -sort.dir : 1 };
      ctx.save();
      renderHead();
      renderRows();
    }))));
  }

  function renderRows() {
    const t = ++token;
    const rows = shown();
    $('#tidy-count').textContent = rows.length === records.length ? `${rows.length} 行` : `${rows.length} / ${records.length} 行`;
    for (const b of [$('#tidy-csv'), $('#tidy-json')]) b.disabled = rows.length === 0;
    const tbody = $('tbody', table);
    tbody.replaceChildren();
    if (!rows.length) {
      tbody.append(el('tr', {}, el('td', { colspan: String(COLUMNS.length), class: 'muted', text: records.length ? '没有符合筛选的行。' : '还没有找到指标的文档。' })));
      return;
    }
    let start = 0;
    const chunk = () => {
      if (t !== token) return;
      const frag = document.createDocumentFragment();
      for (const r of rows.slice(start, start + 300)) {
        const tr = el('tr', { title: r.metric.sentence ?? '' });
        for (const c of COLUMNS) {
          const td = el('td', { class: `t-${c.key}${c.num ? ' num' : ''}`, text: String(c.text(r)) });
          if (c.key === 'change' && r.metric.change) {
            td.classList.add(r.metric.change.direction);
            td.setAttribute('aria-label', readableChange(r.metric.change).label);
          }
          if (c.key === 'value') td.title = r.raw;
          tr.append(td);
        }
        frag.append(tr);
      }
      tbody.append(frag);
      start += 300;
      if (start < rows.length) setTimeout(chunk, 0);
    };
    chunk();
  }

  function render() {
    records = tidyRecords(done());
    filter.value = prefs().tidyFilter;
    stdOnly.checked = prefs().tidyStandardOnly;
    renderHead();
    renderRows();
  }

  filter.addEventListener('input', () => { prefs().tidyFilter = filter.value; ctx.save(); renderRows(); });
  stdOnly.addEventListener('change', () => { prefs().tidyStandardOnly = stdOnly.checked; ctx.save(); renderRows(); });
  // the export is what the table shows: its filter and its order
  $('#tidy-csv').addEventListener('click', () => {
    const rows = shown();
    download('zhibiao-tidy.csv', 'text/csv;charset=utf-8', tidyCsv(rows));
    ctx.note(`已导出 ${rows.length} 行（CSV）。`);
  });
  $('#tidy-json').addEventListener('click', () => {
    const rows = shown();
    download('zhibiao-tidy.json', 'application/json', tidyJson(rows));
    ctx.note(`已导出 ${rows.length} 行（JSON）。`);
  });

  const update = () => {
    if (panel.hidden) { stale = true; return; }
    stale = false;
    render();
  };
  return { update, show: () => { if (stale) update(); } };
}
