import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/shell/no-access";
import { ChevronLeftIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { getChannel } from "@/lib/services/channels";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../../../org-page";
import { ChannelForm } from "../../_components/channel-form";
import { updateChannelAction } from "../../actions";
import { orNotFound } from "../../../or-not-found";
import { listAllSkillGroups } from "../../queries";
import { namedMetadata } from "../../../page-metadata";

export async function generateMetadata({ params }: { params: Promise<{ orgSlug: string; channelId: string }> }): Promise<Metadata> {
  const { orgSlug, channelId } = await params;
  return namedMetadata(orgSlug, "channels.manage", async (ctx) => (await getChannel({ ctx, channelId })).name, ["nav.channels"], "common.edit");
}

export default async function EditChannelPage({ params }: { params: Promise<{ orgSlug: string; channelId: string }> }) {
  const { orgSlug, channelId } = await params;
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "channels.manage")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const channel = await orNotFound(channelId, () => getChannel({ ctx, channelId }));
  const groups = await listAllSkillGroups(ctx);
  const slug = ctx.org.slug;
  const id = channel.id;
  return (
    <>
      <Link href={`/o/${slug}/channels/${id}`} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
        <ChevronLeftIcon className="size-4" />
        {channel.name}
      </Link>
      <PageHeader title={t("channels.form.editTitle", { name: channel.name })} />
      <ChannelForm
        orgSlug={slug}
        orgName={ctx.org.name}
        channel={channel}
        skillGroups={groups.map((g) => ({ id: g.id, name: g.name }))}
        save={async (values) => {
          "use server";
          return updateChannelAction(slug, id, values);
        }}
      />
    </>
  );
}
