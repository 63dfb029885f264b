// Shared by the page tests: the repository's paths, the wasm-pack.toml settings, a static
// server for dist/ under a sub-path, the native CLI's reports, and a Chromium launch.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile, readdir, stat, mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = path.resolve(ROOT, '../shared');
export const DIST = path.join(ROOT, 'dist');

export const config = JSON.parse(execFileSync('python3', [path.join(ROOT, 'scripts/webconf.py'), 'json'], { encoding: 'utf8' }));

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * Serves `dir` on 127.0.0.1 on a free port under `prefix` (a sub-path, to prove the site
 * works from any path). Returns { url, close, requests } (requests: every path asked for).
 * `hold(rel)`, if given, may return a promise the response waits for (a slow download).
 */
export async function serveStatic(dir, prefix = '/', { hold, type } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const u = new URL(req.url, 'http://x');
    let rel = decodeURIComponent(u.pathname);
    if (!rel.startsWith(prefix)) { res.writeHead(404).end(); return; }
    rel = rel.slice(prefix.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    await hold?.(rel);
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      const mime = type?.(rel) ?? MIME[path.extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': mime, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}

/** The files of the shared seeds and the practice corpus, sorted. */
export async function sharedArticles() {
  const out = [];
  for (const sub of ['seeds', 'corpus']) {
    const dir = path.join(SHARED, sub);
    if (!existsSync(dir)) continue;
    for (const name of (await readdir(dir)).sort()) {
      const p = path.join(dir, name);
      if ((await stat(p)).isFile()) out.push(p);
    }
  }
  return out;
}

const CLI = path.join(ROOT, 'target/release/zhibiao');

/**
 * The native CLI's report for one file, or null when it refuses the file. Tries
 * `zhibiao --format jsonl FILE`, then plain `zhibiao FILE` (the CLI before --format existed).
 */
export function nativeReport(file) {
  if (!existsSync(CLI)) execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'zhibiao'], { cwd: ROOT, stdio: 'inherit' });
  for (const args of [['--format', 'jsonl', file], [file]]) {
    try {
      const out = execFileSync(CLI, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
      const line = out.split('\n').find((l) => l.trim().startsWith('{'));
      if (line) return JSON.parse(line);
      if (args.length === 1) return null;
    } catch (e) {
      const line = String(e.stdout ?? '').split('\n').find((l) => l.trim().startsWith('{'));
      if (line) return JSON.parse(line);
      if (args.length === 1) return null;
    }
  }
  return null;
}

/** A report as compared across builds: no file name, no browser-only fields. */
export function comparable(r) {
  if (!r) return r;
  const { source, ...rest } = r;
  const { name, ...src } = source;
  return {
    ...rest,
    source: src,
    metrics: r.metrics.map(({ span_utf16, original_span_utf16, ...m }) => m),
  };
}

/**
 * Chromium in a temp directory of its own: its TMPDIR (where it leaves
 * org.chromium.Chromium.* scoped dirs, ~35 MB each) and, with `persistent`, a fresh empty
 * user-data-dir. Both go when it closes, so nothing has to sweep the shared /tmp (which
 * would also hit any other Chromium on the machine).
 * Returns the Browser, or with `persistent` the BrowserContext of a fresh profile (a new
 * browser process with empty HTTP and code caches: a cold start).
 */
export async function launch({ persistent = false, ...options } = {}) {
  const { chromium } = await import('playwright-core');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zhibiao-chromium-'));
  await mkdir(path.join(dir, 'tmp'));
  const opts = {
    executablePath: config.test['browser-binary'] ?? '/usr/bin/chromium',
    headless: true,
    args: config.test['browser-args'] ?? ['--no-sandbox'],
    env: { ...process.env, TMPDIR: path.join(dir, 'tmp') },
    ...options,
  };
  let b;
  try {
    b = persistent ? await chromium.launchPersistentContext(path.join(dir, 'profile'), opts) : await chromium.launch(opts);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  // where this browser's profile lives: its processes carry the path on their command line
  b.profileDir = dir;
  const close = b.close.bind(b);
  b.close = async (...a) => { try { await close(...a); } finally { await rm(dir, { recursive: true, force: true }); } };
  return b;
}

/**
 * A fresh Chromium (new empty profile, temp dir of its own, as launch({persistent})) driven
 * over its own DevTools pipe (--remote-debugging-pipe) instead of playwright, for the cold
 * page benchmark: playwright attaches to every worker a page starts and holds it paused
 * until its client has set it up (Target.setAutoAttach with waitForDebuggerOnStart), and
 * follows the page's and the workers' network; here nothing attaches to the workers and no
 * domain is enabled but what the caller asks for. Returns { send(method, params, session),
 * session (the first tab's), profileDir, close() }.
 */
export async function launchRaw({ width = 1280, height = 1000 } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zhibiao-chromium-'));
  await mkdir(path.join(dir, 'tmp'));
  const args = [...(config.test['browser-args'] ?? ['--no-sandbox']), '--headless', `--window-size=${width},${height}`, `--user-data-dir=${path.join(dir, 'profile')}`, '--remote-debugging-pipe', 'about:blank'];
  const child = spawn(config.test['browser-binary'] ?? '/usr/bin/chromium', args,
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: path.join(dir, 'tmp') } });
  const exited = new Promise((r) => { child.once('exit', r); child.once('error', r); });
  const pending = new Map();
  const failAll = (e) => { for (const p of pending.values()) p.reject(e); pending.clear(); };
  child.once('error', failAll); // no browser binary
  child.once('exit', () => failAll(new Error('the browser exited')));
  child.stdio[3].on('error', () => {}); // (writing to a browser that has gone: its exit says so)
  let nextId = 0, buf = '';
  // messages are JSON, each ended by a NUL, on fd 3 (to the browser) and fd 4 (from it)
  child.stdio[4].setEncoding('utf8').on('data', (s) => {
    buf += s;
    for (let k; (k = buf.indexOf('\0')) >= 0; buf = buf.slice(k + 1)) {
      const m = JSON.parse(buf.slice(0, k));
      const p = m.id != null && pending.get(m.id);
      if (!p) continue;
      pending.delete(m.id);
      if (m.error) p.reject(new Error(`${p.method}: ${m.error.message}`)); else p.resolve(m.result);
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve, reject, method });
    child.stdio[3].write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
  });
  const close = async () => {
    await Promise.race([send('Browser.close').catch(() => {}), exited]);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    child.kill();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const { targetInfos } = await send('Target.getTargets');
    const tab = targetInfos.find((t) => t.type === 'page');
    const { sessionId } = await send('Target.attachToTarget', { targetId: tab.targetId, flatten: true });
    return { send, session: sessionId, profileDir: dir, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The page-test fixtures written for these tests (tests/e2e/fixtures/). */
export const FIXTURES = path.join(ROOT, 'tests/e2e/fixtures');

/** Rows of a CSV (RFC 4180 quoting, CRLF or LF). */
export function parseCsv(s) {
  const rows = [];
  let row = [], cell = '', q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r') { /* CRLF */ } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** Waits until every document on the page is done (with its keywords), failed or cancelled. */
export async function waitIdle(page, timeout = 240_000) {
  await page.waitForFunction(() => window.__zhibiao.docs.length > 0
    && window.__zhibiao.docs.every((d) => (d.status === 'done' && !d.keywordsPending) || d.status === 'error' || d.status === 'cancelled'), null, { timeout });
}
