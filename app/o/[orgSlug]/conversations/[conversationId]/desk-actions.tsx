"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, useTransition, type FormEvent } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";
import type { DeskAgent, DeskState } from "@/lib/services/routing";
import type { ActionResult } from "@/lib/tenancy/action";
import { useLiveRefetch } from "../_components/use-live-conversations";
import {
  assignConversationAction,
  claimConversationAction,
  reopenConversationAction,
  resolveConversationAction,
  setConversationPendingAction,
  transferConversationAction,
} from "../actions";
import { conversationQueries } from "../query-options";

const STATUS_TONE: Record<DeskState["status"], BadgeTone> = { open: "accent", pending: "warning", resolved: "success" };
type Verb = "claim" | "assign" | "transfer" | "resolve" | "reopen" | "pending";

/**
 * The desk's actions on one conversation: claim from the queue, assign (supervisors), transfer with a memo,
 * resolve, reopen, mark pending. Only what the member may do now is shown; a refusal (the agent is at the
 * cap, someone claimed it first) is said in words under the buttons.
 */
export function DeskActions({ orgSlug, conversationId }: { orgSlug: string; conversationId: string }) {
  const { t, serverMessage } = useI18n();
  const client = useQueryClient();
  const options = conversationQueries.desk(orgSlug, conversationId);
  useLiveRefetch(options.queryKey, (event) => "conversationId" in event && event.conversationId === conversationId);
  const query = useQuery(options);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "done"; text: string } | null>(null);
  const [dialog, setDialog] = useState<"assign" | "transfer" | null>(null);
  const state = query.data;

  const run = (verb: Verb, action: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setMessage({ tone: "error", text: serverMessage(result.error) });
        return;
      }
      setMessage({ tone: "done", text: t(`desk.done.${verb}`) });
      after?.();
      await client.invalidateQueries({ queryKey: conversationQueries.all(orgSlug) });
    });

  const open = (which: "assign" | "transfer") => {
    setMessage(null);
    setDialog(which);
  };
  if (!state) {
    return query.isError ? (
      <p role="alert" className="text-xs text-red-700">
        {t("desk.loadFailed")}
      </p>
    ) : null;
  }
  const can = state.can;
  return (
    <div className="flex flex-col gap-2" data-testid="desk-actions">
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600">
        <Badge tone={STATUS_TONE[state.status]}>{t(`desk.status.${state.status}`)}</Badge>
        <span data-testid="desk-assignee">{state.assignee ? t("desk.assignedTo", { name: state.assignee.name }) : state.queued ? t("desk.queued") : t("desk.unassigned")}</span>
      </div>
      <div role="group" aria-label={t("desk.actions")} className="flex flex-wrap gap-2">
        {can.claim && (
          <Button size="sm" onClick={() => run("claim", () => claimConversationAction(orgSlug, conversationId))} disabled={pending}>
            {t("desk.claim")}
          </Button>
        )}
        {can.assign && (
          <Button size="sm" variant="secondary" onClick={() => open("assign")} disabled={pending}>
            {t("desk.assign")}
          </Button>
        )}
        {can.transfer && (
          <Button size="sm" variant="secondary" onClick={() => open("transfer")} disabled={pending}>
            {t("desk.transfer")}
          </Button>
        )}
        {can.pending && (
          <Button size="sm" variant="secondary" onClick={() => run("pending", () => setConversationPendingAction(orgSlug, conversationId))} disabled={pending}>
            {t("desk.pending")}
          </Button>
        )}
        {can.resolve && (
          <Button size="sm" variant="secondary" onClick={() => run("resolve", () => resolveConversationAction(orgSlug, conversationId))} disabled={pending}>
            {t("desk.resolve")}
          </Button>
        )}
        {can.reopen && (
          <Button size="sm" variant="secondary" onClick={() => run("reopen", () => reopenConversationAction(orgSlug, conversationId))} disabled={pending}>
            {t("desk.reopen")}
          </Button>
        )}
      </div>
      <p role={message?.tone === "error" ? "alert" : "status"} className={message?.tone === "error" ? "text-xs text-red-700" : "text-xs text-emerald-700"} data-testid="desk-message">
        {message?.text}
      </p>
      {dialog === "assign" && (
        <AssignDialog
          state={state}
          pending={pending}
          error={message?.tone === "error" ? message.text : null}
          onClose={() => setDialog(null)}
          onSubmit={(membershipId) => run("assign", () => assignConversationAction(orgSlug, conversationId, { membershipId }), () => setDialog(null))}
        />
      )}
      {dialog === "transfer" && (
        <TransferDialog
          state={state}
          pending={pending}
          error={message?.tone === "error" ? message.text : null}
          onClose={() => setDialog(null)}
          onSubmit={(input) => run("transfer", () => transferConversationAction(orgSlug, conversationId, input), () => setDialog(null))}
        />
      )}
    </div>
  );
}

function useAgentLine() {
  const { t } = useI18n();
  return (agent: DeskAgent, cap: number) => t("desk.agentLine", { name: agent.name, presence: t(`desk.presence.${agent.presence}`), load: agent.load, cap });
}

function AssignDialog({ state, pending, error, onClose, onSubmit }: { state: DeskState; pending: boolean; error: string | null; onClose: () => void; onSubmit: (membershipId: string) => void }) {
  const { t } = useI18n();
  const line = useAgentLine();
  const cap = state.skillGroups.find((g) => g.id === state.skillGroupId)?.cap ?? 0;
  const agents = state.agents.filter((a) => state.skillGroupId && a.skillGroupIds.includes(state.skillGroupId));
  const [membershipId, setMembershipId] = useState(agents.find((a) => a.membershipId !== state.assignee?.membershipId)?.membershipId ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (membershipId) onSubmit(membershipId);
  };
  return (
    <Dialog open onClose={onClose} title={t("desk.assignTitle")} description={t("desk.assignHelp")}>
      <form onSubmit={submit} className="space-y-4">
        {agents.length === 0 ? (
          <p className="text-sm text-zinc-600">{t("desk.noAgents")}</p>
        ) : (
          <Field id="assign-agent" label={t("desk.transferAgent")}>
            <Select value={membershipId} onChange={(e) => setMembershipId(e.target.value)}>
              {agents.map((a) => (
                <option key={a.membershipId} value={a.membershipId}>
                  {line(a, cap)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {error && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <DialogFormActions onCancel={onClose} submitLabel={t("desk.assignSubmit")} pending={pending} />
      </form>
    </Dialog>
  );
}

function TransferDialog({
  state,
  pending,
  error,
  onClose,
  onSubmit,
}: {
  state: DeskState;
  pending: boolean;
  error: string | null;
  onClose: () => void;
  onSubmit: (input: { skillGroupId?: string; membershipId?: string; memo?: string }) => void;
}) {
  const { t } = useI18n();
  const line = useAgentLine();
  const [skillGroupId, setSkillGroupId] = useState(state.skillGroupId ?? state.skillGroups[0]?.id ?? "");
  const [membershipId, setMembershipId] = useState("");
  const [memo, setMemo] = useState("");
  const cap = state.skillGroups.find((g) => g.id === skillGroupId)?.cap ?? 0;
  const agents = state.agents.filter((a) => a.skillGroupIds.includes(skillGroupId));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ ...(skillGroupId ? { skillGroupId } : {}), ...(membershipId ? { membershipId } : {}), ...(memo.trim() ? { memo } : {}) });
  };
  return (
    <Dialog open onClose={onClose} title={t("desk.transferTitle")} description={t("desk.transferHelp")}>
      <form onSubmit={submit} className="space-y-4">
        <Field id="transfer-group" label={t("desk.transferGroup")}>
          <Select
            value={skillGroupId}
            onChange={(e) => {
              setSkillGroupId(e.target.value);
              setMembershipId("");
            }}
          >
            {state.skillGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="transfer-agent" label={t("desk.transferAgent")}>
          <Select value={membershipId} onChange={(e) => setMembershipId(e.target.value)}>
            <option value="">{t("desk.transferToQueue")}</option>
            {agents.map((a) => (
              <option key={a.membershipId} value={a.membershipId}>
                {line(a, cap)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="transfer-memo" label={t("desk.memo")} hint={t("desk.memoHint")}>
          <Textarea value={memo} maxLength={500} onChange={(e) => setMemo(e.target.value)} />
        </Field>
        {error && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <DialogFormActions onCancel={onClose} submitLabel={t("desk.transferSubmit")} pending={pending} />
      </form>
    </Dialog>
  );
}
