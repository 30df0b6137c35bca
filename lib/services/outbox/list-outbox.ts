import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { requireInstanceOwner } from "@/lib/tenancy/instance-owner";
import { parseInput } from "@/lib/validation";

export const listOutboxSchema = z.object({
  to: z.string().trim().toLowerCase().max(254).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export interface OutboxEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/**
 * The local outbox, newest first, optionally for one recipient. Instance owners only: the mail holds
 * invitation and verification links for every organisation, so anyone else gets NotFound.
 */
export async function listOutbox({ user, input = {} }: { user: { id: string } | null; input?: unknown }): Promise<OutboxEmail[]> {
  await requireInstanceOwner(user);
  const { to, limit } = parseInput(listOutboxSchema, input);
  const db = await getDb();
  const rows = await db
    .select()
    .from(outboxEmails)
    .where(to ? eq(outboxEmails.to, to) : undefined)
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, to: r.to, subject: r.subject, text: r.text, createdAt: r.createdAt.toISOString() }));
}
