// The layers of docs/architecture.md, enforced: each folder may import only downward. ESLint applies the last
// config whose `files` match, so every folder below gets one config listing everything it may not import.
// Imports between folders use the `@/` alias; the patterns match it. Tests are exempt from the layer order
// (a test may reach any layer to set up its case) but still import a domain only through its index.

const rule = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });
const forbid = (regex, message) => ({ regex, message });

// Anything a test may use; nothing outside the tests imports it.
const TEST_FILES = ["**/*.test.ts", "**/*.test.tsx", "tests/**", "e2e/**", "bench/**", "sandbox/testing/**", "lib/workflows/testing/**", "docs/tools/**"];

const noTests = forbid("^@/(tests|e2e|bench)(/|$)|\\.test$", "Test helpers live with the tests: nothing outside them imports tests/, e2e/, bench/ or a *.test file.");
const noDeepServices = forbid(
  "^@/lib/services/[^/]+/(?!(schemas|constants)$).+",
  "Import a domain through its index (@/lib/services/<domain>), or its schemas.ts (types) and constants.ts (zod-free values) from the browser. Inside a domain, import relatively.",
);
const noSandbox = forbid("^@/sandbox(/|$)", "The Graph sandbox is a separate program: the app reaches it over HTTP only.");
const noCallers = forbid(
  "^@/(app|pages|components|lib/api|lib/demo|inngest/functions)(/|$)|^@/(proxy|instrumentation)$",
  "Upward import: pages, route handlers, actions, feature UI, lib/api, lib/demo and Inngest functions call the services; nothing below imports them.",
);
const noServices = forbid("^@/lib/services(/|$)", "Upward import: the services build on this layer, so it cannot import them.");

const layers = [
  {
    // Callers: app (pages, route handlers, actions, feature UI), the pages router, lib/api, lib/demo,
    // Inngest functions, scripts. They may import services, through each domain's index.
    files: ["app/**", "pages/**", "lib/api/**", "lib/demo/**", "inngest/functions/**", "scripts/**", "proxy.ts", "instrumentation.ts"],
    ignores: TEST_FILES,
    rules: rule([noTests, noDeepServices, noSandbox]),
  },
  // Services: tenant verbs, one domain a folder. They import db, the Graph client, workflow event definitions
  // and the shared lib/ helpers below them. A relative import may not climb out of its domain (depth 0 is a
  // file at the domain's root, 1 in a subfolder such as campaigns/sender).
  ...[0, 1, 2].map((depth) => ({
    files: [`lib/services/*/${"*/".repeat(depth)}*.{ts,tsx}`],
    ignores: TEST_FILES,
    rules: rule([
      noTests,
      noDeepServices,
      noSandbox,
      noCallers,
      forbid(`^${"\\.\\./".repeat(depth + 1)}`, "Another domain is imported through its index (@/lib/services/<domain>), not by a relative path."),
    ]),
  })),
  {
    // Shared lib/ below the services (tenancy, audit, errors, graph, crypto, i18n, workflows engine...) and the
    // workflow client and event definitions.
    files: ["lib/**", "inngest/events/**", "inngest/client.ts"],
    ignores: [...TEST_FILES, "lib/services/**", "lib/api/**", "lib/demo/**"],
    rules: rule([noTests, noSandbox, noCallers, noServices]),
  },
  {
    // Shared UI: no feature knowledge, so no routes, no server actions, no services.
    files: ["components/**"],
    ignores: TEST_FILES,
    rules: rule([
      noTests,
      noSandbox,
      noServices,
      forbid("^@/(app|pages|lib/api|lib/demo|inngest)(/|$)", "Shared UI (components/) never imports app/ or the server: pass data and callbacks in as props."),
    ]),
  },
  {
    files: ["db/**"],
    ignores: TEST_FILES,
    rules: rule([forbid("^@/(?!db/)", "db/ imports nothing of ours: everything else builds on it.")]),
  },
  {
    files: ["sandbox/**"],
    ignores: TEST_FILES,
    rules: rule([forbid("^@/(?!sandbox/)", "The sandbox imports nothing of ours: it stands in for Meta and must not know the app.")]),
  },
  {
    // Tests may reach any layer, but a domain only through its index (the domain's own tests import relatively).
    files: TEST_FILES,
    rules: rule([noDeepServices]),
  },
];

export default layers;
