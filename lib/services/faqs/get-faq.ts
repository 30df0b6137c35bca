import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getFaqInOrg, toFaq } from "./queries";
import type { Faq } from "./schemas";

/** One entry of the organisation's knowledge base. Everyone who may read FAQs. */
export async function getFaq({ ctx, faqId }: { ctx: OrgContext; faqId: string }): Promise<Faq> {
  requirePermission(ctx, "faqs.read");
  return toFaq(await getFaqInOrg(await getDb(), ctx, faqId));
}
