import { getDb } from "@/db/client";
import { open } from "@/lib/crypto/secrets";
import { newId } from "@/db/ids";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { callConnector } from "./call-connector";
import { recordOutcome } from "./ask-connector";
import { getConnectorInOrg } from "./queries";
import type { ConnectorTestResult } from "./schemas";

/**
 * The Connectors page's "Test call": a sample message signed and POSTed like a real one (its ids say it is a
 * test), so an admin sees at once whether the URL, the secret and the bot's answer are right. Works on a
 * disabled connector too, to try it before switching it on.
 */
export async function testConnector({ ctx, connectorId }: { ctx: OrgContext; connectorId: string }): Promise<ConnectorTestResult> {
  requirePermission(ctx, "bot.manage");
  const connector = await getConnectorInOrg(await getDb(), ctx, connectorId);
  const started = performance.now();
  const result = await callConnector({
    url: connector.url,
    secret: open(connector.secretSealed),
    timeoutMs: connector.timeoutMs,
    request: {
      id: `test-${newId()}`,
      conversationId: "test",
      channel: { id: "test", pageId: "test" },
      contact: { psid: "test", name: "Messenger Desk test", locale: "en_US" },
      message: { text: "Hello, this is a test message from Messenger Desk.", quickReplyPayload: null, postbackPayload: null, timestamp: Date.now() },
      language: "en",
    },
  });
  const durationMs = Math.round(performance.now() - started);
  await recordOutcome(ctx.org.id, connectorId, result);
  if (!result.ok) return { ok: false, error: result.error, messages: [], handover: false, handoverNote: null, durationMs };
  return { ok: true, error: null, messages: result.messages, handover: result.handover, handoverNote: result.handoverNote, durationMs };
}
