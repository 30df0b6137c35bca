import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { translateMessage } from "@/lib/i18n/translate";
import { pageQuerySchema } from "@/lib/pagination";
import { channelUpdateSchema } from "@/lib/services/channels/schemas";
import { emailSchema } from "@/lib/services/members/schemas";
import { atLeastOneField, inputString, NUL_MESSAGE, parseInput, required } from "./validation";

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
  const name = inputString("field.name", 80).min(1, required("field.name"));

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
    expect(parseInput(inputString("field.password", 200, { trim: false }), " secret ")).toBe(" secret ");
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

describe("refusals carry their message key", () => {
  it("stamps each field's message with its catalog key and values, for the dashboard to translate", () => {
    const schema = z.object({ name: inputString("field.name", 80).min(1, required("field.name")), email: inputString("field.email", 10) });
    const error = refusal(schema, { name: "", email: "x".repeat(11) });
    expect(error.message).toBe("name: Name is required.");
    expect(error.messageKey).toBe("validation.required");
    expect(error.fieldMessages).toEqual({
      name: [{ message: "Name is required.", messageKey: "validation.required", messageVars: { field: { key: "field.name" } } }],
      email: [{ message: "Email must be at most 10 characters.", messageKey: "validation.tooLong", messageVars: { field: { key: "field.email" }, max: 10 } }],
    });
    // The API's body is unchanged: English strings per field.
    expect(error.details).toEqual({ fieldErrors: { name: ["Name is required."], email: ["Email must be at most 10 characters."] } });
    expect(translateMessage(error.fieldMessages.email[0], "zh-CN")).toBe("邮箱最多 10 个字符。");
  });

  it("keys a refinement's message, and a ValidationError raised for one field after parsing", () => {
    const schema = atLeastOneField(z.object({ name: z.string().optional() }));
    expect(refusal(schema, {}).localizable).toEqual({ message: "Send at least one field to change.", messageKey: "validation.atLeastOneField" });
    const late = ValidationError.forField("shortLivedToken", "channels.errors.tokenRefused", { reason: "expired" });
    expect(late.message).toBe("shortLivedToken: Meta refused the token: expired");
    expect(late.fieldErrors).toEqual({ shortLivedToken: ["Meta refused the token: expired"] });
    expect(translateMessage(late.fieldMessages.shortLivedToken[0], "zh-CN")).toBe("Meta 拒绝了该令牌：expired");
  });

  it("keys an issue the schema did not word by zod's issue code, keeping zod's English", () => {
    const [limit] = refusal(pageQuerySchema, { limit: 0 }).fieldMessages.limit;
    expect(limit.messageKey).toBe("validation.issue.tooSmall");
    expect(limit.messageVars).toEqual({ field: "limit", min: 1 });
    expect(limit.message).not.toContain("{");
    expect(translateMessage(limit, "zh-CN")).toBe("limit 不能小于 1。");
  });
});
