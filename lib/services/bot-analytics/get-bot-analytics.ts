import { and, count, desc, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { botEvents, faqEntries } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { normalizeQuestion } from "./normalize-question";
import { ANALYTICS_DEFAULT_DAYS, ANALYTICS_MAX_DAYS, botAnalyticsQuerySchema, type BotAnalytics, type BotAnalyticsQuery } from "./schemas";
import { ValidationError } from "@/lib/errors";

const DAY_MS = 86_400_000;
/** The unanswered questions read for grouping: the newest this many of the range (a dashboard, not an export). */
const UNANSWERED_SCAN = 10_000;
const UNANSWERED_GROUPS = 100;

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * What the bot did over a range of days (UTC): answers, suggestions, questions it could not answer, votes per
 * FAQ entry, handovers by reason, and the unanswered questions grouped, each with a link that starts an FAQ
 * entry from it. Read from bot_events only. Owners and admins (bot.analytics).
 */
export async function getBotAnalytics({ ctx, input = {} }: { ctx: OrgContext; input?: BotAnalyticsQuery }): Promise<BotAnalytics> {
  requirePermission(ctx, "bot.analytics");
  const query = parseInput(botAnalyticsQuerySchema, input);
  const to = query.to ?? utcDay(new Date());
  const from = query.from ?? utcDay(new Date(Date.parse(to) - (ANALYTICS_DEFAULT_DAYS - 1) * DAY_MS));
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > ANALYTICS_MAX_DAYS) throw ValidationError.forField("from", "botAnalytics.errors.tooLong");
  const where = and(
    eq(botEvents.orgId, ctx.org.id),
    gte(botEvents.createdAt, new Date(`${from}T00:00:00Z`)),
    lt(botEvents.createdAt, new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS)),
    query.channelId ? eq(botEvents.channelId, query.channelId) : undefined,
  );
  const db = await getDb();

  const byKind = await db.select({ kind: botEvents.kind, n: count() }).from(botEvents).where(where).groupBy(botEvents.kind);
  const total = (kind: (typeof byKind)[number]["kind"]) => byKind.find((r) => r.kind === kind)?.n ?? 0;

  const perEntry = await db
    .select({
      faqId: botEvents.faqId,
      question: faqEntries.question,
      answered: sql<number>`count(*) filter (where ${botEvents.kind} = 'answered')`.mapWith(Number),
      helpful: sql<number>`count(*) filter (where ${botEvents.kind} = 'helpful')`.mapWith(Number),
      unhelpful: sql<number>`count(*) filter (where ${botEvents.kind} = 'unhelpful')`.mapWith(Number),
    })
    .from(botEvents)
    // The entry's current question, when it still exists and is the organisation's.
    .leftJoin(faqEntries, and(eq(faqEntries.id, botEvents.faqId), eq(faqEntries.orgId, ctx.org.id)))
    .where(and(where, isNotNull(botEvents.faqId), inArray(botEvents.kind, ["answered", "helpful", "unhelpful"])))
    .groupBy(botEvents.faqId, faqEntries.question)
    .orderBy(desc(sql`count(*) filter (where ${botEvents.kind} = 'answered')`), desc(sql`count(*)`))
    .limit(500);

  const handovers = await db
    .select({ reason: botEvents.handoverReason, n: count() })
    .from(botEvents)
    .where(and(where, eq(botEvents.kind, "handover"), isNotNull(botEvents.handoverReason)))
    .groupBy(botEvents.handoverReason)
    .orderBy(desc(count()));

  const unansweredRows = await db
    .select({ question: botEvents.question, language: botEvents.language, createdAt: botEvents.createdAt })
    .from(botEvents)
    .where(and(where, eq(botEvents.kind, "unanswered"), isNotNull(botEvents.question)))
    .orderBy(desc(botEvents.createdAt), desc(botEvents.id))
    .limit(UNANSWERED_SCAN);
  const groups = new Map<string, { question: string; count: number; language: string | null; lastAskedAt: Date }>();
  for (const row of unansweredRows) {
    const key = normalizeQuestion(row.question!);
    if (!key) continue;
    const group = groups.get(key);
    // Rows come newest first: the first wording seen is the latest one asked.
    if (group) group.count += 1;
    else groups.set(key, { question: row.question!.trim(), count: 1, language: row.language, lastAskedAt: row.createdAt });
  }
  const unanswered = [...groups.values()]
    .sort((x, y) => y.count - x.count || y.lastAskedAt.getTime() - x.lastAskedAt.getTime())
    .slice(0, UNANSWERED_GROUPS)
    .map((g) => ({
      question: g.question,
      count: g.count,
      language: g.language,
      lastAskedAt: g.lastAskedAt.toISOString(),
      createFaqUrl: `/o/${ctx.org.slug}/bot/faqs/new?question=${encodeURIComponent(g.question)}`,
    }));

  return {
    range: { from, to },
    totals: {
      answered: total("answered"),
      suggested: total("suggested"),
      unanswered: total("unanswered"),
      helpful: total("helpful"),
      unhelpful: total("unhelpful"),
      handovers: total("handover"),
      messagesTaken: total("message_taken"),
    },
    entries: perEntry.map((r) => ({ faqId: r.faqId!, question: r.question, answered: r.answered, helpful: r.helpful, unhelpful: r.unhelpful })),
    handovers: handovers.map((r) => ({ reason: r.reason!, count: r.n })),
    unanswered,
  };
}
