import { eq } from "drizzle-orm";
import { openPageToken } from "@/lib/services/channels";
import { getDb } from "@/db/client";
import { campaigns, channels } from "@/db/schema";
import { recordSystemAudit } from "@/lib/audit";
import { open } from "@/lib/crypto/secrets";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { recordSendApiLimit } from "@/lib/observability/send-api-metrics";
import { newId } from "@/db/ids";
import { flagReconnectNeeded } from "@/lib/services/channel-health";
import { recordChannelError } from "@/lib/services/channel-health";
import { contentMessage } from "../messages";
import type { CampaignContent } from "../schemas";
import { audienceOf, claimPending, recordOutcomes, recoverInterrupted, releaseUnsent, spareLateTokens, spareOutsideAudience, unsettledCount, type ClaimedToken, type Outcome } from "./ledger";
import { RateLimiter, type RecentCalls } from "./rate-limiter";
import { finish } from "./finish";
import { sendBroadcastBatch } from "../broadcast/send-broadcast-batch";

export const TOKEN_LIFETIME_MS = 365 * 86_400_000;
const FLUSH_EVERY = 200;
const FLUSH_INTERVAL_MS = 100;
const TEMPORARY_ATTEMPTS = 4;
const RATE_LIMIT_ATTEMPTS = 20;

export interface SendBatchOptions {
  campaignId: string;
  /** The run's schedule version: a run overtaken by a newer one (resume, send now) stops. */
  scheduleVersion?: number;
  /** Tokens per batch; by default about 20 seconds of sending at the campaign's rate (100–5,000). */
  batchSize?: number;
  /** Send API calls in flight at once. */
  concurrency?: number;
  /** Benchmarks only: overrides the campaign's rate (0 = unlimited). */
  ratePerSecond?: number;
  /**
   * The previous batch's last second of Send API calls (its result's `recentCalls`), so this batch keeps
   * the one-second ceiling across the boundary. Without it the batch first waits out a full second.
   */
  recentCalls?: RecentCalls;
  /** Recurring, marketing: what "now" is for due times and holds (tests move it; the default is the clock). */
  now?: Date;
}

export interface BatchResult {
  /**
   * more: call again; finished: every token settled; paused: the Page token was refused (190); stopped: cancelled,
   * deleted or overtaken; waiting (recurring, marketing): only deliveries due later remain, until `nextDueAt`.
   */
  state: "more" | "finished" | "paused" | "stopped" | "waiting";
  claimed: number;
  sent: number;
  failed: number;
  expired: number;
  /** Tokens of this batch that went back to pending (pause or cancel). */
  released: number;
  /** This batch's last second of calls, for the next batch (`SendBatchOptions.recentCalls`); absent when unknown. */
  recentCalls?: RecentCalls;
  /** Recurring, marketing: deliveries held by this batch (cadence, gap, recently messaged). */
  held?: number;
  /** state waiting: when the next delivery is due (ISO). */
  nextDueAt?: string;
}

type Attempt =
  // `at` is when the call started: Meta's message time lies after it, so delivery/read watermarks compare safely.
  | { kind: "sent"; messageId: string | null; at: Date }
  | { kind: "failed"; code: number | null; reason: string }
  | { kind: "expired"; reason: string }
  | { kind: "pause"; reason: string; code: number; subcode: number | null };

/**
 * The core of a campaign send, callable directly (tests, benchmarks) and as one workflow step: claims a
 * batch from the ledger, sends each token once at the campaign's rate with many calls in flight, and
 * records every outcome (in small groups, right after Meta answers) together with the counters.
 *
 * Crash safety: a crash leaves claimed rows in `sending`. The next batch re-sends them; since a token is
 * single use, Meta answers "already been used" for one whose send had gone through, and only for such a
 * recovered row is that answer recorded as sent. Nothing is sent twice, nothing is lost.
 */
export async function sendCampaignBatch(options: SendBatchOptions): Promise<BatchResult> {
  const db = await getDb();
  const result: BatchResult = { state: "more", claimed: 0, sent: 0, failed: 0, expired: 0, released: 0, recentCalls: options.recentCalls };
  const [row] = await db
    .select({ campaign: campaigns, channel: channels })
    .from(campaigns)
    .innerJoin(channels, eq(channels.id, campaigns.channelId))
    .where(eq(campaigns.id, options.campaignId));
  if (!row || row.campaign.deletedAt || row.campaign.status !== "sending") return { ...result, state: "stopped" };
  if (options.scheduleVersion !== undefined && row.campaign.scheduleVersion !== options.scheduleVersion) return { ...result, state: "stopped" };
  // Recurring and marketing campaigns send from the permissions ledger (campaign_deliveries): their own sender.
  if (row.campaign.kind !== "otn") return sendBroadcastBatch(options);
  const { campaign, channel } = row;

  const rate = options.ratePerSecond ?? campaign.ratePerSecond;
  const batchSize = options.batchSize ?? (rate > 0 ? Math.min(5000, Math.max(100, rate * 20)) : 5000);
  const claimId = newId();
  // The segment as it is now: someone who left it since the last batch is not sent to, someone who joined is.
  const audience = await audienceOf(db, campaign);
  const recovered = await recoverInterrupted(db, campaign.id, claimId, batchSize);
  const claimed = [...recovered, ...(await claimPending(db, campaign.id, claimId, batchSize - recovered.length, audience))];
  result.claimed = claimed.length;
  if (claimed.length === 0) {
    await spareLateTokens(db, campaign.id);
    await spareOutsideAudience(db, campaign.id, audience);
    if ((await unsettledCount(db, campaign.id)) > 0) return result; // another claim is still settling
    await finish(campaign.id);
    return { ...result, state: "finished" };
  }

  const graph = new GraphClient({ version: channel.graphApiVersion });
  const pageToken = openPageToken(channel);
  const message = contentMessage(campaign.content as CampaignContent);
  const limiter = new RateLimiter(rate);
  limiter.carryOver(options.recentCalls);
  recordSendApiLimit(channel.pageId, rate);
  type Stop = { kind: "pause"; reason: string; code: number; subcode: number | null } | { kind: "stopped" };
  // Held in an object: workers and flushes set it from callbacks.
  const control: { stop: Stop | null } = { stop: null };
  const settled = new Set<string>();
  let buffer: Outcome[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let lastFlushAt = performance.now();
  let sinceFlush = 0;
  let ewmaRate = campaign.currentRate;

  const flush = () => {
    const outcomes = buffer;
    buffer = [];
    const elapsed = (performance.now() - lastFlushAt) / 1000;
    lastFlushAt = performance.now();
    const measured = elapsed > 0 ? sinceFlush / elapsed : 0;
    sinceFlush = 0;
    ewmaRate = ewmaRate === 0 ? measured : ewmaRate * 0.7 + measured * 0.3;
    flushing = flushing.then(async () => {
      const status = await recordOutcomes(db, campaign.id, claimId, outcomes, Math.round(ewmaRate * 10) / 10);
      if (status !== "sending" && !control.stop) control.stop = { kind: "stopped" };
    });
    return flushing;
  };
  const timer = setInterval(() => {
    if (buffer.length > 0) void flush().catch(() => {});
  }, FLUSH_INTERVAL_MS);

  const settle = (token: ClaimedToken, attempt: Exclude<Attempt, { kind: "pause" }>) => {
    settled.add(token.id);
    sinceFlush++;
    if (attempt.kind === "sent") {
      result.sent++;
      buffer.push({ id: token.id, status: "sent", messageId: attempt.messageId, sentAt: attempt.at });
    } else if (attempt.kind === "expired") {
      result.expired++;
      buffer.push({ id: token.id, status: "expired", failureReason: attempt.reason });
    } else {
      result.failed++;
      buffer.push({ id: token.id, status: "failed", failureCode: attempt.code, failureReason: attempt.reason.slice(0, 300) });
    }
    if (buffer.length >= FLUSH_EVERY) void flush().catch(() => {});
  };

  let next = 0;
  const worker = async () => {
    while (!control.stop && next < claimed.length) {
      const token = claimed[next++];
      if (Date.now() - token.optedInAt.getTime() > TOKEN_LIFETIME_MS) {
        settle(token, { kind: "expired", reason: "Token older than one year" });
        continue;
      }
      const attempt = await sendOne(graph, channel.pageId, pageToken, open(token.tokenSealed), message, token.recovered, limiter, () => control.stop !== null);
      if (attempt === null) continue; // stopped while retrying: stays claimed, released below
      if (attempt.kind === "pause") {
        control.stop ??= attempt;
        continue;
      }
      settle(token, attempt);
    }
  };
  const concurrency = Math.max(1, options.concurrency ?? (rate > 0 ? Math.min(64, Math.max(4, Math.ceil(rate / 5))) : 64));
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
  } finally {
    clearInterval(timer);
    await flush();
  }

  result.recentCalls = limiter.recentCalls();
  const unsent = claimed.filter((t) => !settled.has(t.id)).map((t) => t.id);
  if (unsent.length > 0) {
    await releaseUnsent(db, claimId, unsent);
    result.released = unsent.length;
  }
  const stopped = control.stop;
  if (stopped?.kind === "pause") {
    await db.transaction(async (tx) => {
      await tx.update(campaigns).set({ status: "paused", pauseReason: stopped.reason, currentRate: 0 }).where(eq(campaigns.id, campaign.id));
      await recordSystemAudit(tx, campaign.orgId, {
        action: "campaign.paused",
        resourceId: campaign.id,
        before: { status: campaign.status },
        after: { status: "paused", pauseReason: stopped.reason },
      });
    });
    await flagReconnectNeeded(channel.id, { reason: stopped.reason, subcode: stopped.subcode });
    await recordChannelError(channel.orgId, channel.id, "send_api", stopped.reason, stopped.code);
    return { ...result, state: "paused" };
  }
  if (stopped?.kind === "stopped") return { ...result, state: "stopped" };
  return result;
}

/** One token, with Meta's errors classified: temporary → back-off and retry; rate limit → slow down and retry. */
async function sendOne(
  graph: GraphClient,
  pageId: string,
  pageToken: string,
  token: string,
  message: Record<string, unknown>,
  recovered: boolean,
  limiter: RateLimiter,
  stopped: () => boolean,
): Promise<Attempt | null> {
  let temporary = 0;
  let rateLimited = 0;
  for (;;) {
    if (stopped()) return null;
    const answered = await limiter.acquire();
    if (stopped()) {
      answered();
      return null;
    }
    const at = new Date();
    try {
      const answer = await graph.sendMessage(pageId, pageToken, { recipient: { one_time_notif_token: token }, message });
      answered();
      limiter.recover();
      return { kind: "sent", messageId: answer.message_id ?? null, at };
    } catch (error) {
      answered();
      if (!(error instanceof GraphError)) {
        // Network failure: Meta may or may not have sent it; a retry is safe (a used token answers 100).
        recovered = true;
        if (++temporary >= TEMPORARY_ATTEMPTS) return { kind: "failed", code: null, reason: `Graph API unreachable: ${(error as Error).message}` };
        await backOff(temporary);
        continue;
      }
      switch (error.errorClass) {
        case "temporary":
          if (++temporary >= TEMPORARY_ATTEMPTS) return { kind: "failed", code: error.code, reason: error.reason };
          await backOff(temporary);
          continue;
        case "rate_limit":
          limiter.slowDown();
          if (++rateLimited >= RATE_LIMIT_ATTEMPTS) return { kind: "failed", code: error.code, reason: error.reason };
          continue;
        case "auth":
          return { kind: "pause", code: error.code, subcode: error.subcode ?? null, reason: error.reason };
        case "invalid":
          if (recovered && /already been used/i.test(error.message)) return { kind: "sent", messageId: null, at };
          if (/expired/i.test(error.message)) return { kind: "expired", reason: error.reason };
          return { kind: "failed", code: error.code, reason: error.reason };
        default:
          return { kind: "failed", code: error.code, reason: error.reason };
      }
    }
  }
}

function backOff(attempt: number): Promise<void> {
  const ms = Math.min(5000, 200 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends batch after batch until the campaign is finished, paused or stopped (tests, benchmarks, scripts). */
export async function runCampaignSend(options: SendBatchOptions): Promise<BatchResult> {
  const total: BatchResult = { state: "more", claimed: 0, sent: 0, failed: 0, expired: 0, released: 0, recentCalls: options.recentCalls };
  for (;;) {
    const r = await sendCampaignBatch({ ...options, recentCalls: total.recentCalls });
    total.claimed += r.claimed;
    total.sent += r.sent;
    total.failed += r.failed;
    total.expired += r.expired;
    total.released += r.released;
    total.state = r.state;
    total.recentCalls = r.recentCalls;
    if (r.held !== undefined) total.held = (total.held ?? 0) + r.held;
    total.nextDueAt = r.nextDueAt;
    if (r.state !== "more") return total;
  }
}
