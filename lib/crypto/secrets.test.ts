import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { maskSecret, needsResealing, open, seal, setKeyringForTests } from "./secrets";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64");

afterEach(() => setKeyringForTests(undefined));

describe("sealed secrets", () => {
  it("round-trips, never contains the plaintext, and differs each time", () => {
    setKeyringForTests(k1);
    const a = seal("EAAB-page-token-123");
    expect(a).not.toContain("EAAB");
    expect(seal("EAAB-page-token-123")).not.toBe(a);
    expect(open(a)).toBe("EAAB-page-token-123");
  });

  it("detects tampering", () => {
    setKeyringForTests(k1);
    const sealed = seal("secret");
    const parts = sealed.split(".");
    parts[3] = Buffer.from("SECRET").toString("base64url");
    expect(() => open(parts.join("."))).toThrow();
  });

  it("rotates: new key seals, old rows still open, and are flagged for resealing", () => {
    setKeyringForTests(`1:${k1}`);
    const old = seal("old-secret");
    setKeyringForTests(`2:${k2},1:${k1}`);
    expect(open(old)).toBe("old-secret");
    expect(needsResealing(old)).toBe(true);
    const fresh = seal("new-secret");
    expect(fresh.startsWith("v2.")).toBe(true);
    expect(needsResealing(fresh)).toBe(false);
    setKeyringForTests(`2:${k2}`);
    expect(() => open(old)).toThrow(/version 1/);
  });

  it("refuses keys of the wrong size", () => {
    expect(() => setKeyringForTests("c2hvcnQ=")).toThrow(/32 bytes/);
  });

  it("masks secrets for display", () => {
    expect(maskSecret("EAABsecretvalue1234")).toBe("••••1234");
    expect(maskSecret("short")).toBe("••••");
  });
});
