import type { Translate } from "@/lib/i18n/translate";
import type { TimelineActivity } from "@/lib/services/conversations/schemas";

// As bot_handover_reason in db/schema/bot.ts (not imported: this runs in the browser too).
const BOT_HANDOVER_REASONS = ["user_request", "misses", "keyword", "menu", "connector", "connector_failed", "human_first"] as const;
type BotHandoverReason = (typeof BOT_HANDOVER_REASONS)[number];

/** A desk event in words: "Alice transferred to Bob: “VIP”", "Resolved by Alice", "Reopened: new message". */
export function activitySentence(a: TimelineActivity, t: Translate): string {
  const someone = t("timeline.someone");
  const actor = a.actorName ?? someone;
  const byMember = a.actor === "member";
  const status = (s: TimelineActivity["toStatus"]) => (s ? t(`timeline.status.${s}`) : "");
  switch (a.kind) {
    case "opened":
      return t("timeline.opened");
    case "assigned":
      return byMember ? t("timeline.assigned.member", { actor, to: a.toName ?? someone }) : t("timeline.assigned.system", { to: a.toName ?? someone });
    case "claimed":
      return t("timeline.claimed", { actor: a.toName ?? actor });
    case "unassigned":
      return a.memo === "agent_offline" ? t("timeline.unassigned.offline", { from: a.fromName ?? someone }) : t("timeline.unassigned", { from: a.fromName ?? someone });
    case "transferred": {
      const sentence = !byMember
        ? t("timeline.transferred.system", { to: a.toName ?? a.toSkillGroupName ?? someone })
        : a.toName
          ? t("timeline.transferred.member", { actor, to: a.toName })
          : t("timeline.transferred.group", { actor, group: a.toSkillGroupName ?? someone });
      return a.memo && a.memo !== "agent_offline" ? t("timeline.memo", { sentence, memo: a.memo }) : sentence;
    }
    case "resolved":
      return byMember ? t("timeline.resolved.member", { actor }) : t("timeline.resolved.system");
    case "reopened":
      return byMember ? t("timeline.reopened.member", { actor }) : t("timeline.reopened.system");
    case "status_changed":
      return byMember ? t("timeline.status.member", { actor, status: status(a.toStatus) }) : t("timeline.status.system", { status: status(a.toStatus) });
    case "thread_control":
      return t("timeline.threadControl");
    case "bot_handover":
      return t("timeline.botHandover", { reason: t(BOT_HANDOVER_REASONS.includes(a.memo as BotHandoverReason) ? `timeline.botHandover.${a.memo as BotHandoverReason}` : "timeline.botHandover.user_request") });
  }
}
