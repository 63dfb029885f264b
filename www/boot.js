// Starts the analyzer's first worker as early as the page can: a small classic script at
// the top of <head> runs before the body is even parsed, while a module (or an async script)
// waits for the page to be parsed, styled and laid out (in a cold Chromium that is ~100 ms,
// with a CJK font). The worker's wasm start-up is the long pole of the first report, so it
// goes first; app.js's pool adopts it.
// The wasm is fetched and compiled here too, while the worker's thread and scripts start
// (the compile streams on the browser's background threads), and handed to the worker:
// the worker only instantiates it. If this compile fails (a host that serves .wasm with
// another MIME type), the worker is told so and fetches the module itself.
if (!('zhibiaoBootWorker' in window)) {
  const base = document.currentScript.src;
  const worker = new Worker(new URL('./worker.js?module=posted', base), { type: 'module' });
  window.zhibiaoBootWorker = worker;
  // the pool's other workers are given the same compile (app.js)
  window.zhibiaoWasm = WebAssembly.compileStreaming(fetch(new URL('./pkg/zhibiao_bg.wasm', base))).catch(() => null);
  window.zhibiaoWasm.then((module) => worker.postMessage({ module }));
}
