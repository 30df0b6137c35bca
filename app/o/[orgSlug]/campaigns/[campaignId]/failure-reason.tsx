"use client";

import { explainFailure } from "@/lib/services/campaigns/constants";
import { useI18n } from "@/lib/i18n/client";

/**
 * A send failure in plain words with Meta's code beside it ("This person has blocked the Page or deleted
 * their account. (Meta code 551)"); Meta's own message stays one hover away (title) for whoever needs it.
 */
export function FailureReason({ code, reason, metaMessages }: { code: number | null; reason: string | null; metaMessages?: string[] }) {
  const { t } = useI18n();
  const explained = explainFailure(code, reason);
  const words = t(explained.key);
  const raw = metaMessages ?? (explained.metaMessage ? [explained.metaMessage] : []);
  return (
    <span data-testid="failure-reason" data-meta-code={explained.metaCode ?? ""} title={raw.length > 0 ? t("campaigns.failure.metaMessage", { message: raw.join(" · ") }) : undefined}>
      {explained.metaCode ? t("campaigns.failure.withCode", { reason: words, code: explained.metaCode }) : words}
    </span>
  );
}

/** Failures grouped by what they mean (several raw Meta messages can say the same thing). */
export function groupFailures(rows: { code: number | null; reason: string; count: number }[]) {
  const groups = new Map<string, { code: number | null; reason: string; metaMessages: string[]; count: number }>();
  for (const row of rows) {
    const explained = explainFailure(row.code, row.reason);
    const id = `${explained.key}|${explained.metaCode ?? ""}`;
    const group = groups.get(id) ?? { code: row.code, reason: row.reason, metaMessages: [], count: 0 };
    group.count += row.count;
    if (explained.metaMessage && !group.metaMessages.includes(explained.metaMessage)) group.metaMessages.push(explained.metaMessage);
    groups.set(id, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
