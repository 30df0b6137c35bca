import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput, say } from "@/lib/validation";
import { getCampaignInOrg } from "./queries";

export const subscribersOverTimeQuerySchema = z.object({
  bucket: z.enum(["hour", "day"], { error: say("campaigns.errors.bucket") }).default("day").describe("Group subscriptions per hour or per day (UTC).").meta({ examples: ["hour"] }),
});

export const subscribersOverTimeSchema = z.object({
  bucket: z.enum(["hour", "day"]),
  points: z.array(z.object({ at: z.iso.datetime(), subscribers: z.number().int(), cumulative: z.number().int() })),
});

export type SubscribersOverTime = z.infer<typeof subscribersOverTimeSchema>;

/** New subscribers (people, at their first "Notify Me") per hour or day, with the running total, for the campaign page's chart. */
export async function getSubscribersOverTime({ ctx, campaignId, input = {} }: { ctx: OrgContext; campaignId: string; input?: unknown }): Promise<SubscribersOverTime> {
  requirePermission(ctx, "campaigns.read");
  const { bucket } = parseInput(subscribersOverTimeQuerySchema, input);
  const db = await getDb();
  const { campaign } = await getCampaignInOrg(db, ctx, campaignId);
  const unit = bucket === "hour" ? sql.raw("'hour'") : sql.raw("'day'");
  const result = await db.execute(sql`
    select to_char(date_trunc(${unit}, first_opt_in at time zone 'UTC'), 'YYYY-MM-DD"T"HH24":00:00.000Z"') as at, count(*)::int as n
      from (select min(opted_in_at) as first_opt_in from otn_tokens where campaign_id = ${campaign.id}::uuid group by psid) people
     group by 1 order by 1 limit 2000`);
  let cumulative = 0;
  const points = rowsOf<{ at: string; n: number }>(result).map((p) => {
    cumulative += Number(p.n);
    return { at: p.at, subscribers: Number(p.n), cumulative };
  });
  return { bucket, points };
}
