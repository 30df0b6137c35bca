"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon, TagIcon, TrashIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useConfirmRow } from "@/components/ui/use-confirm-row";
import { useI18n } from "@/lib/i18n/client";
import type { SkillGroup } from "@/lib/services/skill-groups/schemas";
import { createSkillGroupAction, deleteSkillGroupAction } from "./actions";
import { SkillGroupDialog } from "./skill-group-form";

export function SkillGroupsClient({ orgSlug, groups }: { orgSlug: string; groups: SkillGroup[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const remove = useConfirmRow((group: SkillGroup) => deleteSkillGroupAction(orgSlug, group.id));
  const base = `/o/${orgSlug}/settings/skill-groups`;
  const createButton = (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" />
      {t("skillGroups.create")}
    </Button>
  );
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-2xl text-sm text-zinc-500">{t("skillGroups.description")}</p>
        {groups.length > 0 && createButton}
      </div>
      {groups.length === 0 ? (
        <EmptyState icon={<TagIcon className="size-5" />} title={t("skillGroups.empty.title")} body={t("skillGroups.empty.body")} action={createButton} />
      ) : (
        <Table label={t("settings.nav.skillGroups")}>
          <THead>
            <TH>{t("common.name")}</TH>
            <TH className="hidden md:table-cell">{t("common.description")}</TH>
            <TH>{t("settings.nav.members")}</TH>
            <TH className="w-32">
              <span className="sr-only">{t("common.actions")}</span>
            </TH>
          </THead>
          <TBody>
            {groups.map((g) => (
              <TR key={g.id} data-testid="skill-group-row">
                <TD stack="title">
                  <Link href={`${base}/${g.id}`} className="font-medium text-zinc-900 hover:text-accent-700">
                    {g.name}
                  </Link>
                </TD>
                <TD stack="omit" className="hidden max-w-sm truncate text-zinc-500 md:table-cell">{g.description || <span className="text-zinc-500">{t("skillGroups.noDescription")}</span>}</TD>
                <TD label={t("settings.nav.members")} className="text-zinc-600">{g.memberCount === 1 ? t("skillGroups.memberCountOne") : t("skillGroups.memberCount", { count: g.memberCount })}</TD>
                <TD stack="end">
                  <div className="flex justify-end gap-1">
                    <ButtonLink href={`${base}/${g.id}`} variant="secondary" size="sm">
                      {t("skillGroups.manage")}
                    </ButtonLink>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`${t("common.delete")} ${g.name}`}
                      title={t("common.delete")}
                      onClick={() => remove.ask(g)}
                    >
                      <TrashIcon className="size-4" />
                    </Button>
                  </div>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <SkillGroupDialog
        open={creating}
        onClose={() => setCreating(false)}
        title={t("skillGroups.create.title")}
        submitLabel={t("common.create")}
        save={async (values) => {
          const result = await createSkillGroupAction(orgSlug, values);
          if (result.ok) router.push(`${base}/${result.data.id}`);
          return result;
        }}
      />
      <ConfirmDialog
        {...remove.dialog}
        title={t("skillGroups.delete.title", { name: remove.row?.name ?? "" })}
        body={t("skillGroups.delete.body")}
        confirmLabel={t("common.delete")}
      />
    </div>
  );
}
