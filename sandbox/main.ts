/**
 * `npm run sandbox`: the Messenger sandbox standalone.
 * Env: SANDBOX_PORT (4010), SANDBOX_HOST (127.0.0.1), APP_URL (http://localhost:3000, for the demo
 * app's callback), SANDBOX_STATE_FILE (optional JSON persistence), SANDBOX_RATE_LIMIT (default calls/s per
 * Page, 0 = unlimited), SANDBOX_WEBHOOK_TIMEOUT_MS (5000).
 */
import { DEMO, startSandbox } from "./server";

const port = Number(process.env.SANDBOX_PORT ?? 4010);
const sandbox = await startSandbox({
  port,
  host: process.env.SANDBOX_HOST ?? "127.0.0.1",
  appUrl: process.env.APP_URL ?? "http://localhost:3000",
  stateFile: process.env.SANDBOX_STATE_FILE || undefined,
  defaultRateLimitPerSecond: Number(process.env.SANDBOX_RATE_LIMIT ?? 0),
  webhooks: process.env.SANDBOX_WEBHOOK_TIMEOUT_MS ? { timeoutMs: Number(process.env.SANDBOX_WEBHOOK_TIMEOUT_MS) } : undefined,
});

const demoApp = sandbox.state.apps.get(DEMO.appId);
console.log(`Messenger sandbox listening on ${sandbox.url}`);
console.log(`  Graph API:   ${sandbox.url}/v21.0/me?access_token=${DEMO.pageAccessToken}`);
console.log(`  User page:   ${sandbox.url}/_sandbox/   (m.me link: ${sandbox.url}/m.me/${DEMO.pageUsername}?ref=hello)`);
console.log(`  Setup page:  ${sandbox.url}/_sandbox/setup   (apps, Pages, webhook subscriptions)`);
console.log(`  Control API: ${sandbox.url}/_sandbox/api/health`);
console.log(`  Demo webhook callback: ${demoApp?.callbackUrl ?? "(none)"}`);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void sandbox.close().then(() => process.exit(0));
  });
}
