import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { workflowPing } from "./ping";

describe("workflow-ping", () => {
  it("answers with the org id and note after receive, pause and answer", async () => {
    const orgId = "0190b6c4-2f7a-7c3e-9a1b-000000000001";
    const t = new InngestTestEngine({
      function: workflowPing,
      events: [{ name: "workflows/ping.sent", data: { orgId, note: "hello" } }],
      // Sleeps must be mocked: @inngest/test does not advance time. The org check needs a database: the
      // org checks are tested in campaign-send.test.ts.
      steps: [
        { id: "check-org", handler() {} },
        { id: "pause", handler() {} },
      ],
    });
    const { result, ctx } = await t.execute();
    expect(result).toMatchObject({ orgId, note: "hello" });
    expect(ctx.step.sleep).toHaveBeenCalledWith("pause", "1s");
  });
});
