import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { newId } from "@/db/ids";
import { campaigns, channels } from "@/db/schema";
import { recordSystemAudit } from "@/lib/audit";
import { open } from "@/lib/crypto/secrets";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { createMessageCampaign, sendMarketingMessage } from "@/lib/graph/marketing-messages";
import { recordSendApiLimit } from "@/lib/observability/send-api-metrics";
import { flagReconnectNeeded, recordChannelError } from "@/lib/services/channel-health";
import { openPageToken } from "@/lib/services/channels";
import { contentMessage } from "../messages";
import type { CampaignRow } from "../queries";
import type { CampaignBudget, CampaignContent } from "../schemas";
import { finish } from "../sender/finish";
import { RateLimiter, type RecentCalls } from "../sender/rate-limiter";
import { kindAvailability } from "./availability";
import { classifyMarketingError, classifyRecurringError, type Verdict } from "./classify";
import { claimDue, recordDeliveryOutcomes, recoverInterrupted, releaseUnsent, unsettled, type ClaimedDelivery, type DeliveryOutcome } from "./ledger";

const FLUSH_EVERY = 200;
const FLUSH_INTERVAL_MS = 100;
const TEMPORARY_ATTEMPTS = 4;
const RATE_LIMIT_ATTEMPTS = 20;
/** A held delivery is given up (failed) when it would still wait this long after the campaign started. */
const MAX_HOLD_MS = { recurring: 35 * 86_400_000, marketing: 7 * 86_400_000 };

export interface BroadcastBatchOptions {
  campaignId: string;
  /** The run's schedule version: a run overtaken by a newer one (resume, send now, cancel) stops. */
  scheduleVersion?: number;
  /** Deliveries per batch; by default about 20 seconds of sending at the campaign's rate (100–5,000). */
  batchSize?: number;
  concurrency?: number;
  /** Benchmarks only: overrides the campaign's rate (0 = unlimited). */
  ratePerSecond?: number;
  /** The previous batch's last second of calls (the rate ceiling across batches, as for OTN). */
  recentCalls?: RecentCalls;
  /** What "now" is for due times and holds (tests move it; the default is the clock). */
  now?: Date;
}

export interface BroadcastBatchResult {
  /**
   * more: call again; waiting: only deliveries due later remain (sleep until `nextDueAt`); finished: every
   * delivery settled; paused: Meta refused the Page token (190), the region or the Meta campaign; stopped:
   * cancelled, deleted or overtaken.
   */
  state: "more" | "waiting" | "finished" | "paused" | "stopped";
  claimed: number;
  sent: number;
  failed: number;
  /** Recipients skipped because their permission ended (stopped, unsubscribed, invalid, expired). */
  expired: number;
  held: number;
  released: number;
  /** state waiting: when the next delivery is due (ISO). */
  nextDueAt?: string;
  recentCalls?: RecentCalls;
}

type Stop = { kind: "pause"; reason: string; code: number; subcode: number | null; reconnect: boolean } | { kind: "stopped" };

/**
 * One batch of a recurring or marketing campaign's send, the sibling of the OTN sender (same rate limiter, same
 * outcome recording with the counters in one statement, same pause and stop). Deliveries are claimed in small
 * chunks (about a quarter of a second of sending each) as the workers need them, so after a crash only the few
 * claimed but unanswered rows are in doubt.
 *
 * Crash safety, the rule per kind (a row found in `sending` when a batch starts was claimed by a sender that died):
 * - recurring: sent again. Meta refuses a token's second notification within its cadence (4/2018354), and planning
 *   only let due tokens through, so for such a row that refusal proves the earlier call went through: recorded sent.
 * - marketing: never sent again. Meta documents no "already received" answer for subscription tokens (the
 *   sandbox's 100 is inferred), and a second paid message is the failure the product must not have; the row is
 *   failed with reason `unknown_after_crash` (at most about a quarter of a second of sends is in doubt) and shown
 *   so in the delivery log. A network failure without Meta's answer is treated the same way (`unknown_outcome`).
 */
export async function sendBroadcastBatch(options: BroadcastBatchOptions): Promise<BroadcastBatchResult> {
  const db = await getDb();
  const result: BroadcastBatchResult = { state: "more", claimed: 0, sent: 0, failed: 0, expired: 0, held: 0, released: 0, recentCalls: options.recentCalls };
  const now = () => options.now ?? new Date();
  const [row] = await db
    .select({ campaign: campaigns, channel: channels })
    .from(campaigns)
    .innerJoin(channels, eq(channels.id, campaigns.channelId))
    .where(eq(campaigns.id, options.campaignId));
  if (!row || row.campaign.deletedAt || row.campaign.status !== "sending") return { ...result, state: "stopped" };
  if (options.scheduleVersion !== undefined && row.campaign.scheduleVersion !== options.scheduleVersion) return { ...result, state: "stopped" };
  const { channel } = row;
  let campaign = row.campaign;
  const kind = campaign.kind === "marketing" ? "marketing" : "recurring";

  const availability = kindAvailability(channel, kind, now());
  if (!availability.available) return pause(campaign, { kind: "pause", reason: availability.reason, code: 0, subcode: null, reconnect: false }, result);

  const graph = new GraphClient({ version: channel.graphApiVersion });
  const pageToken = openPageToken(channel);
  if (kind === "marketing" && !campaign.metaCampaignId) {
    const ensured = await ensureMetaCampaign(campaign, channel, graph, pageToken);
    if ("stop" in ensured) return pause(campaign, ensured.stop, result);
    campaign = ensured.campaign;
  }

  const rate = options.ratePerSecond ?? campaign.ratePerSecond;
  const batchSize = options.batchSize ?? (rate > 0 ? Math.min(5000, Math.max(100, rate * 20)) : 5000);
  const chunk = rate > 0 ? Math.max(10, Math.ceil(rate / 4)) : 500;
  const claimId = newId();
  const message = contentMessage(campaign.content as CampaignContent);
  const limiter = new RateLimiter(rate);
  const control: { stop: Stop | null; error: unknown } = { stop: null, error: null };
  const claimed: ClaimedDelivery[] = [];
  const settled = new Set<string>();
  const queue: ClaimedDelivery[] = [];
  let exhausted = false;
  let claiming: Promise<void> | null = null;
  let buffer: DeliveryOutcome[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let lastFlushAt = performance.now();
  let sinceFlush = 0;
  let ewmaRate = campaign.currentRate;
  let limiterStarted = false;

  const flush = () => {
    const outcomes = buffer;
    buffer = [];
    const elapsed = (performance.now() - lastFlushAt) / 1000;
    lastFlushAt = performance.now();
    const measured = elapsed > 0 ? sinceFlush / elapsed : 0;
    sinceFlush = 0;
    ewmaRate = ewmaRate === 0 ? measured : ewmaRate * 0.7 + measured * 0.3;
    flushing = flushing.then(async () => {
      if (outcomes.length === 0) return;
      const status = await recordDeliveryOutcomes(db, campaign, claimId, outcomes, Math.round(ewmaRate * 10) / 10);
      if (status !== "sending" && !control.stop) control.stop = { kind: "stopped" };
    });
    return flushing;
  };

  const settle = (delivery: ClaimedDelivery, verdict: Exclude<Verdict, { kind: "retry" } | { kind: "pause" }>, at: Date) => {
    settled.add(delivery.id);
    sinceFlush++;
    switch (verdict.kind) {
      case "sent":
        result.sent++;
        buffer.push({ id: delivery.id, status: "sent", messageId: verdict.messageId, sentAt: at, failureCode: verdict.code ?? null, failureReason: verdict.note ?? null });
        break;
      case "held": {
        const bound = (campaign.startedAt ?? at).getTime() + MAX_HOLD_MS[kind];
        if (verdict.earliest.getTime() > bound) {
          result.failed++;
          buffer.push({ id: delivery.id, status: "failed", failureReason: verdict.reason });
        } else {
          result.held++;
          buffer.push({ id: delivery.id, status: "held", heldReason: verdict.reason, earliest: verdict.earliest });
        }
        break;
      }
      case "skipped":
        result.expired++;
        buffer.push({ id: delivery.id, status: "skipped", failureCode: verdict.code, failureReason: verdict.reason, permission: verdict.permission });
        break;
      case "failed":
        result.failed++;
        buffer.push({ id: delivery.id, status: "failed", failureCode: verdict.code, failureReason: verdict.reason.slice(0, 300) });
        break;
    }
    if (buffer.length >= FLUSH_EVERY) void flush().catch((error) => (control.error ??= error));
  };

  const refill = (): Promise<void> | null => {
    if (claiming || exhausted || control.stop) return claiming;
    const want = Math.min(chunk, batchSize - claimed.length);
    if (want <= 0) {
      exhausted = true;
      return null;
    }
    claiming = claimDue(db, campaign.id, claimId, want, now())
      .then((rows) => {
        if (rows.length < want) exhausted = true;
        claimed.push(...rows);
        queue.push(...rows);
      })
      .catch((error) => {
        control.error ??= error;
        exhausted = true;
      })
      .finally(() => {
        claiming = null;
      });
    return claiming;
  };

  const timer = setInterval(() => {
    if (buffer.length > 0) void flush().catch((error) => (control.error ??= error));
  }, FLUSH_INTERVAL_MS);

  const worker = async () => {
    while (!control.stop && !control.error) {
      if (queue.length < chunk / 2) void refill();
      const delivery = queue.shift();
      if (!delivery) {
        const pending = claiming ?? refill();
        if (pending) {
          await pending;
          continue;
        }
        if (exhausted) return;
        continue;
      }
      const at = now();
      if (delivery.permissionStatus !== "active" || (delivery.expiresAt && delivery.expiresAt <= at)) {
        // The person stopped, or the token expired, since planning: no call.
        const expired = delivery.permissionStatus === "expired" || (delivery.expiresAt !== null && delivery.expiresAt <= at);
        settle(delivery, { kind: "skipped", reason: expired ? "invalid_token" : "stopped", permission: expired ? "expired" : "stopped", code: 0, detail: "" }, at);
        continue;
      }
      if (kind === "marketing" && delivery.recovered) {
        settle(delivery, { kind: "failed", reason: "unknown_after_crash", code: null }, at);
        continue;
      }
      if (!limiterStarted) {
        limiterStarted = true;
        limiter.carryOver(options.recentCalls);
        recordSendApiLimit(channel.pageId, rate);
      }
      const verdict = await sendOne(delivery, open(delivery.tokenSealed));
      if (verdict === null) continue; // stopped while retrying: stays claimed, released below
      if (verdict.kind === "pause") {
        control.stop ??= verdict;
        continue;
      }
      settle(delivery, verdict, verdict.kind === "sent" ? at : now());
    }
  };

  /** One delivery, retried on rate limits and temporary failures; null when the batch stopped meanwhile. */
  const sendOne = async (delivery: ClaimedDelivery, token: string): Promise<Exclude<Verdict, { kind: "retry" }> | null> => {
    let temporary = 0;
    let rateLimited = 0;
    let uncertain = delivery.recovered;
    for (;;) {
      if (control.stop) return null;
      const answered = await limiter.acquire();
      if (control.stop) {
        answered();
        return null;
      }
      try {
        let messageId: string | null;
        if (kind === "marketing") {
          const answer = await sendMarketingMessage(graph, channel.adAccountId ?? "", channel.pageId, pageToken, {
            metaCampaignId: campaign.metaCampaignId ?? "",
            subscriptionToken: token,
            message,
          });
          messageId = answer.id ?? null;
        } else {
          const answer = await graph.sendMessage(channel.pageId, pageToken, { recipient: { notification_messages_token: token }, message });
          messageId = answer.message_id ?? null;
        }
        answered();
        limiter.recover();
        return { kind: "sent", messageId };
      } catch (error) {
        answered();
        if (!(error instanceof GraphError)) {
          // No answer: Meta may have taken it. Marketing: never again (see above); recurring: a retry is safe.
          if (kind === "marketing") return { kind: "failed", reason: "unknown_outcome", code: null };
          uncertain = true;
          if (++temporary >= TEMPORARY_ATTEMPTS) return { kind: "failed", reason: `Graph API unreachable: ${(error as Error).message}`.slice(0, 300), code: null };
          await backOff(temporary);
          continue;
        }
        const verdict =
          kind === "marketing" ? classifyMarketingError(error, now()) : classifyRecurringError(error, { uncertain, lastSentAt: delivery.lastSentAt, frequency: delivery.frequency }, now());
        if (verdict.kind !== "retry") return verdict;
        if (verdict.why === "rate_limit") {
          limiter.slowDown();
          if (++rateLimited >= RATE_LIMIT_ATTEMPTS) return { kind: "failed", reason: error.reason, code: error.code };
        } else {
          if (++temporary >= TEMPORARY_ATTEMPTS) return { kind: "failed", reason: error.reason, code: error.code };
          await backOff(temporary);
        }
      }
    }
  };

  const recovered = await recoverInterrupted(db, campaign.id, claimId, batchSize);
  claimed.push(...recovered);
  queue.push(...recovered);
  const concurrency = Math.max(1, options.concurrency ?? (rate > 0 ? Math.min(64, Math.max(4, Math.ceil(rate / 5))) : 64));
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (claiming) await claiming;
  } finally {
    clearInterval(timer);
    await flush();
  }
  if (control.error) throw control.error;

  result.claimed = claimed.length;
  if (limiterStarted) result.recentCalls = limiter.recentCalls();
  const unsent = claimed.filter((d) => !settled.has(d.id)).map((d) => d.id);
  if (unsent.length > 0) {
    await releaseUnsent(db, claimId, unsent);
    result.released = unsent.length;
  }
  const stopped = control.stop as Stop | null;
  if (stopped?.kind === "pause") return pause(campaign, stopped, result);
  if (stopped?.kind === "stopped") return { ...result, state: "stopped" };
  if (claimed.length > 0) return result;

  const left = await unsettled(db, campaign.id);
  if (left.count === 0) {
    await finish(campaign.id);
    return { ...result, state: "finished" };
  }
  if (left.sending > 0 || !left.nextDueAt) return result; // another claim is still settling
  return { ...result, state: "waiting", nextDueAt: left.nextDueAt.toISOString() };
}

/** Sending stops until someone resumes: the campaign is paused with the reason, and the channel flagged when its token died. */
async function pause(campaign: CampaignRow, stop: Extract<Stop, { kind: "pause" }>, result: BroadcastBatchResult): Promise<BroadcastBatchResult> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(campaigns)
      .set({ status: "paused", pauseReason: stop.reason, currentRate: 0 })
      .where(and(eq(campaigns.id, campaign.id), eq(campaigns.status, "sending")))
      .returning({ id: campaigns.id });
    if (!after) return;
    await recordSystemAudit(tx, campaign.orgId, {
      action: "campaign.paused",
      resourceId: campaign.id,
      before: { status: campaign.status },
      after: { status: "paused", pauseReason: stop.reason },
    });
  });
  if (stop.reconnect) {
    await flagReconnectNeeded(campaign.channelId, { reason: stop.reason, subcode: stop.subcode });
    await recordChannelError(campaign.orgId, campaign.channelId, "send_api", stop.reason, stop.code);
  }
  return { ...result, state: "paused" };
}

/**
 * Creates the campaign's Meta message_campaign (name, Page, budget) when its send first starts, and stores its id.
 * A retried step finds the id stored and creates nothing. (Meta offers no idempotency key: a crash between Meta's
 * answer and the store would leave one unused campaign on the ad account, with nothing sent through it.)
 */
async function ensureMetaCampaign(
  campaign: CampaignRow,
  channel: typeof channels.$inferSelect,
  graph: GraphClient,
  pageToken: string,
): Promise<{ campaign: CampaignRow } | { stop: Extract<Stop, { kind: "pause" }> }> {
  const budget = campaign.budget as CampaignBudget | null;
  let id: string;
  try {
    ({ id } = await createMessageCampaign(graph, channel.adAccountId ?? "", pageToken, {
      name: campaign.name,
      pageId: channel.pageId,
      ...(budget?.type === "lifetime" ? { lifetimeBudgetCents: budget.amountCents } : { dailyBudgetCents: budget?.amountCents ?? 0 }),
    }));
  } catch (error) {
    if (!(error instanceof GraphError)) throw error; // unreachable: the step is retried
    const verdict = classifyMarketingError(error, new Date());
    if (verdict.kind === "retry") throw error;
    if (verdict.kind === "pause") return { stop: verdict };
    return { stop: { kind: "pause", reason: error.reason, code: error.code, subcode: error.subcode ?? null, reconnect: false } };
  }
  const db = await getDb();
  const [stored] = await db
    .update(campaigns)
    .set({ metaCampaignId: id })
    .where(and(eq(campaigns.id, campaign.id), isNull(campaigns.metaCampaignId)))
    .returning();
  if (stored) return { campaign: stored };
  const [current] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
  return { campaign: current };
}

function backOff(attempt: number): Promise<void> {
  const ms = Math.min(5000, 200 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Batch after batch until the campaign is finished, paused, stopped or waiting for a later due time (tests, benchmarks). */
export async function runBroadcastSend(options: BroadcastBatchOptions): Promise<BroadcastBatchResult> {
  const total: BroadcastBatchResult = { state: "more", claimed: 0, sent: 0, failed: 0, expired: 0, held: 0, released: 0, recentCalls: options.recentCalls };
  for (;;) {
    const r = await sendBroadcastBatch({ ...options, recentCalls: total.recentCalls });
    total.claimed += r.claimed;
    total.sent += r.sent;
    total.failed += r.failed;
    total.expired += r.expired;
    total.held += r.held;
    total.released += r.released;
    total.state = r.state;
    total.nextDueAt = r.nextDueAt;
    total.recentCalls = r.recentCalls;
    if (r.state !== "more") return total;
  }
}
