/**
 * The campaigns benchmark's Marketing Messages run: N subscription tokens (Meta's side: the sandbox's bulk grant;
 * ours: message_permissions seeded sealed, in bulk) sent by one marketing campaign at the Page's limit. Every figure
 * comes from the sandbox's send log (what Meta received, when): duplicates, tokens never reached, the overall rate
 * and the busiest one-second window (sliding, by arrival time).
 */
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { campaigns, channels, messagePermissions } from "@/db/schema";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import { createCampaign, runCampaignSend, sendCampaignNow } from "@/lib/services/campaigns";
import type { OrgContext } from "@/lib/tenancy/context";
import { DEMO } from "@/sandbox/state/demo";
import { control, type SandboxProcess } from "./sandbox-process";

interface SendRecord {
  at: number;
  token: string | null;
  ok: boolean;
  error: { code: number } | null;
}

export async function marketingRun(o: { handle: DatabaseHandle; sandbox: SandboxProcess; ctx: OrgContext; orgId: string; channelId: string; tokens: number; rate: number }) {
  const { handle, sandbox } = o;
  // The Page's limit on Meta's side is the campaign's rate: a window above it would be refused (613).
  await control(sandbox.port, "PUT", `/pages/${DEMO.pageId}/faults`, { rateLimitPerSecond: o.rate, latency: { kind: "none" } });
  await control(sandbox.port, "PUT", `/pages/${DEMO.pageId}/region`, { region: "US", businessCountry: "US" });
  await handle.db.update(channels).set({ messagingRegion: "US", businessCountry: "US", adAccountId: DEMO.adAccountId }).where(eq(channels.id, o.channelId));

  const seedStart = performance.now();
  const tokens = new Set<string>();
  for (let offset = 0; offset < o.tokens; offset += 20_000) {
    const n = Math.min(20_000, o.tokens - offset);
    const { granted } = await control<{ granted: { psid: string; token: string }[] }>(sandbox.port, "POST", `/pages/${DEMO.pageId}/bulk/subscription-tokens`, {
      count: n,
      title: "Bench offers",
      includeTokens: true,
      namePrefix: "Bench",
    });
    const now = new Date();
    const rows = granted.map(({ psid, token }) => {
      tokens.add(token);
      return { orgId: o.orgId, channelId: o.channelId, psid, kind: "marketing" as const, tokenSealed: seal(token), tokenHash: sha256Hex(token), source: "import", optedInAt: now };
    });
    for (let i = 0; i < rows.length; i += 2000) await handle.db.insert(messagePermissions).values(rows.slice(i, i + 2000));
  }
  const seedSeconds = (performance.now() - seedStart) / 1000;

  const campaign = await createCampaign({
    ctx: o.ctx,
    input: { kind: "marketing", name: "Bench marketing", channelId: o.channelId, content: { type: "text", text: "Bench offer" }, ratePerSecond: o.rate, budget: { type: "daily", amountCents: 100_000 } },
  });
  const planStart = performance.now();
  const started = await sendCampaignNow({ ctx: o.ctx, campaignId: campaign.id });
  const planSeconds = (performance.now() - planStart) / 1000;
  const sendStart = performance.now();
  const result = await runCampaignSend({ campaignId: campaign.id });
  const sendSeconds = (performance.now() - sendStart) / 1000;
  const [row] = await handle.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));

  // Meta's record of this campaign's sends, paged.
  const records: SendRecord[] = [];
  for (let offset = 0; ; offset += 20_000) {
    const page = await control<{ total: number; data: SendRecord[] }>(
      sandbox.port,
      "GET",
      `/send-calls?pageId=${DEMO.pageId}&tokenKind=subscription&campaignId=${row.metaCampaignId}&limit=20000&offset=${offset}`,
    );
    records.push(...page.data.map((r) => ({ at: r.at, token: r.token, ok: r.ok, error: r.error })));
    if (page.data.length < 20_000) break;
  }
  const okPerToken = new Map<string, number>();
  for (const r of records) if (r.ok && r.token) okPerToken.set(r.token, (okPerToken.get(r.token) ?? 0) + 1);
  const duplicates = [...okPerToken.values()].filter((n) => n > 1).length;
  const lost = [...tokens].filter((t) => !okPerToken.has(t)).length;
  const arrivals = records.map((r) => r.at).sort((a, b) => a - b);
  let busiest = 0;
  for (let i = 0, j = 0; j < arrivals.length; j++) {
    while (arrivals[j] - arrivals[i] >= 1000) i++;
    busiest = Math.max(busiest, j - i + 1);
  }
  const spanSeconds = arrivals.length > 1 ? (arrivals.at(-1)! - arrivals[0]) / 1000 : 0;
  const achieved = spanSeconds > 0 ? (arrivals.length - 1) / spanSeconds : 0;
  const byCode: Record<string, number> = {};
  for (const r of records) if (!r.ok) byCode[String(r.error?.code ?? "?")] = (byCode[String(r.error?.code ?? "?")] ?? 0) + 1;
  return {
    tokens: o.tokens,
    limitPerSecond: o.rate,
    status: row.status,
    planned: started.counts.subscribers,
    sent: row.sent,
    failed: row.failed,
    state: result.state,
    seedSeconds: Math.round(seedSeconds * 10) / 10,
    planSeconds: Math.round(planSeconds * 10) / 10,
    sendSeconds: Math.round(sendSeconds * 10) / 10,
    calls: records.length,
    refusedByCode: byCode,
    duplicates,
    lost,
    achievedPerSecond: Math.round(achieved * 10) / 10,
    deviationPercent: Math.round(((achieved - o.rate) / o.rate) * 1000) / 10,
    busiestOneSecondWindow: busiest,
  };
}
