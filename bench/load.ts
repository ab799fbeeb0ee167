// HTTP load from Node itself: a fixed number of concurrent clients (fetch over keep-alive
// connections, loopback only), each sending the next request as soon as its last answer is read in
// full, until a request budget or a time budget runs out. Latency = request sent → last byte read.

export interface LoadOptions {
  concurrency: number;
  /** Stop starting requests after this many… */
  maxRequests: number;
  /** …or after this long, once at least minRequests have completed… */
  maxSeconds: number;
  minRequests: number;
  /** …and in any case after this long. */
  hardSeconds: number;
  /** Requests before the measurement (not counted): connections, JIT, caches. */
  warmup?: number;
  /** Called before each measured request (e.g. to make the server's cache stale). */
  before?: () => Promise<void>;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  errors: number;
  firstError: string | null;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  /** Completed requests a second. */
  rps: number;
  seconds: number;
  /** Size of one answer (the last one), in bytes, as the client has it (inflated). */
  bytes: number;
  /** The same answer's size on the wire (Content-Length: compressed, or 0 for a 304). */
  wireBytes: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  // Nearest rank: the smallest value with at least p% of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function once(url: string, headers: Record<string, string> | undefined): Promise<{ ok: boolean; bytes: number; wireBytes: number; error?: string }> {
  try {
    const res = await fetch(url, { headers });
    const body = await res.arrayBuffer();
    const wireBytes = Number(res.headers.get('content-length') ?? body.byteLength);
    // 304 Not Modified is the answer a client that already has the data asks for.
    return res.ok || res.status === 304
      ? { ok: true, bytes: body.byteLength, wireBytes }
      : { ok: false, bytes: body.byteLength, wireBytes, error: `${res.status} ${Buffer.from(body).toString('utf8').slice(0, 200)}` };
  } catch (err) {
    // fetch's own message is "fetch failed"; the reason is in its cause.
    const cause = (err as { cause?: unknown }).cause;
    return { ok: false, bytes: 0, wireBytes: 0, error: `${String(err)}${cause ? ` (${String(cause)})` : ''}` };
  }
}

export async function runLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  const warm = options.warmup ?? options.concurrency;
  for (let started = 0; started < warm;) {
    const batch = Math.min(options.concurrency, warm - started);
    await Promise.all(Array.from({ length: batch }, () => once(url, options.headers)));
    started += batch;
  }

  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let bytes = 0;
  let wireBytes = 0;
  let started = 0;
  const t0 = performance.now();
  const elapsed = () => (performance.now() - t0) / 1000;
  const more = () => started < options.maxRequests && elapsed() < options.hardSeconds && (elapsed() < options.maxSeconds || latencies.length + errors < options.minRequests);
  const client = async () => {
    while (more()) {
      started++;
      if (options.before) await options.before();
      const s = performance.now();
      const r = await once(url, options.headers);
      if (r.ok) {
        latencies.push(performance.now() - s);
        bytes = r.bytes;
        wireBytes = r.wireBytes;
      } else {
        errors++;
        firstError ??= r.error ?? 'error';
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = elapsed();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length, errors, firstError,
    p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN,
    mean: sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1),
    rps: latencies.length / seconds, seconds, bytes, wireBytes,
  };
}
