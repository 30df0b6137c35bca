import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer rule (eslint.layers.mjs) run through ESLint's Node API on made-up files: each upward import must fail
// `npx eslint .` (and so `npm test`), each downward one must pass. The files do not exist; ESLint lints the text
// as if it sat at `filePath`, so the per-folder overrides apply as they would in the repository.
const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layers only point down", () => {
  it.each([
    ["db imports the services", "db/schema/example.ts", `import { listChannels } from "@/lib/services/channels";`],
    ["db imports lib", "db/example.ts", `import { logError } from "@/lib/log-error";`],
    ["a service imports a page's action", "lib/services/channels/example.ts", `import { listChannelsAction } from "@/app/o/[orgSlug]/channels/actions";`],
    ["a service imports lib/api", "lib/services/campaigns/example.ts", `import { withOrg } from "@/lib/api/with-org";`],
    ["a service imports an Inngest function", "lib/services/campaigns/sender/example.ts", `import { functions } from "@/inngest/functions";`],
    ["a service reaches into another domain", "lib/services/campaigns/example.ts", `import { getChannelInOrg } from "@/lib/services/channels/queries";`],
    ["a service climbs into another domain", "lib/services/campaigns/example.ts", `import { getChannelInOrg } from "../channels/queries";`],
    ["shared lib imports the services", "lib/tenancy/example.ts", `import { getChannel } from "@/lib/services/channels";`],
    ["a workflow event imports the services", "inngest/events/example.ts", `import { getCampaign } from "@/lib/services/campaigns";`],
    ["shared UI imports a server action", "components/ui/example.tsx", `import { revokeApiKeyAction } from "@/app/o/[orgSlug]/settings/api-keys/actions";`],
    ["shared UI imports the services", "components/shell/example.tsx", `import { listUserOrganizations } from "@/lib/services/organizations";`],
    ["a route handler reaches past the index", "app/api/v1/example/route.ts", `import { cancelCampaign } from "@/lib/services/campaigns/cancel-campaign";`],
    ["app code imports a test helper", "app/o/[orgSlug]/example.ts", `import { createOrgFixture } from "@/tests/fixtures";`],
    ["a service imports a test file", "lib/services/channels/example.ts", `import { helper } from "./list-channels.test";`],
    ["the sandbox imports the app", "sandbox/graph/example.ts", `import { newId } from "@/db/ids";`],
  ])("refuses: %s", async (_, filePath, code) => {
    expect(await layerErrors(filePath, code)).toHaveLength(1);
  });

  it.each([
    ["a route handler imports a domain's index", "app/api/v1/example/route.ts", `import { cancelCampaign } from "@/lib/services/campaigns";`],
    ["a client component imports a domain's constants and schema types", "app/o/[orgSlug]/campaigns/example.tsx",
      `import { CAMPAIGN_STATUSES } from "@/lib/services/campaigns/constants";\nimport type { Campaign } from "@/lib/services/campaigns/schemas";`],
    ["a service imports db, the Graph client, workflow events and another domain's index", "lib/services/campaigns/example.ts",
      `import { getDb } from "@/db/client";\nimport { GraphClient } from "@/lib/graph/client";\nimport { campaignStopped } from "@/inngest/events/campaigns";\nimport { getChannelInOrg } from "@/lib/services/channels";\nimport { toCampaign } from "./queries";`],
    ["a file in a domain's subfolder imports its domain", "lib/services/campaigns/sender/example.ts", `import { contentMessage } from "../messages";`],
    ["db imports db", "db/schema/example.ts", `import { newId } from "@/db/ids";`],
    ["shared UI imports shared lib", "components/ui/example.tsx", `import { useI18n } from "@/lib/i18n/client";`],
    ["an Inngest function imports a domain's index", "inngest/functions/example.ts", `import { runCampaignSend } from "@/lib/services/campaigns";`],
    ["a test imports a fixture, the sandbox and a domain's index", "lib/services/channels/example.test.ts",
      `import { createOrgFixture } from "@/tests/fixtures";\nimport { startSandbox } from "@/sandbox/server";\nimport { listChannels } from "@/lib/services/channels";`],
  ])("allows: %s", async (_, filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});
