"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { LabelPicker, type LabelOption } from "../_components/label-picker";
import { setConversationLabelsAction } from "../actions";
import { conversationQueries } from "../query-options";

/**
 * The conversation's labels in the contact panel, editable by members who may reply. A change saves the whole
 * set at once; the list, the panel and other dashboards refetch (the server announces it live).
 */
export function ConversationLabels({ orgSlug, conversationId, value, editable }: { orgSlug: string; conversationId: string; value: LabelOption[]; editable: boolean }) {
  const { serverMessage } = useI18n();
  const queryClient = useQueryClient();
  const options = useQuery({ ...conversationQueries.labels(orgSlug), enabled: editable });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Shown at once while saving; the panel's refetch brings the stored set.
  const [pending, setPending] = useState<string[] | null>(null);
  const ids = pending ?? value.map((l) => l.id);
  const change = async (labelIds: string[]) => {
    setPending(labelIds);
    setSaving(true);
    setError(null);
    const result = await setConversationLabelsAction(orgSlug, conversationId, labelIds);
    if (!result.ok) setError(serverMessage(result.error));
    await queryClient.invalidateQueries({ queryKey: conversationQueries.all(orgSlug) });
    setPending(null);
    setSaving(false);
  };
  return <LabelPicker labels={options.data ?? value} value={ids} onChange={(labelIds) => void change(labelIds)} saving={saving} disabled={!editable} error={error} />;
}
