"use client";

import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ChannelsIcon, PlusIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import { ReconnectBanner } from "./_components/reconnect-banner";
import type { Channel } from "@/lib/services/channels/schemas";
import { ChannelStatusBadge } from "./_components/channel-status";
import { FacebookLoginButton } from "./_components/facebook-login-button";

export function ChannelsList({
  orgSlug,
  orgName,
  channels,
  skillGroupNames,
  canManage,
  facebookLogin,
}: {
  orgSlug: string;
  orgName: string;
  channels: Channel[];
  skillGroupNames: Record<string, string>;
  canManage: boolean;
  /** The platform's Meta app is configured: "Connect with Facebook" is offered beside the manual path. */
  facebookLogin: boolean;
}) {
  const { t } = useI18n();
  const base = `/o/${orgSlug}/channels`;
  const connect = canManage ? (
    <div className="flex flex-wrap items-start gap-2">
      {facebookLogin && <FacebookLoginButton orgSlug={orgSlug} variant="primary" />}
      <ButtonLink href={`${base}/new`} variant={facebookLogin ? "secondary" : "primary"}>
        <PlusIcon className="size-4" />
        {t("channels.connect")}
      </ButtonLink>
    </div>
  ) : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-2xl text-sm text-zinc-500">{t("channels.description", { org: orgName })}</p>
        {channels.length > 0 && connect}
      </div>
      <ReconnectBanner channels={channels} />
      {channels.length === 0 ? (
        <EmptyState
          icon={<ChannelsIcon className="size-5" />}
          title={t("channels.empty.title")}
          body={canManage ? t("channels.empty.body") : t("channels.empty.bodyViewer", { org: orgName })}
          action={connect}
        />
      ) : (
        <Table label={t("nav.channels")}>
          <THead>
            <TH>{t("channels.col.channel")}</TH>
            <TH className="hidden md:table-cell">{t("channels.col.pageId")}</TH>
            <TH className="hidden md:table-cell">{t("channels.col.skillGroup")}</TH>
            <TH>{t("channels.col.status")}</TH>
            <TH className="hidden lg:table-cell">{t("channels.col.lastCheck")}</TH>
          </THead>
          <TBody>
            {channels.map((c) => (
              <TR key={c.id} data-testid="channel-row">
                <TD stack="title">
                  <Link href={`${base}/${c.id}`} className="font-medium text-zinc-900 hover:text-accent-700">
                    {c.name}
                  </Link>
                  {c.pageName && <div className="text-xs text-zinc-500">{c.pageName}</div>}
                </TD>
                <TD stack="omit" className="hidden font-mono text-xs md:table-cell">{c.pageId}</TD>
                <TD label={t("channels.col.skillGroup")} className="hidden md:table-cell">{c.skillGroupId ? (skillGroupNames[c.skillGroupId] ?? "—") : <span className="text-zinc-500">{t("channels.noSkillGroup")}</span>}</TD>
                <TD label={t("channels.col.status")}>
                  <ChannelStatusBadge channel={c} />
                </TD>
                <TD stack="omit" className="hidden text-zinc-500 lg:table-cell">{c.lastCheckedAt ? <Time iso={c.lastCheckedAt} /> : t("channels.neverChecked")}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
