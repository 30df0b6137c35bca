"use client";

import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/lib/i18n/client";
import type { TopicRegistration } from "@/lib/services/topics/constants";

const TONES = { unregistered: "neutral", pending: "warning", registered: "success" } as const;

export function RegistrationBadge({ registration }: { registration: TopicRegistration }) {
  const { t } = useI18n();
  return <Badge tone={TONES[registration]}>{t(`topics.registration.${registration}`)}</Badge>;
}
