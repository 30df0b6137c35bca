/**
 * A minimal keep-alive HTTP(S) client for webhook POSTs and verification GETs. node:http directly (no
 * fetch) so a benchmark can push thousands of deliveries a second without per-request setup cost.
 */
import http from "node:http";
import https from "node:https";

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpResult {
  status: number;
  body: string;
}

export function httpRequest(
  method: "GET" | "POST",
  url: string,
  options: { headers?: Record<string, string>; body?: string; timeoutMs: number },
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      reject(new Error(`invalid URL ${url}`));
      return;
    }
    const isHttps = target.protocol === "https:";
    const headers: Record<string, string | number> = { ...options.headers };
    if (options.body !== undefined) headers["Content-Length"] = Buffer.byteLength(options.body);
    const req = (isHttps ? https : http).request(
      target,
      { method, headers, agent: isHttps ? httpsAgent : httpAgent, timeout: options.timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timed out after ${options.timeoutMs} ms`)));
    req.on("error", reject);
    req.end(options.body);
  });
}
