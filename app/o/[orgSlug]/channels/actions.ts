"use server";

import { revalidatePath } from "next/cache";
import { getChannelHealth, deleteChannel, disconnectChannel, setChannelEnabled, checkChannelConnection, exchangeChannelToken, getChannel, createChannel, regenerateVerifyToken, updateChannel } from "@/lib/services/channels";
import { channelTokenExchangeSchema } from "@/lib/services/channels/schemas";
import { orgAction } from "@/lib/tenancy/action";
import { parseInput } from "@/lib/validation";

const channelsPath = (slug: string) => `/o/${slug}/channels`;

function channelValues(values: Record<string, string>) {
  return {
    name: values.name ?? "",
    pageId: values.pageId ?? "",
    pageAccessToken: values.pageAccessToken ?? "",
    appId: values.appId ?? "",
    appSecret: values.appSecret ?? "",
    skillGroupId: values.skillGroupId ?? "",
    graphApiVersion: values.graphApiVersion || undefined,
  };
}

export async function createChannelAction(orgSlug: string, values: Record<string, string>) {
  return orgAction(orgSlug, "channels.manage", async (ctx) => {
    const channel = await createChannel({ ctx, input: channelValues(values) });
    revalidatePath(channelsPath(ctx.org.slug), "layout");
    return { id: channel.id };
  });
}

export async function updateChannelAction(orgSlug: string, channelId: string, values: Record<string, string>) {
  return orgAction(orgSlug, "channels.manage", async (ctx) => {
    const { pageId: _pageId, ...rest } = channelValues(values);
    void _pageId;
    await updateChannel({ ctx, channelId, input: rest });
    revalidatePath(channelsPath(ctx.org.slug), "layout");
    return { id: channelId };
  });
}

export async function regenerateVerifyTokenAction(orgSlug: string, channelId: string) {
  return orgAction(orgSlug, "channels.manage", (ctx) => regenerateVerifyToken({ ctx, channelId }));
}

export async function setChannelEnabledAction(orgSlug: string, channelId: string, enabled: boolean) {
  return orgAction(orgSlug, "channels.manage", async (ctx) => {
    const channel = await setChannelEnabled({ ctx, channelId, enabled });
    revalidatePath(channelsPath(ctx.org.slug), "layout");
    return channel;
  });
}

export async function deleteChannelAction(orgSlug: string, channelId: string) {
  return orgAction(orgSlug, "channels.manage", async (ctx) => {
    await deleteChannel({ ctx, channelId });
    revalidatePath(channelsPath(ctx.org.slug), "layout");
    return null;
  });
}

/** Unsubscribes the app from the Page and removes its token; the answer says whether Meta was told. */
export async function disconnectChannelAction(orgSlug: string, channelId: string) {
  return orgAction(orgSlug, "channels.manage", async (ctx) => {
    const result = await disconnectChannel({ ctx, channelId });
    revalidatePath(channelsPath(ctx.org.slug), "layout");
    return result;
  });
}

export async function checkConnectionAction(orgSlug: string, channelId: string) {
  return orgAction(orgSlug, "channels.manage", async (ctx) => {
    const result = await checkChannelConnection({ ctx, channelId });
    revalidatePath(channelsPath(ctx.org.slug), "layout");
    return result;
  });
}

export async function exchangeTokenAction(orgSlug: string, channelId: string, values: Record<string, string>) {
  return orgAction(orgSlug, "channels.manage", async (ctx) => {
    const { shortLivedToken } = parseInput(channelTokenExchangeSchema, { shortLivedToken: values.shortLivedToken ?? "" });
    const channel = await exchangeChannelToken({ ctx, channelId, shortLivedToken });
    revalidatePath(channelsPath(ctx.org.slug), "layout");
    return channel;
  });
}

/** The channel page's live data (status and health), polled by react-query. */
export async function channelStateAction(orgSlug: string, channelId: string) {
  return orgAction(orgSlug, "channels.read", async (ctx) => {
    const [channel, health] = await Promise.all([getChannel({ ctx, channelId }), getChannelHealth({ ctx, channelId })]);
    return { channel, health };
  });
}
