"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";

export type StepState = "done" | "todo" | "failed" | "unknown";

const tones: Record<StepState, BadgeTone> = { done: "success", todo: "neutral", failed: "danger", unknown: "accent" };

/**
 * The two ways to connect a Page, then, for a channel connected by hand, the steps users take in Meta's
 * dashboard in order, each with its state where Messenger Desk can know it. A channel connected with Facebook
 * has none: the platform app's login did them.
 */
export function SetupGuide({ states, fields, connection }: { states: StepState[]; fields: string[]; connection: "manual" | "facebook_login" }) {
  const { t } = useI18n();
  return (
    <Card title={t("channels.guide.title")} testId="setup-guide">
      <p className="mb-3 text-sm text-zinc-500" data-testid="setup-paths">{t("facebookLogin.guide.paths")}</p>
      {connection === "facebook_login" ? (
        <p className="text-sm leading-6 text-zinc-700" data-testid="setup-login-channel">{t("facebookLogin.guide.loginChannel")}</p>
      ) : (
        <>
          <p className="mb-4 text-sm text-zinc-500">{t("channels.guide.description")}</p>
          <ol className="space-y-4">
            {states.map((state, i) => {
              const n = i + 1;
              return (
                <li key={n} className="flex gap-3" data-testid={`guide-step-${n}`} data-state={state}>
                  <span
                    className={`flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${state === "done" ? "bg-emerald-100 text-emerald-700" : state === "failed" ? "bg-red-100 text-red-700" : "bg-zinc-100 text-zinc-600"}`}
                  >
                    {n}
                  </span>
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <h3 className="text-sm font-medium text-zinc-900">{t(`channels.guide.step${n}.title` as MessageKey)}</h3>
                      <Badge tone={tones[state]}>{t(`channels.guide.state.${state}` as MessageKey)}</Badge>
                    </div>
                    <p className="mt-1 text-sm leading-6 text-zinc-600">{t(`channels.guide.step${n}.body` as MessageKey, { fields: fields.join(", ") })}</p>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </Card>
  );
}
