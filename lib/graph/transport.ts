import http from "node:http";
import https from "node:https";

/**
 * HTTP for the Graph client: node:http(s) over keep-alive agents rather than fetch. A campaign send makes
 * thousands of Send API calls a second; fetch (undici) costs several times the CPU per call in request
 * objects, web streams and abort signals, which made the sender, not Meta, the bottleneck.
 */
export interface TransportRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Buffer;
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  text: string;
}

const agentOptions = { keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: "lifo" as const };
const httpAgent = new http.Agent(agentOptions);
const httpsAgent = new https.Agent(agentOptions);

export function send({ method, url, headers, body, timeoutMs }: TransportRequest): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === "https:";
    const outgoing = body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) };
    const req = (secure ? https : http).request(url, { method, headers: outgoing, agent: secure ? httpsAgent : httpAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    // One timer for the whole exchange, like AbortSignal.timeout: a slow trickle counts too.
    const timer = setTimeout(() => req.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    req.on("close", () => clearTimeout(timer));
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}
