"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import { resetPasswordAction } from "../../actions";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("resetPassword", input),
    defaultValues: { password: "" },
    submit: (values) => resetPasswordAction(token, values),
    // Every session of the account has ended (a stale cookie here too): sign-in says why and takes the new password.
    onSuccess: () => router.replace("/sign-in?reset=1"),
  });
  return (
    <form className="space-y-4" noValidate onSubmit={onSubmit}>
      {formError && <Alert>{formError}</Alert>}
      {/* Lets a password manager save the new password for the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field id="reset-password" label={t("account.reset.newPassword")} hint={t("auth.passwordHint")} error={fieldError("password")}>
        <Input {...form.register("password")} type="password" autoComplete="new-password" required minLength={8} autoFocus />
      </Field>
      <Button type="submit" className="w-full" loading={pending}>
        {t("account.reset.submit")}
      </Button>
    </form>
  );
}
