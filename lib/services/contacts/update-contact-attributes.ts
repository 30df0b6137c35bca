import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ValidationError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { ATTRIBUTES_MAX, contactAttributesPatchSchema } from "./schemas";
import { getContactInScope } from "./queries";

/**
 * Sets and removes a contact's attributes (what agents record about the person: "order" → "A-1042"). Members
 * who may reply may edit, within their conversation scope; audited with the changed keys before and after.
 */
export async function updateContactAttributes({ ctx, contactId, input }: { ctx: OrgContext; contactId: string; input: unknown }): Promise<{ attributes: Record<string, string> }> {
  requirePermission(ctx, "conversations.reply");
  const { attributes: patch } = parseInput(contactAttributesPatchSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const contact = await getContactInScope(tx, ctx, contactId, true);
    const before = contact.attributes ?? {};
    const after: Record<string, string> = { ...before };
    for (const { key, value } of patch) {
      if (value === null) delete after[key];
      else after[key] = value;
    }
    if (Object.keys(after).length > ATTRIBUTES_MAX) throw ValidationError.forField("attributes", "contacts.errors.tooMany", { max: ATTRIBUTES_MAX });
    const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => before[key] !== after[key]).sort();
    if (changed.length === 0) return { attributes: after };
    await tx
      .update(contacts)
      .set({ attributes: after, updatedAt: new Date() })
      .where(and(eq(contacts.orgId, ctx.org.id), eq(contacts.id, contact.id)));
    await recordAudit(tx, ctx, {
      action: "contact.attributes_updated",
      resourceId: contact.id,
      before: Object.fromEntries(changed.map((key) => [key, before[key] ?? null])),
      after: Object.fromEntries(changed.map((key) => [key, after[key] ?? null])),
    });
    return { attributes: after };
  });
}
