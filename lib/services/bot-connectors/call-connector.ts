import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { BotMessage, ConnectorReply, ConnectorRequest } from "@/lib/services/bot";
import { CONNECTOR_SIGNATURE_HEADER } from "./constants";
import { connectorResponseSchema } from "./schemas";
import { signConnectorBody } from "./sign";
import { checkConnectorUrl, guardedLookup } from "./url-policy";

/** A bot's answer larger than this is not a few chat messages: refused as bad_body without reading on. */
const MAX_RESPONSE_BYTES = 256 * 1024;

export type ConnectorFailure = Extract<ConnectorReply, { ok: false }>["error"];
/** The reply, plus what went wrong in words for the connector's lastError (never the secret or the body). */
export type ConnectorCallResult = ConnectorReply & { detail: string | null };

class TimedOut extends Error {}
class TooLarge extends Error {}

/**
 * POSTs one request to an organisation's bot and reads its answer. The whole exchange (DNS, connect, the
 * bot's thinking, the body) must fit in `timeoutMs`: the person is waiting. Redirects are not followed (a
 * 3xx is a bad status), so a bot cannot bounce us to an address the URL rules would refuse.
 */
export async function callConnector({ url, secret, timeoutMs, request }: { url: string; secret: string; timeoutMs: number; request: ConnectorRequest }): Promise<ConnectorCallResult> {
  const verdict = checkConnectorUrl(url);
  if (!verdict.ok) return { ok: false, error: "unreachable", detail: `url refused: ${verdict.reason}` };
  const body = JSON.stringify(request);
  let response: { status: number; text: string };
  try {
    response = await post(verdict.url, body, { "content-type": "application/json", "user-agent": "MessengerDesk-Bot/1", [CONNECTOR_SIGNATURE_HEADER]: signConnectorBody(secret, body) }, timeoutMs);
  } catch (error) {
    if (error instanceof TimedOut) return { ok: false, error: "timeout", detail: `no answer within ${timeoutMs} ms` };
    if (error instanceof TooLarge) return { ok: false, error: "bad_body", detail: `answer larger than ${MAX_RESPONSE_BYTES} bytes` };
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: "unreachable", detail: code ?? (error as Error).message };
  }
  if (response.status < 200 || response.status > 299) return { ok: false, error: "bad_status", detail: `HTTP ${response.status}` };
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    return { ok: false, error: "bad_body", detail: "not JSON" };
  }
  const parsed = connectorResponseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: "bad_body", detail: issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "invalid" };
  }
  return { ok: true, messages: parsed.data.messages as BotMessage[], handover: parsed.data.handover ?? false, handoverNote: parsed.data.handoverNote ?? null, detail: null };
}

function post(url: URL, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(url, { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, lookup: guardedLookup as never, agent: false });
    const timer = setTimeout(() => req.destroy(new TimedOut()), timeoutMs);
    const fail = (error: unknown) => {
      clearTimeout(timer);
      reject(error);
    };
    req.on("error", fail);
    req.on("response", (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) return req.destroy(new TooLarge());
        chunks.push(chunk);
      });
      res.on("error", fail);
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.end(body);
  });
}
