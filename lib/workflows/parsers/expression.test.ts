import { describe, expect, it } from "vitest";
import { ExpressionError } from "../workflow-errors";
import { compileExpression, evaluateKey, evaluatePriority, matches } from "./expression";

const event = {
  name: "a/b.c",
  data: { orgId: "x", n: 5, pageId: "p1", nested: { ok: true }, tags: ["vip", "new"], email: "Ann@Example.com", empty: null },
};
const vars = { event, async: { name: "a/b.stop", data: { pageId: "p1", n: 7 } } };

describe("CEL expressions", () => {
  it.each([
    ["event.data.orgId == \"x\"", true],
    ["event.data.orgId == 'x' && event.data.n > 3", true],
    ["event.data.orgId != 'x' || event.data.n < 3", false],
    ["event.data.n >= 5 && event.data.n <= 5", true],
    ["!(event.data.n > 10)", true],
    ["event.data.nested.ok == true", true],
    ["event.data.pageId == async.data.pageId", true],
    ["event.data.pageId == async.data.pageId && async.data.n > event.data.n", true],
    ["event.name == 'a/b.c'", true],
    ["event.data.n == -5 || event.data.n == 5.0", true],
    ["event.data.n == 5", true],
  ])("%s -> %s", (source, expected) => {
    expect(matches(source, vars)).toBe(expected);
  });

  it.each([
    ["size(event.data.tags) == 2", true],
    ["size(event.data.orgId) == 1", true],
    ["size(event.data) > 1", true],
    ["has(event.data.pageId)", true],
    ["has(event.data.missing)", false],
    ["!has(event.data.missing) && event.data.n == 5", true],
    ["event.data.tags[0] == 'vip'", true],
    ["'new' in event.data.tags", true],
    ["event.data.orgId in ['x', 'y']", true],
    ["event.data.tags.exists(t, t == 'vip')", true],
    ["event.data.tags.all(t, t.size() == 3)", true],
    ["event.data.exists(key, key == 'pageId')", true],
    ["event.data.nested.ok && has(event.data.nested.ok)", true],
    // JSON numbers are CEL doubles, and CEL does no mixed int/double arithmetic (comparisons are fine).
    ["event.data.n + 1.0 == 6", true],
    ["event.data.n + 1 == 6", false],
    ["event.data.n % 2 == 1", false],
    ["event.data.n > 3 ? event.data.orgId == 'x' : false", true],
    ["event.data.email.startsWith('Ann') && event.data.email.endsWith('.com')", true],
    ["event.data.email.contains('@')", true],
    ["event.data.email.lowerAscii() == 'ann@example.com'", true],
    ["event.data.email.matches('^[A-Za-z]+@')", true],
    ["event.data.email.split('@')[1] == 'Example.com'", true],
    ["event.data.orgId + '-' + event.data.pageId == 'x-p1'", true],
    ["int(event.data.n) == 5 && string(event.data.n) == '5'", true],
  ])("the CEL standard library: %s -> %s", (source, expected) => {
    expect(matches(source, vars)).toBe(expected);
  });

  // Inngest's rule, and our first evaluator's: a missing field is null, and a comparison that CEL cannot
  // make (a number with a string, ordering against null) does not match instead of failing the event.
  it.each([
    ["event.data.missing == null", true],
    ["event.data.missing != 'y'", true],
    ["event.data.missing.deeper == 'y'", false],
    ["event.data.missing.deeper == null", true],
    ["event.data.empty == null", true],
    ["event.data.missing > 3", false],
    ["event.data.n > '3'", false],
    ["event.data.missing == async.data.missing", true],
    ["event.data.pageId == async.data.missing", false],
    ["async.data.pageId == 'p1'", false],
    ["event.data.orgId == 'x' || event.data.n > '3'", true],
    ["event.data.orgId == 'y' && event.data.n > '3'", false],
    ["event.data.tags[5] == 'x'", false],
    ["event.data.n", false],
  ])("missing fields and failed comparisons: %s -> %s", (source, expected) => {
    const variables = source.startsWith("async.") ? { event } : vars;
    expect(matches(source, variables)).toBe(expected);
  });

  it("an absent expression always matches", () => {
    expect(matches(undefined, {})).toBe(true);
  });

  it("evaluates key expressions to strings", () => {
    expect(evaluateKey("event.data.pageId", { event })).toBe("p1");
    expect(evaluateKey("event.data.n", { event })).toBe("5");
    expect(evaluateKey("event.data.none", { event })).toBeNull();
    expect(evaluateKey("event.data.orgId + ':' + event.data.pageId", { event })).toBe("x:p1");
    expect(evaluateKey("event.data.nested", { event })).toBe('{"ok":true}');
    expect(evaluateKey("event.data.tags", { event })).toBe('["vip","new"]');
    expect(evaluateKey("size(event.data.tags)", { event })).toBe("2");
    expect(evaluateKey("event.data.n + '1'", { event })).toBeNull();
  });

  it("evaluates priority factors as Inngest does: ints clamped to ±600 s, anything else 0", () => {
    expect(evaluatePriority("event.data.n > 1 ? 120 : 0", { event })).toBe(120);
    expect(evaluatePriority("event.data.n > 9 ? 120 : 0", { event })).toBe(0);
    expect(evaluatePriority("event.data.n", { event })).toBe(5); // a whole JSON number is the int it spells
    expect(evaluatePriority("-30", { event })).toBe(-30);
    expect(evaluatePriority("5000", { event })).toBe(600);
    expect(evaluatePriority("-5000", { event })).toBe(-600);
    expect(evaluatePriority("int(event.data.n) * 1000", { event })).toBe(600);
    expect(evaluatePriority("event.data.n * 1000", { event })).toBe(0); // double times int: a CEL error
    expect(evaluatePriority("1.5", { event })).toBe(0); // a double is not an int
    expect(evaluatePriority("event.data.pageId", { event })).toBe(0);
    expect(evaluatePriority("event.data.none", { event })).toBe(0);
    expect(evaluatePriority("event.data.n + 'x'", { event })).toBe(0); // an evaluation error
    expect(evaluatePriority(null, { event })).toBe(0);
  });

  it("compiles each expression once", () => {
    expect(compileExpression("event.data.n > 1")).toBe(compileExpression("event.data.n > 1"));
  });

  it.each([
    ["'open", "Syntax error"],
    ["(event.data.n > 1", "Syntax error"],
    ["event.data.n ==", "Syntax error"],
    ["a ? b : c", 'Unknown variable "a"'],
    ["data.n > 1", 'Unknown variable "data"'],
    ["sizeof(event.data) > 1", 'Unknown function "sizeof"'],
    ["event.data.email.toLower() == 'x'", 'Unknown function "toLower"'],
  ])("refuses %s", (source, message) => {
    expect(() => compileExpression(source)).toThrow(ExpressionError);
    expect(() => compileExpression(source)).toThrow(message);
  });
});
