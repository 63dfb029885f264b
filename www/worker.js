// The analyzer's module Web Worker: loads the wasm once, runs a short sample through the
// figures' path (which needs no dictionary), then answers
// {id, method, args} messages with {id, result} or {id, error, fatal}. `fatal` means the
// module trapped (a Rust panic or a wasm RuntimeError): the page then recreates this worker.
// The glue is imported, and the wasm fetched and compiled, at once and side by side: a
// static import would hold this script (and the wasm's fetch) until the glue has loaded.
const glue = import('./pkg/zhibiao.js');
let warm, analyzeFigures, keywords, version, debug_panic;

// A short article through the whole pipeline before the worker reports ready: the code
// paths and tables warm() does not reach are compiled by the engine (and built) now, not on
// the user's next file. It touches what articles do: a dateline, a source line,
// rates, ranges, approximate and Chinese numerals, periods, places.
const SAMPLE = new TextEncoder().encode([
  '标题：石家庄市上半年经济运行情况',
  '发布时间：2022-08-11 09:08 来源：石家庄新闻网',
  '今年上半年，全市地区生产总值3291.2亿元，同比增长4.1%；全市居民人均可支配收入16993元，增长5.1%。其中，城镇居民人均可支配收入21713元，增长3.7%，产业项目年收益率为8%到10%。',
  '截至6月底，长安区改造老旧小区313个，新建和改造提升便民市场12个，惠及居民约3.5万户；“十四五”期间，全市计划新增城镇就业二十万人以上。',
].join('\n'));
// The worker times its own start-up (the benchmark and the progress line read it):
// startedAt and readyAt are on the shared clock (timeOrigin + now(), ms since the epoch), so
// the page subtracts its own performance.timeOrigin (its navigation start) to place them.
const t0 = performance.now();
let t1 = 0;
// `?module=posted`: the pool gives this worker the module its first worker compiled, as
// `{module}` (null if that compile failed); otherwise the worker fetches and compiles it,
// streaming, on its own thread (not the page's, which is busy laying out the page).
const WASM = new URL('./pkg/zhibiao_bg.wasm', import.meta.url);
let posted = null;
const compiled = new URL(import.meta.url).searchParams.get('module') === 'posted'
  ? new Promise((resolve) => { posted = resolve; })
  : WebAssembly.compileStreaming(fetch(WASM)).catch(() => null); // e.g. .wasm served as another type
const loaded = Promise.all([glue, compiled]).then(async ([core, m]) => {
  ({ warm, analyzeFigures, keywords, version, debug_panic } = core);
  // a failed compile: wasm-bindgen fetches the module again and instantiates its bytes
  await core.default({ module_or_path: m ?? WASM });
  t1 = performance.now();
});

// The sample goes first, even when a file is already waiting: its lazy compile done, the
// engine optimises the hot functions in the background while the file runs. A 20 KB file
// analysed first was ~50 ms slower to report in the cold benchmark (docs/bench-browser.md).
const ready = loaded.then(() => {
  const t = performance.now();
  // the figures' path only: jieba's dictionary (~100 ms) is built by the first
  // `keywords` call, which the page makes once no document waits for its figures
  try { analyzeFigures(SAMPLE, 'warm-up.txt', ''); } catch { /* only a warm-up */ }
  const t2 = performance.now();
  return {
    version: version(),
    initMs: t1 - t0, // fetch + compile + instantiate the wasm (or wait for the pool's and instantiate)
    firstAnalyzeMs: t2 - t, // this worker's first analyze (the sample): the core's lazy start-up
    startedAt: performance.timeOrigin + t0,
    readyAt: performance.timeOrigin + t2,
  };
});

// jieba's dictionary, built by the first keywords request (after the figures of the files
// the page holds: it asks for keywords once no document waits for its figures).
let dictionary = null;
function warmDictionary() {
  dictionary ??= ready.then(() => warm());
  return dictionary;
}

const methods = {
  ready: () => ready,
  // The report without its keywords (the page asks for them next, with `keywords`), so the
  // metrics are shown without waiting for TextRank. `encoding`: '' detects.
  async analyze(bytes, name, encoding) {
    // a File or Blob from the page is read here, off the page's thread (while the module loads)
    if (bytes instanceof Blob) bytes = await bytes.arrayBuffer();
    await ready;
    const t = performance.now();
    const u8 = new Uint8Array(bytes);
    try {
      const report = analyzeFigures(u8, name, encoding ?? '');
      return { report, ms: performance.now() - t, bytes: u8.length };
    } catch (e) {
      if (e && typeof e === 'object') e.bytes = u8.length;
      throw e;
    }
  },
  async keywords(text) {
    await warmDictionary();
    return keywords(text);
  },
  // the compiled module (null if the compile failed), for the pool's other workers
  module: () => compiled,
  // for the tests of the page's recovery: a panic inside the module
  async panic() {
    await loaded;
    debug_panic();
  },
};

self.onmessage = async ({ data }) => {
  // the pool's compiled module: no answer
  if ('module' in data) {
    posted?.(data.module instanceof WebAssembly.Module ? data.module : null);
    return;
  }
  const { id, method, args } = data;
  try {
    const fn = methods[method];
    if (!fn) throw new Error(`unknown method ${method}`);
    self.postMessage({ id, result: await fn(...args) });
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError || /unreachable|RuntimeError/.test(String(e?.name ?? ''));
    self.postMessage({ id, error: String(e?.message ?? e), fatal, bytes: e?.bytes });
  }
};
