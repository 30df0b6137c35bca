import { getDb } from "@/db/client";
import { faqEntries } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { auditFields, getFaqInOrg, requireScopes, toFaq } from "./queries";
import { bumpKbRevision, ensureKbRoom } from "./revision";
import { faqInputSchema, type Faq } from "./schemas";

/** A new FAQ entry; the bot can answer it as soon as the transaction commits. Owners and admins. */
export async function createFaq({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<Faq> {
  requirePermission(ctx, "faqs.manage");
  const data = parseInput(faqInputSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await requireScopes(tx, ctx, data);
    const [row] = await tx
      .insert(faqEntries)
      .values({ orgId: ctx.org.id, ...data, createdByMembershipId: ctx.membershipId })
      .returning({ id: faqEntries.id });
    await bumpKbRevision(tx, ctx.org.id);
    await ensureKbRoom(tx, ctx.org.id);
    await recordAudit(tx, ctx, { action: "faq.created", resourceId: row!.id, after: auditFields(data) });
    return toFaq(await getFaqInOrg(tx, ctx, row!.id));
  });
}
