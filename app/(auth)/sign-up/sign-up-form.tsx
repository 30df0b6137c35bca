"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useSubmit } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import { signUpAction } from "../actions";
import { signInWithPassword } from "../sign-in-with-password";

export function SignUpForm() {
  const { t } = useI18n();
  const router = useRouter();
  const form = useSubmit(signUpAction, async ({ email }, el, setError) => {
    const password = String(new FormData(el).get("password") ?? "");
    const refused = await signInWithPassword(email, password, t);
    if (refused) {
      setError({ code: "sign_in_failed", message: refused });
      return;
    }
    // The organisation is created when the emailed link is opened; until then the account waits there.
    router.replace("/verify-email");
    router.refresh();
  });
  return (
    <form className="space-y-4" noValidate onSubmit={form.onSubmit}>
      {form.formError && <Alert>{form.formError}</Alert>}
      <Field id="sign-up-name" label={t("auth.yourName")} error={form.fieldError("name")}>
        <Input name="name" autoComplete="name" required autoFocus />
      </Field>
      <Field id="sign-up-email" label={t("common.email")} error={form.fieldError("email")}>
        <Input name="email" type="email" autoComplete="email" required />
      </Field>
      <Field id="sign-up-password" label={t("auth.password")} hint={t("auth.passwordHint")} error={form.fieldError("password")}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={8} />
      </Field>
      <Field id="sign-up-org" label={t("auth.orgName")} hint={t("auth.orgNameHint")} error={form.fieldError("organizationName")}>
        <Input name="organizationName" autoComplete="organization" required />
      </Field>
      <Button type="submit" className="w-full" loading={form.pending}>
        {t("auth.signUp.submit")}
      </Button>
    </form>
  );
}
