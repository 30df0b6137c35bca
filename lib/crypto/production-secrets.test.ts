import { describe, expect, it } from "vitest";
import { productionConfigProblem } from "./production-secrets";

const key = "q9yZ0m3m1d8b3V1sJQ0m2yq8b4cQ5wXk3n7m2c9o1aE=";

describe("production secrets", () => {
  it("refuses a production start without ENCRYPTION_KEY and NEXTAUTH_SECRET, saying how to make them", () => {
    const problem = productionConfigProblem({ NODE_ENV: "production" });
    expect(problem).toMatch(/^Refusing to start in production without ENCRYPTION_KEY and NEXTAUTH_SECRET\./);
    expect(problem).toContain("ENCRYPTION_KEY: set it to the output of `openssl rand -base64 32`");
    expect(problem).toContain("NEXTAUTH_SECRET: set it to the output of `openssl rand -base64 32`");
  });

  it("names only what is missing, and counts a blank value as missing", () => {
    expect(productionConfigProblem({ NODE_ENV: "production", NEXTAUTH_SECRET: "s3cret", ENCRYPTION_KEY: "  " })).toMatch(/without ENCRYPTION_KEY\./);
    expect(productionConfigProblem({ NODE_ENV: "production", ENCRYPTION_KEY: key })).toMatch(/without NEXTAUTH_SECRET\./);
  });

  it("lets production run with both secrets", () => {
    expect(productionConfigProblem({ NODE_ENV: "production", ENCRYPTION_KEY: key, NEXTAUTH_SECRET: "s3cret" })).toBeNull();
  });

  it("refuses the Inngest dev server in production, which would let unsigned calls reach the workflow endpoint", () => {
    const ready = { NODE_ENV: "production", ENCRYPTION_KEY: key, NEXTAUTH_SECRET: "s3cret" };
    expect(productionConfigProblem({ ...ready, INNGEST_DEV: "1" })).toMatch(/^Refusing to start in production with INNGEST_DEV set: the workflow endpoint would accept unsigned calls\./);
    expect(productionConfigProblem({ ...ready, INNGEST_DEV: "http://127.0.0.1:8288" })).toMatch(/INNGEST_DEV/);
    expect(productionConfigProblem({ ...ready, INNGEST_DEV: "0" })).toBeNull();
    expect(productionConfigProblem({ NODE_ENV: "development", INNGEST_DEV: "1" })).toBeNull();
  });

  it("leaves demo mode (npm run demo, the e2e server) and development alone", () => {
    expect(productionConfigProblem({ NODE_ENV: "production", DEMO_SEED: "1" })).toBeNull();
    expect(productionConfigProblem({ NODE_ENV: "development" })).toBeNull();
    expect(productionConfigProblem({ NODE_ENV: "test" })).toBeNull();
  });
});
