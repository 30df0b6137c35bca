"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useSubmit } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import { exchangeTokenAction } from "../actions";
import type { ChannelPageState } from "./use-channel";

/** Swap a short-lived user token for a long-lived Page token. */
export function TokenExchangePanel({ state }: { state: ChannelPageState }) {
  const { t } = useI18n();
  const { orgSlug, channel, setChannel, setNotice, refresh } = state;
  const exchange = useSubmit(
    (values) => exchangeTokenAction(orgSlug, channel.id, values),
    (updated, form) => {
      form.reset();
      setChannel(updated);
      setNotice(t("channels.exchange.done"));
      refresh();
    },
  );
  return (
    <Card title={t("channels.exchange.title")}>
      <p className="mb-3 text-sm text-zinc-500">{t("channels.exchange.description")}</p>
      <form className="space-y-3" noValidate onSubmit={exchange.onSubmit}>
        {exchange.formError && <Alert>{exchange.formError}</Alert>}
        <Field id="short-lived-token" label={t("channels.exchange.label")} error={exchange.fieldError("shortLivedToken")}>
          <Input name="shortLivedToken" type="password" autoComplete="off" className="font-mono" />
        </Field>
        <div className="flex justify-end">
          <Button type="submit" variant="secondary" loading={exchange.pending}>
            {t("channels.exchange.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
