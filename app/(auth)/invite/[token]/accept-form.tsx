"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { signOutTo } from "@/lib/auth/browser-session";
import { useI18n } from "@/lib/i18n/client";
import { acceptInvitationAction } from "../../actions";
import { signInWithPassword } from "../../sign-in-with-password";

type SignedInAs = { email: string; isInvitee: boolean } | null;

/**
 * A new person chooses a password here. Someone who already has an account joins only while signed in as
 * the invited email: this page never asks for their password (sign-in, with its limits, does that).
 */
export function AcceptInvitationForm({ token, email, hasAccount, signedInAs }: { token: string; email: string; hasAccount: boolean; signedInAs: SignedInAs }) {
  const { t } = useI18n();
  const router = useRouter();
  const here = `/invite/${token}`;
  // The server checks the new account's name and password; someone who already has an account sends none.
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: hasAccount ? undefined : (input) => checkInputAction("acceptInvitation", input),
    defaultValues: { name: "", password: "" },
    submit: (values) => acceptInvitationAction(token, values),
    onSuccess: async ({ orgSlug, newAccount }, { password }) => {
      if (newAccount) {
        const refused = await signInWithPassword(email, password, t);
        if (refused) {
          form.setError("root.server", { type: "sign_in_failed", message: refused });
          return;
        }
      }
      router.replace(`/o/${orgSlug}`);
      router.refresh();
    },
  });

  if (hasAccount && !signedInAs?.isInvitee) {
    return (
      <div className="space-y-4">
        {signedInAs ? (
          <>
            <p className="text-sm text-zinc-600">{t("invite.wrongAccount", { current: signedInAs.email, email })}</p>
            <Button variant="secondary" className="w-full" onClick={() => void signOutTo(`/sign-in?callbackUrl=${encodeURIComponent(here)}`)}>
              {t("auth.signOut")}
            </Button>
          </>
        ) : (
          <>
            <p className="text-sm text-zinc-600">{t("invite.signInFirst", { email })}</p>
            <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className="w-full">
              {t("invite.signInButton", { email })}
            </ButtonLink>
          </>
        )}
      </div>
    );
  }

  return (
    <form className="space-y-4" noValidate onSubmit={onSubmit}>
      <p className="text-sm text-zinc-600">{hasAccount ? t("invite.signedInAs", { email }) : t("auth.invite.newAccount")}</p>
      {formError && <Alert>{formError}</Alert>}
      {!hasAccount && (
        <>
          <Field id="invite-email" label={t("common.email")}>
            <Input value={email} readOnly disabled autoComplete="username" />
          </Field>
          <Field id="invite-name" label={t("auth.yourName")} error={fieldError("name")}>
            <Input {...form.register("name")} autoComplete="name" autoFocus />
          </Field>
          <Field id="invite-password" label={t("auth.password")} hint={t("auth.passwordHint")} error={fieldError("password")}>
            <Input {...form.register("password")} type="password" autoComplete="new-password" required />
          </Field>
        </>
      )}
      <Button type="submit" className="w-full" loading={pending}>
        {t("auth.invite.submit")}
      </Button>
    </form>
  );
}
