"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";
import { importFaqsAction } from "./actions";

/** Import a CSV or JSON file: every row is checked first; the refusal lists the rows at fault. */
export function FaqImportDialog({ orgSlug, open, onClose, onImported }: { orgSlug: string; open: boolean; onClose: () => void; onImported: (count: number) => void }) {
  const { t, serverMessage } = useI18n();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<"add" | "replace">("add");
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();
  const close = () => {
    setErrors([]);
    setFile(null);
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={t("faqs.import.title")} description={t("faqs.import.help")}>
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          startTransition(async () => {
            const content = await file.text();
            const format = /\.json$/i.test(file.name) || content.trimStart().startsWith("[") ? "json" : "csv";
            const result = await importFaqsAction(orgSlug, { format, content, mode });
            if (!result.ok) {
              const rows = Object.values(result.error.fieldErrors ?? {}).flatMap((messages) => messages.map((m) => serverMessage(m)));
              setErrors(rows.length > 1 ? rows : [serverMessage(result.error)]);
              return;
            }
            onImported(result.data.imported);
            close();
            router.refresh();
          });
        }}
      >
        {errors.length > 0 && (
          <Alert>
            <ul className="list-disc space-y-1 pl-4" data-testid="faq-import-errors">
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </Alert>
        )}
        <Field id="faq-import-file" label={t("faqs.import.file")}>
          <Input type="file" accept=".csv,.json,text/csv,application/json" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <fieldset className="space-y-1 text-sm text-zinc-800">
          {(["add", "replace"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
              {t(value === "add" ? "faqs.import.modeAdd" : "faqs.import.modeReplace")}
            </label>
          ))}
        </fieldset>
        <DialogFormActions onCancel={close} submitLabel={t("faqs.import.submit")} pending={pending} />
      </form>
    </Dialog>
  );
}
