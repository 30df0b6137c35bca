import http from "node:http";

export interface LoadResult {
  requests: number;
  ok: number;
  statuses: Record<string, number>;
  seconds: number;
  latenciesMs: number[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summarise(result: LoadResult, eventsPerRequest: number) {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: result.requests,
    ok: result.ok,
    statuses: result.statuses,
    eventsPerSecond: round((result.ok * eventsPerRequest) / result.seconds),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/**
 * Sends `total` POSTs made by `makeRequest(i)`. Open loop when `ratePerSecond` is set (request i is due at
 * i / rate seconds, whatever the previous answers took, so slow answers show as latency, not as a lower
 * rate); closed loop with `concurrency` workers otherwise. At most `concurrency` requests are in flight.
 */
export async function runLoad(options: {
  url: string;
  total: number;
  concurrency: number;
  ratePerSecond?: number;
  makeRequest: (i: number) => { path: string; body: Buffer; headers: Record<string, string> };
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let next = 0;
  const started = performance.now();

  const send = (i: number) =>
    new Promise<void>((resolve) => {
      const { path, body, headers } = options.makeRequest(i);
      const t0 = performance.now();
      const req = http.request(
        { host: target.hostname, port: target.port, path, method: "POST", agent, headers: { ...headers, "content-length": String(body.length) } },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - t0);
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            if (res.statusCode === 200) ok++;
            resolve();
          });
        },
      );
      req.on("error", () => {
        statuses.error = (statuses.error ?? 0) + 1;
        resolve();
      });
      req.end(body);
    });

  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= options.total) return;
      if (options.ratePerSecond) {
        const due = started + (i / options.ratePerSecond) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      await send(i);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  agent.destroy();
  return { requests: options.total, ok, statuses, seconds: (performance.now() - started) / 1000, latenciesMs: latencies };
}
