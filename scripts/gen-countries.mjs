#!/usr/bin/env node
// Writes lexicons/countries.txt, the foreign countries and territories a figure's clause may
// name, from the npm package `i18n-iso-countries` (a pinned devDependency): the Chinese short
// names of the ISO 3166-1 codes (langs/zh.json). Run `npm run gen-countries`.
//
// Left out: CN, HK, MO and TW (the nation and its divisions come from lexicons/divisions.tsv),
// and 中非 (CF), which Chinese news writes far more often as 中国–非洲 (中非合作).
// The output depends only on the package's files: rows sorted by code, no timestamps.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PKG = 'i18n-iso-countries';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'lexicons', 'countries.txt');
const pkgDir = dirname(createRequire(import.meta.url).resolve(`${PKG}/package.json`));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const zh = JSON.parse(readFileSync(join(pkgDir, 'langs', 'zh.json'), 'utf8')).countries;

const LEFT_OUT = new Set(['CN', 'HK', 'MO', 'TW', 'CF']);
// The package's short names that abbreviate a name news also writes in full (外交部
// 《国家和组织》 names): the full form too, so that 印度尼西亚 is not read as 印度.
const ALSO = {
  ID: ['印度尼西亚'],
  AE: ['阿拉伯联合酋长国'],
  BA: ['波斯尼亚和黑塞哥维那'],
  SA: ['沙特'],
};
const rows = Object.keys(zh)
  .sort()
  .filter((code) => !LEFT_OUT.has(code))
  .flatMap((code) => [zh[code], ...(ALSO[code] ?? [])].flat().map((name) => `${code} ${name.replace(/（/g, '(').replace(/）/g, ')')}`));

writeFileSync(
  out,
  [
    `# Foreign countries and territories: ISO 3166-1 alpha-2 code and Chinese short name, from`,
    `# the npm package ${PKG} ${pkg.version} (langs/zh.json), written by scripts/gen-countries.mjs.`,
    `# CN, HK, MO, TW are the nation and its divisions (lexicons/divisions.tsv); 中非 (CF) is left`,
    `# out: news writes it for 中国–非洲 far more often than for the Central African Republic.`,
    ...rows,
    '',
  ].join('\n'),
);
console.log(`wrote ${rows.length} names to ${out}`);
