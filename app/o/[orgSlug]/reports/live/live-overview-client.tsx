"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useI18n } from "@/lib/i18n/client";
import type { LiveOverview } from "@/lib/services/reports/schemas";
import { LiveIndicator } from "../../conversations/_components/live-indicator";
import { pollInterval, useLiveRefetch } from "../../conversations/_components/use-live-conversations";
import { reassignConversationAction } from "./actions";
import { liveOverviewQueries } from "./query-options";
import { waitingFor } from "./waiting-for";

type Agent = LiveOverview["agents"][number];
const DOT: Record<Agent["presence"], string> = { online: "bg-emerald-500", away: "bg-amber-400", offline: "bg-zinc-400" };

/** The browser's clock, once a second: the "waiting for" cells tick without asking the server. */
function useNow(start: number): number {
  const [now, setNow] = useState(start);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The live overview. Every desk event that can change a figure (a conversation created, assigned, resolved or
 * moved; a presence change) refetches the overview, and the open agent's list, through the same server reads
 * as the first render: events carry ids, never figures.
 */
export function LiveOverviewClient({ orgSlug, initial }: { orgSlug: string; initial: LiveOverview }) {
  const { t } = useI18n();
  const status = useLiveRefetch(liveOverviewQueries.all(orgSlug), (event) => event.type === "conversation.created" || event.type === "conversation.updated" || event.type === "presence.changed");
  const query = useQuery({ ...liveOverviewQueries.overview(orgSlug, pollInterval(status)), initialData: initial });
  const overview = query.data;
  // The server's "at" first, so the server's and the browser's first render agree; then the browser's clock.
  const now = useNow(Date.parse(initial.at));
  const [openAgentId, setOpenAgentId] = useState<string | null>(null);
  const openAgent = overview.agents.find((a) => a.membershipId === openAgentId) ?? null;
  const groupName = new Map(overview.skillGroups.map((g) => [g.skillGroupId, g.name]));
  const queued = overview.skillGroups.reduce((sum, g) => sum + g.queued, 0);
  const online = overview.agents.filter((a) => a.presence === "online").length;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold text-zinc-900">{t("liveOverview.title")}</h2>
          <p className="mt-1 max-w-2xl text-sm text-zinc-500">{t("liveOverview.description")}</p>
        </div>
        <LiveIndicator status={status} failed={query.isError} />
      </div>

      <div className="grid gap-3 sm:grid-cols-3">
        <Figure label={t("liveOverview.openNow")} help={t("liveOverview.openNowHelp")} testId="live-open-now" value={overview.openConversations} />
        <Figure label={t("liveOverview.queued")} help={t("liveOverview.queuedHelp")} testId="live-queued" value={queued} />
        <Figure label={t("liveOverview.online")} help={t("liveOverview.onlineHelp")} testId="live-online" value={online} />
      </div>

      <Card title={t("liveOverview.groups.title")} testId="live-groups">
        {overview.skillGroups.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("liveOverview.groups.empty")}</p>
        ) : (
          <>
            <Table label={t("liveOverview.groups.title")}>
              <THead>
                <TH>{t("liveOverview.groups.name")}</TH>
                <TH className="w-28">{t("liveOverview.groups.queued")}</TH>
                <TH className="w-40">{t("liveOverview.groups.longestWait")}</TH>
                <TH className="w-32">{t("liveOverview.groups.online")}</TH>
              </THead>
              <TBody>
                {overview.skillGroups.map((g) => (
                  <TR key={g.skillGroupId} data-testid="live-group-row" data-skill-group-id={g.skillGroupId}>
                    <TD stack="title">{g.name}</TD>
                    <TD label={t("liveOverview.groups.queued")} className="tabular-nums" data-testid="live-group-queued">
                      {g.queued}
                    </TD>
                    <TD label={t("liveOverview.groups.longestWait")} className="tabular-nums" data-testid="live-group-wait">
                      {g.oldestQueuedAt ? (
                        <span title={t("liveOverview.groups.waitingFor", { time: waitingFor(g.oldestQueuedAt, now) })}>{waitingFor(g.oldestQueuedAt, now)}</span>
                      ) : (
                        <span className="text-zinc-500">{t("liveOverview.groups.nobodyWaiting")}</span>
                      )}
                    </TD>
                    <TD label={t("liveOverview.groups.online")} className="tabular-nums">
                      {g.agentsOnline}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <p className="mt-2 text-xs text-zinc-500">{t("liveOverview.groups.longestWaitHelp")}</p>
          </>
        )}
      </Card>

      <Card title={t("liveOverview.agents.title")} testId="live-agents">
        {overview.agents.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("liveOverview.agents.empty")}</p>
        ) : (
          <>
            <Table label={t("liveOverview.agents.title")}>
              <THead>
                <TH>{t("liveOverview.agents.name")}</TH>
                <TH className="w-32">{t("liveOverview.agents.presence")}</TH>
                <TH className="w-28">{t("liveOverview.agents.load")}</TH>
                <TH className="hidden md:table-cell">{t("liveOverview.agents.groups")}</TH>
                <TH className="w-36">
                  <span className="sr-only">{t("common.actions")}</span>
                </TH>
              </THead>
              <TBody>
                {overview.agents.map((a) => {
                  const expanded = openAgentId === a.membershipId;
                  return (
                    <TR key={a.membershipId} data-testid="live-agent-row" data-membership-id={a.membershipId}>
                      <TD stack="title">{a.name}</TD>
                      <TD label={t("liveOverview.agents.presence")}>
                        <span className="inline-flex items-center gap-1.5" data-testid="live-agent-presence" data-presence={a.presence}>
                          <span className={`size-2 rounded-full ${DOT[a.presence]}`} aria-hidden="true" />
                          {t(`desk.presence.${a.presence}`)}
                        </span>
                      </TD>
                      <TD label={t("liveOverview.agents.load")} className="tabular-nums" data-testid="live-agent-load">
                        <span className={a.maxLoad !== null && a.load >= a.maxLoad ? "font-semibold text-red-700" : undefined}>
                          {a.maxLoad === null ? a.load : t("liveOverview.agents.loadOfCap", { load: a.load, cap: a.maxLoad })}
                        </span>
                      </TD>
                      <TD label={t("liveOverview.agents.groups")} className="hidden md:table-cell">
                        {a.skillGroupIds.length === 0 ? (
                          <span className="text-zinc-500">{t("liveOverview.agents.noGroup")}</span>
                        ) : (
                          a.skillGroupIds
                            .map((id) => groupName.get(id))
                            .filter(Boolean)
                            .join(", ")
                        )}
                      </TD>
                      <TD stack="end">
                        <Button
                          size="sm"
                          variant="secondary"
                          aria-expanded={expanded}
                          aria-controls="live-agent-conversations"
                          aria-label={t("liveOverview.agents.showLabel", { name: a.name })}
                          onClick={() => setOpenAgentId(expanded ? null : a.membershipId)}
                        >
                          {t("liveOverview.agents.show")}
                          <span aria-hidden="true">{expanded ? "▴" : "▾"}</span>
                        </Button>
                      </TD>
                    </TR>
                  );
                })}
              </TBody>
            </Table>
            <p className="mt-2 text-xs text-zinc-500">{t("liveOverview.agents.loadHelp")}</p>
          </>
        )}
      </Card>

      <div id="live-agent-conversations">{openAgent && <AgentConversations orgSlug={orgSlug} agent={openAgent} agents={overview.agents} />}</div>
    </div>
  );
}

/** A figure with what it counts written under it. */
function Figure({ label, help, value, testId }: { label: string; help: string; value: number; testId: string }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs" data-testid={testId}>
      <div className="text-[13px] text-zinc-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums text-zinc-900" data-testid={`${testId}-value`}>
        {value}
      </div>
      <p className="mt-1 text-xs text-zinc-500">{help}</p>
    </div>
  );
}

/** One agent's open and pending conversations, each with a choice of the other agents of its skill group. */
function AgentConversations({ orgSlug, agent, agents }: { orgSlug: string; agent: Agent; agents: Agent[] }) {
  const { t } = useI18n();
  const query = useQuery(liveOverviewQueries.agentConversations(orgSlug, agent.membershipId));
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  return (
    <Card title={t("liveOverview.conversations.title", { name: agent.name })} testId="live-agent-conversations">
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} className={`mb-3 text-sm ${message.tone === "error" ? "text-red-700" : "text-emerald-700"}`} data-testid="live-reassign-message">
          {message.text}
        </p>
      )}
      {!query.data ? (
        <p className="text-sm text-zinc-500">…</p>
      ) : query.data.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("liveOverview.conversations.empty", { name: agent.name })}</p>
      ) : (
        <Table label={t("liveOverview.conversations.title", { name: agent.name })}>
          <THead>
            <TH>{t("liveOverview.conversations.contact")}</TH>
            <TH className="hidden md:table-cell">{t("liveOverview.conversations.channel")}</TH>
            <TH className="w-28">{t("liveOverview.conversations.status")}</TH>
            <TH>{t("liveOverview.conversations.reassign")}</TH>
          </THead>
          <TBody>
            {query.data.map((c) => (
              <TR key={c.id} data-testid="live-agent-conversation" data-conversation-id={c.id}>
                <TD stack="title">
                  <a href={`/o/${orgSlug}/conversations/${c.id}`} className="font-medium text-accent-700 hover:underline">
                    {c.contactName}
                  </a>
                </TD>
                <TD label={t("liveOverview.conversations.channel")} className="hidden md:table-cell">
                  {c.channelName}
                </TD>
                <TD label={t("liveOverview.conversations.status")}>{t(`desk.status.${c.status}`)}</TD>
                <TD label={t("liveOverview.conversations.reassign")}>
                  <Reassign
                    orgSlug={orgSlug}
                    conversationId={c.id}
                    contact={c.contactName}
                    targets={agents.filter((a) => a.membershipId !== agent.membershipId && c.skillGroupId !== null && a.skillGroupIds.includes(c.skillGroupId))}
                    onDone={setMessage}
                  />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

function Reassign({
  orgSlug,
  conversationId,
  contact,
  targets,
  onDone,
}: {
  orgSlug: string;
  conversationId: string;
  contact: string;
  targets: Agent[];
  onDone: (message: { tone: "ok" | "error"; text: string }) => void;
}) {
  const { t, serverMessage } = useI18n();
  const client = useQueryClient();
  const id = useId();
  const [target, setTarget] = useState(targets[0]?.membershipId ?? "");
  const [pending, startTransition] = useTransition();
  if (targets.length === 0) return <span className="text-sm text-zinc-500">{t("liveOverview.reassign.noTarget")}</span>;
  const chosen = targets.find((a) => a.membershipId === target) ?? targets[0]!;
  const submit = () =>
    startTransition(async () => {
      const result = await reassignConversationAction(orgSlug, conversationId, chosen.membershipId);
      if (result.ok) onDone({ tone: "ok", text: t("liveOverview.reassign.done", { name: chosen.name }) });
      else onDone({ tone: "error", text: serverMessage(result.error) || t("liveOverview.reassign.failed") });
      // The live event refetches too; this makes the supervisor's own change show without waiting for it.
      await client.invalidateQueries({ queryKey: liveOverviewQueries.all(orgSlug) });
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t("liveOverview.reassign.toLabel", { contact })}
      </label>
      <Select id={id} value={chosen.membershipId} onChange={(e) => setTarget(e.target.value)} className="w-44" data-testid="live-reassign-target">
        {targets.map((a) => (
          <option key={a.membershipId} value={a.membershipId}>
            {a.maxLoad === null ? a.name : `${a.name} (${t("liveOverview.agents.loadOfCap", { load: a.load, cap: a.maxLoad })})`}
          </option>
        ))}
      </Select>
      <Button size="sm" onClick={submit} loading={pending} data-testid="live-reassign-submit">
        {t("liveOverview.reassign.submit")}
      </Button>
    </div>
  );
}
