import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    // *.pg.test.ts need a PostgreSQL server (they cut the connection to it): registered only with DATABASE_URL.
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".next-*/**", ".data/**", ...(process.env.DATABASE_URL ? [] : ["**/*.pg.test.ts"])],
    environment: "node",
    // Migrates one template database for the run; each file's database is a copy of it (tests/db.ts).
    globalSetup: ["tests/global-setup.ts"],
    // Code under test that sends workflow events or builds links must never reach a developer's running
    // app on :3000; port 9 (discard) refuses at once. Tests that need an app start their own.
    env: { APP_URL: "http://127.0.0.1:9", NEXTAUTH_URL: "http://127.0.0.1:9" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own module graph and so its own fresh database (tests/db.ts).
    isolate: true,
    pool: "forks",
    // Vitest's default is one file at a time on two cores (cores - 1); a file spends much of its time waiting for
    // PostgreSQL, a sandbox or a timer, so two at once use the machine instead of waiting on it (CI: 2 cores).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
