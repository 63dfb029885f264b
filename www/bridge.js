// A tiny page↔worker bridge (in the spirit of squoosh's): `call(method, ...args)` returns a
// promise; `restart()` terminates the worker (cancelling whatever it was doing) and starts a
// fresh one; a worker that traps or dies is replaced by itself, failing only the call in flight.
// `worker`: an already started Worker for `url` to adopt (boot.js starts one early).
// `module`: a promise of the compiled wasm (or of null): a worker started here is given it
// and only instantiates it, rather than fetch and compile its own.
export class WorkerBridge {
  constructor(url, { onRestart, worker, module } = {}) {
    this.url = url;
    this.module = module;
    this.onRestart = onRestart;
    this.pending = new Map();
    this.nextId = 1;
    this.restarts = 0;
    this.#start(worker);
  }

  #start(adopted) {
    // the worker answers only what it is asked, so nothing it said before this is lost
    const w = adopted ?? this.#spawn();
    w.onmessage = ({ data }) => {
      const p = this.pending.get(data.id);
      if (!p) return;
      this.pending.delete(data.id);
      if ('error' in data) {
        const e = new Error(data.error);
        e.fatal = !!data.fatal;
        e.ownFault = true; // this call's own error (not a worker it shared dying)
        if (data.bytes != null) e.bytes = data.bytes;
        p.reject(e);
        if (data.fatal) this.restart('trap');
      } else p.resolve(data.result);
    };
    w.onerror = (ev) => {
      ev.preventDefault?.();
      this.restart(`worker error: ${ev.message ?? 'unknown'}`, true);
    };
    w.onmessageerror = () => this.restart('message error', true);
    this.worker = w;
    this.ready = this.call('ready');
    this.ready.catch(() => {});
  }

  #spawn() {
    if (!this.module) return new Worker(this.url, { type: 'module' });
    const url = new URL(this.url);
    url.searchParams.set('module', 'posted');
    const w = new Worker(url, { type: 'module' });
    this.module.then((module) => w.postMessage({ module }), () => w.postMessage({ module: null }));
    return w;
  }

  call(method, ...args) {
    const id = this.nextId++;
    const transfer = args.filter((a) => a instanceof ArrayBuffer);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, method, args }, transfer);
    });
  }

  /** Terminate the worker for good; every call in flight is rejected with `reason`. */
  close(reason = 'cancelled', fatal = false) {
    this.worker.terminate();
    const err = new Error(reason);
    err.cancelled = reason === 'cancelled';
    err.fatal = fatal;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** Terminate the worker; every call in flight is rejected with `reason`; a new worker starts. */
  restart(reason = 'cancelled', fatal = false) {
    this.close(reason, fatal);
    this.restarts++;
    this.#start();
    this.onRestart?.(reason);
  }
}

/**
 * A small pool of WorkerBridges, each loading the module and warming it once.
 * `call()` runs on the first worker with a free slot (each worker takes `depth` calls at a time,
 * so it never idles waiting for the page between two files); calls wait in a FIFO otherwise.
 * `restart('cancelled')` terminates every worker (cancelling all work) and starts fresh ones.
 * A worker that traps is replaced by itself: the call that trapped fails as fatal, the other
 * calls it held are run again on a worker (once), so the batch goes on.
 * `restarts` counts restart events (a cancel or a trap), not workers.
 */
export class WorkerPool {
  constructor(url, { size = 1, depth = 2, onRestart, onReady, adopt } = {}) {
    this.url = url;
    this.module = null; // the first worker's compile of the wasm, once it is ready
    this.size = size;
    this.depth = depth;
    this.onRestart = onRestart;
    this.onReady = onReady;
    this.restarts = 0;
    this.retries = 0; // calls run again because the worker holding them trapped on another
    this.readyCount = 0;
    this.queue = [];
    this.slots = [];
    this.generation = 0;
    // The first worker at once; the others once it is ready (they would slow its start) and,
    // if it is then analysing a file dropped while the page loaded, after that report or as
    // soon as more files wait than it holds: starting a worker is ~250 ms of CPU, which would
    // otherwise be taken from the first report on a 2-core machine.
    this.#add(adopt);
    this.#firstReady();
  }

  /** The other workers start once the first is ready, and share its compile of the wasm. */
  #firstReady() {
    const first = this.slots[0];
    this.ready = first.ready;
    this.ready.then(() => {
      this.module ??= first.bridge.call('module').catch(() => null);
      this.#grow();
    }, () => {});
  }

  #add(worker) {
    const slot = { busy: 0, ready: null, bridge: null, isReady: false };
    const gen = this.generation;
    slot.bridge = new WorkerBridge(this.url, {
      worker,
      module: this.module,
      onRestart: (why) => {
        if (why === 'cancelled') return; // counted once by restart()
        this.restarts++;
        if (slot.isReady) { slot.isReady = false; this.readyCount--; }
        this.#watch(slot, gen);
        this.onRestart?.(why);
      },
    });
    this.#watch(slot, gen);
    this.slots.push(slot);
    return slot;
  }

  #watch(slot, gen) {
    slot.ready = slot.bridge.ready.then((info) => {
      if (gen === this.generation && !slot.isReady) { slot.isReady = true; this.readyCount++; this.onReady?.(info, this.readyCount); }
      return info;
    });
    slot.ready.catch(() => {});
  }

  call(method, ...args) {
    return new Promise((resolve, reject) => {
      this.queue.push({ method, args, resolve, reject, tries: 0 });
      this.#drain();
      this.#grow();
    });
  }

  /** Starts the rest of the pool once the first worker is ready, unless it is busy with nothing waiting. */
  #grow() {
    if (this.slots.length >= this.size || !this.slots[0]?.isReady) return;
    if (this.queue.length === 0 && this.slots.some((s) => s.busy > 0)) return;
    while (this.slots.length < this.size) this.#add();
    this.#drain();
  }

  #drain() {
    for (;;) {
      if (!this.queue.length) return;
      // the least busy worker with a free slot
      let best = null;
      for (const s of this.slots) if (s.busy < this.depth && (!best || s.busy < best.busy)) best = s;
      if (!best) return;
      this.#run(best, this.queue.shift());
    }
  }

  #run(slot, job) {
    slot.busy++;
    const gen = this.generation;
    job.tries++;
    slot.bridge.call(job.method, ...job.args).then(job.resolve, (e) => {
      // held by a worker that trapped on another call, or died: run it again, once
      if (gen === this.generation && !e.cancelled && !e.ownFault && job.tries < 2) { this.retries++; this.queue.unshift(job); }
      else job.reject(e);
    }).finally(() => {
      if (gen === this.generation) slot.busy--;
      this.#drain();
      this.#grow();
    });
  }

  /** Terminate every worker; queued and running calls are rejected with `reason`; fresh workers start. */
  restart(reason = 'cancelled') {
    this.generation++;
    const err = new Error(reason);
    err.cancelled = reason === 'cancelled';
    for (const j of this.queue.splice(0)) j.reject(err);
    this.readyCount = 0;
    const old = this.slots.splice(0);
    const n = old.length;
    this.restarts++;
    for (const s of old) s.bridge.close(reason); // rejects their calls (not re-queued: old generation)
    for (let i = 0; i < n; i++) this.#add();
    this.#firstReady();
    this.onRestart?.(reason);
  }
}
