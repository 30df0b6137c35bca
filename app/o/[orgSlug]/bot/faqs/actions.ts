"use server";

import { revalidatePath } from "next/cache";
import { createFaq, deleteFaq, importFaqs, saveFaqSynonyms, setFaqsEnabled, updateFaq, type FaqImportInput, type FaqInput } from "@/lib/services/faqs";
import { orgAction } from "@/lib/tenancy/action";

const faqsPath = (slug: string) => `/o/${slug}/bot/faqs`;

export async function createFaqAction(orgSlug: string, input: FaqInput) {
  return orgAction(orgSlug, "faqs.manage", async (ctx) => {
    const faq = await createFaq({ ctx, input });
    revalidatePath(faqsPath(ctx.org.slug));
    return { id: faq.id };
  });
}

export async function updateFaqAction(orgSlug: string, faqId: string, input: FaqInput) {
  return orgAction(orgSlug, "faqs.manage", async (ctx) => {
    await updateFaq({ ctx, faqId, input });
    revalidatePath(faqsPath(ctx.org.slug));
    return null;
  });
}

export async function deleteFaqAction(orgSlug: string, faqId: string) {
  return orgAction(orgSlug, "faqs.manage", async (ctx) => {
    await deleteFaq({ ctx, faqId });
    revalidatePath(faqsPath(ctx.org.slug));
    return null;
  });
}

export async function setFaqsEnabledAction(orgSlug: string, ids: string[], enabled: boolean) {
  return orgAction(orgSlug, "faqs.manage", async (ctx) => {
    const result = await setFaqsEnabled({ ctx, input: { ids, enabled } });
    revalidatePath(faqsPath(ctx.org.slug));
    return result;
  });
}

export async function importFaqsAction(orgSlug: string, input: FaqImportInput) {
  return orgAction(orgSlug, "faqs.manage", async (ctx) => {
    const result = await importFaqs({ ctx, input });
    revalidatePath(faqsPath(ctx.org.slug));
    return result;
  });
}

/** The synonyms box holds one group a line, words separated by commas (either kind). */
export async function saveFaqSynonymsAction(orgSlug: string, text: string) {
  return orgAction(orgSlug, "faqs.manage", async (ctx) => {
    const groups = text
      .split(/\r?\n/)
      .map((line) => line.split(/[,，、]/).map((t) => t.trim()))
      .filter((terms) => terms.some(Boolean));
    const saved = await saveFaqSynonyms({ ctx, input: { groups } });
    revalidatePath(faqsPath(ctx.org.slug));
    return saved;
  });
}
