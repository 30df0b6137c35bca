"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { CopyButton, CopyField, copyText } from "@/components/ui/copy-button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { MoreIcon } from "@/components/ui/icons";
import { Menu, MenuItem, MenuSeparator } from "@/components/ui/menu";
import { useAction } from "@/components/ui/use-submit";
import type { Campaign, CampaignKind } from "@/lib/services/campaigns/schemas";
import { useI18n } from "@/lib/i18n/client";
import { cancelCampaignAction, deleteCampaignAction, resumeCampaignAction, sendCampaignNowAction } from "../actions";
import { isCancellable, isEditable } from "./campaign-status";
import { sandboxLinkOf, useSandboxUrl } from "./sandbox-link";

/** The download paths take the organisation as ?org= (the session chooses nothing by itself). */
export function qrPath(orgSlug: string, campaignId: string, format: "svg" | "png") {
  return `/api/downloads/campaigns/${campaignId}/qr.${format}?org=${encodeURIComponent(orgSlug)}`;
}

/**
 * The share link with its copy button, and the QR code with SVG and PNG downloads. Against the Messenger
 * sandbox (the demo), also a link that opens the campaign's link there, to play the subscriber at once.
 */
export function SharePanel({ orgSlug, campaign }: { orgSlug: string; campaign: Campaign }) {
  const { t } = useI18n();
  const sandboxUrl = useSandboxUrl();
  return (
    <div className="space-y-4" data-testid="share-panel">
      <CopyField id={`share-link-${campaign.id}`} value={campaign.shareLink} label={t("campaigns.share.link")} copyName={t("campaigns.share.copyLink")} />
      <p className="text-[13px] text-zinc-500">{t("campaigns.share.hint")}</p>
      {sandboxUrl && (
        <p className="rounded-lg border border-accent-200 bg-accent-50 px-3 py-2 text-[13px] text-zinc-700" data-testid="open-in-sandbox-hint">
          <a
            className="font-medium text-accent-700 hover:underline"
            href={sandboxLinkOf(campaign.shareLink, sandboxUrl)}
            target="_blank"
            rel="noreferrer"
            data-testid="open-in-sandbox"
          >
            {t("campaigns.share.openInSandbox")}
          </a>{" "}
          {t("campaigns.share.openInSandboxHint")}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        {/* eslint-disable-next-line @next/next/no-img-element -- an authenticated SVG download, not an optimisable asset */}
        <img src={qrPath(orgSlug, campaign.id, "svg")} alt={t("campaigns.share.qrAlt")} className="size-40 rounded-lg border border-zinc-200 bg-white" data-testid="campaign-qr" />
        <div className="flex flex-col gap-2">
          <a className="text-sm font-medium text-accent-700 hover:underline" href={qrPath(orgSlug, campaign.id, "svg")} download>
            {t("campaigns.share.downloadSvg")}
          </a>
          <a className="text-sm font-medium text-accent-700 hover:underline" href={qrPath(orgSlug, campaign.id, "png")} download>
            {t("campaigns.share.downloadPng")}
          </a>
        </div>
      </div>
    </div>
  );
}

type Open = null | "send" | "cancel" | "delete" | "qr";

/**
 * Edit, copy link, QR code, send now (confirmation with the subscriber count), cancel and delete
 * (confirmations), resume when paused. The campaign page's header shows them as buttons; a list row
 * (`compact`) shows one primary action (Resume when paused, otherwise Copy link) and the rest in a menu, so the
 * row stays narrow enough for a phone. A recurring or marketing campaign has no share link (no copy, no QR
 * code); its "Send now" confirms with the audience's count when the caller knows it.
 */
export function CampaignActions({
  orgSlug,
  campaign,
  canManage,
  compact = false,
  recipients = null,
  onChanged,
  afterDelete,
}: {
  orgSlug: string;
  /** `kind` absent: an OTN campaign (as before kinds existed). */
  campaign: Campaign & { kind?: CampaignKind };
  canManage: boolean;
  compact?: boolean;
  /** Recurring, marketing: how many people the send would reach now; null when not counted. */
  recipients?: number | null;
  onChanged?: () => void;
  afterDelete?: () => void;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const action = useAction();
  const size = compact ? "sm" : "md";
  const close = () => {
    setOpen(null);
    action.setError(null);
  };
  const done = () => {
    close();
    onChanged?.();
    router.refresh();
  };
  const otn = (campaign.kind ?? "otn") === "otn";
  const editable = isEditable(campaign.status);
  const subscribers = campaign.counts.subscribers;
  const resume = () => action.run(() => resumeCampaignAction(orgSlug, campaign.id), done);
  const cancellable = isCancellable(campaign.status);
  const paused = canManage && campaign.status === "paused";
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid="campaign-actions">
      {compact ? (
        <div className="flex items-center justify-end gap-1">
          {paused ? (
            <Button size="sm" onClick={resume} loading={action.pending && open === null}>
              {t("campaigns.action.resume")}
            </Button>
          ) : otn ? (
            <CopyButton size="sm" text={campaign.shareLink} label={t("campaigns.action.copyLink")} name={t("campaigns.action.copyLinkOf", { name: campaign.name })} />
          ) : null}
          <Menu align="right" label={t("campaigns.action.more", { name: campaign.name })} className="size-8 justify-center text-zinc-500 hover:text-zinc-900" trigger={<MoreIcon className="size-4" />}>
            {canManage && editable && (
              <MenuItem asChild>
                <Link href={`/o/${orgSlug}/campaigns/${campaign.id}/edit`}>{t("campaigns.action.edit")}</Link>
              </MenuItem>
            )}
            {paused && otn && (
              <MenuItem
                onSelect={() =>
                  void copyText(campaign.shareLink).then((ok) => {
                    setCopied(ok);
                    if (ok) setTimeout(() => setCopied(false), 2000);
                  })
                }
              >
                {t("campaigns.action.copyLink")}
              </MenuItem>
            )}
            {otn && <MenuItem onSelect={() => setOpen("qr")}>{t("campaigns.action.qr")}</MenuItem>}
            {canManage && editable && <MenuItem onSelect={() => setOpen("send")}>{t("campaigns.action.sendNow")}</MenuItem>}
            {canManage && (
              <>
                <MenuSeparator />
                {cancellable && (
                  <MenuItem className="text-red-700 data-highlighted:text-red-800" onSelect={() => setOpen("cancel")}>
                    {t("campaigns.action.cancel")}
                  </MenuItem>
                )}
                <MenuItem className="text-red-700 data-highlighted:text-red-800" onSelect={() => setOpen("delete")}>
                  {t("campaigns.action.delete")}
                </MenuItem>
              </>
            )}
          </Menu>
          <span role="status" className={copied ? "text-xs text-emerald-700" : "sr-only"}>
            {copied ? t("common.copied") : ""}
          </span>
        </div>
      ) : (
        <>
          {canManage && editable && (
            <ButtonLink size={size} variant="secondary" href={`/o/${orgSlug}/campaigns/${campaign.id}/edit`}>
              {t("campaigns.action.edit")}
            </ButtonLink>
          )}
          {otn && (
            <>
              <CopyButton size={size} text={campaign.shareLink} label={t("campaigns.action.copyLink")} />
              <Button size={size} variant="secondary" onClick={() => setOpen("qr")}>
                {t("campaigns.action.qr")}
              </Button>
            </>
          )}
          {canManage && editable && (
            <Button size={size} onClick={() => setOpen("send")}>
              {t("campaigns.action.sendNow")}
            </Button>
          )}
          {canManage && campaign.status === "paused" && (
            <Button size={size} onClick={resume} loading={action.pending && open === null}>
              {t("campaigns.action.resume")}
            </Button>
          )}
          {canManage && cancellable && (
            <Button size={size} variant="ghost" onClick={() => setOpen("cancel")}>
              {t("campaigns.action.cancel")}
            </Button>
          )}
          {canManage && (
            <Button size={size} variant="ghost" onClick={() => setOpen("delete")}>
              {t("campaigns.action.delete")}
            </Button>
          )}
        </>
      )}
      {action.error && open === null && (
        <p role="alert" className="basis-full text-[13px] text-red-600">
          {action.error}
        </p>
      )}

      <Dialog open={open === "qr"} onClose={close} title={t("campaigns.share.title")} footer={<Button variant="secondary" onClick={close}>{t("common.close")}</Button>}>
        {open === "qr" && <SharePanel orgSlug={orgSlug} campaign={campaign} />}
      </Dialog>
      <Dialog
        open={open === "send"}
        onClose={close}
        size="sm"
        title={t("campaigns.sendNow.title", { name: campaign.name })}
        description={
          !otn
            ? recipients === null
              ? t("campaigns.sendNow.bodyBroadcastUnknown")
              : t("campaigns.sendNow.bodyBroadcast", { count: recipients })
            : subscribers > 0
              ? t("campaigns.sendNow.body", { count: subscribers })
              : t("campaigns.sendNow.noSubscribers")
        }
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={action.pending}>
              {t("campaigns.sendNow.dismiss")}
            </Button>
            <Button onClick={() => action.run(() => sendCampaignNowAction(orgSlug, campaign.id), done)} loading={action.pending} disabled={otn ? subscribers === 0 : recipients === 0}>
              {otn ? t("campaigns.sendNow.confirm", { count: subscribers }) : t("campaigns.sendNow.confirmBroadcast")}
            </Button>
          </>
        }
      >
        {action.error && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {action.error}
          </p>
        )}
      </Dialog>
      <ConfirmDialog
        open={open === "cancel"}
        onClose={close}
        onConfirm={() => action.run(() => cancelCampaignAction(orgSlug, campaign.id), done)}
        title={t("campaigns.cancel.title", { name: campaign.name })}
        body={t("campaigns.cancel.body")}
        confirmLabel={t("campaigns.cancel.confirm")}
        dismissLabel={t("campaigns.keep")}
        pending={action.pending}
        error={action.error}
      />
      <ConfirmDialog
        open={open === "delete"}
        onClose={close}
        onConfirm={() =>
          action.run(
            () => deleteCampaignAction(orgSlug, campaign.id),
            () => {
              close();
              onChanged?.();
              if (afterDelete) afterDelete();
              else router.refresh();
            },
          )
        }
        title={t("campaigns.delete.title", { name: campaign.name })}
        body={t("campaigns.delete.body")}
        confirmLabel={t("campaigns.delete.confirm")}
        dismissLabel={t("campaigns.keep")}
        pending={action.pending}
        error={action.error}
      />
    </div>
  );
}
