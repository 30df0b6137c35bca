import { describe, expect, it } from "vitest";
import { ExpressionError } from "../workflow-errors";
import { evaluateKey, matches, parseExpression } from "./expression";

const event = { name: "a/b.c", data: { orgId: "x", n: 5, pageId: "p1", nested: { ok: true } } };

describe("CEL subset", () => {
  it.each([
    ["event.data.orgId == \"x\"", true],
    ["event.data.orgId == 'x' && event.data.n > 3", true],
    ["event.data.orgId != 'x' || event.data.n < 3", false],
    ["event.data.n >= 5 && event.data.n <= 5", true],
    ["!(event.data.n > 10)", true],
    ["event.data.nested.ok == true", true],
    ["event.data.missing == null", true],
    ["event.data.missing.deeper == 'y'", false],
    ["event.data.n > '3'", false],
    ["event.data.pageId == async.data.pageId", true],
    ["event.name == 'a/b.c'", true],
    ["event.data.n == -5 || event.data.n == 5.0", true],
  ])("%s -> %s", (source, expected) => {
    expect(matches(source, { event, async: { data: { pageId: "p1" } } })).toBe(expected);
  });

  it("an absent expression always matches", () => {
    expect(matches(undefined, {})).toBe(true);
  });

  it("evaluates key expressions to strings", () => {
    expect(evaluateKey("event.data.pageId", { event })).toBe("p1");
    expect(evaluateKey("event.data.n", { event })).toBe("5");
    expect(evaluateKey("event.data.none", { event })).toBeNull();
  });

  it.each(["size(event.data) > 1", "event.data.list[0] == 1", "event.data.n + 1 == 6", "event.data.x in ['a']", "'open", "(event.data.n > 1", "event.data.n ==", "a ? b : c"])(
    "refuses %s",
    (source) => {
      expect(() => parseExpression(source)).toThrow(ExpressionError);
    },
  );
});
