"use client";

import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-button";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { Input, Select } from "@/components/ui/input";
import { SectionTitle } from "@/components/ui/page-header";
import { RoleBadge } from "@/components/ui/role-badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { useConfirmRow } from "@/components/ui/use-confirm-row";
import { checkInputAction } from "@/app/check-input-action";
import { useActionForm } from "@/components/ui/use-action-form";
import { useAction } from "@/components/ui/use-submit";
import { useI18n } from "@/lib/i18n/client";
import type { Role } from "@/lib/permissions";
import type { Invitation, Member } from "@/lib/services/members/schemas";
import { inviteMemberAction, removeMemberAction, revokeInvitationAction, updateMemberRoleAction } from "./actions";

export function MembersClient({
  orgSlug,
  orgName,
  members,
  invitations,
  myMembershipId,
  assignable,
}: {
  orgSlug: string;
  orgName: string;
  members: Member[];
  invitations: Invitation[];
  myMembershipId: string | null;
  assignable: Role[];
}) {
  const { t } = useI18n();
  const [inviting, setInviting] = useState(false);
  const roleChange = useAction();
  const remove = useConfirmRow((member: Member) => removeMemberAction(orgSlug, member.id));
  const revoke = useConfirmRow((invitation: Invitation) => revokeInvitationAction(orgSlug, invitation.id));
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="space-y-10">
      <section>
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <p className="text-sm text-zinc-500">{t("members.description", { org: orgName })}</p>
          <Button onClick={() => setInviting(true)}>
            <PlusIcon className="size-4" />
            {t("members.invite")}
          </Button>
        </div>
        {roleChange.error && (
          <Alert className="mb-4">
            <span className="flex items-center justify-between gap-3">
              {roleChange.error}
              <button type="button" className="text-xs font-medium underline" onClick={() => roleChange.setError(null)}>
                {t("common.dismiss")}
              </button>
            </span>
          </Alert>
        )}
        {notice && !roleChange.error && (
          <Alert tone="success" className="mb-4">
            {notice}
          </Alert>
        )}
        <Table label={t("settings.nav.members")}>
          <THead>
            <TH>{t("members.col.member")}</TH>
            <TH>{t("common.role")}</TH>
            <TH className="hidden sm:table-cell">{t("members.col.joined")}</TH>
            <TH className="w-12">
              <span className="sr-only">{t("common.actions")}</span>
            </TH>
          </THead>
          <TBody>
            {members.map((m) => {
              const display = m.name || m.email;
              const manageable = assignable.includes(m.role);
              return (
                <TR key={m.id} data-testid="member-row">
                  <TD stack="title">
                    <div className="flex items-center gap-3">
                      <Avatar label={display} />
                      <div className="min-w-0">
                        <div className="truncate font-medium text-zinc-900">
                          {display}
                          {m.id === myMembershipId && <span className="ml-1.5 text-xs font-normal text-zinc-500">({t("common.you")})</span>}
                        </div>
                        <div className="truncate text-[13px] text-zinc-500">{m.email}</div>
                      </div>
                    </div>
                  </TD>
                  <TD label={t("common.role")}>
                    {manageable ? (
                      <Select
                        aria-label={t("members.changeRole", { name: display })}
                        className="h-8 w-36 text-[13px]"
                        value={m.role}
                        disabled={roleChange.pending}
                        onChange={(e) => {
                          const role = e.target.value as Role;
                          setNotice(null);
                          roleChange.run(
                            () => updateMemberRoleAction(orgSlug, m.id, role),
                            () => setNotice(t("members.roleUpdated", { name: display, role: t(`role.${role}`) })),
                          );
                        }}
                      >
                        {assignable.map((r) => (
                          <option key={r} value={r}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </Select>
                    ) : (
                      <RoleBadge role={m.role} />
                    )}
                  </TD>
                  <TD label={t("members.col.joined")} className="hidden text-[13px] text-zinc-500 sm:table-cell">
                    <Time iso={m.createdAt} withTime={false} />
                  </TD>
                  <TD stack="end" className="text-right">
                    {manageable && (
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={t("members.remove.label", { name: display })}
                        title={t("members.remove.label", { name: display })}
                        onClick={() => remove.ask(m)}
                      >
                        <TrashIcon className="size-4" />
                      </Button>
                    )}
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      </section>

      <section aria-labelledby="open-invitations">
        <SectionTitle>
          <span id="open-invitations">{t("members.invitations.title")}</span>
        </SectionTitle>
        {invitations.length === 0 ? (
          <EmptyState title={t("members.invitations.empty")} className="py-8" />
        ) : (
          <Table label={t("members.invitations.title")}>
            <THead>
              <TH>{t("common.email")}</TH>
              <TH>{t("common.role")}</TH>
              <TH className="hidden sm:table-cell">{t("members.invitations.expires")}</TH>
              <TH className="w-24">
                <span className="sr-only">{t("common.actions")}</span>
              </TH>
            </THead>
            <TBody>
              {invitations.map((inv) => (
                <TR key={inv.id} data-testid="invitation-row">
                  <TD stack="title" className="font-medium text-zinc-900">{inv.email}</TD>
                  <TD label={t("common.role")}>
                    <RoleBadge role={inv.role} />
                  </TD>
                  <TD label={t("members.invitations.expires")} className="hidden text-[13px] text-zinc-500 sm:table-cell">
                    <Time iso={inv.expiresAt} />
                  </TD>
                  <TD stack="end" className="text-right">
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={t("members.invitations.revokeLabel", { email: inv.email })}
                      onClick={() => revoke.ask(inv)}
                    >
                      {t("members.invitations.revoke")}
                    </Button>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </section>

      <InviteDialog open={inviting} onClose={() => setInviting(false)} orgSlug={orgSlug} assignable={assignable} />

      <ConfirmDialog
        {...remove.dialog}
        title={t("members.remove.title", { name: remove.row?.name || remove.row?.email || "" })}
        body={t("members.remove.body", { org: orgName })}
        confirmLabel={t("members.remove.confirm")}
      />
      <ConfirmDialog
        {...revoke.dialog}
        title={t("members.invitations.revokeTitle", { email: revoke.row?.email ?? "" })}
        body={t("members.invitations.revokeBody")}
        confirmLabel={t("members.invitations.revoke")}
      />
    </div>
  );
}

function InviteDialog({ open, onClose, orgSlug, assignable }: { open: boolean; onClose: () => void; orgSlug: string; assignable: Role[] }) {
  const { t } = useI18n();
  const [created, setCreated] = useState<{ link: string; email: string; role: Role } | null>(null);
  const { form, onSubmit, fieldError, formError, pending } = useActionForm({
    check: (input) => checkInputAction("inviteMember", input),
    defaultValues: { email: "", role: assignable.includes("agent") ? "agent" : assignable[0] },
    submit: (values) => inviteMemberAction(orgSlug, values),
    onSuccess: (data) => setCreated(data),
  });
  const role = useWatch({ control: form.control, name: "role" });
  const close = () => {
    onClose();
    setCreated(null);
    form.reset();
  };
  if (created) {
    return (
      <Dialog
        open={open}
        onClose={close}
        title={t("members.invite.linkTitle")}
        description={t("members.invite.linkBody", { email: created.email, role: t(`role.${created.role}`) })}
        footer={<Button onClick={close}>{t("common.done")}</Button>}
      >
        <CopyField id="invite-link" value={created.link} label={t("members.invite.linkLabel")} copyName={t("members.invite.copyLink")} />
      </Dialog>
    );
  }
  return (
    <Dialog open={open} onClose={close} title={t("members.invite.title")} description={t("members.invite.description")}>
      <form className="space-y-4" noValidate onSubmit={onSubmit}>
        {formError && <Alert>{formError}</Alert>}
        <Field id="invite-email" label={t("common.email")} error={fieldError("email")}>
          <Input {...form.register("email")} type="email" autoComplete="off" required autoFocus />
        </Field>
        <Field id="invite-role" label={t("common.role")} hint={t(`role.description.${role}`)} error={fieldError("role")}>
          <Select {...form.register("role")}>
            {assignable.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </Select>
        </Field>
        <DialogFormActions onCancel={close} submitLabel={t("members.invite.submit")} pending={pending} />
      </form>
    </Dialog>
  );
}
