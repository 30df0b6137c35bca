"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, useTransition, type FormEvent } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { TrashIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import { ATTRIBUTE_KEY_MAX, ATTRIBUTE_VALUE_MAX } from "@/lib/services/contacts/constants";
import { updateContactAttributesAction } from "../actions";
import { useLiveRefetch } from "../_components/use-live-conversations";
import { conversationQueries } from "../query-options";
import { AskTopic } from "./ask-topic";
import { ContactPermissions } from "./contact-permissions";
import { ConversationLabels } from "./conversation-labels";

/**
 * Who the conversation is with, beside the thread: profile, time zone, PSID, first and last seen, labels,
 * the attributes agents keep, the permissions to message (every kind) and the conversation's past cycles.
 */
export function ContactPanel({ orgSlug, conversationId }: { orgSlug: string; conversationId: string }) {
  const { t } = useI18n();
  const options = conversationQueries.contact(orgSlug, conversationId);
  const query = useQuery(options);
  // A rating arrives through the webhook: the panel hears of the conversation's events and refetches.
  useLiveRefetch(options.queryKey, (event) => "conversationId" in event && event.conversationId === conversationId);
  const panel = query.data;
  if (!panel) {
    return (
      <aside aria-label={t("contactPanel.title")} className="rounded-xl border border-zinc-200 bg-white p-4 text-sm text-zinc-500 shadow-xs">
        {query.isError ? <p role="alert">{t("contactPanel.loadFailed")}</p> : t("common.loading")}
      </aside>
    );
  }
  const c = panel.contact;
  const label = c.name ?? c.psid;
  return (
    <aside aria-label={t("contactPanel.title")} className="space-y-5 rounded-xl border border-zinc-200 bg-white p-4 text-sm shadow-xs" data-testid="contact-panel">
      <div className="flex items-center gap-3">
        {/* The profile picture is Meta's CDN address: not loaded into agents' browsers (as message images are not), initials instead. */}
        <Avatar label={label} className="size-12" />
        <div className="min-w-0">
          <h2 className="truncate font-semibold text-zinc-900">{label}</h2>
          <p className="text-xs text-zinc-500">{t("contactPanel.title")}</p>
        </div>
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-[13px]">
        <dt className="text-zinc-500">{t("contactPanel.locale")}</dt>
        <dd className="text-zinc-900">{c.locale ?? t("contactPanel.unknown")}</dd>
        <dt className="text-zinc-500">{t("contactPanel.timeZone")}</dt>
        <dd className="text-zinc-900">{c.timezoneOffset === null ? t("contactPanel.unknown") : t("contactPanel.utcOffset", { offset: utcOffset(c.timezoneOffset) })}</dd>
        <dt className="text-zinc-500">{t("contactPanel.firstSeen")}</dt>
        <dd className="text-zinc-900">
          <Time iso={c.firstSeenAt} />
        </dd>
        <dt className="text-zinc-500">{t("contactPanel.lastSeen")}</dt>
        <dd className="text-zinc-900">{c.lastSeenAt ? <Time iso={c.lastSeenAt} /> : t("common.never")}</dd>
        <dt className="text-zinc-500">{t("contactPanel.psid")}</dt>
        <dd className="flex min-w-0 items-center gap-2">
          <span className="truncate font-mono text-xs text-zinc-900">{c.psid}</span>
          <CopyButton text={c.psid} size="sm" name={`${t("common.copy")} ${t("contactPanel.copyPsid")}`} />
        </dd>
      </dl>

      <section aria-labelledby="contact-labels" className="space-y-1.5">
        <h3 id="contact-labels" className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
          {t("contactPanel.labels")}
        </h3>
        <ConversationLabels orgSlug={orgSlug} conversationId={conversationId} value={panel.labels} editable={panel.may.editAttributes} />
      </section>

      <Attributes orgSlug={orgSlug} conversationId={conversationId} contactId={c.id} attributes={c.attributes} editable={panel.may.editAttributes} />

      {/* Unsubscribing needs conversations.reply, the permission editAttributes stands for. */}
      <ContactPermissions orgSlug={orgSlug} conversationId={conversationId} contactId={c.id} permissions={panel.permissions} linkCampaigns={panel.may.readCampaigns} canUnsubscribe={panel.may.editAttributes} />
      {panel.may.readCampaigns && <AskTopic orgSlug={orgSlug} contactId={c.id} />}

      <section aria-labelledby="contact-satisfaction" className="space-y-1.5">
        <h3 id="contact-satisfaction" className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
          {t("csat.panel.title")}
        </h3>
        {panel.satisfaction.length === 0 ? (
          <p className="text-zinc-500">{t("csat.panel.none")}</p>
        ) : (
          <ol className="space-y-2" data-testid="contact-satisfaction">
            {panel.satisfaction.map((survey) => (
              <li key={survey.id} className="text-[13px]">
                <p className="text-zinc-900">
                  {survey.status === "rated" && survey.rating !== null ? (
                    <Badge tone="accent">{t("csat.panel.rating", { rating: survey.rating })}</Badge>
                  ) : survey.status === "skipped" ? (
                    t(survey.skipReason === "send_failed" ? "csat.panel.skipped.send_failed" : "csat.panel.skipped.outside_window")
                  ) : (
                    t("csat.panel.asked")
                  )}
                </p>
                {survey.comment ? <p className="text-zinc-700">{t("csat.panel.comment", { comment: survey.comment })}</p> : null}
                <p className="text-xs text-zinc-500">
                  <Time iso={survey.resolvedAt} />
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="contact-past" className="space-y-1.5">
        <h3 id="contact-past" className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
          {t("contactPanel.pastConversations")}
        </h3>
        {panel.pastCycles.length === 0 ? (
          <p className="text-zinc-500">{t("contactPanel.noPast")}</p>
        ) : (
          <ol className="space-y-2" data-testid="contact-past">
            {panel.pastCycles.map((cycle) => (
              <li key={cycle.openedAt} className="text-[13px]">
                <p className="text-zinc-900">
                  <Time iso={cycle.openedAt} /> – <Time iso={cycle.resolvedAt} />
                </p>
                <p className="text-xs text-zinc-500">
                  {cycle.resolvedBy ? t("contactPanel.resolvedBy", { name: cycle.resolvedBy }) : t("contactPanel.resolvedAutomatically")}
                  {cycle.handledBy && cycle.handledBy !== cycle.resolvedBy ? ` · ${t("contactPanel.handledBy", { name: cycle.handledBy })}` : ""}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}

/** "8" → "+8", "-5.5" → "-5:30". */
function utcOffset(hours: string): string {
  const n = Number(hours);
  if (!Number.isFinite(n)) return hours;
  const sign = n < 0 ? "-" : "+";
  const abs = Math.abs(n);
  const minutes = Math.round((abs % 1) * 60);
  return `${sign}${Math.floor(abs)}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}`;
}

function Attributes({ orgSlug, conversationId, contactId, attributes, editable }: { orgSlug: string; conversationId: string; contactId: string; attributes: Record<string, string>; editable: boolean }) {
  const { t, serverMessage } = useI18n();
  const client = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));

  const save = (patch: { key: string; value: string | null }[], after?: () => void) =>
    startTransition(async () => {
      const result = await updateContactAttributesAction(orgSlug, contactId, { attributes: patch });
      if (!result.ok) {
        setError(serverMessage(result.error));
        return;
      }
      setError(null);
      after?.();
      await client.invalidateQueries({ queryKey: conversationQueries.contact(orgSlug, conversationId).queryKey });
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = key.trim();
    if (!name) return;
    const patch = [...(editing && editing !== name ? [{ key: editing, value: null }] : []), { key: name, value }];
    save(patch, () => {
      setEditing(null);
      setKey("");
      setValue("");
    });
  };
  return (
    <section aria-labelledby="contact-attributes" className="space-y-1.5">
      <h3 id="contact-attributes" className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
        {t("contactPanel.attributes")}
      </h3>
      {entries.length === 0 ? (
        <p className="text-zinc-500">{t("contactPanel.noAttributes")}</p>
      ) : (
        <dl className="space-y-1" data-testid="contact-attributes">
          {entries.map(([k, v]) => (
            <div key={k} className="flex items-start gap-2">
              <dt className="w-24 shrink-0 truncate text-zinc-500" title={k}>
                {k}
              </dt>
              <dd className="min-w-0 flex-1 break-words text-zinc-900">{v}</dd>
              {editable && (
                <span className="flex shrink-0 gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t("contactPanel.editAttribute", { key: k })}
                    onClick={() => {
                      setEditing(k);
                      setKey(k);
                      setValue(v);
                    }}
                  >
                    {t("common.edit")}
                  </Button>
                  <Button size="sm" variant="ghost" aria-label={t("contactPanel.removeAttribute", { key: k })} onClick={() => save([{ key: k, value: null }])} disabled={pending}>
                    <TrashIcon className="size-3.5" />
                  </Button>
                </span>
              )}
            </div>
          ))}
        </dl>
      )}
      {editable && (
        <form onSubmit={submit} className="space-y-2 pt-1">
          <div className="grid grid-cols-[2fr_3fr] gap-2">
            <Input aria-label={t("contactPanel.attributeKey")} placeholder={t("contactPanel.attributeKey")} value={key} maxLength={ATTRIBUTE_KEY_MAX} onChange={(e) => setKey(e.target.value)} />
            <Input aria-label={t("contactPanel.attributeValue")} placeholder={t("contactPanel.attributeValue")} value={value} maxLength={ATTRIBUTE_VALUE_MAX} onChange={(e) => setValue(e.target.value)} />
          </div>
          <div className="flex gap-2">
            <Button type="submit" size="sm" variant="secondary" loading={pending} disabled={!key.trim()}>
              {editing ? t("common.save") : t("contactPanel.addAttribute")}
            </Button>
            {editing && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  setEditing(null);
                  setKey("");
                  setValue("");
                }}
              >
                {t("common.cancel")}
              </Button>
            )}
          </div>
          {error && (
            <p role="alert" className="text-xs text-red-700">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
