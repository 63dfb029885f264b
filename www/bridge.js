// A tiny page↔worker bridge (in the spirit of squoosh's): `call(method, ...args)` returns a
// promise; `restart()` terminates the worker (cancelling whatever it was doing) and starts a
// fresh one; a worker that traps or dies is replaced by itself, failing only the call in flight.
export class WorkerBridge {
  constructor(url, { onRestart } = {}) {
    this.url = url;
    this.onRestart = onRestart;
    this.pending = new Map();
    this.nextId = 1;
    this.restarts = 0;
    this.#start();
  }

  #start() {
    const w = new Worker(this.url, { type: 'module' });
    w.onmessage = ({ data }) => {
      const p = this.pending.get(data.id);
      if (!p) return;
      this.pending.delete(data.id);
      if ('error' in data) {
        const e = new Error(data.error);
        e.fatal = !!data.fatal;
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

  call(method, ...args) {
    const id = this.nextId++;
    const transfer = args.filter((a) => a instanceof ArrayBuffer);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, method, args }, transfer);
    });
  }

  /** Terminate the worker; every call in flight is rejected with `reason`; a new worker starts. */
  restart(reason = 'cancelled', fatal = false) {
    this.worker.terminate();
    const err = new Error(reason);
    err.cancelled = reason === 'cancelled';
    err.fatal = fatal;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.restarts++;
    this.#start();
    this.onRestart?.(reason);
  }
}
