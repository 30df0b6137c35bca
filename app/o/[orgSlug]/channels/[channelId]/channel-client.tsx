"use client";

import type { CsatSettings } from "@/lib/services/csat/schemas";
import { CsatPanel } from "./csat-panel";
import { MessagingPanel } from "./messaging-panel";
import type { ChannelAvailability, ChannelPermissionSummary, LastTokenImport } from "@/lib/services/permissions/constants";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ChevronLeftIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";
import type { ChannelState } from "../query-options";
import { ChannelStatusBadge } from "../_components/channel-status";
import { FacebookLoginButton } from "../_components/facebook-login-button";
import { ChannelActions } from "./channel-actions";
import { ChannelNotices } from "./channel-notices";
import { DetailsPanel } from "./details-panel";
import { HealthPanel } from "./health-panel";
import { SetupGuide } from "./setup-guide";
import { setupSteps } from "./setup-steps";
import { TokenExchangePanel } from "./token-exchange-panel";
import { useChannel } from "./use-channel";
import { WebhookPanel } from "./webhook-panel";

/** The channel page: header with its actions, banners, health and setup guide, webhook, details and token exchange. */
export function ChannelDetail({
  orgSlug,
  initial,
  initialVerifyToken,
  skillGroupName,
  canManage,
  requiredFields,
  renderedAt,
  reconnected = false,
  csat = null,
  messaging,
}: {
  orgSlug: string;
  initial: ChannelState;
  initialVerifyToken: string | null;
  skillGroupName: string | null;
  canManage: boolean;
  requiredFields: string[];
  renderedAt: number;
  /** Back from a successful "Reconnect with Facebook". */
  reconnected?: boolean;
  /** The satisfaction survey's setting, for those who manage it (owners and admins); null hides the section. */
  csat?: CsatSettings | null;
  /** Whether recurring notifications and Marketing Messages are offered (and why not), and the permissions held. */
  messaging: { availability: ChannelAvailability; summary: ChannelPermissionSummary; lastImport: LastTokenImport | null; canImport: boolean };
}) {
  const { t } = useI18n();
  const state = useChannel({ orgSlug, initial, initialVerifyToken, renderedAt });
  const { channel, health } = state;
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
              <ChannelStatusBadge channel={channel} />
            </div>
          </div>
          {canManage && <ChannelActions state={state} />}
        </div>
      </div>

      <ChannelNotices state={state} />
      {reconnected && !channel.reconnectNeeded && (
        <Alert tone="success">
          <p data-testid="reconnected-notice">{t("facebookLogin.reconnected")}</p>
        </Alert>
      )}
      {canManage && channel.connection === "facebook_login" && (channel.reconnectNeeded || channel.disconnectedAt !== null) && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-3" data-testid="reconnect-panel">
          <p className="max-w-xl text-sm text-zinc-600">{t("facebookLogin.reconnectHint", { page: channel.pageName ?? channel.name })}</p>
          <FacebookLoginButton orgSlug={orgSlug} purpose="reconnect" channelId={channel.id} variant="primary" label="facebookLogin.reconnect" />
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <HealthPanel channel={channel} health={health} readAt={state.readAt} requiredFields={requiredFields} />
          <SetupGuide states={setupSteps({ channel, health, check: state.check, requiredFields })} fields={requiredFields} connection={channel.connection} />
        </div>
        <div className="space-y-6 lg:col-span-2">
          <WebhookPanel state={state} canManage={canManage} />
          <DetailsPanel channel={channel} skillGroupName={skillGroupName} />
          {canManage && <Link href={`/o/${orgSlug}/channels/${channel.id}/messenger-profile`} className="block text-sm font-medium text-accent-700 hover:underline" data-testid="messenger-profile-link">{t("messengerProfile.link")}</Link>}
          {canManage && <TokenExchangePanel state={state} />}
          <MessagingPanel
            orgSlug={orgSlug}
            channelId={channel.id}
            initial={{ messagingRegion: channel.messagingRegion, businessCountry: channel.businessCountry, adAccountId: channel.adAccountId, availability: messaging.availability }}
            summary={messaging.summary}
            lastImport={messaging.lastImport}
            canImport={messaging.canImport}
            canManage={canManage}
          />
          {csat && <CsatPanel orgSlug={orgSlug} initial={csat} />}
        </div>
      </div>
    </div>
  );
}
