import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { FAQ_LIST_LIMIT, listFaqCategories, listFaqs, listFaqSynonyms } from "@/lib/services/faqs";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../../org-page";
import { sectionMetadata } from "../../page-metadata";
import { FaqsClient } from "./faqs-client";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("bot.tabs.faqs", "nav.bot");
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Bot → FAQs: the knowledge base, filtered by the search parameters (q, language, enabled). */
export default async function FaqsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ orgSlug }, query] = await Promise.all([params, searchParams]);
  const { ctx } = await orgPageContext(orgSlug);
  if (!can(ctx, "faqs.read")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  const filters = {
    q: one(query.q)?.slice(0, 200) || undefined,
    language: one(query.language) === "en" || one(query.language) === "zh-CN" ? (one(query.language) as "en" | "zh-CN") : undefined,
    enabled: one(query.enabled) === "true" || one(query.enabled) === "false" ? (one(query.enabled) as "true" | "false") : undefined,
  };
  const [faqs, categories, synonyms] = await Promise.all([listFaqs({ ctx, input: filters }), listFaqCategories({ ctx }), listFaqSynonyms({ ctx })]);
  const filtered = Boolean(filters.q || filters.language || filters.enabled);
  return (
    <FaqsClient
      orgSlug={ctx.org.slug}
      faqs={faqs}
      filters={filters}
      filtered={filtered}
      limited={faqs.length >= FAQ_LIST_LIMIT}
      categoryCount={categories.length}
      synonyms={synonyms.groups}
      canManage={can(ctx, "faqs.manage")}
    />
  );
}
