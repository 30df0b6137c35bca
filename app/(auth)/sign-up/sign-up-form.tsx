"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import { signUpAction } from "../actions";
import { signInWithPassword } from "../sign-in-with-password";

export function SignUpForm() {
  const { t } = useI18n();
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("signUp", input),
    defaultValues: { name: "", email: "", password: "", organizationName: "" },
    submit: signUpAction,
    onSuccess: async ({ email }, { password }) => {
      const refused = await signInWithPassword(email, password, t);
      if (refused) {
        form.setError("root.server", { type: "sign_in_failed", message: refused });
        return;
      }
      // The organisation is created when the emailed link is opened; until then the account waits there.
      router.replace("/verify-email");
      router.refresh();
    },
  });
  return (
    <form className="space-y-4" noValidate onSubmit={onSubmit}>
      {formError && <Alert>{formError}</Alert>}
      <Field id="sign-up-name" label={t("auth.yourName")} error={fieldError("name")}>
        <Input {...form.register("name")} autoComplete="name" required autoFocus />
      </Field>
      <Field id="sign-up-email" label={t("common.email")} error={fieldError("email")}>
        <Input {...form.register("email")} type="email" autoComplete="email" required />
      </Field>
      <Field id="sign-up-password" label={t("auth.password")} hint={t("auth.passwordHint")} error={fieldError("password")}>
        <Input {...form.register("password")} type="password" autoComplete="new-password" required minLength={8} />
      </Field>
      <Field id="sign-up-org" label={t("auth.orgName")} hint={t("auth.orgNameHint")} error={fieldError("organizationName")}>
        <Input {...form.register("organizationName")} autoComplete="organization" required />
      </Field>
      <Button type="submit" className="w-full" loading={pending}>
        {t("auth.signUp.submit")}
      </Button>
    </form>
  );
}
