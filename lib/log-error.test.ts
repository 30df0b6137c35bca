import { format } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { errorResponse } from "@/lib/api/respond";
import { useTestDatabase } from "@/tests/db";
import { captureLogOutput } from "@/lib/observability/logger";
import { logError, safeConsoleLogger } from "./log-error";

// Database errors carry their query parameters (postgres.js on the error, drizzle in its message); the
// parameters of a user insert are a password hash. What reaches the log must never contain them.
const database = useTestDatabase();
const SECRET = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQ$SECRET-HASH-MARKER-7f3a";

/** Everything the server's logger writes while `fn` runs (JSON lines), and the console too. */
async function captureLogs(fn: () => unknown): Promise<string> {
  const lines: string[] = [];
  for (const level of ["error", "warn", "info", "log"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(format(...args)));
  }
  const captured = captureLogOutput();
  try {
    await fn();
  } finally {
    captured.stop();
  }
  return [...lines, ...captured.lines].join("\n");
}

let taken = 0;
async function failingInsert(): Promise<unknown> {
  const db = database.handle().db;
  const email = `taken-${++taken}@example.com`;
  await db.insert(users).values({ email, passwordHash: "first" });
  try {
    await db.insert(users).values({ email, passwordHash: SECRET });
  } catch (error) {
    return error;
  }
  throw new Error("the duplicate insert should have failed");
}

afterEach(() => vi.restoreAllMocks());

describe("logged errors", () => {
  it("a failing insert reaches the API's 500 and the log without its parameters", async () => {
    const error = await failingInsert();
    // The error itself does carry the secret: this is what used to be logged.
    expect(format(error)).toContain("SECRET-HASH-MARKER");
    let status = 0;
    const logged = await captureLogs(() => (status = errorResponse(error).status));
    expect(status).toBe(500);
    expect(logged).toContain("23505");
    expect(logged).toContain("users_email_key");
    expect(logged).not.toContain("SECRET-HASH-MARKER");
    expect(logged).not.toContain("argon2");
  });

  it("the shared helper and the Inngest SDK's logger drop the parameters too", async () => {
    const error = await failingInsert();
    expect(format(error)).toContain("SECRET-HASH-MARKER");
    const logged = await captureLogs(() => {
      logError("webhook: storing events failed", error);
      safeConsoleLogger.error({ err: error, method: "POST" }, "step failed");
      safeConsoleLogger.warn(error);
    });
    expect(logged.split("\n").filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(logged).not.toContain("SECRET-HASH-MARKER");
  });
});
