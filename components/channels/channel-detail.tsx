"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import {
  channelStateAction,
  checkConnectionAction,
  deleteChannelAction,
  exchangeTokenAction,
  regenerateVerifyTokenAction,
  setChannelEnabledAction,
} from "@/app/o/[orgSlug]/channels/actions";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { CheckIcon, ChevronLeftIcon, TrashIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { SectionTitle } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { useAction, useSubmit } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { ChannelHealth } from "@/lib/services/channels/channel-health";
import type { ConnectionCheck } from "@/lib/services/channels/check-connection";
import type { Channel } from "@/lib/services/channels/schemas";
import { ChannelStatusBadges } from "./channel-status";
import { HealthChart } from "./health-chart";
import { unwrap } from "./query-provider";
import { SetupGuide, type StepState } from "./setup-guide";

type State = { channel: Channel; health: ChannelHealth };

function Card({ title, aside, children, testId }: { title: ReactNode; aside?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="rounded-xl border border-zinc-200 bg-white p-5 shadow-xs" data-testid={testId}>
      <SectionTitle aside={aside}>{title}</SectionTitle>
      {children}
    </section>
  );
}

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg bg-zinc-50 px-3 py-2.5">
      <div className="text-xs text-zinc-500">{label}</div>
      <div className="mt-0.5 text-sm font-semibold text-zinc-900" data-testid={testId}>
        {children}
      </div>
    </div>
  );
}

export function ChannelDetail({
  orgSlug,
  initialChannel,
  initialHealth,
  initialVerifyToken,
  skillGroupName,
  canManage,
  requiredFields,
  renderedAt,
}: {
  orgSlug: string;
  initialChannel: Channel;
  initialHealth: ChannelHealth;
  initialVerifyToken: string | null;
  skillGroupName: string | null;
  canManage: boolean;
  requiredFields: string[];
  renderedAt: number;
}) {
  const { t, serverMessage } = useI18n();
  const router = useRouter();
  const queryClient = useQueryClient();
  const key = ["channel", orgSlug, initialChannel.id];
  const query = useQuery<State>({
    queryKey: key,
    queryFn: () => unwrap(channelStateAction(orgSlug, initialChannel.id)),
    initialData: { channel: initialChannel, health: initialHealth },
    initialDataUpdatedAt: renderedAt,
    refetchInterval: 5_000,
  });
  const { channel, health } = query.data;
  const setChannel = (next: Channel) => queryClient.setQueryData<State>(key, (old) => (old ? { ...old, channel: next } : old));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    router.refresh();
  };

  const [verifyToken, setVerifyToken] = useState(initialVerifyToken);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [checking, startCheck] = useTransition();
  const [checkError, setCheckError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<"delete" | "disable" | "regenerate" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();

  const runCheck = () =>
    startCheck(async () => {
      setNotice(null);
      const result = await checkConnectionAction(orgSlug, channel.id);
      if (!result.ok) {
        setCheckError(result.error.message);
        setCheck(null);
        return;
      }
      setCheckError(null);
      setCheck(result.data);
      setChannel(result.data.channel);
      refresh();
    });

  const exchange = useSubmit(
    (values) => exchangeTokenAction(orgSlug, channel.id, values),
    (updated, form) => {
      form.reset();
      setChannel(updated);
      setNotice(t("channels.exchange.done"));
      refresh();
    },
  );

  // Did the last connection check pass? A failed check records a "connection" error at its time.
  const lastCheckFailed =
    check !== null
      ? !check.ok && check.failedStep !== "subscribe"
      : channel.reconnectNeeded ||
        (channel.lastCheckedAt !== null && health.recentErrors.some((e) => e.kind === "connection" && new Date(e.at).getTime() >= new Date(channel.lastCheckedAt!).getTime() - 1_000));
  const lastCheckPassed = channel.lastCheckedAt !== null && !lastCheckFailed;
  const allSubscribed = requiredFields.every((f) => channel.subscribedFields.includes(f));
  const failedStep = check && !check.ok ? check.failedStep : undefined;
  const steps: StepState[] = [
    "done",
    channel.pageName && failedStep !== "page" ? "done" : failedStep === "page" ? "failed" : "todo",
    lastCheckPassed ? "done" : lastCheckFailed ? "failed" : "todo",
    health.lastEventAt ? "done" : "todo",
    allSubscribed ? "done" : "todo",
    "unknown",
  ];

  return (
    <div className="space-y-6" data-testid="channel-detail">
      <div>
        <Link href={`/o/${orgSlug}/channels`} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
          <ChevronLeftIcon className="size-4" />
          {t("channels.back")}
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{channel.name}</h1>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-zinc-500">
              {channel.pageName && <span>{channel.pageName}</span>}
              <span className="font-mono text-xs">{channel.pageId}</span>
              <ChannelStatusBadges channel={channel} />
            </div>
          </div>
          {canManage && (
            <div className="flex flex-wrap items-center gap-2">
              <Button onClick={runCheck} loading={checking}>
                {t("channels.actions.check")}
              </Button>
              <ButtonLink href={`/o/${orgSlug}/channels/${channel.id}/edit`} variant="secondary">
                {t("channels.actions.edit")}
              </ButtonLink>
              {channel.status === "active" ? (
                <Button variant="secondary" onClick={() => setConfirm("disable")}>
                  {t("channels.actions.disable")}
                </Button>
              ) : (
                <Button
                  variant="secondary"
                  loading={action.pending && confirm === null}
                  onClick={() =>
                    action.run(
                      () => setChannelEnabledAction(orgSlug, channel.id, true),
                      (c) => {
                        setChannel(c);
                        refresh();
                      },
                    )
                  }
                >
                  {t("channels.actions.enable")}
                </Button>
              )}
              <Button variant="ghost" onClick={() => setConfirm("delete")} aria-label={t("channels.actions.delete")} title={t("channels.actions.delete")}>
                <TrashIcon className="size-4" />
              </Button>
            </div>
          )}
        </div>
      </div>

      {channel.reconnectNeeded && (
        <Alert tone="error">
          <div data-testid="reconnect-banner">
            <p className="font-semibold">{t("channels.reconnectBanner.title")}</p>
            <p className="mt-1">{t("channels.reconnectBanner.detail")}</p>
            {channel.reconnectReason && <p className="mt-1 text-xs opacity-80">{t("channels.reconnectBanner.reason", { reason: channel.reconnectReason })}</p>}
          </div>
        </Alert>
      )}
      {checkError && <Alert>{checkError}</Alert>}
      {action.error && confirm === null && <Alert>{action.error}</Alert>}
      {check && (
        <Alert tone={check.ok ? "success" : "error"}>
          <div data-testid="check-result" data-ok={check.ok ? "true" : "false"}>
            {check.ok ? (
              <p>{t("channels.check.ok", { page: check.channel.pageName ?? check.channel.pageId })}</p>
            ) : (
              <>
                <p className="font-semibold">{t("channels.check.failed", { step: t(`channels.check.step.${check.failedStep ?? "token"}` as MessageKey) })}</p>
                {check.message && <p className="mt-1">{t("channels.check.metaSaid", { message: check.message })}</p>}
                {check.graphCode !== undefined && <p className="mt-0.5 text-xs opacity-80">{t("channels.check.code", { code: check.graphCode })}</p>}
              </>
            )}
          </div>
        </Alert>
      )}
      {notice && <Alert tone="success">{notice}</Alert>}

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Card title={t("channels.health.title")} testId="health-panel">
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
              <Stat label={t("channels.health.lastEvent")} testId="last-event">
                {health.lastEventAt ? <Time iso={health.lastEventAt} /> : <span className="font-normal text-zinc-500">{t("channels.health.noEvents")}</span>}
              </Stat>
              <Stat label={t("channels.health.eventsLastHour")} testId="events-last-hour">
                {health.eventsLastHour}
              </Stat>
              <Stat label={t("channels.health.errorsLastHour")} testId="errors-last-hour">
                {health.errorsLastHour}
              </Stat>
            </div>
            <div className="mt-4">
              <HealthChart hourly={health.hourly} now={query.dataUpdatedAt || renderedAt} />
            </div>
            <div className="mt-4">
              <h3 className="mb-2 text-xs font-medium text-zinc-500">{t("channels.health.subscribedFields")}</h3>
              {channel.subscribedFields.length === 0 ? (
                <p className="text-sm text-zinc-500">{t("channels.health.noFields")}</p>
              ) : (
                <ul className="flex flex-wrap gap-1.5" data-testid="subscribed-fields">
                  {requiredFields.map((f) => {
                    const on = channel.subscribedFields.includes(f);
                    return (
                      <li key={f}>
                        <Badge tone={on ? "success" : "warning"}>
                          {on && <CheckIcon className="mr-1 size-3" />}
                          <span className="font-mono">{f}</span>
                          {!on && <span className="ml-1">({t("channels.health.missingField")})</span>}
                        </Badge>
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
            <div className="mt-5">
              <h3 className="mb-2 text-xs font-medium text-zinc-500">{t("channels.health.recentErrors")}</h3>
              {health.recentErrors.length === 0 ? (
                <p className="text-sm text-zinc-500">{t("channels.health.noErrors")}</p>
              ) : (
                <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200" data-testid="recent-errors">
                  {health.recentErrors.map((e) => (
                    <li key={e.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm">
                      <span className="w-36 shrink-0 text-xs text-zinc-500">
                        <Time iso={e.at} />
                      </span>
                      <Badge tone={e.kind === "connection" || e.kind === "send_api" ? "warning" : "danger"}>{t(`channels.error.${e.kind}` as MessageKey)}</Badge>
                      <span className="min-w-0 flex-1 break-words text-zinc-700">
                        {e.reason}
                        {e.graphCode !== null && <span className="ml-1 text-xs text-zinc-400">({e.graphCode})</span>}
                      </span>
                      {e.count > 1 && (
                        <span className="shrink-0 text-xs font-medium text-zinc-600" data-testid="error-count">
                          {t("channels.health.errorCount", { count: e.count })}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </Card>
          <SetupGuide states={steps} fields={requiredFields} />
        </div>

        <div className="space-y-6 lg:col-span-2">
          <Card title={t("channels.webhook.title")} testId="webhook-panel">
            <p className="mb-4 text-sm text-zinc-500">{t("channels.webhook.description")}</p>
            <div className="space-y-4">
              <CopyField id="callback-url" label={t("channels.webhook.callbackUrl")} value={channel.callbackUrl} />
              {verifyToken !== null ? (
                <div className="space-y-2">
                  <CopyField id="verify-token" label={t("channels.webhook.verifyToken")} value={verifyToken} />
                  {canManage && (
                    <Button variant="ghost" size="sm" onClick={() => setConfirm("regenerate")}>
                      {t("channels.webhook.regenerate")}
                    </Button>
                  )}
                </div>
              ) : (
                <p className="text-sm text-zinc-500">{t("channels.webhook.verifyTokenHidden")}</p>
              )}
            </div>
          </Card>

          <Card title={t("channels.details.title")}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-zinc-500">{t("channels.details.page")}</dt>
              <dd className="text-zinc-900">{channel.pageName ?? "—"}</dd>
              <dt className="text-zinc-500">{t("channels.form.appId")}</dt>
              <dd className="font-mono text-xs text-zinc-900">{channel.appId}</dd>
              <dt className="text-zinc-500">{t("channels.form.skillGroup")}</dt>
              <dd className="text-zinc-900">{skillGroupName ?? t("channels.noSkillGroup")}</dd>
              <dt className="text-zinc-500">{t("channels.form.graphApiVersion")}</dt>
              <dd className="font-mono text-xs text-zinc-900">{channel.graphApiVersion}</dd>
              {channel.pageAccessTokenHint !== null && (
                <>
                  <dt className="text-zinc-500">{t("channels.details.tokenHint")}</dt>
                  <dd className="font-mono text-xs text-zinc-900">{channel.pageAccessTokenHint}</dd>
                </>
              )}
              {channel.appSecretHint !== null && (
                <>
                  <dt className="text-zinc-500">{t("channels.details.secretHint")}</dt>
                  <dd className="font-mono text-xs text-zinc-900">{channel.appSecretHint}</dd>
                </>
              )}
              <dt className="text-zinc-500">{t("channels.col.lastCheck")}</dt>
              <dd className="text-zinc-900">{channel.lastCheckedAt ? <Time iso={channel.lastCheckedAt} /> : t("channels.neverChecked")}</dd>
            </dl>
          </Card>

          {canManage && (
            <Card title={t("channels.exchange.title")}>
              <p className="mb-3 text-sm text-zinc-500">{t("channels.exchange.description")}</p>
              <form className="space-y-3" noValidate onSubmit={exchange.onSubmit}>
                {exchange.formError && <Alert>{serverMessage(exchange.formError)}</Alert>}
                <Field id="short-lived-token" label={t("channels.exchange.label")} error={exchange.fieldError("shortLivedToken")}>
                  <Input name="shortLivedToken" type="password" autoComplete="off" className="font-mono" />
                </Field>
                <div className="flex justify-end">
                  <Button type="submit" variant="secondary" loading={exchange.pending}>
                    {t("channels.exchange.submit")}
                  </Button>
                </div>
              </form>
            </Card>
          )}
        </div>
      </div>

      <ConfirmDialog
        open={confirm === "delete"}
        onClose={() => setConfirm(null)}
        title={t("channels.delete.title", { name: channel.name })}
        body={t("channels.delete.body")}
        confirmLabel={t("channels.actions.delete")}
        pending={action.pending}
        error={action.error}
        onConfirm={() =>
          action.run(
            () => deleteChannelAction(orgSlug, channel.id),
            () => {
              setConfirm(null);
              router.push(`/o/${orgSlug}/channels`);
              router.refresh();
            },
          )
        }
      />
      <ConfirmDialog
        open={confirm === "disable"}
        onClose={() => setConfirm(null)}
        title={t("channels.disable.title", { name: channel.name })}
        body={t("channels.disable.body")}
        confirmLabel={t("channels.actions.disable")}
        pending={action.pending}
        error={action.error}
        onConfirm={() =>
          action.run(
            () => setChannelEnabledAction(orgSlug, channel.id, false),
            (c) => {
              setConfirm(null);
              setChannel(c);
              refresh();
            },
          )
        }
      />
      <ConfirmDialog
        open={confirm === "regenerate"}
        onClose={() => setConfirm(null)}
        title={t("channels.webhook.regenerate.title")}
        body={t("channels.webhook.regenerate.body")}
        confirmLabel={t("channels.webhook.regenerate")}
        pending={action.pending}
        error={action.error}
        onConfirm={() =>
          action.run(
            () => regenerateVerifyTokenAction(orgSlug, channel.id),
            (r) => {
              setConfirm(null);
              setVerifyToken(r.verifyToken);
              setNotice(t("channels.webhook.regenerate.done"));
            },
          )
        }
      />
    </div>
  );
}
