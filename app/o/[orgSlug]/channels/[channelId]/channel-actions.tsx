"use client";

import { useRouter } from "next/navigation";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TrashIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/client";
import { deleteChannelAction, setChannelEnabledAction } from "../actions";
import type { ChannelPageState } from "./use-channel";

/** Check connection, edit, enable or disable (confirmed), delete (confirmed): the channel's header buttons. */
export function ChannelActions({ state }: { state: ChannelPageState }) {
  const { t } = useI18n();
  const router = useRouter();
  const { orgSlug, channel, action, confirm, setConfirm, setChannel, refresh } = state;
  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={state.runCheck} loading={state.checking}>
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
    </>
  );
}
