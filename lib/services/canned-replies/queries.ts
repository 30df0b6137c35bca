import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cannedReplies, skillGroups } from "@/db/schema";
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import type { CannedReply } from "./schemas";

export const cannedReplyColumns = {
  id: cannedReplies.id,
  shortcut: cannedReplies.shortcut,
  content: cannedReplies.content,
  skillGroupId: cannedReplies.skillGroupId,
  skillGroupName: skillGroups.name,
  createdAt: cannedReplies.createdAt,
  updatedAt: cannedReplies.updatedAt,
};

type Row = { id: string; shortcut: string; content: string; skillGroupId: string | null; skillGroupName: string | null; createdAt: Date; updatedAt: Date };
export function toCannedReply(row: Row): CannedReply {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** Fetch-or-throw within the tenant: another organisation's reply is NotFound. */
export async function getCannedReplyInOrg(db: DbOrTx, ctx: OrgContext, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError("cannedReplies.errors.notFound");
  const [row] = await db
    .select(cannedReplyColumns)
    .from(cannedReplies)
    .leftJoin(skillGroups, eq(skillGroups.id, cannedReplies.skillGroupId))
    .where(and(eq(cannedReplies.orgId, ctx.org.id), eq(cannedReplies.id, id)));
  if (!row) throw new NotFoundError("cannedReplies.errors.notFound");
  return row;
}

/** A scope named by the caller must be a skill group of the organisation (another's reads as unknown). */
export async function requireScope(db: DbOrTx, ctx: OrgContext, skillGroupId: string | null): Promise<void> {
  if (skillGroupId === null) return;
  const [row] = await db
    .select({ id: skillGroups.id })
    .from(skillGroups)
    .where(and(eq(skillGroups.orgId, ctx.org.id), eq(skillGroups.id, skillGroupId)));
  if (!row) throw ValidationError.forField("skillGroupId", "cannedReplies.errors.skillGroupNotFound");
}

/** The unique index (shortcut per scope, regardless of case) said no: a sentence, not a 500. */
export function shortcutTaken(error: unknown, shortcut: string | undefined): never {
  if (isUniqueViolation(error)) throw new ConflictError("cannedReplies.errors.shortcutTaken", { shortcut: String(shortcut) });
  throw error;
}
