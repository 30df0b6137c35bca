import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import type { Role } from "@/lib/permissions";

/** The organisations a user belongs to, for the switcher and for landing after sign-in. */
export async function listUserOrganizations(userId: string): Promise<{ id: string; name: string; slug: string; role: Role }[]> {
  const db = await getDb();
  return db
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}
