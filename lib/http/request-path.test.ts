import { describe, expect, it } from "vitest";
import { withOrgSlug } from "./request-path";

describe("withOrgSlug", () => {
  it("keeps the rest of the path and the query under the new slug", () => {
    expect(withOrgSlug("/o/old/campaigns/123?tab=stats", "old", "new")).toBe("/o/new/campaigns/123?tab=stats");
    expect(withOrgSlug("/o/old", "old", "new")).toBe("/o/new");
    expect(withOrgSlug("/o/old?x=1", "old", "new")).toBe("/o/new?x=1");
  });

  it("lands on the organisation's root for a missing or unrelated path", () => {
    expect(withOrgSlug(null, "old", "new")).toBe("/o/new");
    expect(withOrgSlug("/o/older/settings", "old", "new")).toBe("/o/new");
    expect(withOrgSlug("//evil.example/o/old", "old", "new")).toBe("/o/new");
  });
});
