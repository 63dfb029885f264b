// The page's pure functions (www/format.js), in node: readable values, keys, CSV, spans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  readableValue, readableChange, indicatorKey, groupKey, csvText, metricsCsv, tsv, charToUtf16Offsets,
  ensureUtf16Spans, specReport, num,
} from '../../www/format.js';

test('values read as people write them', () => {
  assert.equal(readableValue({ value: 14218000000, unit: '元' }), '142.18 亿元');
  assert.equal(readableValue({ value: 383000, unit: '人' }), '38.3 万人');
  assert.equal(readableValue({ value: 5.1, unit: '%' }), '5.1%');
  assert.equal(readableValue({ value: 1640000000, unit: '元', approx: 'about' }), '约 16.4 亿元');
  assert.equal(readableValue({ value: 8, value_max: 10, unit: '%' }), '8–10%');
  assert.equal(readableValue({ value: 9000, value_max: 12000, unit: '元' }), '0.9–1.2 万元');
  assert.equal(readableValue({ value: 0.2, unit: '个百分点' }), '0.2 个百分点');
  assert.equal(readableValue({ value: 1.49, unit: '比', raw: '1.49:1' }), '1.49:1');
  assert.equal(readableValue({ value: 21713, unit: '元' }), '21713 元');
  assert.equal(readableValue({ value: 1234567891, unit: '元' }), '12.34567891 亿元');
  assert.equal(readableValue({ value: 72991000000, unit: '元' }), '729.91 亿元');
  assert.equal(readableValue({ value: 313, unit: '个' }), '313 个');
  assert.equal(readableValue({ value: 120000, unit: '岁' }), '120000 岁');
  assert.equal(readableValue({ value: 22100000, unit: '平方米' }), '2210 万平方米');
  assert.equal(num(0.1 + 0.2), '0.3');
  assert.deepEqual(readableChange({ direction: 'down', value: 76.5, unit: '%' }), { text: '↓ 76.5%', label: '下降 76.5%', signed: -76.5 });
});

test('indicator keys line up the same indicator across documents', () => {
  assert.equal(indicatorKey('全市地区生产总值'), indicatorKey('地区生产总值'));
  assert.equal(indicatorKey('ＧＤＰ 总量'), indicatorKey('gdp总量'));
  assert.equal(indicatorKey('全市'), '全市', 'never empty');
  assert.notEqual(groupKey({ indicator: '就业', unit: '人' }), groupKey({ indicator: '就业', unit: '%' }));
});

test('CSV: BOM, numbers as numbers, formula injection escaped, a file column', () => {
  const csv = metricsCsv([{ file: 'a,b.txt', report: { document: { title: '=cmd' }, metrics: [
    { indicator: '-x', value: 1e10, unit: '元', raw: '@a', sentence: 'he said "hi"\nbye', category: 'economy',
      change: { direction: 'down', value: 3.5, unit: '%' }, value_max: null, approx: null, period: null, region: null },
  ] } }]);
  assert.ok(csv.startsWith('\uFEFF文件,标题,指标,数值,'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines.length, 3);
  assert.ok(lines[1].startsWith(`"a,b.txt",'=cmd,'-x,10000000000,元,`));
  assert.ok(lines[1].includes(`,'@a,"he said ""hi""\nbye"`));
  assert.ok(lines[1].includes(',下降,3.5,%,'));
  assert.equal(csvText('+1'), "'+1");
  assert.equal(csvText('普通'), '普通');
  assert.equal(tsv([['a\tb', 1.5], ['c\nd', null]]), 'a b\t1.5\nc d\t\n');
});

test('UTF-16 spans with characters outside the BMP', () => {
  const s = '𠀀😀增长5.1%,a𠀀b';
  const m = charToUtf16Offsets(s, [0, 1, 4, 8, 10, 12, 99]);
  assert.deepEqual([...m.entries()].sort((a, b) => a[0] - b[0]), [[0, 0], [1, 2], [4, 6], [8, 10], [10, 12], [12, 15], [99, 15]]);
  assert.equal(s.slice(m.get(4), m.get(8)), '5.1%');
  const r = ensureUtf16Spans({ text: s, original_text: s, metrics: [{ raw: '5.1%', span: [4, 8] }] });
  assert.deepEqual(r.metrics[0].span_utf16, [6, 10]);
  assert.deepEqual(r.metrics[0].original_span_utf16, [6, 10]);
  assert.deepEqual(specReport(r).metrics[0], { raw: '5.1%', span: [4, 8] });
});
