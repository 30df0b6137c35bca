import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import layers from "./eslint.layers.mjs";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "db/migrations/**", "next-env.d.ts"],
  },
  {
    // Test files call vitest helpers named use*; they are not React hooks.
    files: ["**/*.test.ts", "tests/**", "e2e/**", "bench/**", "sandbox/testing/**", "lib/workflows/testing/**"],
    // Tests poke at loosely typed JSON (webhook payloads, API answers); `any` there is a fair trade.
    rules: { "react-hooks/rules-of-hooks": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  // Layers that only point down (docs/architecture.md): an upward import fails `npm test`.
  ...layers,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
