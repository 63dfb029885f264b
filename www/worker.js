// The analyzer's module Web Worker: loads the wasm once, runs a short sample through the
// figures' path (which needs no dictionary) unless a file is already waiting, then answers
// {id, method, args} messages with {id, result} or {id, error, fatal}. `fatal` means the
// module trapped (a Rust panic or a wasm RuntimeError): the page then recreates this worker.

// The worker times its own start-up (the benchmark and the progress line read it):
// startedAt and readyAt are on the shared clock (timeOrigin + now(), ms since the epoch), so
// the page subtracts its own performance.timeOrigin (its navigation start) to place them.
const t0 = performance.now();

// The wasm's fetch and compile start first, alongside the glue's import: with a static
// import the module would be fetched only once the glue had been fetched and run, one
// round trip later. Compiled while it downloads (streaming) where the host sends
// application/wasm; from its bytes otherwise.
async function compileWasm(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`failed to fetch the analyzer: ${res.status} ${res.statusText}`);
  if (/^application\/wasm\b/i.test(res.headers.get('content-type') ?? '')) return WebAssembly.compileStreaming(res);
  return WebAssembly.compile(await res.arrayBuffer());
}
const compiled = compileWasm(new URL('./pkg/zhibiao_bg.wasm', import.meta.url));
const glue = import('./pkg/zhibiao.js');
compiled.catch(() => {});
glue.catch(() => {});

// A short article through the whole pipeline before the worker reports ready: the tables and
// code paths that warm() does not reach are built (and compiled by the engine) now, not on
// the user's first file. It touches what articles do: a dateline, a source line, rates,
// ranges, approximate and Chinese numerals, periods, places.
const SAMPLE = new TextEncoder().encode([
  '标题：石家庄市上半年经济运行情况',
  '发布时间：2022-08-11 09:08 来源：石家庄新闻网',
  '今年上半年，全市地区生产总值3291.2亿元，同比增长4.1%；全市居民人均可支配收入16993元，增长5.1%。其中，城镇居民人均可支配收入21713元，增长3.7%，产业项目年收益率为8%到10%。',
  '截至6月底，长安区改造老旧小区313个，新建和改造提升便民市场12个，惠及居民约3.5万户；“十四五”期间，全市计划新增城镇就业二十万人以上。',
].join('\n'));

// Files asked for before the module is up. If one waits when it is, it goes first and the
// sample is skipped: its lazy start-up is paid by that file instead, and the user's figures
// do not wait behind a warm-up.
let waiting = 0;
let firstAnalyze = null; // { ms, what: 'sample' | 'file', at } of this worker's first analyzeFigures
let onFirst;
const firstDone = new Promise((r) => { onFirst = r; });

let zb = null; // the glue's exports, once the module is instantiated
const instantiated = (async () => {
  const [module, exports] = await Promise.all([compiled, glue]);
  await exports.default({ module_or_path: module });
  zb = exports;
  return performance.now();
})();

/** analyzeFigures, timing this worker's first call (whichever it is). */
function figures(u8, name, encoding, what) {
  const t = performance.now();
  try {
    return zb.analyzeFigures(u8, name, encoding);
  } finally {
    if (!firstAnalyze) {
      const end = performance.now();
      firstAnalyze = { ms: end - t, what, at: end };
      onFirst();
    }
  }
}

/** The sample through the figures' path, unless something has been analysed already. */
function warmUp() {
  if (firstAnalyze || !zb) return;
  try { figures(SAMPLE, 'warm-up.txt', '', 'sample'); } catch { /* only a warm-up */ }
}

const ready = (async () => {
  const t1 = await instantiated;
  // the figures' path only: jieba's dictionary (~100 ms) is built by the first `keywords`
  // call, which the page makes once no document waits for its figures
  if (!waiting) warmUp();
  await firstDone;
  return {
    version: zb.version(),
    initMs: t1 - t0, // fetch + compile + instantiate the wasm (with the glue's import alongside)
    firstAnalyzeMs: firstAnalyze.ms, // this worker's first analyze: the core's lazy start-up
    firstAnalyzed: firstAnalyze.what, // 'sample', or 'file' when a file was waiting for the module
    startedAt: performance.timeOrigin + t0,
    readyAt: performance.timeOrigin + firstAnalyze.at,
  };
})();
ready.catch(() => {});

// jieba's dictionary, built by the first keywords request (after the figures of the files
// the page holds: it asks for keywords once no document waits for its figures).
let dictionary = null;
function warmDictionary() {
  dictionary ??= instantiated.then(() => zb.warm());
  return dictionary;
}

const methods = {
  ready: () => ready,
  // The report without its keywords (the page asks for them next, with `keywords`), so the
  // metrics are shown without waiting for TextRank. `encoding`: '' detects.
  async analyze(bytes, name, encoding) {
    const early = !zb;
    if (early) waiting++;
    try {
      await instantiated;
    } finally {
      if (early) waiting--;
    }
    // a File or Blob from the page is read here, off the page's thread
    if (bytes instanceof Blob) {
      try {
        bytes = await bytes.arrayBuffer();
      } catch (e) {
        warmUp(); // this file was to be the first analyze: `ready` waits for one
        throw e;
      }
    }
    const t = performance.now();
    const u8 = new Uint8Array(bytes);
    try {
      const report = figures(u8, name, encoding ?? '', 'file');
      return { report, ms: performance.now() - t, bytes: u8.length };
    } catch (e) {
      if (e && typeof e === 'object') e.bytes = u8.length;
      throw e;
    }
  },
  async keywords(text) {
    await warmDictionary();
    return zb.keywords(text);
  },
  // for the tests of the page's recovery: a panic inside the module
  async panic() {
    await instantiated;
    zb.debug_panic();
  },
};

self.onmessage = async ({ data: { id, method, args } }) => {
  try {
    const fn = methods[method];
    if (!fn) throw new Error(`unknown method ${method}`);
    self.postMessage({ id, result: await fn(...args) });
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError || /unreachable|RuntimeError/.test(String(e?.name ?? ''));
    self.postMessage({ id, error: String(e?.message ?? e), fatal, bytes: e?.bytes });
  }
};
