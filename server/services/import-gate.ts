// At most one import reads its file at a time in this process. Reading is the part of an import whose
// memory grows with the file; with one at a time the server's memory stays bounded by one file's worth
// however many arrive together, and the other requests (health, progress) keep their share of the CPU.
// A few may wait their turn, briefly; beyond that, or after the wait, the caller is told to come back.

export class GateBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('busy');
  }
}

export interface GateOptions {
  /** How many may wait for their turn; the next one is turned away at once. */
  maxWaiting: number;
  /** How long one may wait before it is turned away. */
  maxWaitMs: number;
  /** What a turned-away caller is told: come back after this many seconds. */
  retryAfterSeconds: number;
}

export interface Gate {
  /** Runs `work` when no other work of this gate runs; throws GateBusyError when it cannot soon. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Work running or waiting now (for tests and logs). */
  readonly load: { running: boolean; waiting: number };
}

export function createGate(options: GateOptions): Gate {
  let running = false;
  const waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];

  const release = () => {
    const next = waiting.shift();
    if (!next) {
      running = false;
      return;
    }
    clearTimeout(next.timer);
    next.start(); // the turn passes straight on: `running` stays true
  };

  const turn = () => new Promise<void>((resolve, reject) => {
    if (!running) {
      running = true;
      resolve();
      return;
    }
    if (waiting.length >= options.maxWaiting) {
      reject(new GateBusyError(options.retryAfterSeconds));
      return;
    }
    const entry = {
      start: resolve,
      timer: setTimeout(() => {
        waiting.splice(waiting.indexOf(entry), 1);
        reject(new GateBusyError(options.retryAfterSeconds));
      }, options.maxWaitMs),
    };
    waiting.push(entry);
  });

  return {
    async run(work) {
      await turn();
      try {
        return await work();
      } finally {
        release();
      }
    },
    get load() {
      return { running, waiting: waiting.length };
    },
  };
}
