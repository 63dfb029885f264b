// The analyzer's module Web Worker: loads the wasm once, warms the dictionary, then answers
// {id, method, args} messages with {id, result} or {id, error, fatal}. `fatal` means the
// module trapped (a Rust panic or a wasm RuntimeError): the page then recreates this worker.
import init, { warm, analyze, analyzeAs, version, debug_panic } from './pkg/zhibiao.js';

const t0 = performance.now();
const ready = (async () => {
  await init({ module_or_path: new URL('./pkg/zhibiao_bg.wasm', import.meta.url) });
  const t1 = performance.now();
  warm();
  const t2 = performance.now();
  return { version: version(), initMs: t1 - t0, warmMs: t2 - t1 };
})();

const methods = {
  ready: () => ready,
  async analyze(bytes, name, encoding) {
    await ready;
    const t = performance.now();
    const u8 = new Uint8Array(bytes);
    const report = encoding ? analyzeAs(u8, name, encoding) : analyze(u8, name);
    return { report, ms: performance.now() - t };
  },
  // for the tests of the page's recovery: a panic inside the module
  async panic() {
    await ready;
    debug_panic();
  },
};

self.onmessage = async ({ data: { id, method, args } }) => {
  try {
    const fn = methods[method];
    if (!fn) throw new Error(`unknown method ${method}`);
    self.postMessage({ id, result: await fn(...args) });
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError || /unreachable|RuntimeError/.test(String(e?.name ?? ''));
    self.postMessage({ id, error: String(e?.message ?? e), fatal });
  }
};
