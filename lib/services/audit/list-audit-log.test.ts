import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { recordAudit, recordSystemAudit } from "@/lib/audit";
import { ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture } from "@/tests/fixtures";
import { listAuditLog } from "./list-audit-log";

useTestDatabase();

describe("listAuditLog", () => {
  it("filters by a campaign action, by the campaign domain and by resource type, system rows included", async () => {
    const f = await createOrgFixture();
    const db = await getDb();
    await recordAudit(db, f.as.marketer, { action: "campaign.created", resourceId: "c1" });
    await recordSystemAudit(db, f.org.id, { action: "campaign.finished", resourceId: "c1", after: { status: "sent" } });
    await recordAudit(db, f.as.owner, { action: "member.invited", resourceId: "i1" });

    const finished = await listAuditLog({ ctx: f.as.owner, input: { action: "campaign.finished" } });
    expect(finished.data).toEqual([
      expect.objectContaining({ action: "campaign.finished", resourceType: "campaign", resourceId: "c1", actorType: "system", after: { status: "sent" } }),
    ]);
    const campaignRows = await listAuditLog({ ctx: f.as.owner, input: { action: "campaign." } });
    expect(campaignRows.data.map((e) => e.action)).toEqual(["campaign.finished", "campaign.created"]);
    const byResource = await listAuditLog({ ctx: f.as.owner, input: { resourceType: "campaign" } });
    expect(byResource.data.map((e) => e.action)).toEqual(["campaign.finished", "campaign.created"]);
  });

  it("refuses an action or resource type outside the vocabulary with a clear message", async () => {
    const f = await createOrgFixture();
    await expect(listAuditLog({ ctx: f.as.owner, input: { action: "campaign.exploded" } })).rejects.toThrow(ValidationError);
    await expect(listAuditLog({ ctx: f.as.owner, input: { action: "campaign.exploded" } })).rejects.toThrow(/^action: action must be an audit action/);
    await expect(listAuditLog({ ctx: f.as.owner, input: { resourceType: "planet" } })).rejects.toThrow(/^resourceType: resourceType must be one of /);
  });
});
