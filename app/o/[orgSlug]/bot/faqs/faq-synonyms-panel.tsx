"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SectionTitle } from "@/components/ui/page-header";
import { Textarea } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";
import { saveFaqSynonymsAction } from "./actions";

/** The organisation's synonyms, one group a line, edited as a whole. */
export function FaqSynonymsPanel({ orgSlug, groups, canManage }: { orgSlug: string; groups: string[][]; canManage: boolean }) {
  const { t, serverMessage } = useI18n();
  const [text, setText] = useState(groups.map((g) => g.join(", ")).join("\n"));
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section className="rounded-xl border border-zinc-200 p-4" aria-labelledby="faq-synonyms-title">
      <SectionTitle>
        <span id="faq-synonyms-title">{t("faqs.synonyms.title")}</span>
      </SectionTitle>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const result = await saveFaqSynonymsAction(orgSlug, text);
            setNotice(result.ok ? { tone: "success", text: t("faqs.synonyms.saved") } : { tone: "error", text: serverMessage(result.error) });
          });
        }}
      >
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        <Field id="faq-synonyms" label={t("faqs.synonyms.title")} hint={t("faqs.synonyms.help")}>
          <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} readOnly={!canManage} placeholder="包邮, 免运费, free shipping" />
        </Field>
        {canManage && (
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("faqs.synonyms.save")}
          </Button>
        )}
      </form>
    </section>
  );
}
