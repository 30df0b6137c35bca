import { inngest } from "@/inngest/client";
import { subscriptionTokenImportEvent, subscriptionTokenImportRequested } from "@/inngest/events/marketing";
import { addCounts, importSubscriptionTokenPage, listTokenImportChannels, NO_TOKENS, recordSubscriptionTokenImport, type TokenImportCounts } from "@/lib/services/permissions";

type ChannelBatch = Awaited<ReturnType<typeof listTokenImportChannels>>;
/** What onFailure receives: the failed run's error and the event that started it. */
type FailureArgs = {
  event: { data: { error?: { name?: string; message?: string }; event?: { data?: { orgId?: string; channelId?: string; trigger?: "member" | "daily" } } } };
  step: { run: (id: string, fn: () => Promise<void>) => Promise<unknown> };
};
import { recheckEventOrg } from "./check-org";

/** Pages (of up to 1,000 tokens) per run before the import goes on in a fresh run, well below the step limit. */
const PAGES_PER_RUN = 400;
/** Channel batches the daily planner reads per run. */
const MAX_PLANNER_BATCHES = 100;

/**
 * Imports a channel's Marketing Messages subscription tokens from Meta's token list, one page a step: a retried
 * step fetches the same page again (same cursor) and stores only what is missing, and a run that failed for good
 * leaves the ledger partly filled, which the next import completes. One import per channel at a time.
 */
export const importSubscriptionTokensFunction = inngest.createFunction(
  {
    id: "import-subscription-tokens",
    retries: 5,
    concurrency: { limit: 1, key: "event.data.channelId" },
    triggers: [subscriptionTokenImportRequested],
    // Failed for good (Meta kept refusing, a permission is missing): the channel page says so, with Meta's words.
    onFailure: async ({ event, step }: FailureArgs) => {
      const { orgId, channelId, trigger = "member" } = event.data.event?.data ?? {};
      if (!orgId || !channelId) return;
      const error = event.data.error?.name === "GraphError" ? (event.data.error.message ?? "").slice(0, 300) : null;
      await step.run("record-failure", () => recordSubscriptionTokenImport({ orgId, channelId, result: { outcome: "failed", error, trigger, ...NO_TOKENS } }));
    },
  },
  async ({ event, step }) => {
    const { orgId, channelId, trigger } = event.data;
    await recheckEventOrg(step, orgId, { channelId });
    let totals: TokenImportCounts = event.data.carried ?? { ...NO_TOKENS };
    let after: string | null = event.data.after ?? null;
    for (let n = 0; n < PAGES_PER_RUN; n++) {
      const cursor = after;
      const page = await step.run(`import-page-${n}`, () => importSubscriptionTokenPage({ orgId, channelId, after: cursor }));
      if (page.state === "refused") {
        await step.run("record-result", () => recordSubscriptionTokenImport({ orgId, channelId, result: { outcome: "refused", reason: page.reason, trigger, ...totals } }));
        return { outcome: "refused", reason: page.reason, ...totals };
      }
      totals = addCounts(totals, page);
      if (!page.after) {
        await step.run("record-result", () => recordSubscriptionTokenImport({ orgId, channelId, result: { outcome: "completed", trigger, ...totals } }));
        return { outcome: "completed", pages: n + 1, ...totals };
      }
      after = page.after;
    }
    const part = (event.data.part ?? 0) + 1;
    await step.sendEvent("continue-in-a-fresh-run", subscriptionTokenImportEvent({ orgId, channelId, trigger, after: after!, carried: totals, part }, `${event.id ?? "run"}`));
    return { outcome: "continued", ...totals };
  },
);

/**
 * Daily: every channel eligible for Marketing Messages imports the tokens Meta gained since (people who opted in
 * where no webhook told us, such as through another app). Instance-wide; each import names its organisation.
 */
export const dailySubscriptionTokenImport = inngest.createFunction(
  { id: "daily-subscription-token-import", retries: 2, concurrency: { limit: 1 }, triggers: [{ cron: "41 3 * * *" }] },
  async ({ step }) => {
    const day = new Date().toISOString().slice(0, 10);
    let after: string | null = null;
    let requested = 0;
    for (let batch = 0; batch < MAX_PLANNER_BATCHES; batch++) {
      const cursor: string | null = after;
      const found: ChannelBatch = await step.run(`list-channels-${batch}`, (): Promise<ChannelBatch> => listTokenImportChannels({ after: cursor }));
      if (found.channels.length > 0) {
        await step.sendEvent(
          `request-imports-${batch}`,
          found.channels.map((c) => subscriptionTokenImportEvent({ ...c, trigger: "daily" }, `daily-${day}`)),
        );
        requested += found.channels.length;
      }
      after = found.next;
      if (!after) break;
    }
    return { requested };
  },
);
