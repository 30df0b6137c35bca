// Next calls register() once per server process at start. In the Node runtime it starts the built-in
// workflow executor, unless Inngest is configured (see docs/workflows.md).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startWorkflowsIfBuiltIn } = await import("./lib/workflows/runtime");
    await startWorkflowsIfBuiltIn();
  }
}
