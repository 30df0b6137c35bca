/**
 * Workflow runs and steps in the log with their ids, through the real executor and the SDK's middleware
 * hook (the app's client carries WorkflowLogging; here the function does): started, each step with its
 * duration, completed or failed; the event's data (a message's words) never.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "@/lib/workflows/testing/harness";
import { useTestDatabase } from "@/tests/db";
import { captureLogOutput } from "./logger";
import { metrics } from "./metrics";
import { WorkflowLogging } from "./workflow-logging";

const database = useTestDatabase();
const ORG_ID = "0190a0b0-0000-7000-8000-000000000042";
const WORDS = "my card number is 4111 1111";

let h: Harness;
beforeAll(async () => {
  h = await startHarness(database.handle(), (inngest) => [
    inngest.createFunction({ id: "logged", retries: 0, middleware: [WorkflowLogging], triggers: [{ event: "test/logged" }] }, async ({ step }) => {
      await step.run("look-up", () => "found");
      return "done";
    }),
    inngest.createFunction({ id: "logged-failing", retries: 0, middleware: [WorkflowLogging], triggers: [{ event: "test/logged-failing" }] }, async ({ step }) => {
      await step.run("explode", () => {
        throw new Error("the step broke");
      });
    }),
  ]);
});
afterAll(() => h?.close());

async function stepCount(): Promise<number> {
  const metric = await metrics().workflowStepSeconds.get();
  return metric.values.find((v) => v.metricName === "messenger_workflow_step_seconds_count")?.value ?? 0;
}

describe("workflow logging", () => {
  it("logs a run's start, each step with its duration and its end, with the run id and org id, never the event's data", async () => {
    const stepsBefore = await stepCount();
    const log = captureLogOutput("debug");
    let runId: string;
    try {
      await h.inngest.send({ name: "test/logged", data: { orgId: ORG_ID, text: WORDS } });
      runId = (await h.waitForRun({ functionId: "conformance-logged" })).id;
      await h.inngest.send({ name: "test/logged-failing", data: { orgId: ORG_ID, text: WORDS } });
      await h.waitForRun({ functionId: "conformance-logged-failing" });
    } finally {
      log.stop();
    }
    const lines = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const of = (msg: string, fn: string) => lines.find((l) => l.msg === msg && l.functionId === fn);
    expect(of("run started", "conformance-logged")).toMatchObject({ component: "workflows", runId, orgId: ORG_ID, event: "test/logged" });
    expect(of("step completed", "conformance-logged")).toMatchObject({ runId, step: "look-up", stepId: expect.any(String), durationMs: expect.any(Number) });
    expect(of("run completed", "conformance-logged")).toMatchObject({ level: "info", runId });
    expect(of("step failed", "conformance-logged-failing")).toMatchObject({ level: "error", step: "explode", err: expect.stringContaining("the step broke") });
    expect(of("run failed", "conformance-logged-failing")).toMatchObject({ level: "error" });
    expect(log.text()).not.toContain("4111");
    expect(await stepCount()).toBeGreaterThanOrEqual(stepsBefore + 2);
  }, 30_000);
});
