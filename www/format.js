// Pure functions of the view: readable values, labels, grouping keys, CSV/TSV.
// No DOM here, so node's test runner can check them directly (tests/e2e/format.test.mjs).

export const CATEGORIES = {
  economy: '经济发展',
  income: '居民收入',
  employment: '就业',
  poverty_rural: '脱贫与乡村',
  education: '教育',
  health: '医疗卫生',
  housing_urban: '住房与城建',
  elderly_childcare: '养老托育',
  social_security: '社会保障',
  culture_sports: '文化体育',
  environment: '生态环境',
  governance_civility: '治理与文明',
  public_services: '公共服务',
  other: '其他',
};

export const categoryLabel = (c) => CATEGORIES[c] ?? c ?? '';

export const SCRIPTS = { simplified: '简体', traditional: '繁体' };
export const FORMATS = { text: '纯文本', html: 'HTML', markdown: 'Markdown' };
export const APPROX = { about: '约', over: '超过', under: '不到' };

// Units whose numbers are never scaled to 万/亿 (ages, temperatures, ratios, rates, multiples).
const UNSCALED = new Set(['%', '‰', '倍', '比', '岁', '℃', '个百分点', '百分点', '分', '年', '月', '天', '小时']);

/** A number without floating-point noise: at most `digits` significant digits, no exponent. */
export function num(v, digits = 12) {
  if (!Number.isFinite(v)) return String(v);
  const r = Number(v.toPrecision(digits));
  if (Math.abs(r) >= 1e21) return r.toExponential();
  // toLocaleString would add thousands separators in some locales; keep plain digits
  let s = r.toString();
  if (s.includes('e')) s = r.toFixed(20).replace(/\.?0+$/, '');
  return s;
}

const decimals = (x) => (num(x, 10).split('.')[1] ?? '').length;

/**
 * The scale (亿/万/none) for values in a unit: the largest that writes every value with at
 * most two decimals (`142.18 亿`, `38.3 万`, but `21713 元`); very large values take 亿/万
 * even with more decimals rather than a long row of digits.
 */
function scaleFor(values, unit) {
  if (UNSCALED.has(unit) || unit.startsWith('%')) return [1, ''];
  const a = Math.max(...values.map(Math.abs));
  const fits = (f) => values.every((v) => decimals(v / f) <= 2);
  if (a >= 1e8 && fits(1e8)) return [1e8, '亿'];
  if (a >= 1e4 && fits(1e4)) return [1e4, '万'];
  if (a >= 1e9) return [1e8, '亿'];
  if (a >= 1e6) return [1e4, '万'];
  return [1, ''];
}

/**
 * The value of a metric as people write it: `142.18 亿元`, `38.3 万人`, `5.1%`, `约 2 万户`,
 * `8%–10%`, `1.49:1` (ratios keep their raw form).
 */
export function readableValue(m) {
  const unit = m.unit ?? '';
  if (unit === '比' && m.raw) return m.raw;
  const hi = m.value_max ?? null;
  const [f, prefix] = scaleFor(hi == null ? [m.value] : [m.value, hi], unit);
  const lo = num(m.value / f, 10);
  const range = hi == null ? lo : `${lo}–${num(hi / f, 10)}`;
  const tight = unit === '%' || unit === '‰' || unit === '℃';
  const u = prefix + unit;
  let s = tight && !prefix ? `${range}${u}` : u ? `${range} ${u}` : range;
  if (m.approx && APPROX[m.approx]) s = `${APPROX[m.approx]} ${s}`;
  return s;
}

/** `↑ 3.7%` / `↓ 0.2 个百分点`, and a spoken form for screen readers. */
export function readableChange(c) {
  if (!c) return { text: '', label: '', signed: null };
  const up = c.direction === 'up';
  const v = readableValue({ value: c.value, unit: c.unit ?? '' });
  return {
    text: `${up ? '↑' : '↓'} ${v}`,
    label: `${up ? '增长' : '下降'} ${v}`,
    signed: up ? c.value : -c.value,
  };
}

export function readablePeriod(p) {
  if (!p) return '';
  return p.text ?? [p.start, p.end].filter(Boolean).join('–');
}

export function readableBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${num(n / 1024, 3)} KB`;
  return `${num(n / 1024 / 1024, 3)} MB`;
}

// Region words and verbs that can lead an indicator; the key drops them so the same
// indicator lines up across documents (`全市地区生产总值` and `地区生产总值`).
const LEADING = /^(?:全(?:市|区|县|省|国|州|镇|乡|旗|盟)|我(?:市|区|县|省|国)|本(?:市|区|县)|今年|去年|上年|全年)+/u;
const PUNCT = /[\s\p{P}\p{S}]/gu;

/** A normalised indicator key: NFKC, no spaces or punctuation, no leading region word, lower case. */
export function indicatorKey(indicator) {
  let k = (indicator ?? '').normalize('NFKC').replace(PUNCT, '').toLowerCase();
  const stripped = k.replace(LEADING, '');
  return stripped || k;
}

/**
 * What a metric is, across documents: its `indicator_key` (SPEC §2, the canonical name of a
 * standard indicator) when the core gives one, else the normalised phrase. The two never
 * share a key, so a row grouped by wording is never mistaken for a standard indicator.
 */
export function indicatorIdentity(m) {
  return m.indicator_key ? `k:${m.indicator_key}` : `p:${indicatorKey(m.indicator)}`;
}

/** The comparison key of a metric: what it measures and its unit (人 and % never mix). */
export function groupKey(m) {
  return `${indicatorIdentity(m)}\u0000${m.unit ?? ''}`;
}

// ---------------------------------------------------------------- periods

const YMD = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;
const lastDay = (y, mo) => new Date(Date.UTC(+y, +mo, 0)).getUTCDate();

/** A period's resolved bounds as dates: `2023-01-01 至 2023-06-30`; '' when unresolved. */
export function isoBounds(p) {
  if (!p || (!p.start && !p.end)) return '';
  if (!p.start) return `截至 ${p.end}`;
  if (!p.end) return `${p.start} 起`;
  return p.start === p.end ? p.start : `${p.start} 至 ${p.end}`;
}

/**
 * A period's resolved bounds, compact: `2023年`, `2021–2025年`, `2023年1–6月`, `2023年3月`,
 * else `2023-01-01 至 2023-06-20`, `2023-01-01 起`, `截至 2021-06-20`; '' when unresolved.
 */
export function boundsLabel(p) {
  if (!p?.start || !p.end) return isoBounds(p);
  const a = YMD.exec(p.start);
  const b = YMD.exec(p.end);
  if (a && b) {
    const [, y1, m1 = '01', d1 = '01'] = a;
    const [, y2, m2 = '12', d2 = String(lastDay(y2, m2))] = b;
    const wholeMonths = d1 === '01' && +d2 === lastDay(y2, m2);
    if (wholeMonths && m1 === '01' && m2 === '12') return y1 === y2 ? `${y1}年` : `${y1}–${y2}年`;
    if (wholeMonths && y1 === y2) return m1 === m2 ? `${y1}年${+m1}月` : `${y1}年${+m1}–${+m2}月`;
  }
  return isoBounds(p);
}

/**
 * The period as written and as resolved: { text: '今年', bounds: '2023年', iso: '2023-01-01 至
 * 2023-12-31' } ('' for none).
 */
export function periodParts(p) {
  if (!p) return { text: '', bounds: '', iso: '' };
  return { text: p.text ?? '', bounds: boundsLabel(p), iso: isoBounds(p) };
}

/**
 * Where a period sorts and lines up: resolved bounds first (two documents' `今年` are
 * different years), then the text of unresolved ones, then no period.
 */
export function periodKey(p) {
  // letters, not digits, lead: a numeric collation would read `02022…` as a number
  if (p?.start || p?.end) return `a${p.start ?? ''}|${p.end ?? ''}`;
  if (p?.text) return `b${p.text}`;
  return 'c';
}

/** The scale (factor, prefix) that writes all these values in a unit readably: [1e8, '亿']. */
export function unitScale(values, unit) {
  const vs = values.filter(Number.isFinite);
  return vs.length ? scaleFor(vs, unit ?? '') : [1, ''];
}

// ---------------------------------------------------------------- CSV / TSV

/** A text cell for CSV: formula-injection escaped, quoted when needed. */
export function csvText(s) {
  s = s == null ? '' : String(s);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** A number cell for CSV: a plain number, empty for null. */
export function csvNumber(v) {
  return v == null || !Number.isFinite(v) ? '' : num(v, 15);
}

export const CSV_COLUMNS = [
  ['文件', 'text', (d) => d.file],
  ['标题', 'text', (d) => d.report.document?.title],
  ['指标', 'text', (d, m) => m.indicator],
  ['数值', 'number', (d, m) => m.value],
  ['单位', 'text', (d, m) => m.unit],
  ['数值上限', 'number', (d, m) => m.value_max],
  ['约数', 'text', (d, m) => (m.approx ? APPROX[m.approx] ?? m.approx : '')],
  ['可读值', 'text', (d, m) => readableValue(m)],
  ['变化方向', 'text', (d, m) => (m.change ? (m.change.direction === 'up' ? '增长' : '下降') : '')],
  ['变化值', 'number', (d, m) => m.change?.value],
  ['变化单位', 'text', (d, m) => m.change?.unit],
  ['时期', 'text', (d, m) => m.period?.text],
  ['起', 'text', (d, m) => m.period?.start],
  ['止', 'text', (d, m) => m.period?.end],
  ['地区', 'text', (d, m) => m.region],
  ['类别', 'text', (d, m) => categoryLabel(m.category)],
  ['原文', 'text', (d, m) => m.raw],
  ['句子', 'text', (d, m) => m.sentence],
  ['指标键', 'text', (d, m) => m.indicator_key],
];

/**
 * One CSV of the metrics of many documents: UTF-8 BOM (spreadsheets then read Chinese
 * correctly), CRLF, numbers as numbers, text escaped against formula injection.
 * `docs` is [{file, report}].
 */
export function metricsCsv(docs) {
  const lines = [CSV_COLUMNS.map(([h]) => csvText(h)).join(',')];
  for (const d of docs) {
    for (const m of d.report.metrics ?? []) {
      lines.push(CSV_COLUMNS.map(([, kind, get]) => (kind === 'number' ? csvNumber(get(d, m)) : csvText(get(d, m)))).join(','));
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Tab-separated rows for pasting into a spreadsheet (tabs and newlines in cells become spaces). */
export function tsv(rows) {
  return rows
    .map((r) => r.map((c) => (c == null ? '' : typeof c === 'number' ? num(c, 15) : String(c).replace(/[\t\r\n]+/g, ' '))).join('\t'))
    .join('\n') + '\n';
}

/** A report as the SPEC defines it: without the browser-only UTF-16 spans. */
export function specReport(r) {
  return {
    ...r,
    metrics: (r.metrics ?? []).map(({ span_utf16, original_span_utf16, ...m }) => m),
  };
}

/** Sort values for a metrics-table column. */
export function sortValue(m, col) {
  switch (col) {
    case 'indicator': return m.indicator ?? '';
    case 'value': return m.value ?? -Infinity;
    case 'unit': return m.unit ?? '';
    case 'change': return m.change ? (m.change.direction === 'up' ? m.change.value : -m.change.value) : -Infinity;
    case 'period': return m.period?.start ?? m.period?.text ?? '';
    case 'region': return m.region ?? '';
    case 'category': return categoryLabel(m.category);
    case 'raw': return m.raw ?? '';
    case 'pos': return m.span?.[0] ?? 0;
    default: return '';
  }
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
export function compareValues(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** UTF-16 offsets of many char (Unicode scalar) offsets into `s`, in one pass. */
export function charToUtf16Offsets(s, offsets) {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const map = new Map();
  let ci = 0;
  let ui = 0;
  let k = 0;
  while (k < wanted.length && ui <= s.length) {
    while (k < wanted.length && wanted[k] === ci) map.set(wanted[k++], ui);
    if (ui >= s.length) break;
    const cp = s.codePointAt(ui);
    ui += cp > 0xffff ? 2 : 1;
    ci++;
  }
  for (; k < wanted.length; k++) map.set(wanted[k], s.length);
  return map;
}

/**
 * Reports made by the wasm module carry `span_utf16` (and `original_span_utf16`); reports
 * from elsewhere (a JSON export, the native CLI) get them computed here from `span`.
 */
export function ensureUtf16Spans(r) {
  const ms = r.metrics ?? [];
  if (ms.every((m) => m.span_utf16 && (r.original_text == null || m.original_span_utf16))) return r;
  const offs = ms.flatMap((m) => m.span ?? []);
  const inText = charToUtf16Offsets(r.text ?? '', offs);
  const inOrig = r.original_text != null ? charToUtf16Offsets(r.original_text, offs) : null;
  for (const m of ms) {
    if (!m.span) continue;
    m.span_utf16 = m.span.map((o) => inText.get(o));
    if (inOrig) m.original_span_utf16 = m.span.map((o) => inOrig.get(o));
  }
  return r;
}

// ---------------------------------------------------------------- the tidy long table

/**
 * One record per metric across documents, flat (tidy data: one row per observation, one
 * column per variable). `docs` is [{file, title, report}]; keys are the export's columns.
 */
export function tidyRecords(docs) {
  const out = [];
  for (const d of docs) {
    for (const m of d.report.metrics ?? []) {
      out.push({
        document: d.title || d.file,
        file: d.file,
        indicator: m.indicator ?? '',
        indicator_key: m.indicator_key ?? null,
        region: m.region ?? null,
        period: m.period?.text ?? null,
        period_start: m.period?.start ?? null,
        period_end: m.period?.end ?? null,
        value: m.value ?? null,
        value_max: m.value_max ?? null,
        approx: m.approx ?? null,
        unit: m.unit ?? '',
        change_direction: m.change?.direction ?? null,
        change_value: m.change?.value ?? null,
        change_unit: m.change?.unit ?? null,
        raw: m.raw ?? '',
        metric: m,
      });
    }
  }
  return out;
}

/** The tidy export's columns, in order, and which are numbers. */
export const TIDY_FIELDS = [
  ['document', 'text'], ['file', 'text'], ['indicator', 'text'], ['indicator_key', 'text'],
  ['region', 'text'], ['period', 'text'], ['period_start', 'text'], ['period_end', 'text'],
  ['value', 'number'], ['value_max', 'number'], ['approx', 'text'], ['unit', 'text'],
  ['change_direction', 'text'], ['change_value', 'number'], ['change_unit', 'text'], ['raw', 'text'],
];

/** The tidy records as CSV: BOM, CRLF, numbers as numbers, text escaped against formulas. */
export function tidyCsv(records) {
  const lines = [TIDY_FIELDS.map(([k]) => k).join(',')];
  for (const r of records) lines.push(TIDY_FIELDS.map(([k, kind]) => (kind === 'number' ? csvNumber(r[k]) : csvText(r[k]))).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The tidy records as JSON: an array of flat objects with the CSV's columns. */
export function tidyJson(records) {
  return `${JSON.stringify(records.map((r) => Object.fromEntries(TIDY_FIELDS.map(([k]) => [k, r[k]]))), null, 2)}\n`;
}
