"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import type { Channel } from "@/lib/services/channels/schemas";
import type { ActionResult } from "@/lib/tenancy/action";

/** What the fields hold; the action takes them as typed (secrets left empty keep the stored ones). */
type ChannelFormValues = {
  name: string;
  pageId: string;
  appId: string;
  pageAccessToken: string;
  appSecret: string;
  skillGroupId: string;
  graphApiVersion: string;
  humanAgentEnabled: boolean;
};

export interface SkillGroupOption {
  id: string;
  name: string;
}

/**
 * Create or edit a channel. Secrets are replace-only when editing: the inputs start empty, the hint shows
 * the masked saved value, and an empty field keeps it. The Page ID is fixed once connected.
 */
export function ChannelForm({
  orgSlug,
  orgName,
  skillGroups,
  channel,
  save,
}: {
  orgSlug: string;
  orgName: string;
  skillGroups: SkillGroupOption[];
  channel?: Channel;
  save: (values: Record<string, string>) => Promise<ActionResult<{ id: string }>>;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const editing = Boolean(channel);
  const { form, onSubmit, fieldError, formError, pending } = useActionForm<ChannelFormValues, Partial<ChannelFormValues>, { id: string }>({
    check: (input) => checkInputAction(editing ? "channelUpdate" : "channelCreate", input),
    defaultValues: {
      name: channel?.name ?? "",
      // The Page ID is fixed once connected: the edit form shows it without sending it.
      ...(editing ? {} : { pageId: "" }),
      appId: channel?.appId ?? "",
      pageAccessToken: "",
      appSecret: "",
      skillGroupId: channel?.skillGroupId ?? (skillGroups.length === 1 ? skillGroups[0].id : ""),
      graphApiVersion: channel?.graphApiVersion ?? "v21.0",
      humanAgentEnabled: channel?.humanAgentEnabled ?? false,
    },
    submit: (values) => save(values as unknown as Record<string, string>),
    onSuccess: (data) => {
      router.push(`/o/${orgSlug}/channels/${data.id}`);
      router.refresh();
    },
  });
  const { register } = form;
  if (skillGroups.length === 0 && !editing) {
    return (
      <Alert tone="warning">
        <p>{t("channels.form.noSkillGroups", { org: orgName })}</p>
        <div className="mt-3">
          <ButtonLink href={`/o/${orgSlug}/settings/skill-groups`} size="sm" variant="secondary">
            {t("channels.form.createSkillGroup")}
          </ButtonLink>
        </div>
      </Alert>
    );
  }
  const secretHint = (hint: string | null | undefined, base: string) => (editing && hint ? t("channels.form.secretKeep", { hint }) : base);
  return (
    <form className="max-w-2xl space-y-5 rounded-xl border border-zinc-200 bg-white p-6 shadow-xs" noValidate onSubmit={onSubmit} data-testid="channel-form">
      {formError && <Alert>{formError}</Alert>}
      <Field id="channel-name" label={t("channels.form.name")} error={fieldError("name")}>
        <Input {...register("name")} placeholder={t("channels.form.namePlaceholder")} required maxLength={80} autoFocus={!editing} />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="channel-page-id" label={t("channels.form.pageId")} hint={t("channels.form.pageIdHint")} error={fieldError("pageId")}>
          {editing ? (
            <Input value={channel?.pageId} disabled readOnly className="font-mono" />
          ) : (
            <Input {...register("pageId")} inputMode="numeric" autoComplete="off" required className="font-mono" />
          )}
        </Field>
        <Field id="channel-app-id" label={t("channels.form.appId")} hint={t("channels.form.appIdHint")} error={fieldError("appId")}>
          <Input {...register("appId")} inputMode="numeric" autoComplete="off" required className="font-mono" />
        </Field>
      </div>
      <Field
        id="channel-page-token"
        label={t("channels.form.pageAccessToken")}
        hint={secretHint(channel?.pageAccessTokenHint, t("channels.form.pageAccessTokenHint"))}
        error={fieldError("pageAccessToken")}
        optionalLabel={editing ? t("common.optional") : undefined}
      >
        <Input {...register("pageAccessToken")} type="password" autoComplete="new-password" required={!editing} className="font-mono" />
      </Field>
      <Field
        id="channel-app-secret"
        label={t("channels.form.appSecret")}
        hint={secretHint(channel?.appSecretHint, t("channels.form.appSecretHint"))}
        error={fieldError("appSecret")}
        optionalLabel={editing ? t("common.optional") : undefined}
      >
        <Input {...register("appSecret")} type="password" autoComplete="new-password" required={!editing} className="font-mono" />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="channel-skill-group" label={t("channels.form.skillGroup")} hint={t("channels.form.skillGroupHint")} error={fieldError("skillGroupId")}>
          <Select {...register("skillGroupId")} required>
            <option value="" disabled>
              {t("channels.form.skillGroupChoose")}
            </option>
            {skillGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="channel-graph-version" label={t("channels.form.graphApiVersion")} hint={t("channels.form.graphApiVersionHint")} error={fieldError("graphApiVersion")}>
          <Input {...register("graphApiVersion")} className="font-mono" />
        </Field>
        <label className="flex items-start gap-2.5 text-sm text-zinc-800 sm:col-span-2">
          <input type="checkbox" {...register("humanAgentEnabled")} className="mt-0.5 size-4 rounded border-zinc-300 accent-accent-600" />
          <span>
            <span className="font-medium">{t("channels.form.humanAgent")}</span>
            <span className="block text-xs text-zinc-500">{t("channels.form.humanAgentHint")}</span>
          </span>
        </label>
      </div>
      <div className="flex justify-end gap-2 border-t border-zinc-100 pt-5">
        <ButtonLink href={channel ? `/o/${orgSlug}/channels/${channel.id}` : `/o/${orgSlug}/channels`} variant="secondary">
          {t("common.cancel")}
        </ButtonLink>
        <Button type="submit" loading={pending}>
          {editing ? t("channels.form.submitEdit") : t("channels.form.submitCreate")}
        </Button>
      </div>
    </form>
  );
}
