"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { ConversationsIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useConfirmRow } from "@/components/ui/use-confirm-row";
import { useI18n } from "@/lib/i18n/client";
import type { CannedReply } from "@/lib/services/canned-replies/schemas";
import { createCannedReplyAction, deleteCannedReplyAction, updateCannedReplyAction } from "./actions";
import { CannedReplyDialog } from "./canned-reply-form";

type Scope = "organization" | string;

/** Settings → Canned replies: the list (filtered by scope), and the dialogs that create, edit and delete. */
export function CannedRepliesClient({ orgSlug, replies, groups }: { orgSlug: string; replies: CannedReply[]; groups: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<CannedReply | null>(null);
  const [scope, setScope] = useState<Scope | "">("");
  const remove = useConfirmRow((reply: CannedReply) => deleteCannedReplyAction(orgSlug, reply.id));
  const shown = replies.filter((r) => (scope === "" ? true : scope === "organization" ? r.skillGroupId === null : r.skillGroupId === scope));
  const scopeLabel = (r: CannedReply) => (r.skillGroupId ? t("cannedReplies.scope.group", { group: r.skillGroupName ?? "" }) : t("cannedReplies.scope.organization"));
  const createButton = (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" />
      {t("cannedReplies.create")}
    </Button>
  );
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-2xl text-sm text-zinc-500">{t("cannedReplies.description")}</p>
        {replies.length > 0 && createButton}
      </div>
      {replies.length === 0 ? (
        <EmptyState icon={<ConversationsIcon className="size-5" />} title={t("cannedReplies.empty.title")} body={t("cannedReplies.empty.body")} action={createButton} />
      ) : (
        <>
          <div className="mb-3">
            <FilterSelect
              label={t("cannedReplies.filter.label")}
              allLabel={t("cannedReplies.filter.all")}
              value={scope}
              onChange={setScope}
              options={[{ value: "organization", label: t("cannedReplies.scope.organization") }, ...groups.map((g) => ({ value: g.id, label: t("cannedReplies.scope.group", { group: g.name }) }))]}
            />
          </div>
          <Table label={t("settings.nav.cannedReplies")}>
            <THead>
              <TH>{t("field.shortcut")}</TH>
              <TH>{t("field.content")}</TH>
              <TH className="hidden md:table-cell">{t("field.scope")}</TH>
              <TH className="w-32">
                <span className="sr-only">{t("common.actions")}</span>
              </TH>
            </THead>
            <TBody>
              {shown.map((r) => (
                <TR key={r.id} data-testid="canned-reply-row">
                  <TD stack="title">
                    <span className="font-mono text-sm font-medium text-zinc-900">/{r.shortcut}</span>
                  </TD>
                  <TD label={t("field.content")} className="max-w-md truncate text-zinc-600">
                    {r.content}
                  </TD>
                  <TD label={t("field.scope")} className="hidden md:table-cell">
                    <Badge tone={r.skillGroupId ? "accent" : "neutral"}>{scopeLabel(r)}</Badge>
                  </TD>
                  <TD stack="end">
                    <div className="flex justify-end gap-1">
                      <Button variant="secondary" size="sm" onClick={() => setEditing(r)}>
                        {t("cannedReplies.edit")}
                      </Button>
                      <Button variant="ghost" size="sm" aria-label={`${t("common.delete")} /${r.shortcut}`} title={t("common.delete")} onClick={() => remove.ask(r)}>
                        <TrashIcon className="size-4" />
                      </Button>
                    </div>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </>
      )}
      <CannedReplyDialog
        open={creating}
        onClose={() => setCreating(false)}
        title={t("cannedReplies.create.title")}
        submitLabel={t("common.create")}
        groups={groups}
        save={async (values) => {
          const result = await createCannedReplyAction(orgSlug, values);
          if (result.ok) router.refresh();
          return result;
        }}
      />
      {editing && (
        <CannedReplyDialog
          key={editing.id}
          open
          onClose={() => setEditing(null)}
          title={t("cannedReplies.edit.title")}
          submitLabel={t("common.save")}
          groups={groups}
          initial={{ shortcut: editing.shortcut, content: editing.content, skillGroupId: editing.skillGroupId ?? "" }}
          save={async (values) => {
            const result = await updateCannedReplyAction(orgSlug, editing.id, values);
            if (result.ok) router.refresh();
            return result;
          }}
        />
      )}
      <ConfirmDialog
        {...remove.dialog}
        title={t("cannedReplies.delete.title", { shortcut: remove.row?.shortcut ?? "" })}
        body={t("cannedReplies.delete.body")}
        confirmLabel={t("common.delete")}
      />
    </div>
  );
}
