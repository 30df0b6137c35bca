import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { skillGroupRouting, skillGroups } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { drainGroups } from "./engine";
import type { DeskEvent } from "./events";
import { loadRoutingSettings, type StoredRoutingSettings } from "./queries";
import { routingSettingsSchema, routingSettingsUpdateSchema, type RoutingSettings } from "./schemas";

/** A skill group's routing settings (the defaults until someone changes them). */
export async function getRoutingSettings({ ctx, skillGroupId }: { ctx: OrgContext; skillGroupId: string }): Promise<RoutingSettings> {
  requirePermission(ctx, "members.read");
  const db = await getDb();
  await requireGroup(db, ctx, skillGroupId);
  return withoutCursor(await loadRoutingSettings(db, skillGroupId));
}

/**
 * Owners and admins change how a skill group routes; only the fields sent change, the change is audited
 * (before/after of the changed fields), and the queue is drained afterwards (a higher cap, auto-assign turned
 * on or new working hours may have made room).
 */
export async function updateRoutingSettings({ ctx, skillGroupId, input }: { ctx: OrgContext; skillGroupId: string; input: unknown }): Promise<{ settings: RoutingSettings; events: DeskEvent[] }> {
  requirePermission(ctx, "skillGroups.manage");
  const changes = parseInput(routingSettingsUpdateSchema, input);
  const db = await getDb();
  const settings = await db.transaction(async (tx) => {
    await requireGroup(tx, ctx, skillGroupId);
    const before = withoutCursor(await loadRoutingSettings(tx, skillGroupId));
    const after = parseInput(routingSettingsSchema, { ...before, ...changes });
    await tx
      .insert(skillGroupRouting)
      .values({ skillGroupId, orgId: ctx.org.id, ...after })
      .onConflictDoUpdate({ target: skillGroupRouting.skillGroupId, set: { ...after, updatedAt: new Date() } });
    const changed = (Object.keys(after) as (keyof RoutingSettings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    if (changed.length > 0) {
      await recordAudit(tx, ctx, {
        action: "skill_group.routing_updated",
        resourceId: skillGroupId,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      });
    }
    return after;
  });
  return { settings, events: await drainGroups(ctx.org.id, [skillGroupId]) };
}

async function requireGroup(db: Parameters<typeof loadRoutingSettings>[0], ctx: OrgContext, skillGroupId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(skillGroupId)) throw new NotFoundError("skillGroups.errors.notFound");
  const [group] = await db.select({ id: skillGroups.id }).from(skillGroups).where(and(eq(skillGroups.orgId, ctx.org.id), eq(skillGroups.id, skillGroupId)));
  if (!group) throw new NotFoundError("skillGroups.errors.notFound");
}

function withoutCursor(settings: StoredRoutingSettings): RoutingSettings {
  const { roundRobinLastMembershipId: _cursor, ...rest } = settings;
  return rest;
}
