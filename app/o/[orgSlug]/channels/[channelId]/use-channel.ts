"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useAction } from "@/components/ui/use-submit";
import type { ConnectionCheck } from "@/lib/services/channels";
import type { ActionError } from "@/lib/tenancy/action";
import type { Channel } from "@/lib/services/channels/schemas";
import { checkConnectionAction } from "../actions";
import { channelQueries, type ChannelState } from "../query-options";

export type ChannelConfirm = "delete" | "disable" | "disconnect" | "regenerate" | null;

/**
 * The channel page's state: the live channel and health (polled), the connection check, the one open
 * confirmation and its pending action, and the success notice. The panels read it and call back into it.
 */
export function useChannel({ orgSlug, initial, initialVerifyToken, renderedAt }: { orgSlug: string; initial: ChannelState; initialVerifyToken: string | null; renderedAt: number }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const detail = channelQueries.detail(orgSlug, initial.channel.id);
  const query = useQuery({ ...detail, initialData: initial, initialDataUpdatedAt: renderedAt, refetchInterval: 5_000 });
  const { channel, health } = query.data;
  const setChannel = (next: Channel) => queryClient.setQueryData(detail.queryKey, (old) => (old ? { ...old, channel: next } : old));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: detail.queryKey });
    router.refresh();
  };

  const [verifyToken, setVerifyToken] = useState(initialVerifyToken);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [checking, startCheck] = useTransition();
  const [checkError, setCheckError] = useState<ActionError | null>(null);
  const [confirm, setConfirm] = useState<ChannelConfirm>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();

  const runCheck = () =>
    startCheck(async () => {
      setNotice(null);
      const result = await checkConnectionAction(orgSlug, channel.id);
      if (!result.ok) {
        setCheckError(result.error);
        setCheck(null);
        return;
      }
      setCheckError(null);
      setCheck(result.data);
      setChannel(result.data.channel);
      refresh();
    });

  return {
    orgSlug,
    channel,
    health,
    /** Anchors the events chart: when the data shown was read. */
    readAt: query.dataUpdatedAt || renderedAt,
    setChannel,
    refresh,
    verifyToken,
    setVerifyToken,
    check,
    checking,
    checkError,
    runCheck,
    confirm,
    setConfirm,
    action,
    notice,
    setNotice,
  };
}

export type ChannelPageState = ReturnType<typeof useChannel>;
