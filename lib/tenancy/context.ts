import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { permissionsOf, type Permission, type Role } from "@/lib/permissions";

export interface Actor {
  type: "user" | "api_key" | "system";
  id: string | null;
  /** Shown in the audit log: an email or a key's name. */
  label: string;
  /** For an API key: the member who created it, whose current role caps the key's and whose removal ends it. */
  onBehalfOf?: string;
}

/** What every service receives: the verified organisation and who acts in it with which role. */
export interface OrgContext {
  /**
   * `deleteAfter` is set while the organisation is scheduled for deletion (its owners are its only users then);
   * `timeZone` (IANA) is the one its pages show times in, where the context was built from a membership.
   */
  org: { id: string; slug: string; name: string; deleteAfter?: Date | null; timeZone?: string };
  actor: Actor;
  role: Role;
  /** The acting user's membership id (null for API keys). */
  membershipId: string | null;
  permissions: ReadonlySet<Permission>;
}

export function can(ctx: OrgContext, permission: Permission): boolean {
  return ctx.permissions.has(permission);
}

export function requirePermission(ctx: OrgContext, permission: Permission): void {
  if (!can(ctx, permission)) throw new ForbiddenError();
}

/** The user whose authority an action rests on: the signed-in user, or the member who created the API key. */
export function actingUserId(ctx: Pick<OrgContext, "actor">): string | null {
  if (ctx.actor.type === "user") return ctx.actor.id;
  return ctx.actor.onBehalfOf ?? null;
}

/**
 * What an owner may still do in an organisation scheduled for deletion: open Settings and cancel the deletion.
 * Everything else is refused until it is restored, so nothing new starts in an organisation about to vanish.
 */
const PENDING_DELETION_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(["settings.view", "organization.delete"]);

export function buildContext(input: Omit<OrgContext, "permissions">): OrgContext {
  return { ...input, permissions: permissionsOf(input.role) };
}

/**
 * The membership check behind every transport: the slug only selects an organisation; a user who is
 * not a member gets the same NotFound as for an organisation that does not exist.
 */
export async function resolveUserOrgContext(
  user: { id: string; email: string },
  orgSlug: string,
  required?: Permission,
): Promise<OrgContext> {
  const db = await getDb();
  const [row] = await db
    .select({ org: organizations, membershipId: memberships.id, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, user.id), eq(organizations.slug, orgSlug)))
    .limit(1);
  if (!row) throw new NotFoundError("orgs.errors.notFound");
  // Scheduled for deletion: gone for everyone but its owners, who may only restore it.
  const pendingDeletion = row.org.deleteAfter !== null;
  if (pendingDeletion && row.role !== "owner") throw new NotFoundError("orgs.errors.notFound");
  const built = buildContext({
    org: { id: row.org.id, slug: row.org.slug, name: row.org.name, deleteAfter: row.org.deleteAfter, timeZone: row.org.timeZone },
    actor: { type: "user", id: user.id, label: user.email },
    role: row.role,
    membershipId: row.membershipId,
  });
  const ctx = pendingDeletion ? { ...built, permissions: PENDING_DELETION_PERMISSIONS } : built;
  if (required) requirePermission(ctx, required);
  return ctx;
}
