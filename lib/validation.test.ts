import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { channelUpdateSchema } from "@/lib/services/channels/schemas";
import { emailSchema } from "@/lib/services/members/schemas";
import { inputString, NUL_MESSAGE, parseInput } from "./validation";

function refusal(schema: Parameters<typeof parseInput>[0], input: unknown): ValidationError {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("accepted");
}

describe("the shared input string", () => {
  const name = inputString("Name", 80).min(1, { message: "Name is required." });

  it("refuses a NUL anywhere, with one message the forms translate", () => {
    expect(refusal(name, "Sh\u0000op").message).toBe(NUL_MESSAGE);
  });

  it("refuses past its cap by length alone, before the field's own checks", () => {
    const error = refusal(name.regex(/^[a-z]+$/, { message: "letters only" }), "1".repeat(1_000_000));
    expect(error.message).toBe("Name must be at most 80 characters.");
    expect(error.details).toEqual({ fieldErrors: { _: ["Name must be at most 80 characters."] } });
  });

  it("trims before counting, and keeps secrets as sent with trim: false", () => {
    expect(parseInput(name, `  ${"a".repeat(80)}  `)).toBe("a".repeat(80));
    expect(parseInput(inputString("Password", 200, { trim: false }), " secret ")).toBe(" secret ");
  });
});

describe("emails", () => {
  it("caps at 254 characters even when the syntax is valid", () => {
    const long = `${"a".repeat(250)}@example.com`;
    expect(refusal(emailSchema, long).message).toBe("Email must be at most 254 characters.");
    expect(parseInput(emailSchema, " Ann@Example.COM ")).toBe("ann@example.com");
  });
});

describe("updates", () => {
  it("a channel update needs at least one known field", () => {
    expect(refusal(channelUpdateSchema, {}).message).toBe("Send at least one field to change.");
    expect(refusal(channelUpdateSchema, { nmae: "typo" }).message).toBe("Send at least one field to change.");
    expect(refusal(channelUpdateSchema, { pageAccessToken: "" }).message).toBe("Send at least one field to change.");
    expect(parseInput(channelUpdateSchema, { name: "Shop" })).toMatchObject({ name: "Shop" });
  });
});
