"use client";

import { useRouter } from "next/navigation";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TrashIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";
import { deleteChannelAction, disconnectChannelAction, setChannelEnabledAction } from "../actions";
import type { ChannelPageState } from "./use-channel";

/**
 * Check connection, edit, enable or disable (confirmed), disconnect (confirmed), delete (confirmed): the channel's
 * header buttons. A disconnected channel has no token to check, enable or disconnect: edit (a new token) and delete remain.
 */
export function ChannelActions({ state }: { state: ChannelPageState }) {
  const { t } = useI18n();
  const router = useRouter();
  const { orgSlug, channel, action, confirm, setConfirm, setChannel, refresh, setNotice } = state;
  const disconnected = channel.disconnectedAt !== null;
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        {!disconnected && (
          <Button onClick={state.runCheck} loading={state.checking}>
            {t("channels.actions.check")}
          </Button>
        )}
        <ButtonLink href={`/o/${orgSlug}/channels/${channel.id}/edit`} variant="secondary">
          {t("channels.actions.edit")}
        </ButtonLink>
        {disconnected ? null : channel.status === "active" ? (
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
        {!disconnected && (
          <Button variant="secondary" onClick={() => setConfirm("disconnect")}>
            {t("channels.actions.disconnect")}
          </Button>
        )}
        <Button variant="ghost" onClick={() => setConfirm("delete")} aria-label={t("channels.actions.delete")} title={t("channels.actions.delete")}>
          <TrashIcon className="size-4" />
        </Button>
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
        open={confirm === "disconnect"}
        onClose={() => setConfirm(null)}
        title={t("channels.disconnect.title", { name: channel.name })}
        body={t("channels.disconnect.body")}
        confirmLabel={t("channels.actions.disconnect")}
        pending={action.pending}
        error={action.error}
        onConfirm={() =>
          action.run(
            () => disconnectChannelAction(orgSlug, channel.id),
            (result) => {
              setConfirm(null);
              setChannel(result.channel);
              setNotice(
                result.unsubscribeFailure === null
                  ? t("channels.disconnect.done", { name: channel.name })
                  : t("channels.disconnect.notUnsubscribed", { name: channel.name, reason: result.unsubscribeFailure }),
              );
              refresh();
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
    </>
  );
}
