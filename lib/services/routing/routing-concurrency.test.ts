import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { ConflictError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents, deliver } from "@/tests/desk";
import { createOrgFixture } from "@/tests/fixtures";
import { claimConversation, resolveConversation, setPresence, updateRoutingSettings } from "./index";

const db = useTestDatabase();

const CONVERSATIONS = 1_000;
const AGENTS = 20;
const CAP = 5;
const CHANNELS = 4;
const BATCH = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

/**
 * The cap checked at every commit: a deferred constraint trigger (installed for this test only) counts the
 * assignee's open and pending conversations when a transaction that assigned one commits, and fails the
 * commit above the cap. It sees what committed before it, so together with the sampler and the final audit
 * it catches an over-assignment whichever transaction made it.
 */
async function installCapCheck() {
  await db.handle().exec(`
    create or replace function desk_cap_check() returns trigger language plpgsql as $$
    begin
      if new.assignee_membership_id is not null and new.status in ('open', 'pending') then
        if (select count(*) from conversations where assignee_membership_id = new.assignee_membership_id and status in ('open', 'pending')) > ${CAP} then
          raise exception 'desk cap exceeded for %', new.assignee_membership_id;
        end if;
      end if;
      return null;
    end $$;
    create constraint trigger desk_cap_check after insert or update on conversations deferrable initially deferred for each row execute function desk_cap_check();`);
}

describe("routing under concurrency", () => {
  let setup: Awaited<ReturnType<typeof createSkillGroupWithAgents>> & { orgId: string; channels: Awaited<ReturnType<typeof createChannelFor>>[] };

  beforeAll(async () => {
    await installCapCheck();
    const f = await createOrgFixture();
    const desk = await createSkillGroupWithAgents(f.org, AGENTS);
    await updateRoutingSettings({ ctx: f.as.owner, skillGroupId: desk.group.id, input: { maxOpenPerAgent: CAP, strategy: "least_busy", onAgentOffline: "requeue" } });
    const channels = [];
    for (let i = 0; i < CHANNELS; i++) channels.push(await createChannelFor(f.org.id, desk.group.id));
    setup = { ...desk, orgId: f.org.id, channels };
  });

  it(`${CONVERSATIONS} conversations, ${AGENTS} agents going on and offline, cap ${CAP}: never above the cap, never assigned twice, the queue drained`, { timeout: 900_000 }, async () => {
    const { agents, channels, group } = setup;
    const database = await getDb();
    const ctxOf = new Map(agents.map((a) => [a.membershipId, a.ctx]));
    const unexpected: unknown[] = [];
    const counts = { presenceChanges: 0, resolves: 0, claims: 0, claimConflicts: 0, samples: 0, maxSampledLoad: 0 };
    const started = Date.now();
    const loads = async () =>
      rowsOf<{ assignee: string; load: number }>(
        await database.execute(sql`select assignee_membership_id as assignee, count(*)::int as load from conversations where assignee_membership_id is not null and status in ('open', 'pending') group by 1`),
      );
    const queuedCount = async () =>
      Number(rowsOf<{ n: number }>(await database.execute(sql`select count(*)::int as n from conversations where skill_group_id = ${group.id}::uuid and status = 'open' and assignee_membership_id is null`))[0]!.n);
    const guard = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        unexpected.push(error);
      }
    };

    for (const a of agents.slice(0, AGENTS / 2)) await setPresence({ ctx: a.ctx, input: { status: "online" } });

    let producing = true;
    // People write in: each channel's batches one after another (as the per-channel workflow runs them), channels in parallel.
    const producers = channels.map(async (channel, c) => {
      for (let start = c * BATCH; start < CONVERSATIONS; start += BATCH * CHANNELS) {
        const psids = Array.from({ length: Math.min(BATCH, CONVERSATIONS - start) }, (_, i) => ({ psid: `person-${start + i}` }));
        await guard(() => deliver(channel, psids));
        // A breath between batches: on PGlite (one connection) the other workers get their turns too.
        await sleep(Math.random() * 10);
      }
    });
    // Agents come and go.
    const flippers = [0, 1, 2].map(async () => {
      while (producing) {
        const agent = pick(agents);
        await guard(() => setPresence({ ctx: agent.ctx, input: { status: pick(["online", "online", "offline", "away"] as const) } }));
        counts.presenceChanges++;
        await sleep(Math.random() * 20);
      }
    });
    // Agents finish conversations, and some claim from the queue by hand.
    const resolveOne = async () => {
      const [row] = rowsOf<{ id: string; assignee: string }>(
        await database.execute(sql`select id, assignee_membership_id as assignee from conversations where status = 'open' and assignee_membership_id is not null order by random() limit 1`),
      );
      if (!row) return false;
      await guard(() => resolveConversation({ ctx: ctxOf.get(row.assignee)!, conversationId: row.id }));
      counts.resolves++;
      return true;
    };
    const resolvers = [0, 1].map(async () => {
      while (producing) {
        await resolveOne();
        await sleep(Math.random() * 15);
      }
    });
    const claimers = [0].map(async () => {
      while (producing) {
        const [row] = rowsOf<{ id: string }>(await database.execute(sql`select id from conversations where status = 'open' and assignee_membership_id is null order by random() limit 1`));
        if (row) {
          try {
            await claimConversation({ ctx: pick(agents).ctx, conversationId: row.id });
            counts.claims++;
          } catch (error) {
            if (error instanceof ConflictError) counts.claimConflicts++;
            else unexpected.push(error);
          }
        }
        await sleep(Math.random() * 30);
      }
    });
    const sampler = (async () => {
      while (producing) {
        for (const { load } of await loads()) counts.maxSampledLoad = Math.max(counts.maxSampledLoad, load);
        counts.samples++;
        await sleep(10);
      }
    })();

    await Promise.all(producers);
    producing = false;
    await Promise.all([...flippers, ...resolvers, ...claimers, sampler]);
    const produced = Date.now();

    // Quiet now: no online agent has room while anything waits.
    const presence = rowsOf<{ membership_id: string; status: string }>(await database.execute(sql`select membership_id, status from agent_presence`));
    const loadOf = new Map((await loads()).map((r) => [r.assignee, r.load]));
    const onlineWithRoom = presence.filter((p) => p.status === "online" && (loadOf.get(p.membership_id) ?? 0) < CAP);
    expect(onlineWithRoom.length === 0 || (await queuedCount()) === 0).toBe(true);

    // Everyone online at once, then the agents work through the queue.
    await Promise.all(agents.map((a) => guard(() => setPresence({ ctx: a.ctx, input: { status: "online" } }))));
    const afterOnline = new Map((await loads()).map((r) => [r.assignee, r.load]));
    const waiting = await queuedCount();
    expect(waiting === 0 || agents.every((a) => afterOnline.get(a.membershipId) === CAP)).toBe(true);
    while ((await queuedCount()) > 0) await Promise.all([resolveOne(), resolveOne(), resolveOne(), resolveOne()]);
    const drained = Date.now();

    expect(unexpected).toEqual([]);
    // Every conversation was opened once; none is left waiting; nobody carries more than the cap.
    const summary = rowsOf<{ total: number; queued: number; open_assigned: number; resolved: number }>(
      await database.execute(sql`
        select count(*)::int as total,
               count(*) filter (where status = 'open' and assignee_membership_id is null)::int as queued,
               count(*) filter (where status = 'open' and assignee_membership_id is not null)::int as open_assigned,
               count(*) filter (where status = 'resolved')::int as resolved
          from conversations where skill_group_id = ${group.id}::uuid`),
    )[0]!;
    expect(summary.total).toBe(CONVERSATIONS);
    expect(summary.queued).toBe(0);
    expect(Math.max(0, ...(await loads()).map((r) => r.load))).toBeLessThanOrEqual(CAP);
    expect(counts.maxSampledLoad).toBeLessThanOrEqual(CAP);

    // The audit of the timeline: per conversation, a hand-over (assigned, claimed) only when nobody held it, a
    // requeue only from whoever held it, and at most one resolve (nothing reopens here).
    const activities = rowsOf<{ conversation_id: string; kind: string; from_membership_id: string | null; to_membership_id: string | null }>(
      await database.execute(sql`select conversation_id, kind, from_membership_id, to_membership_id from conversation_activities where org_id = ${setup.orgId}::uuid order by conversation_id, created_at, id`),
    );
    const holder = new Map<string, string | null>();
    const resolvedTimes = new Map<string, number>();
    let handOvers = 0;
    let requeues = 0;
    for (const a of activities) {
      const current = holder.get(a.conversation_id) ?? null;
      if (a.kind === "assigned" || a.kind === "claimed") {
        expect(current, `${a.conversation_id} given to ${a.to_membership_id} while held by ${current}`).toBeNull();
        holder.set(a.conversation_id, a.to_membership_id);
        handOvers++;
      } else if (a.kind === "unassigned") {
        expect(a.from_membership_id).toBe(current);
        holder.set(a.conversation_id, null);
        requeues++;
      } else if (a.kind === "resolved") {
        resolvedTimes.set(a.conversation_id, (resolvedTimes.get(a.conversation_id) ?? 0) + 1);
      }
    }
    expect(Math.max(...resolvedTimes.values())).toBe(1);
    expect(activities.filter((a) => a.kind === "opened")).toHaveLength(CONVERSATIONS);

    console.log(
      `[routing concurrency] ${db.handle().kind}: ${CONVERSATIONS} conversations, ${AGENTS} agents, cap ${CAP}: producing ${((produced - started) / 1000).toFixed(1)} s, ` +
        `drained ${((drained - produced) / 1000).toFixed(1)} s; ${handOvers} assignments (${counts.claims} claims, ${counts.claimConflicts} claim conflicts), ` +
        `${requeues} requeues, ${counts.presenceChanges} presence changes, ${counts.resolves} resolves, ${summary.resolved} resolved + ${summary.open_assigned} open at the end; ` +
        `max sampled load ${counts.maxSampledLoad} over ${counts.samples} samples`,
    );
  });
});
