import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { SectionTitle } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { detectLanguage } from "@/lib/services/faqs";
import { can } from "@/lib/tenancy/context";
import { listAllChannels, listAllSkillGroups } from "../../../channels/queries";
import { orgPageContext } from "../../../org-page";
import { sectionMetadata } from "../../../page-metadata";
import { FaqForm } from "../faq-form";
import { faqFormValues } from "../faq-form-values";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("faqs.new.title", "bot.tabs.faqs", "nav.bot");
}

/** A new FAQ; `?question=` fills the question in (and its language), as the analytics' "create an FAQ from this" links. */
export default async function NewFaqPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ question?: string | string[] }> }) {
  const [{ orgSlug }, query] = await Promise.all([params, searchParams]);
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  if (!can(ctx, "faqs.manage")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  const question = (Array.isArray(query.question) ? query.question[0] : query.question)?.trim().slice(0, 500) ?? "";
  const [groups, channels] = await Promise.all([listAllSkillGroups(ctx), listAllChannels(ctx)]);
  return (
    <div>
      <SectionTitle>{t("faqs.new.title")}</SectionTitle>
      <FaqForm
        orgSlug={ctx.org.slug}
        faqId={null}
        initial={faqFormValues(null, question, question ? detectLanguage(question) : undefined)}
        groups={groups.map((g) => ({ id: g.id, name: g.name }))}
        channels={channels.map((c) => ({ id: c.id, name: c.name }))}
      />
    </div>
  );
}
