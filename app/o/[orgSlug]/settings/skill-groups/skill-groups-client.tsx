"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ListWithDialogs } from "@/components/settings/list-with-dialogs";
import { RowActions, RowActionsHeader } from "@/components/settings/row-actions";
import { ButtonLink } from "@/components/ui/button";
import { TagIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useI18n } from "@/lib/i18n/client";
import type { SkillGroup } from "@/lib/services/skill-groups/schemas";
import { createSkillGroupAction, deleteSkillGroupAction } from "./actions";

// The form (react-hook-form) loads after the page, when its always-mounted dialog first renders: out of the first load.
const SkillGroupDialog = dynamic(() => import("./skill-group-form").then((m) => m.SkillGroupDialog), { ssr: false });

/** Settings → Skill groups: created here (then managed on the group's own page, where it is edited too) and deleted. */
export function SkillGroupsClient({ orgSlug, groups }: { orgSlug: string; groups: SkillGroup[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const base = `/o/${orgSlug}/settings/skill-groups`;
  return (
    <ListWithDialogs
      rows={groups}
      description={t("skillGroups.description")}
      createLabel={t("skillGroups.create")}
      createTitle={t("skillGroups.create.title")}
      empty={{ icon: <TagIcon className="size-5" />, title: t("skillGroups.empty.title"), body: t("skillGroups.empty.body") }}
      dialog={({ row: _row, ...props }) => (
        <SkillGroupDialog
          {...props}
          save={async (values) => {
            const result = await createSkillGroupAction(orgSlug, values);
            if (result.ok) router.push(`${base}/${result.data.id}`);
            return result;
          }}
        />
      )}
      remove={(group) => deleteSkillGroupAction(orgSlug, group.id)}
      deleteTitle={(group) => t("skillGroups.delete.title", { name: group?.name ?? "" })}
      deleteBody={t("skillGroups.delete.body")}
    >
      {({ remove }) => (
        <Table label={t("settings.nav.skillGroups")}>
          <THead>
            <TH>{t("common.name")}</TH>
            <TH className="hidden md:table-cell">{t("common.description")}</TH>
            <TH>{t("settings.nav.members")}</TH>
            <RowActionsHeader />
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
                  <RowActions deleteName={g.name} onDelete={() => remove(g)}>
                    <ButtonLink href={`${base}/${g.id}`} variant="secondary" size="sm">
                      {t("skillGroups.manage")}
                    </ButtonLink>
                  </RowActions>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </ListWithDialogs>
  );
}
