"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ChevronLeftIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";
import type { LocalizableMessage, MessageKey } from "@/lib/i18n/translate";
import type { ActionError } from "@/lib/tenancy/action";
import type { ConnectPageResult, FacebookLoginView, PickerPage } from "@/lib/services/facebook-login/schemas";
import { FacebookLoginButton } from "../../_components/facebook-login-button";
import { connectFacebookPagesAction } from "../../facebook-login-actions";

/**
 * The Page picker after "Connect with Facebook": each Page the Facebook user shared, with its picture and
 * whether it can be chosen, a skill group per chosen Page, then one result per Page. A failed login (a declined
 * permission, a cancelled dialog) shows what went wrong and "Try again" instead.
 */
export function FacebookPagePicker({
  orgSlug,
  orgName,
  login,
  failure,
  missingPermissions,
  skillGroups,
}: {
  orgSlug: string;
  orgName: string;
  login: FacebookLoginView;
  failure: LocalizableMessage | null;
  missingPermissions: string[];
  skillGroups: { id: string; name: string }[];
}) {
  const { t, serverMessage } = useI18n();
  const base = `/o/${orgSlug}/channels`;
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [results, setResults] = useState<ConnectPageResult[] | null>(null);
  const [error, setError] = useState<ActionError | string | null>(null);
  const [pending, startTransition] = useTransition();

  const tryAgain = (
    <FacebookLoginButton orgSlug={orgSlug} purpose={login.purpose} channelId={login.channelId ?? undefined} variant="primary" label="facebookLogin.tryAgain" />
  );

  const submit = () => {
    const choices = Object.entries(chosen).map(([pageId, skillGroupId]) => ({ pageId, skillGroupId }));
    if (choices.length === 0) return setError(t("facebookLogin.errors.noChoice"));
    const unassigned = choices.find((c) => !c.skillGroupId);
    if (unassigned) return setError(t("facebookLogin.picker.skillGroupRequired", { page: login.pages.find((p) => p.id === unassigned.pageId)?.name ?? unassigned.pageId }));
    setError(null);
    startTransition(async () => {
      const result = await connectFacebookPagesAction(orgSlug, login.id, choices);
      if (result.ok) setResults(result.data);
      else setError(result.error);
    });
  };

  return (
    <div className="mx-auto max-w-3xl space-y-6" data-testid="facebook-page-picker">
      <div>
        <Link href={base} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
          <ChevronLeftIcon className="size-4" />
          {t("facebookLogin.backToChannels")}
        </Link>
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{t("facebookLogin.picker.title")}</h1>
        {login.facebookUserName && !failure && <p className="mt-1 text-sm text-zinc-500">{t("facebookLogin.picker.signedInAs", { name: login.facebookUserName, org: orgName })}</p>}
      </div>

      {failure ? (
        <Alert>
          <div className="space-y-2" data-testid="facebook-login-failure">
            <p className="font-semibold">{serverMessage(failure)}</p>
            {missingPermissions.length > 0 && (
              <>
                <ul className="list-disc space-y-0.5 pl-5">
                  {missingPermissions.map((p) => (
                    <li key={p}>
                      <code className="font-mono text-xs">{p}</code>
                      {hasPurpose(p) && <>: {t(`facebookLogin.permission.${p}` as MessageKey)}</>}
                    </li>
                  ))}
                </ul>
                <p>{t("facebookLogin.howToGrant", { permissions: missingPermissions.join(", ") })}</p>
              </>
            )}
            <div className="pt-1">{tryAgain}</div>
          </div>
        </Alert>
      ) : results ? (
        <Card title={t("facebookLogin.result.title")} testId="facebook-login-results">
          <ul className="divide-y divide-zinc-100">
            {results.map((r) => (
              <li key={r.pageId} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="connect-result" data-status={r.status}>
                <div className="min-w-0">
                  <p className="font-medium text-zinc-900">{r.pageName}</p>
                  {r.reason && <p className="mt-0.5 text-sm text-zinc-600">{serverMessage(r.reason)}</p>}
                </div>
                <div className="flex items-center gap-3">
                  <Badge tone={r.status === "connected" ? "success" : r.status === "check_failed" ? "accent" : "danger"}>
                    {t(r.status === "failed" ? "facebookLogin.result.failed" : "facebookLogin.result.connected")}
                  </Badge>
                  {r.channelId && (
                    <Link href={`${base}/${r.channelId}`} className="text-sm font-medium text-accent-700 hover:underline">
                      {t("facebookLogin.result.open", { page: r.pageName })}
                    </Link>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      ) : login.completed ? (
        <Alert tone="info">
          <p>{t("facebookLogin.errors.completed")}</p>
        </Alert>
      ) : login.pages.length === 0 ? (
        <Alert tone="info">
          <div className="space-y-2">
            <p>{t("facebookLogin.picker.none")}</p>
            {tryAgain}
          </div>
        </Alert>
      ) : (
        <Card>
          {skillGroups.length === 0 && <Alert tone="warning" className="mb-4">{t("facebookLogin.picker.noSkillGroups")}</Alert>}
          <ul className="divide-y divide-zinc-100">
            {login.pages.map((page) => (
              <PageRow
                key={page.id}
                page={page}
                base={base}
                skillGroups={skillGroups}
                skillGroupId={chosen[page.id]}
                onChoose={(on) =>
                  setChosen((prev) => {
                    const next = { ...prev };
                    if (on) next[page.id] = skillGroups.length === 1 ? skillGroups[0].id : "";
                    else delete next[page.id];
                    return next;
                  })
                }
                onSkillGroup={(id) => setChosen((prev) => ({ ...prev, [page.id]: id }))}
              />
            ))}
          </ul>
          {error && <Alert className="mt-4">{typeof error === "string" ? error : serverMessage(error)}</Alert>}
          <div className="mt-4 flex justify-end">
            <Button onClick={submit} loading={pending} disabled={skillGroups.length === 0}>
              {t("facebookLogin.picker.submit")}
            </Button>
          </div>
        </Card>
      )}
    </div>
  );
}

const PURPOSES = new Set(["pages_show_list", "pages_messaging", "pages_manage_metadata"]);
function hasPurpose(permission: string): boolean {
  return PURPOSES.has(permission);
}

function PageRow({
  page,
  base,
  skillGroups,
  skillGroupId,
  onChoose,
  onSkillGroup,
}: {
  page: PickerPage;
  base: string;
  skillGroups: { id: string; name: string }[];
  skillGroupId: string | undefined;
  onChoose: (on: boolean) => void;
  onSkillGroup: (id: string) => void;
}) {
  const { t } = useI18n();
  const choosable = page.canMessage && !page.connectedHereChannelId && !page.connectedElsewhere;
  const checkboxId = `page-${page.id}`;
  const selectId = `page-${page.id}-group`;
  return (
    <li className="flex flex-wrap items-start gap-4 py-4" data-testid="offered-page" data-page-id={page.id}>
      {page.pictureUrl ? (
        // A Page picture from Meta's CDN (or the sandbox): a plain img, since next/image would proxy a third party.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={page.pictureUrl} alt={t("facebookLogin.picker.pictureAlt", { page: page.name })} width={48} height={48} className="size-12 shrink-0 rounded-full border border-zinc-200 object-cover" />
      ) : (
        <span aria-hidden="true" className="flex size-12 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-lg font-semibold text-zinc-500">
          {page.name.slice(0, 1)}
        </span>
      )}
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <input
            id={checkboxId}
            type="checkbox"
            className="size-4 rounded border-zinc-300"
            disabled={!choosable}
            checked={skillGroupId !== undefined}
            onChange={(e) => onChoose(e.currentTarget.checked)}
          />
          <label htmlFor={checkboxId} className="font-medium text-zinc-900">
            <span className="sr-only">{t("facebookLogin.picker.choose", { page: page.name })}</span>
            <span aria-hidden="true">{page.name}</span>
          </label>
          <span className="font-mono text-xs text-zinc-500">{page.id}</span>
        </div>
        {page.connectedHereChannelId && (
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone="success">{t("facebookLogin.picker.connectedHere")}</Badge>
            <Link href={`${base}/${page.connectedHereChannelId}`} className="font-medium text-accent-700 hover:underline">
              {t("facebookLogin.picker.openChannel")}
            </Link>
          </p>
        )}
        {page.connectedElsewhere && (
          <div className="text-sm">
            <Badge tone="danger">{t("facebookLogin.picker.connectedElsewhere")}</Badge>
            <p className="mt-1 text-zinc-500">{t("facebookLogin.picker.connectedElsewhereHint")}</p>
          </div>
        )}
        {!page.canMessage && !page.connectedHereChannelId && !page.connectedElsewhere && (
          <div className="text-sm">
            <Badge tone="neutral">{t("facebookLogin.picker.cannotMessage")}</Badge>
            <p className="mt-1 text-zinc-500">{t("facebookLogin.picker.cannotMessageHint")}</p>
          </div>
        )}
        {skillGroupId !== undefined && (
          <div className="max-w-xs space-y-1">
            <label htmlFor={selectId} className="text-sm font-medium text-zinc-800">
              <span aria-hidden="true">{t("facebookLogin.picker.skillGroup")}</span>
              <span className="sr-only">{t("facebookLogin.picker.skillGroupFor", { page: page.name })}</span>
            </label>
            <Select id={selectId} value={skillGroupId} onChange={(e) => onSkillGroup(e.currentTarget.value)}>
              <option value="">{t("facebookLogin.picker.chooseSkillGroup")}</option>
              {skillGroups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </Select>
          </div>
        )}
      </div>
    </li>
  );
}
