"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { useAction } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import type { TopicRequestOutcome } from "@/lib/services/topics/constants";
import { contactTopicsAction, requestTopicOptinAction } from "../../campaigns/topics/actions";

/**
 * "Ask to subscribe to a topic": sends one registered topic's opt-in request to the contact, within Meta's
 * rules, and says what happened (sent, outside the window, asked within 7 days, already subscribed...).
 * Shown to members who manage campaigns, when the contact's Page has a registered topic.
 */
export function AskTopic({ orgSlug, contactId }: { orgSlug: string; contactId: string }) {
  const { t } = useI18n();
  const topics = useQuery({
    queryKey: ["contact-topics", orgSlug, contactId],
    queryFn: async () => {
      const result = await contactTopicsAction(orgSlug, contactId);
      return result.ok ? result.data : [];
    },
    staleTime: 60_000,
  });
  const [topicId, setTopicId] = useState("");
  const [outcome, setOutcome] = useState<TopicRequestOutcome | null>(null);
  const action = useAction();
  const list = topics.data ?? [];
  if (list.length === 0) return null;
  const chosen = topicId || list[0].id;
  const ask = () =>
    action.run(
      () => requestTopicOptinAction(orgSlug, chosen, { contactIds: [contactId] }),
      (result) => setOutcome((Object.entries(result.counts).find(([, n]) => n > 0)?.[0] as TopicRequestOutcome | undefined) ?? null),
    );
  return (
    <section aria-labelledby="contact-ask-topic" className="space-y-1.5">
      <h3 id="contact-ask-topic" className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
        {t("topics.contact.ask")}
      </h3>
      {action.error && <Alert>{action.error}</Alert>}
      <div className="flex gap-2">
        <Select aria-label={t("topics.contact.choose")} value={chosen} onChange={(e) => setTopicId(e.target.value)}>
          {list.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic.title}
            </option>
          ))}
        </Select>
        <Button size="sm" variant="secondary" disabled={action.pending} onClick={ask}>
          {t("topics.contact.send")}
        </Button>
      </div>
      {outcome && (
        <p role="status" className="text-sm text-zinc-700" data-testid="ask-topic-outcome">
          {t(`topics.outcome.${outcome}`)}
        </p>
      )}
    </section>
  );
}
