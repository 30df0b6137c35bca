"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { CopyField } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useConfirmRow } from "@/components/ui/use-confirm-row";
import { useAction } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import { TOPIC_REQUEST_OUTCOMES, type RegistrationContact } from "@/lib/services/topics/constants";
import type { Topic, TopicRequestResult, TopicShare } from "@/lib/services/topics/schemas";
import { sandboxLinkOf, useSandboxUrl } from "../../_components/sandbox-link";
import { deleteTopicAction, registerTopicAction, requestTopicOptinAction } from "../actions";

/** While the admin's confirmation is awaited, the page looks again this often (the opt-in arrives by webhook). */
const PENDING_REFRESH_MS = 3_000;

export function TopicDetail({
  orgSlug,
  topic,
  share,
  contacts,
  segments,
  canManage,
}: {
  orgSlug: string;
  topic: Topic;
  share: TopicShare;
  contacts: RegistrationContact[];
  segments: { id: string; name: string }[];
  canManage: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const remove = useConfirmRow(async () => {
    const result = await deleteTopicAction(orgSlug, topic.id);
    if (result.ok) router.push(`/o/${orgSlug}/campaigns/topics`);
    return result;
  });
  useEffect(() => {
    if (topic.registration !== "pending") return;
    const timer = setInterval(() => router.refresh(), PENDING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [topic.registration, router]);
  return (
    <div className="space-y-6">
      {!topic.available && <Alert tone="warning">{t("topics.unavailable", { channel: topic.channelName, reason: topic.unavailableReason ?? "" })}</Alert>}
      {topic.registration !== "registered" && canManage && <Registration orgSlug={orgSlug} topic={topic} contacts={contacts} />}
      <SharePanel topic={topic} share={share} />
      {canManage && topic.registration === "registered" && <Invite orgSlug={orgSlug} topic={topic} segments={segments} />}
      {canManage && (
        <div>
          <Button variant="secondary" onClick={() => remove.ask(topic)}>
            {t("topics.delete")}
          </Button>
          <ConfirmDialog {...remove.dialog} title={`${t("topics.delete")} “${topic.title}”?`} body={t("segments.delete.body")} confirmLabel={t("common.delete")} />
        </div>
      )}
    </div>
  );
}

/** The guide's registration step: the request goes to the admin's own Messenger account, chosen among the Page's people. */
function Registration({ orgSlug, topic, contacts }: { orgSlug: string; topic: Topic; contacts: RegistrationContact[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [search, setSearch] = useState("");
  const matching = useMemo(() => contacts.filter((c) => c.name.toLowerCase().includes(search.trim().toLowerCase())), [contacts, search]);
  const [contactId, setContactId] = useState(contacts.find((c) => c.windowOpen)?.id ?? "");
  const action = useAction();
  return (
    <Card title={t("topics.register.title")} testId="topic-registration">
      <div className="space-y-3">
        <p className="text-sm text-zinc-600">{t("topics.register.body")}</p>
        {topic.registration === "pending" && (
          <p role="status" className="text-sm font-medium text-amber-800" data-testid="registration-state">
            {t("topics.registration.pending")}
          </p>
        )}
        {action.error && <Alert>{action.error}</Alert>}
        <Field id="topic-admin-search" label={t("topics.register.search")}>
          <Input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </Field>
        {matching.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("topics.register.noContacts")}</p>
        ) : (
          <Field id="topic-admin" label={t("topics.register.contact")}>
            <Select value={contactId} onChange={(e) => setContactId(e.target.value)} size={Math.min(6, Math.max(2, matching.length))}>
              {matching.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} — {c.windowOpen ? t("topics.register.windowOpen") : t("topics.register.windowClosed")}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Button disabled={!contactId || action.pending} onClick={() => action.run(() => registerTopicAction(orgSlug, topic.id, contactId), () => router.refresh())}>
          {t("topics.register.send")}
        </Button>
      </div>
    </Card>
  );
}

/** The m.me/rn link with its copy button and QR code (and, against the sandbox, a link to open it there). */
function SharePanel({ topic, share }: { topic: Topic; share: TopicShare }) {
  const { t } = useI18n();
  const sandboxUrl = useSandboxUrl();
  const qr = (format: "svg" | "png") => (format === "svg" ? share.qrSvgPath : share.qrPngPath);
  return (
    <Card title={t("topics.share.title")} testId="topic-share">
      <div className="space-y-4">
        {topic.registration !== "registered" && <p className="text-sm text-amber-800">{t("topics.share.registerFirst")}</p>}
        <CopyField id={`topic-link-${topic.id}`} value={share.link} label={t("topics.share.link")} copyName={t("topics.share.copy")} />
        {sandboxUrl && (
          <a className="text-sm font-medium text-accent-700 hover:underline" href={sandboxLinkOf(share.link, sandboxUrl)} target="_blank" rel="noreferrer">
            {t("topics.share.openSandbox")}
          </a>
        )}
        <div className="flex flex-wrap items-center gap-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- an authenticated SVG download, not an optimisable asset */}
          <img src={qr("svg")} alt={t("topics.share.qr")} className="size-40 rounded-lg border border-zinc-200 bg-white" />
          <div className="flex flex-col gap-2">
            <a className="text-sm font-medium text-accent-700 hover:underline" href={qr("svg")} download>
              {t("topics.share.downloadSvg")}
            </a>
            <a className="text-sm font-medium text-accent-700 hover:underline" href={qr("png")} download>
              {t("topics.share.downloadPng")}
            </a>
          </div>
        </div>
      </div>
    </Card>
  );
}

/** Opt-in requests to a segment or everyone in the window, and what happened to each person. */
function Invite({ orgSlug, topic, segments }: { orgSlug: string; topic: Topic; segments: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const [audience, setAudience] = useState("everyone");
  const [result, setResult] = useState<TopicRequestResult | null>(null);
  const action = useAction();
  const input = audience === "everyone" ? { everyone: true } : { segmentId: audience };
  return (
    <Card title={t("topics.invite.title")} testId="topic-invite">
      <div className="space-y-3">
        <p className="text-sm text-zinc-600">{t("topics.invite.body")}</p>
        {action.error && <Alert>{action.error}</Alert>}
        <Field id="topic-invite-audience" label={t("topics.invite.audience")}>
          <Select value={audience} onChange={(e) => setAudience(e.target.value)}>
            <option value="everyone">{t("topics.invite.everyone")}</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {t("topics.invite.segment")}: {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button disabled={action.pending} onClick={() => action.run(() => requestTopicOptinAction(orgSlug, topic.id, input), setResult)}>
          {t("topics.invite.send")}
        </Button>
        {result && (
          <div aria-live="polite">
            {result.reconnectNeeded && <Alert>{t("topics.invite.reconnect")}</Alert>}
            <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-3" aria-label={t("topics.invite.result")}>
              {TOPIC_REQUEST_OUTCOMES.map((outcome) => (
                <div key={outcome} className="rounded-lg border border-zinc-200 px-3 py-2" data-testid={`outcome-${outcome}`}>
                  <dt className="text-zinc-500">{t(`topics.outcome.${outcome}`)}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{result.counts[outcome]}</dd>
                </div>
              ))}
            </dl>
          </div>
        )}
      </div>
    </Card>
  );
}
