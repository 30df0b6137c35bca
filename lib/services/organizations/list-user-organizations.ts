import { and, asc, eq, isNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import type { Role } from "@/lib/permissions";
import { ORG_COLORS, type OrgColor } from "./schemas";

export interface UserOrganization {
  id: string;
  name: string;
  slug: string;
  role: Role;
  color: OrgColor | null;
  /** Set while it is scheduled for deletion (listed for its owners only, to restore it). */
  deleteAfter: string | null;
}

/**
 * The organisations a user belongs to, for the switcher and for landing after sign-in. One scheduled for
 * deletion is gone for everyone but its owners, who still see it (marked) so they can restore it.
 */
export async function listUserOrganizations(userId: string): Promise<UserOrganization[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug, role: memberships.role, color: organizations.color, deleteAfter: organizations.deleteAfter })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), or(isNull(organizations.deleteAfter), eq(memberships.role, "owner"))))
    .orderBy(asc(organizations.name), asc(organizations.slug));
  return rows.map((row) => ({
    ...row,
    color: (ORG_COLORS as readonly string[]).includes(row.color ?? "") ? (row.color as OrgColor) : null,
    deleteAfter: row.deleteAfter?.toISOString() ?? null,
  }));
}
