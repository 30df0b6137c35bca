import { describe, expect, it } from "vitest";
import { appUrl, executorEnabled, WorkflowConfigError, workflowMode } from "./mode";

describe("workflow configuration", () => {
  it("picks the engine from the environment alone", () => {
    expect(workflowMode({})).toEqual({ kind: "built-in" });
    expect(workflowMode({ INNGEST_DEV: "1" })).toEqual({ kind: "inngest-dev", url: null });
    expect(workflowMode({ INNGEST_DEV: "http://127.0.0.1:8288" })).toEqual({ kind: "inngest-dev", url: "http://127.0.0.1:8288" });
    expect(workflowMode({ INNGEST_DEV: "0" })).toEqual({ kind: "built-in" });
    expect(workflowMode({ INNGEST_EVENT_KEY: "e", INNGEST_SIGNING_KEY: "s" })).toEqual({ kind: "inngest" });
    expect(() => workflowMode({ INNGEST_EVENT_KEY: "e" })).toThrow(WorkflowConfigError);
  });

  it("runs the executor unless WORKFLOW_EXECUTOR turns it off (web-only instances)", () => {
    expect(executorEnabled({})).toBe(true);
    expect(executorEnabled({ WORKFLOW_EXECUTOR: "on" })).toBe(true);
    for (const off of ["off", "OFF", "0", "false", " no "]) expect(executorEnabled({ WORKFLOW_EXECUTOR: off })).toBe(false);
  });

  it("calls the app at APP_URL, else on its own port", () => {
    expect(appUrl({ APP_URL: "https://desk.example.com/" })).toBe("https://desk.example.com");
    expect(appUrl({ PORT: "3311" })).toBe("http://127.0.0.1:3311");
    expect(appUrl({})).toBe("http://127.0.0.1:3000");
  });
});
