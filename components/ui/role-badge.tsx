"use client";

import { useI18n } from "@/lib/i18n/client";
import type { Role } from "@/lib/permissions";
import { Badge, type BadgeTone } from "./badge";

const tones: Record<Role, BadgeTone> = { owner: "accent", admin: "neutral", marketer: "warning", agent: "success" };

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useI18n();
  return <Badge tone={tones[role]}>{t(`role.${role}`)}</Badge>;
}
