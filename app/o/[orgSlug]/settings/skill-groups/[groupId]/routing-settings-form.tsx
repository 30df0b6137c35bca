"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { SectionTitle } from "@/components/ui/page-header";
import { useI18n } from "@/lib/i18n/client";
import type { RoutingSettings } from "@/lib/services/routing";
import type { ActionError } from "@/lib/tenancy/action";
import { updateRoutingSettingsAction } from "../actions";

const DAYS = ["1", "2", "3", "4", "5", "6", "0"] as const;
type Day = (typeof DAYS)[number];

/**
 * How the group's conversations reach its agents: auto-assign, strategy, cap, sticky, the queue message,
 * working hours (time zone, days, hours) with the offline reply, and what happens when an agent goes offline.
 * One range a day here; a day with several ranges (set through the API) keeps its first when saved from here.
 */
export function RoutingSettingsForm({ orgSlug, skillGroupId, initial, timeZones }: { orgSlug: string; skillGroupId: string; initial: RoutingSettings; timeZones: string[] }) {
  const { t, serverMessage } = useI18n();
  const [s, setS] = useState<RoutingSettings>(initial);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof RoutingSettings>(key: K, value: RoutingSettings[K]) => {
    setSaved(false);
    setS((current) => ({ ...current, [key]: value }));
  };
  const dayRange = (day: Day) => s.workingHours[day]?.[0] ?? null;
  const setDay = (day: Day, range: { start: string; end: string } | null) => set("workingHours", { ...s.workingHours, [day]: range ? [range] : [] });
  const fieldError = (name: string) => {
    const first = error?.fieldErrors?.[name]?.[0];
    return first ? serverMessage(first) : null;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateRoutingSettingsAction(orgSlug, skillGroupId, s);
      if (!result.ok) {
        setError(result.error);
        setSaved(false);
        return;
      }
      setError(null);
      setS(result.data);
      setSaved(true);
    });
  };
  const check = (key: "autoAssign" | "sticky" | "queueMessageEnabled" | "workingHoursEnabled" | "offlineReplyEnabled", label: string) => (
    <label className="flex items-center gap-2 text-sm text-zinc-800">
      <input type="checkbox" checked={s[key]} onChange={(e) => set(key, e.target.checked)} />
      {label}
    </label>
  );
  return (
    <section className="mt-10" aria-labelledby="routing-settings">
      <SectionTitle>
        <span id="routing-settings">{t("routingSettings.title")}</span>
      </SectionTitle>
      <form onSubmit={submit} className="space-y-5 rounded-xl border border-zinc-200 bg-white p-5 shadow-xs" data-testid="routing-settings">
        <p className="text-sm text-zinc-500">{t("routingSettings.description")}</p>
        {check("autoAssign", t("routingSettings.autoAssign"))}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="routing-strategy" label={t("routingSettings.strategy")} error={fieldError("strategy")}>
            <Select value={s.strategy} onChange={(e) => set("strategy", e.target.value as RoutingSettings["strategy"])}>
              <option value="least_busy">{t("routingSettings.strategy.least_busy")}</option>
              <option value="round_robin">{t("routingSettings.strategy.round_robin")}</option>
            </Select>
          </Field>
          <Field id="routing-cap" label={t("routingSettings.cap")} error={fieldError("maxOpenPerAgent")}>
            <Input type="number" min={1} max={100} value={s.maxOpenPerAgent} onChange={(e) => set("maxOpenPerAgent", Number(e.target.value))} />
          </Field>
        </div>
        {check("sticky", t("routingSettings.sticky"))}
        {check("queueMessageEnabled", t("routingSettings.queueMessageEnabled"))}
        {s.queueMessageEnabled && (
          <Field id="routing-queue-message" label={t("routingSettings.queueMessage")} hint={t("routingSettings.queueMessageHint")} error={fieldError("queueMessage")}>
            <Textarea value={s.queueMessage} maxLength={640} onChange={(e) => set("queueMessage", e.target.value)} />
          </Field>
        )}
        {check("workingHoursEnabled", t("routingSettings.workingHoursEnabled"))}
        {s.workingHoursEnabled && (
          <div className="space-y-3 rounded-lg border border-zinc-100 p-3">
            <Field id="routing-time-zone" label={t("routingSettings.timeZone")} error={fieldError("timeZone")}>
              <Select value={s.timeZone} onChange={(e) => set("timeZone", e.target.value)}>
                {(timeZones.includes(s.timeZone) ? timeZones : [s.timeZone, ...timeZones]).map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </Select>
            </Field>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-zinc-800">{t("field.workingHours")}</legend>
              {DAYS.map((day) => {
                const range = dayRange(day);
                const name = t(`routingSettings.day.${day}`);
                return (
                  <div key={day} className="flex flex-wrap items-center gap-2 text-sm">
                    <label className="flex w-32 items-center gap-2">
                      <input type="checkbox" checked={range !== null} onChange={(e) => setDay(day, e.target.checked ? { start: "09:00", end: "18:00" } : null)} />
                      {name}
                    </label>
                    {range && (
                      <>
                        <Input type="time" className="w-32" aria-label={`${name} ${t("routingSettings.from")}`} value={range.start} onChange={(e) => setDay(day, { ...range, start: e.target.value })} />
                        <span aria-hidden="true">–</span>
                        <Input type="time" className="w-32" aria-label={`${name} ${t("routingSettings.to")}`} value={range.end === "24:00" ? "23:59" : range.end} onChange={(e) => setDay(day, { ...range, end: e.target.value })} />
                      </>
                    )}
                  </div>
                );
              })}
              {fieldError("workingHours") && <p className="text-[13px] text-red-600">{fieldError("workingHours")}</p>}
            </fieldset>
            {check("offlineReplyEnabled", t("routingSettings.offlineReplyEnabled"))}
            {s.offlineReplyEnabled && (
              <Field id="routing-offline-reply" label={t("routingSettings.offlineReply")} error={fieldError("offlineReply")}>
                <Textarea value={s.offlineReply} maxLength={640} onChange={(e) => set("offlineReply", e.target.value)} />
              </Field>
            )}
          </div>
        )}
        <Field id="routing-offline-policy" label={t("routingSettings.onAgentOffline")} error={fieldError("onAgentOffline")}>
          <Select value={s.onAgentOffline} onChange={(e) => set("onAgentOffline", e.target.value as RoutingSettings["onAgentOffline"])}>
            <option value="requeue">{t("routingSettings.onAgentOffline.requeue")}</option>
            <option value="keep">{t("routingSettings.onAgentOffline.keep")}</option>
          </Select>
        </Field>
        {error && !error.fieldErrors && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {serverMessage(error)}
          </p>
        )}
        <div className="flex items-center gap-3">
          <Button type="submit" loading={pending}>
            {t("common.save")}
          </Button>
          <p role="status" className="text-sm text-emerald-700">
            {saved ? t("routingSettings.saved") : ""}
          </p>
        </div>
      </form>
    </section>
  );
}
