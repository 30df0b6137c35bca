"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useSubmit } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import { acceptInvitationAction } from "../../actions";
import { signInErrorMessage } from "../../sign-in-errors";

export function AcceptInvitationForm({ token, email, hasAccount }: { token: string; email: string; hasAccount: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const form = useSubmit(
    (values) => acceptInvitationAction(token, values),
    async ({ orgSlug }, el, setError) => {
      const password = String(new FormData(el).get("password") ?? "");
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result?.ok || result.error) {
        setError({ code: "sign_in_failed", message: signInErrorMessage(result?.error, t) });
        return;
      }
      router.replace(`/o/${orgSlug}`);
      router.refresh();
    },
  );
  return (
    <form className="space-y-4" noValidate onSubmit={form.onSubmit}>
      <p className="text-sm text-zinc-600">{hasAccount ? t("auth.invite.existingAccount") : t("auth.invite.newAccount")}</p>
      {form.formError && <Alert>{form.formError}</Alert>}
      <Field id="invite-email" label={t("common.email")}>
        <Input value={email} readOnly disabled autoComplete="username" />
      </Field>
      {!hasAccount && (
        <Field id="invite-name" label={t("auth.yourName")} error={form.fieldError("name")}>
          <Input name="name" autoComplete="name" autoFocus />
        </Field>
      )}
      <Field id="invite-password" label={t("auth.password")} hint={hasAccount ? undefined : t("auth.passwordHint")} error={form.fieldError("password")}>
        <Input name="password" type="password" autoComplete={hasAccount ? "current-password" : "new-password"} required autoFocus={hasAccount} />
      </Field>
      <Button type="submit" className="w-full" loading={form.pending}>
        {t("auth.invite.submit")}
      </Button>
    </form>
  );
}
