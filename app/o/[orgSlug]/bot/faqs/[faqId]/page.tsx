import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { SectionTitle } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { getFaq } from "@/lib/services/faqs";
import { can } from "@/lib/tenancy/context";
import { listAllChannels, listAllSkillGroups } from "../../../channels/queries";
import { orNotFound } from "../../../or-not-found";
import { orgPageContext } from "../../../org-page";
import { namedMetadata } from "../../../page-metadata";
import { FaqForm } from "../faq-form";
import { faqFormValues } from "../faq-form-values";

export async function generateMetadata({ params }: { params: Promise<{ orgSlug: string; faqId: string }> }): Promise<Metadata> {
  const { orgSlug, faqId } = await params;
  return namedMetadata(orgSlug, "faqs.manage", async (ctx) => (await getFaq({ ctx, faqId })).question, ["bot.tabs.faqs", "nav.bot"], "common.edit");
}

/** Edit one FAQ entry; another organisation's id is a 404. */
export default async function EditFaqPage({ params }: { params: Promise<{ orgSlug: string; faqId: string }> }) {
  const { orgSlug, faqId } = await params;
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "faqs.manage")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  const [faq, groups, channels] = await Promise.all([orNotFound(faqId, () => getFaq({ ctx, faqId })), listAllSkillGroups(ctx), listAllChannels(ctx)]);
  return (
    <div>
      <SectionTitle>{t("faqs.edit.title")}</SectionTitle>
      <FaqForm
        orgSlug={ctx.org.slug}
        faqId={faq.id}
        initial={faqFormValues(faq)}
        groups={groups.map((g) => ({ id: g.id, name: g.name }))}
        channels={channels.map((c) => ({ id: c.id, name: c.name }))}
      />
    </div>
  );
}
