// Starts the analyzer's first worker as early as the page can: a small classic script at
// the top of <head> runs before the body is even parsed, while a module (or an async script)
// waits for the page to be parsed, styled and laid out (in a cold Chromium that is ~100 ms,
// with a CJK font). The worker's wasm start-up is the long pole of the first report, so it
// goes first; app.js's pool adopts it.
if (!('zhibiaoBootWorker' in window)) {
  window.zhibiaoBootWorker = new Worker(new URL('./worker.js', document.currentScript.src), { type: 'module' });
}
