"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useI18n } from "@/lib/i18n/client";
import type { BotSettings } from "@/lib/services/bot/schemas";
import { BotConfigDialog } from "./bot-config-form";

type Target = BotSettings["targets"][number];

/** Bot → Settings: each skill group and channel with its bot mode; Edit opens the whole configuration. */
export function BotSettingsClient({ orgSlug, settings }: { orgSlug: string; settings: BotSettings }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Target | null>(null);
  return (
    <div>
      <p className="mb-4 max-w-2xl text-sm text-zinc-500">{t("botSettings.description")}</p>
      {settings.targets.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("botSettings.empty")}</p>
      ) : (
        <Table label={t("botSettings.title")}>
          <THead>
            <TH>{t("botSettings.col.scope")}</TH>
            <TH>{t("botSettings.col.mode")}</TH>
            <TH className="hidden md:table-cell">{t("botSettings.col.engine")}</TH>
            <TH className="w-24">
              <span className="sr-only">{t("common.actions")}</span>
            </TH>
          </THead>
          <TBody>
            {settings.targets.map((target) => (
              <TR key={`${target.scope}:${target.id}`} data-testid="bot-config-row">
                <TD stack="title">
                  <span className="font-medium text-zinc-900">{target.name}</span>{" "}
                  <span className="text-xs text-zinc-500">{t(target.scope === "skill_group" ? "botSettings.scope.skillGroup" : "botSettings.scope.channel")}</span>
                </TD>
                <TD label={t("botSettings.col.mode")}>
                  {target.config ? (
                    <Badge tone={target.config.mode === "off" ? "neutral" : "success"}>{t(`botSettings.mode.${target.config.mode}`)}</Badge>
                  ) : (
                    <span className="text-sm text-zinc-500">{target.scope === "channel" ? t("botSettings.inherits") : t("botSettings.notSet")}</span>
                  )}
                </TD>
                <TD stack="omit" className="hidden text-sm text-zinc-600 md:table-cell">
                  {target.config ? t(target.config.engine === "builtin" ? "botSettings.engine.builtin" : "botSettings.engine.external") : "—"}
                </TD>
                <TD stack="end">
                  <div className="flex justify-end">
                    <Button variant="secondary" size="sm" onClick={() => setEditing(target)}>
                      {t("botSettings.edit")}
                    </Button>
                  </div>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {editing && <BotConfigDialog key={`${editing.scope}:${editing.id}`} orgSlug={orgSlug} target={editing} connectors={settings.connectors} defaults={settings.defaults} onClose={() => setEditing(null)} />}
    </div>
  );
}
