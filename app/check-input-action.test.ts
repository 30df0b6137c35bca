/**
 * The parse-only action behind "check each field as it is left": anyone may call it (the sign-up form does),
 * so whatever it is sent must come back as a field error or a refusal, never a crash, and it reads nothing.
 */
import { describe, expect, it } from "vitest";
import { checkInputAction, type CheckedForm } from "./check-input-action";

describe("checkInputAction", () => {
  it("answers field errors by the service's own schema, and nothing for valid input", async () => {
    const refused = await checkInputAction("forgotPassword", { email: "not an email" });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? null : Object.keys(refused.error.fieldErrors ?? {})).toEqual(["email"]);
    expect(await checkInputAction("forgotPassword", { email: "mei@example.com" })).toEqual({ ok: true, data: null });
  });

  it("refuses an unknown form name, including inherited property names, as invalid input", async () => {
    for (const form of ["nope", "__proto__", "constructor", "toString"]) {
      const answer = await checkInputAction(form as CheckedForm, {});
      expect(answer.ok, form).toBe(false);
      expect(answer.ok ? null : answer.error.code, form).toBe("validation_failed");
    }
  });

  it("answers wrong types, NUL and a 1 MB value with field errors, not a crash", async () => {
    for (const input of [null, "text", 42, [], { email: 7 }, { email: "a\u0000@example.com" }, { email: "x".repeat(1_000_000) }]) {
      const answer = await checkInputAction("forgotPassword", input);
      expect(answer.ok).toBe(false);
      expect(answer.ok ? null : answer.error.code).toBe("validation_failed");
    }
  });
});
