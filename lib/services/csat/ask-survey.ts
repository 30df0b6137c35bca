import { and, eq, ne, isNotNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channelCsatSettings, contacts, conversationActivities, conversations, csatSurveys, messages, organizations } from "@/db/schema";
import { publishRealtime } from "@/lib/realtime";
import { sendBotMessages } from "@/lib/services/bot";
import { surveyMessage } from "./survey-messages";
import { csatText, surveyLanguage } from "./texts";

const WINDOW_MS = 24 * 3_600_000;

export type AskOutcome = "asked" | "skipped" | "send_failed" | "off" | "reopened" | "not_found";

/**
 * The survey workflow's step, after a conversation was resolved: inside the person's 24-hour window the Page
 * asks for a rating (quick replies 1 to 5); outside it the survey is recorded as skipped (outside_window).
 * Idempotent by the resolution: the survey row is unique per resolution activity and the question's stored
 * message per survey, so a retried step sends the question at most once (a question Meta refused is recorded
 * as skipped, send_failed). A conversation reopened before the step ran, or a channel whose survey was turned
 * off meanwhile, asks nothing.
 */
export async function askSurvey({ orgId, conversationId, resolutionActivityId, now = new Date() }: { orgId: string; conversationId: string; resolutionActivityId: string; now?: Date }): Promise<{ outcome: AskOutcome; surveyId?: string }> {
  const db = await getDb();
  const prepared = await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ conversation: conversations, contactLocale: contacts.locale, lastInboundAt: contacts.lastInboundAt, defaultLocale: organizations.defaultLocale })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .innerJoin(organizations, eq(organizations.id, conversations.orgId))
      .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)))
      .for("update", { of: conversations });
    if (!found) return { outcome: "not_found" as const };
    const [resolution] = await tx
      .select()
      .from(conversationActivities)
      .where(and(eq(conversationActivities.orgId, orgId), eq(conversationActivities.conversationId, conversationId), eq(conversationActivities.id, resolutionActivityId), eq(conversationActivities.kind, "resolved")));
    if (!resolution) return { outcome: "not_found" as const };
    const [existing] = await tx.select().from(csatSurveys).where(eq(csatSurveys.resolutionActivityId, resolutionActivityId));
    // A retry: the survey was decided already; only a question still waiting to go out is (re)sent.
    if (existing) return { outcome: existing.status === "skipped" ? ("skipped" as const) : ("asked" as const), survey: existing, send: existing.status === "asked" };
    const { conversation } = found;
    const [setting] = await tx.select().from(channelCsatSettings).where(eq(channelCsatSettings.channelId, conversation.channelId));
    if (!setting?.enabled) return { outcome: "off" as const };
    if (conversation.status !== "resolved") return { outcome: "reopened" as const };
    const language = surveyLanguage(found.contactLocale, found.defaultLocale);
    const inWindow = found.lastInboundAt !== null && now.getTime() - found.lastInboundAt.getTime() < WINDOW_MS;
    const [survey] = await tx
      .insert(csatSurveys)
      .values({
        orgId,
        conversationId,
        channelId: conversation.channelId,
        skillGroupId: resolution.toSkillGroupId,
        membershipId: resolution.toMembershipId ?? resolution.fromMembershipId,
        resolutionActivityId,
        status: inWindow ? "asked" : "skipped",
        skipReason: inWindow ? null : "outside_window",
        awaiting: inWindow ? "rating" : null,
        language,
        resolvedAt: resolution.createdAt,
        askedAt: inWindow ? now : null,
      })
      .returning();
    if (!inWindow) return { outcome: "skipped" as const, survey: survey!, send: false };
    // Only the newest survey of a conversation waits for an answer.
    await tx.update(csatSurveys).set({ awaiting: null, updatedAt: now }).where(and(eq(csatSurveys.conversationId, conversationId), ne(csatSurveys.id, survey!.id), isNotNull(csatSurveys.awaiting)));
    const at = { orgId, channelId: conversation.channelId, conversationId, surveyId: survey!.id, timestamp: now.getTime() };
    await tx.insert(messages).values(surveyMessage(at, "question", csatText(setting.texts, language, "question"))).onConflictDoNothing();
    await publishRealtime(tx, { type: "message.created", orgId, channelId: conversation.channelId, conversationId, at: now.getTime() });
    return { outcome: "asked" as const, survey: survey!, send: true };
  });
  if (!("survey" in prepared) || !prepared.survey) return { outcome: prepared.outcome };
  const survey = prepared.survey;
  if (!prepared.send) return { outcome: prepared.outcome, surveyId: survey.id };
  await sendBotMessages({ orgId, conversationIds: [conversationId] });
  const [question] = await db.select({ sendStatus: messages.sendStatus }).from(messages).where(and(eq(messages.channelId, survey.channelId), eq(messages.conversationId, conversationId), eq(messages.mid, `bot:csat-question:${survey.id}`)));
  if (question?.sendStatus === "failed") {
    // Meta refused the question: nothing waits for an answer, and reports count it as not asked.
    await db
      .update(csatSurveys)
      .set({ status: "skipped", skipReason: "send_failed", awaiting: null, updatedAt: new Date() })
      .where(and(eq(csatSurveys.id, survey.id), eq(csatSurveys.status, "asked")));
    return { outcome: "send_failed", surveyId: survey.id };
  }
  return { outcome: "asked", surveyId: survey.id };
}
