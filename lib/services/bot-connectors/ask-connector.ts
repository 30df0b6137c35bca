import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { botConnectors } from "@/db/schema";
import { open } from "@/lib/crypto/secrets";
import type { ConnectorReply, ConnectorRequest } from "@/lib/services/bot";
import { callConnector, type ConnectorCallResult } from "./call-connector";

/**
 * Asks an organisation's own bot about one message (the bot's external engine). Never throws for the bot's
 * faults: a timeout, an unreachable endpoint, an error status (a wrong secret answers 401) or an answer that is
 * not `{ messages, handover?, handoverNote? }` with at most 5 valid messages comes back as `ok: false`, the
 * caller applies the connector's fallback, and the reason is kept as the connector's lastError for the admin.
 * A disabled or deleted connector answers `disabled`. System call: the org id comes from the conversation.
 */
export async function askConnector({ orgId, connectorId, request }: { orgId: string; connectorId: string; request: ConnectorRequest }): Promise<ConnectorReply> {
  const db = await getDb();
  const [connector] = await db
    .select()
    .from(botConnectors)
    .where(and(eq(botConnectors.orgId, orgId), eq(botConnectors.id, connectorId)));
  if (!connector || !connector.enabled) return { ok: false, error: "disabled" };
  const result = await callConnector({ url: connector.url, secret: open(connector.secretSealed), timeoutMs: connector.timeoutMs, request });
  await recordOutcome(orgId, connectorId, result);
  return withoutDetail(result);
}

/** A failed call's reason stays on the connector (shown on the Connectors page) until the next failure. */
export async function recordOutcome(orgId: string, connectorId: string, result: ConnectorCallResult): Promise<void> {
  if (result.ok) return;
  const db = await getDb();
  await db
    .update(botConnectors)
    .set({ lastError: result.detail ? `${result.error}: ${result.detail}`.slice(0, 500) : result.error, lastErrorAt: new Date() })
    .where(and(eq(botConnectors.orgId, orgId), eq(botConnectors.id, connectorId)));
}

export function withoutDetail(result: ConnectorCallResult): ConnectorReply {
  if (!result.ok) return { ok: false, error: result.error };
  return { ok: true, messages: result.messages, handover: result.handover, handoverNote: result.handoverNote };
}
