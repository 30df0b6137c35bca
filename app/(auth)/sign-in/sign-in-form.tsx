"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { focusFirstInvalid } from "@/components/ui/focus";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";
import { landingAction } from "../actions";
import { safeCallback } from "../sign-in-errors";
import { signInWithPassword } from "../sign-in-with-password";
import { missingSignInFields } from "./missing-fields";

export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<("email" | "password")[]>([]);
  const [pending, startTransition] = useTransition();
  const required = (field: "email" | "password") =>
    missing.includes(field) ? t("validation.required", { field: t(field === "email" ? "common.email" : "auth.password") }) : null;
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const element = e.currentTarget;
        const form = new FormData(element);
        const email = String(form.get("email") ?? "");
        const password = String(form.get("password") ?? "");
        // An empty field is named at once (the server would only say the credentials are wrong), and focus
        // goes to the first one, which reads out its error.
        const empty = missingSignInFields({ email, password });
        setMissing(empty);
        if (empty.length > 0) {
          setError(null);
          focusFirstInvalid(element);
          return;
        }
        startTransition(async () => {
          const refused = await signInWithPassword(email, password, t);
          if (refused) {
            setError(refused);
            return;
          }
          // Straight to where the user is going: the page they came from, else their role's page (no stop at
          // "/" and the organisation's root, each a redirect and a blank frame).
          const landing = callbackUrl ? null : await landingAction();
          router.replace(safeCallback(callbackUrl, landing?.ok ? landing.data : "/"));
          // A page seen signed out (an invitation) may be in the router's cache: show it as the signed-in user.
          if (callbackUrl) router.refresh();
        });
      }}
    >
      {error && <Alert>{error}</Alert>}
      <Field id="sign-in-email" label={t("common.email")} error={required("email")}>
        <Input name="email" type="email" autoComplete="email" required autoFocus />
      </Field>
      <Field id="sign-in-password" label={t("auth.password")} error={required("password")}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" loading={pending}>
        {t("auth.signIn.submit")}
      </Button>
    </form>
  );
}
