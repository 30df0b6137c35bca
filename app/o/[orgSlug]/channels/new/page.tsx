import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/shell/no-access";
import { ChevronLeftIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../../org-page";
import { ChannelForm } from "../_components/channel-form";
import { createChannelAction } from "../actions";
import { listAllSkillGroups } from "../queries";
import { sectionMetadata } from "../../page-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("channels.form.createTitle", "nav.channels");
}

export default async function NewChannelPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "channels.manage")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  const groups = await listAllSkillGroups(ctx);
  const slug = ctx.org.slug;
  return (
    <>
      <Link href={`/o/${slug}/channels`} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
        <ChevronLeftIcon className="size-4" />
        {t("channels.back")}
      </Link>
      <PageHeader title={t("channels.form.createTitle")} description={t("channels.form.createDescription")} />
      <ChannelForm
        orgSlug={slug}
        orgName={ctx.org.name}
        skillGroups={groups.map((g) => ({ id: g.id, name: g.name }))}
        save={async (values) => {
          "use server";
          return createChannelAction(slug, values);
        }}
      />
    </>
  );
}
