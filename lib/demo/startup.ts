import { appUrl } from "@/lib/app-url";
import { DEMO, demoSeedEnabled, seedDemo } from "./seed";
import { logError } from "@/lib/log-error";

/** At server start: seed the demo organisation when asked to, and tell the person at the console how to sign in. */
export async function seedDemoAtStartup(): Promise<void> {
  if (!demoSeedEnabled()) return;
  try {
    const { created } = await seedDemo();
    console.log(
      `\n  Demo mode${created ? " (demo organisation created)" : ""}: open ${appUrl()} and sign in as ${DEMO.email} / ${DEMO.password}` +
        `\n  API key: ${DEMO.apiKey}\n`,
    );
  } catch (error) {
    logError("demo seed failed", error);
  }
}
