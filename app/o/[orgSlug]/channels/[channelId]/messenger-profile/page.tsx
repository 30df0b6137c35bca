import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { BOT_PAYLOAD } from "@/lib/services/bot";
import { getChannel } from "@/lib/services/channels";
import { getMessengerProfile } from "@/lib/services/messenger-profile";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../../../org-page";
import { orNotFound } from "../../../or-not-found";
import { namedMetadata } from "../../../page-metadata";
import { MessengerProfileClient } from "./messenger-profile-client";

export async function generateMetadata({ params }: { params: Promise<{ orgSlug: string; channelId: string }> }): Promise<Metadata> {
  const { orgSlug, channelId } = await params;
  return namedMetadata(orgSlug, "bot.manage", async (ctx) => (await getChannel({ ctx, channelId })).name, ["messengerProfile.title", "nav.channels"]);
}

export default async function MessengerProfilePage({ params }: { params: Promise<{ orgSlug: string; channelId: string }> }) {
  const { orgSlug, channelId } = await params;
  const { ctx } = await orgPageContext(orgSlug);
  if (!can(ctx, "bot.manage") || !can(ctx, "channels.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const [channel, profile] = await orNotFound(channelId, () => Promise.all([getChannel({ ctx, channelId }), getMessengerProfile({ ctx, channelId })]));
  return <MessengerProfileClient orgSlug={ctx.org.slug} channelName={channel.name} profile={profile} talkToHuman={BOT_PAYLOAD.talkToHuman} />;
}
