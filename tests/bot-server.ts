import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ConnectorRequest } from "@/lib/services/bot";
import { verifyConnectorSignature } from "@/lib/services/bot-connectors";

/** What the test bot does with a verified request: answer JSON (or raw text), with a status, after a delay. */
export type BotBehaviour = (request: ConnectorRequest) => { status?: number; json?: unknown; raw?: string; delayMs?: number };

export interface TestBotServer {
  url: string;
  /** The secret the bot checks signatures with (the connector's, as the admin copied it). */
  secret: string;
  /** Requests whose signature verified, in order. */
  received: ConnectorRequest[];
  /** Requests refused with 401 for a wrong or missing signature. */
  refused: number;
  behave: (behaviour: BotBehaviour) => void;
  close: () => Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A small external bot like an organisation would run: it verifies X-MessengerDesk-Signature on the raw body
 * with its secret (401 otherwise, as a real bot should) and answers as told.
 */
export async function startTestBotServer(secret = ""): Promise<TestBotServer> {
  let behaviour: BotBehaviour = (r) => ({ json: { messages: [{ kind: "text", text: `echo: ${r.message.text ?? ""}` }] } });
  const pending = new Set<NodeJS.Timeout>();
  const state = { secret, received: [] as ConnectorRequest[], refused: 0 };
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (!verifyConnectorSignature(state.secret, raw, req.headers["x-messengerdesk-signature"] as string | undefined)) {
      state.refused += 1;
      res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "bad signature" }));
      return;
    }
    const request = JSON.parse(raw) as ConnectorRequest;
    state.received.push(request);
    const answer = behaviour(request);
    const reply = () => {
      if (res.destroyed) return;
      res.writeHead(answer.status ?? 200, { "content-type": "application/json" }).end(answer.raw ?? JSON.stringify(answer.json ?? {}));
    };
    if (answer.delayMs) {
      const timer = setTimeout(() => {
        pending.delete(timer);
        reply();
      }, answer.delayMs);
      pending.add(timer);
    } else reply();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bot`,
    get secret() {
      return state.secret;
    },
    set secret(value: string) {
      state.secret = value;
    },
    received: state.received,
    get refused() {
      return state.refused;
    },
    behave: (b) => {
      behaviour = b;
    },
    close: async () => {
      for (const t of pending) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
