import http from "node:http";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { processStoredWebhookEvents, ingestWebhook } from "@/lib/services/webhook";
import { createChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import type { OrgContext } from "@/lib/tenancy/context";
import { DEMO, startSandbox, type RunningSandbox } from "@/sandbox/server";
import { handleCampaignOptin, handleCampaignReferral } from "@/lib/services/campaigns";

export interface SandboxFlow {
  sandbox: RunningSandbox;
  channelId: string;
  /** Outcomes of the subscription flow handlers, in order. */
  outcomes: string[];
  close(): Promise<void>;
}

/**
 * The webhook path without Next or a workflow engine, for tests: the sandbox's demo Page calls a tiny
 * HTTP server that ingests (capturing OTN tokens before answering), processes, and runs the campaign
 * handlers before it answers, so `sandbox.controls.webhooks.idle()` means "everything handled".
 */
export async function startSandboxFlow(owner: OrgContext): Promise<SandboxFlow> {
  const outcomes: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const pageId = (req.url ?? "").split("?")[0].split("/").pop() ?? "";
        const header = req.headers["x-hub-signature-256"];
        const result = await ingestWebhook({ pageId, rawBody: Buffer.concat(chunks), signature: typeof header === "string" ? header : null });
        const byChannel = new Map<string, { orgId: string; ids: string[] }>();
        for (const s of result.stored) byChannel.set(s.channelId, { orgId: s.orgId, ids: [...(byChannel.get(s.channelId)?.ids ?? []), s.id] });
        for (const [channelId, { orgId, ids }] of byChannel) {
          const processed = await processStoredWebhookEvents({ orgId, channelId }, ids);
          for (const signal of processed.signals) {
            if (signal.kind === "referral") outcomes.push(await handleCampaignReferral({ ...signal, ref: signal.ref ?? "" }));
            else outcomes.push(await handleCampaignOptin(signal));
          }
        }
        res.writeHead(result.status).end(result.body);
      } catch (error) {
        console.error("sandbox flow: handler failed", error);
        res.writeHead(500).end("error");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  const sandbox = await startSandbox({ port: 0, appUrl: `http://127.0.0.1:${address.port}` });
  process.env.GRAPH_API_URL = sandbox.url;

  const group = await createSkillGroup({ ctx: owner, input: { name: `Campaigns ${Date.now()}` } });
  const channel = await createChannel({
    ctx: owner,
    input: { name: "Demo Page", pageId: DEMO.pageId, pageAccessToken: DEMO.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: group.id },
  });
  const db = await getDb();
  await db.update(channels).set({ pageUsername: DEMO.pageUsername, pageName: DEMO.pageName }).where(eq(channels.id, channel.id));
  return {
    sandbox,
    channelId: channel.id,
    outcomes,
    close: async () => {
      await sandbox.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
