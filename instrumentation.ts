// Next calls register() once per server process at start. In the Node runtime it first refuses a production
// start without the operator's secrets (lib/crypto/production-secrets.ts), stamps requests with their TCP peer
// address, opens (and migrates) the database, seeds the demo organisation when DEMO_SEED=1, and starts the
// built-in workflow executor unless Inngest is configured (see docs/workflows.md).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { productionConfigProblem } = await import("./lib/crypto/production-secrets");
    const problem = productionConfigProblem(process.env);
    if (problem) {
      // Exit rather than throw: a throw here is logged and the server would still serve requests.
      const { logger } = await import("./lib/observability/logger");
      logger().fatal(problem);
      process.exit(1);
    }
    // Before any request: per-IP limits need the real TCP peer (lib/http/client-ip.ts).
    const { installPeerAddressHeader } = await import("./lib/http/peer-address");
    installPeerAddressHeader();
    const { warnIfInstanceOwnerEmailsSet } = await import("./lib/tenancy/instance-owner");
    warnIfInstanceOwnerEmailsSet();
    const { seedDemoAtStartup } = await import("./lib/demo/startup");
    await seedDemoAtStartup();
    const { startWorkflowsIfBuiltIn } = await import("./lib/workflows/wiring/runtime");
    const { logError } = await import("./lib/log-error");
    // A failure here is logged, not thrown: the app keeps serving and the error says why workflows are off.
    await startWorkflowsIfBuiltIn().catch((error: unknown) => logError("workflows: could not start the built-in executor", error));
  }
}
