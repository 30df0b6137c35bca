"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ListWithDialogs } from "@/components/settings/list-with-dialogs";
import { RowActions, RowActionsHeader } from "@/components/settings/row-actions";
import { Badge } from "@/components/ui/badge";
import { FilterSelect } from "@/components/ui/filter-select";
import { ConversationsIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useI18n } from "@/lib/i18n/client";
import type { CannedReply } from "@/lib/services/canned-replies/schemas";
import { createCannedReplyAction, deleteCannedReplyAction, updateCannedReplyAction } from "./actions";

// The form (react-hook-form) loads after the page, when its always-mounted dialog first renders: out of the first load.
const CannedReplyDialog = dynamic(() => import("./canned-reply-form").then((m) => m.CannedReplyDialog), { ssr: false });

type Scope = "organization" | string;

/** Settings → Canned replies: the list (filtered by scope), and the dialogs that create, edit and delete. */
export function CannedRepliesClient({ orgSlug, replies, groups }: { orgSlug: string; replies: CannedReply[]; groups: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [scope, setScope] = useState<Scope | "">("");
  const shown = replies.filter((r) => (scope === "" ? true : scope === "organization" ? r.skillGroupId === null : r.skillGroupId === scope));
  const scopeLabel = (r: CannedReply) => (r.skillGroupId ? t("cannedReplies.scope.group", { group: r.skillGroupName ?? "" }) : t("cannedReplies.scope.organization"));
  return (
    <ListWithDialogs
      rows={replies}
      description={t("cannedReplies.description")}
      createLabel={t("cannedReplies.create")}
      createTitle={t("cannedReplies.create.title")}
      editTitle={t("cannedReplies.edit.title")}
      empty={{ icon: <ConversationsIcon className="size-5" />, title: t("cannedReplies.empty.title"), body: t("cannedReplies.empty.body") }}
      dialog={({ row, ...props }) => (
        <CannedReplyDialog
          {...props}
          groups={groups}
          initial={row ? { shortcut: row.shortcut, content: row.content, skillGroupId: row.skillGroupId ?? "" } : undefined}
          save={async (values) => {
            const result = row ? await updateCannedReplyAction(orgSlug, row.id, values) : await createCannedReplyAction(orgSlug, values);
            if (result.ok) router.refresh();
            return result;
          }}
        />
      )}
      remove={(reply) => deleteCannedReplyAction(orgSlug, reply.id)}
      deleteTitle={(reply) => t("cannedReplies.delete.title", { shortcut: reply?.shortcut ?? "" })}
      deleteBody={t("cannedReplies.delete.body")}
    >
      {({ edit, remove }) => (
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
              <RowActionsHeader />
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
                    <RowActions editLabel={t("cannedReplies.edit")} onEdit={() => edit(r)} deleteName={`/${r.shortcut}`} onDelete={() => remove(r)} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </>
      )}
    </ListWithDialogs>
  );
}
