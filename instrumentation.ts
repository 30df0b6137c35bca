// Next calls register() once per server process at start. In the Node runtime it opens (and migrates) the
// database, seeds the demo organisation when DEMO_SEED=1, and starts the built-in workflow executor unless
// Inngest is configured (see docs/workflows.md).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { seedDemoAtStartup } = await import("./lib/demo/startup");
    await seedDemoAtStartup();
    const { startWorkflowsIfBuiltIn } = await import("./lib/workflows/runtime");
    const { logError } = await import("./lib/log-error");
    // A failure here is logged, not thrown: the app keeps serving and the error says why workflows are off.
    await startWorkflowsIfBuiltIn().catch((error: unknown) => logError("workflows: could not start the built-in executor", error));
  }
}
