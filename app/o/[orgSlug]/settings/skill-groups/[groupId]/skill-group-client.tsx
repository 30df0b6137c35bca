"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ChevronLeftIcon, PlusIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/input";
import { SectionTitle } from "@/components/ui/page-header";
import { RoleBadge } from "@/components/ui/role-badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useAction } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import type { Member } from "@/lib/services/members/schemas";
import type { SkillGroup } from "@/lib/services/skill-groups/schemas";
import { addSkillGroupMemberAction, removeSkillGroupMemberAction, updateSkillGroupAction } from "../actions";

// The form (react-hook-form) loads after the page, when its always-mounted dialog first renders: out of the first load.
const SkillGroupDialog = dynamic(() => import("../skill-group-form").then((m) => m.SkillGroupDialog), { ssr: false });

export function SkillGroupClient({ orgSlug, group, groupMembers, members }: { orgSlug: string; group: SkillGroup; groupMembers: Member[]; members: Member[] }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState("");
  const membership = useAction();
  const inGroup = new Set(groupMembers.map((m) => m.id));
  const candidates = members.filter((m) => !inGroup.has(m.id));
  return (
    <div>
      <Link href={`/o/${orgSlug}/settings/skill-groups`} className="mb-4 inline-flex items-center gap-1 text-sm font-medium text-zinc-500 hover:text-zinc-800">
        <ChevronLeftIcon className="size-4" />
        {t("skillGroups.back")}
      </Link>
      <div className="mb-8 flex flex-wrap items-start justify-between gap-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-xs">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold text-zinc-900" data-testid="skill-group-name">
            {group.name}
          </h2>
          <p className="mt-1 text-sm text-zinc-500">{group.description || t("skillGroups.noDescription")}</p>
        </div>
        <Button variant="secondary" onClick={() => setEditing(true)}>
          {t("common.edit")}
        </Button>
      </div>

      <SectionTitle aside={<span className="text-sm text-zinc-500">{groupMembers.length === 1 ? t("skillGroups.memberCountOne") : t("skillGroups.memberCount", { count: groupMembers.length })}</span>}>
        {t("skillGroups.members.title")}
      </SectionTitle>

      <form
        className="mb-4 flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!choice) return;
          membership.run(() => addSkillGroupMemberAction(orgSlug, group.id, choice), () => setChoice(""));
        }}
      >
        {candidates.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("skillGroups.members.allAdded")}</p>
        ) : (
          <>
            <label htmlFor="add-member" className="sr-only">
              {t("skillGroups.members.choose")}
            </label>
            <Select id="add-member" value={choice} onChange={(e) => setChoice(e.target.value)} className="w-72">
              <option value="">{t("skillGroups.members.choose")}</option>
              {candidates.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name ? `${m.name} (${m.email})` : m.email} · {t(`role.${m.role}`)}
                </option>
              ))}
            </Select>
            <Button type="submit" variant="secondary" disabled={!choice} loading={membership.pending}>
              <PlusIcon className="size-4" />
              {t("skillGroups.members.add")}
            </Button>
          </>
        )}
      </form>
      {membership.error && <Alert className="mb-4">{membership.error}</Alert>}

      {groupMembers.length === 0 ? (
        <EmptyState title={t("skillGroups.members.empty")} className="py-10" />
      ) : (
        <Table label={t("skillGroups.members.title")}>
          <THead>
            <TH>{t("members.col.member")}</TH>
            <TH>{t("common.role")}</TH>
            <TH className="w-24">
              <span className="sr-only">{t("common.actions")}</span>
            </TH>
          </THead>
          <TBody>
            {groupMembers.map((m) => {
              const display = m.name || m.email;
              return (
                <TR key={m.id} data-testid="skill-group-member-row">
                  <TD stack="title">
                    <div className="flex items-center gap-3">
                      <Avatar label={display} />
                      <div className="min-w-0">
                        <div className="truncate font-medium text-zinc-900">{display}</div>
                        <div className="truncate text-[13px] text-zinc-500">{m.email}</div>
                      </div>
                    </div>
                  </TD>
                  <TD label={t("common.role")}>
                    <RoleBadge role={m.role} />
                  </TD>
                  <TD stack="end" className="text-right">
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={t("skillGroups.members.removeLabel", { name: display })}
                      disabled={membership.pending}
                      onClick={() => membership.run(() => removeSkillGroupMemberAction(orgSlug, group.id, m.id))}
                    >
                      {t("common.remove")}
                    </Button>
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}

      <SkillGroupDialog
        open={editing}
        onClose={() => setEditing(false)}
        title={t("skillGroups.edit.title")}
        submitLabel={t("common.save")}
        initial={{ name: group.name, description: group.description }}
        save={(values) => updateSkillGroupAction(orgSlug, group.id, values)}
      />
    </div>
  );
}
