import type { Sql } from "postgres";

/**
 * A postgres.js client that replaces itself after the database connection broke.
 *
 * postgres.js 3.4.9 can poison a pooled connection when its socket closes while a small write is buffered.
 * `closed()` cancels the pending flush but leaves its timer set, so that connection never sends anything
 * again, and every later use of it fails with CONNECT_TIMEOUT even after the database is back. Sometimes the
 * flush runs on the null socket instead and throws (upstream porsager/postgres#1066, #1154, #1208; fixes
 * proposed in #1168 and #1176, not released yet). So when a query fails because its connection broke, this
 * client swaps in a fresh pool, at most once per `minIntervalMs`, and ends the old one. A healthy pool sees
 * no such errors, so this costs nothing.
 */
const BROKEN_CONNECTION = new Set(["CONNECT_TIMEOUT", "CONNECTION_CLOSED"]);
// Errors after which a transaction's connection is gone (or going): nothing more may be written to it.
const LOST_CONNECTION = new Set(["CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECTION_ENDED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);

function brokenConnection(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && LOST_CONNECTION.has(e.code)) return true;
  }
  return false;
}

export function healingClient(make: () => Sql, minIntervalMs: number): { sql: Sql; end(options?: { timeout?: number }): Promise<void> } {
  let current = make();
  let replacedAt = 0;
  const parsersOf = (client: Sql) => client.options as unknown as { parsers: Record<string, unknown>; serializers: Record<string, unknown> };

  const replace = () => {
    if (Date.now() - replacedAt < minIntervalMs) return;
    replacedAt = Date.now();
    const old = current;
    current = make();
    // drizzle installed its type parsers on the first client; the new one needs the same.
    Object.assign(parsersOf(current).parsers, parsersOf(old).parsers);
    Object.assign(parsersOf(current).serializers, parsersOf(old).serializers);
    void old.end({ timeout: 5 }).catch(() => {});
  };
  const watch = (error: unknown) => {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === "string" && BROKEN_CONNECTION.has(code)) replace();
  };

  const sql = new Proxy(function () {} as unknown as Sql, {
    apply: (_target, _this, args: unknown[]) => (current as unknown as (...a: unknown[]) => unknown)(...args),
    get(_target, property) {
      const client = current;
      if (property === "unsafe") {
        return (...args: Parameters<Sql["unsafe"]>) => {
          const query = client.unsafe(...args) as unknown as { reject: (error: unknown) => void };
          const reject = query.reject;
          query.reject = (error) => {
            watch(error);
            reject(error);
          };
          return query;
        };
      }
      if (property === "begin") {
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: unknown) => unknown;
          // When the transaction's connection breaks, postgres.js still writes ROLLBACK to it, on a socket
          // that is gone: that is the crash above (porsager/postgres#1208). begin() has already rejected
          // with the connection's error by then (or does when the socket closes), and the server rolls the
          // transaction back itself; so the callback never settles and postgres.js writes nothing more.
          const guarded = (tx: unknown) =>
            Promise.resolve()
              .then(() => fn(tx))
              .catch((error: unknown) => (brokenConnection(error) ? new Promise<never>(() => {}) : Promise.reject(error)));
          return (client.begin as unknown as (...a: unknown[]) => Promise<unknown>)(...args, guarded).catch((error: unknown) => {
            watch(error);
            throw error;
          });
        };
      }
      const value = Reflect.get(client, property) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
    },
  });
  return { sql, end: (options) => current.end(options) };
}
