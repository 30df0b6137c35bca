import http from "node:http";
import { GraphClient } from "@/lib/graph/client";
import { runBotTurns, sendRoutingReplies } from "@/lib/services/bot";
import { createChannel } from "@/lib/services/channels";
import { sendSurveyReplies } from "@/lib/services/csat";
import { ingestWebhook, processStoredWebhookEvents } from "@/lib/services/webhook";
import type { OrgContext } from "@/lib/tenancy/context";
import { DEMO, startSandbox, type RunningSandbox } from "@/sandbox/server";

export interface BotFlow {
  sandbox: RunningSandbox;
  channelId: string;
  /** Bot turns run, for tests that replay them (a retried workflow step). */
  turns: Parameters<typeof runBotTurns>[0][];
  close(): Promise<void>;
}

/**
 * The webhook path as the workflow runs it, without Next or a workflow engine: the sandbox's demo Page calls a
 * tiny HTTP server that ingests, processes (webhook processing decides which conversations the bot holds),
 * then runs the bot's step (runBotTurns) and the routing replies' step (sendRoutingReplies) before it answers, so
 * `webhooks.idle()` means "the bot, or the queue message, has answered".
 */
export async function startBotFlow(owner: OrgContext, skillGroupId: string): Promise<BotFlow> {
  const turns: BotFlow["turns"] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const pageId = (req.url ?? "").split("?")[0]!.split("/").pop() ?? "";
        const header = req.headers["x-hub-signature-256"];
        const result = await ingestWebhook({ pageId, rawBody: Buffer.concat(chunks), signature: typeof header === "string" ? header : null });
        const byChannel = new Map<string, { orgId: string; ids: string[] }>();
        for (const s of result.stored) byChannel.set(s.channelId, { orgId: s.orgId, ids: [...(byChannel.get(s.channelId)?.ids ?? []), s.id] });
        for (const [channelId, { orgId, ids }] of byChannel) {
          const processed = await processStoredWebhookEvents({ orgId, channelId }, ids);
          if (processed.bot.length > 0) {
            const input = { orgId, channelId, turns: processed.bot };
            turns.push(input);
            await runBotTurns(input);
          }
          if (processed.routing.some((outcome) => outcome.reply !== null)) await sendRoutingReplies({ orgId, channelId, outcomes: processed.routing });
          if (processed.csat.length > 0) await sendSurveyReplies({ orgId, conversationIds: processed.csat });
        }
        res.writeHead(result.status).end(result.body);
      } catch (error) {
        console.error("bot flow: handler failed", error);
        res.writeHead(500).end("error");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  const sandbox = await startSandbox({ port: 0, appUrl: `http://127.0.0.1:${address.port}` });
  process.env.GRAPH_API_URL = sandbox.url;
  const channel = await createChannel({
    ctx: owner,
    input: { name: "Demo Page", pageId: DEMO.pageId, pageAccessToken: DEMO.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId },
  });
  // Echoes come back as on a real Page with message_echoes on: the bot's messages must not show twice.
  await new GraphClient().subscribeApp(DEMO.pageId, DEMO.pageAccessToken, ["messages", "message_echoes", "messaging_postbacks", "messaging_referrals"]);
  return {
    sandbox,
    channelId: channel.id,
    turns,
    close: async () => {
      await sandbox.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
