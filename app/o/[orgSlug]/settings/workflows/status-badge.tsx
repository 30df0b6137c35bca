"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { STATUS_TONES } from "./format";

export function RunStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const known = status in STATUS_TONES;
  return <Badge tone={STATUS_TONES[status] ?? "neutral"}>{known ? t(`workflows.status.${status}` as MessageKey) : status}</Badge>;
}
