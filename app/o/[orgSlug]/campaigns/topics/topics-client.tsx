"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { Topic } from "@/lib/services/topics/schemas";
import { RegistrationBadge } from "./registration-badge";

// The form (react-hook-form) loads when its dialog opens: out of the page's first load.
const TopicDialog = dynamic(() => import("./topic-form").then((m) => m.TopicDialog), { ssr: false });

export interface TopicChannelOption {
  id: string;
  name: string;
  /** Why Meta does not offer recurring notifications on the channel (a catalog key); null: offered. */
  unavailableReason: MessageKey | null;
}

/** The organisation's topics by channel, with registration state and subscribers, and where topics are not offered. */
export function TopicsClient({ orgSlug, topics, channels, canManage }: { orgSlug: string; topics: Topic[]; channels: TopicChannelOption[]; canManage: boolean }) {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const offered = channels.filter((c) => c.unavailableReason === null);
  const createButton =
    canManage && offered.length > 0 ? (
      <Button onClick={() => setCreating(true)}>
        <PlusIcon className="size-4" />
        {t("topics.create")}
      </Button>
    ) : undefined;
  return (
    <div className="space-y-4">
      {channels
        .filter((c) => c.unavailableReason !== null)
        .map((c) => (
          <Alert key={c.id} tone="info">
            {t("topics.unavailable", { channel: c.name, reason: t(c.unavailableReason!) })}
          </Alert>
        ))}
      {topics.length > 0 && createButton && <div className="flex justify-end">{createButton}</div>}
      {topics.length === 0 ? (
        <EmptyState title={t("topics.empty.title")} body={offered.length > 0 ? t("topics.empty.body") : t("topics.noChannel")} action={createButton} />
      ) : (
        <Table label={t("topics.title")}>
          <THead>
            <TH>{t("topics.col.title")}</TH>
            <TH>{t("topics.field.channel")}</TH>
            <TH>{t("topics.col.cadence")}</TH>
            <TH>{t("topics.col.registration")}</TH>
            <TH>{t("topics.col.subscribers")}</TH>
          </THead>
          <TBody>
            {topics.map((topic) => (
              <TR key={topic.id} data-testid="topic-row">
                <TD stack="title">
                  <Link className="font-medium text-accent-700 hover:underline" href={`/o/${orgSlug}/campaigns/topics/${topic.id}`}>
                    {topic.title}
                  </Link>
                </TD>
                <TD label={t("topics.field.channel")}>{topic.channelName}</TD>
                <TD label={t("topics.col.cadence")}>{t(`topics.cadence.${topic.cadence}`)}</TD>
                <TD label={t("topics.col.registration")}>
                  <RegistrationBadge registration={topic.registration} />
                </TD>
                <TD label={t("topics.col.subscribers")} className="tabular-nums text-zinc-600">
                  {t("topics.subscribers", topic.subscribers)}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {creating && <TopicDialog orgSlug={orgSlug} channels={offered} onClose={() => setCreating(false)} />}
    </div>
  );
}
