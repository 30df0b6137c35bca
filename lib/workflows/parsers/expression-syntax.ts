import { create } from "@bufbuild/protobuf";
import type { CelEnv } from "@bufbuild/cel";
import { ConstantSchema, Expr_CallSchema, ExprSchema, type Expr } from "@bufbuild/cel-spec/cel/expr/syntax_pb.js";

/**
 * What we do to a parsed CEL expression before @bufbuild/cel plans it: check at sync that it only calls
 * functions the environment has and only names `event`, `async` (or a macro's own variables), and rewrite
 * field selections so that a missing field reads as null, as our executor always did (and Inngest does).
 */

/** The call that replaces `operand.field`; `@` cannot start a CEL identifier, so no expression can name it. */
export const FIELD_OR_NULL = "@field";
/** The variables an expression sees: the triggering event and, in waits and cancellations, the incoming one. */
export const VARIABLES = ["event", "async"] as const;

/** Operators the planner implements itself rather than through the function registry. */
const PLANNED_OPERATORS = new Set(["_&&_", "_||_", "_?_:_", "_[_]", "_[?_]", "_?._", "@not_strictly_false", "__not_strictly_false__"]);
/** Type names usable as values, as in `type(x) == string`. */
const TYPE_NAMES = new Set(["int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type"]);

/** Throws an Error naming the first unknown function or variable. */
export function checkNames(expr: Expr, env: CelEnv, scope: ReadonlySet<string> = new Set(VARIABLES)): void {
  const kind = expr.exprKind;
  switch (kind.case) {
    case "identExpr":
      if (!scope.has(kind.value.name) && !TYPE_NAMES.has(kind.value.name)) {
        throw new Error(`Unknown variable "${kind.value.name}" (expressions see ${VARIABLES.join(" and ")})`);
      }
      return;
    case "selectExpr":
      if (kind.value.operand) checkNames(kind.value.operand, env, scope);
      return;
    case "callExpr":
      if (!PLANNED_OPERATORS.has(kind.value.function) && !env.funcs.find(kind.value.function)) {
        throw new Error(`Unknown function "${kind.value.function}"`);
      }
      if (kind.value.target) checkNames(kind.value.target, env, scope);
      for (const arg of kind.value.args) checkNames(arg, env, scope);
      return;
    case "listExpr":
      for (const element of kind.value.elements) checkNames(element, env, scope);
      return;
    case "structExpr":
      for (const entry of kind.value.entries) {
        if (entry.keyKind.case === "mapKey") checkNames(entry.keyKind.value, env, scope);
        if (entry.value) checkNames(entry.value, env, scope);
      }
      return;
    case "comprehensionExpr": {
      const { iterRange, accuInit, loopCondition, loopStep, result, iterVar, iterVar2, accuVar } = kind.value;
      for (const outer of [iterRange, accuInit]) if (outer) checkNames(outer, env, scope);
      const inner = new Set([...scope, iterVar, accuVar, ...(iterVar2 ? [iterVar2] : [])]);
      for (const body of [loopCondition, loopStep, result]) if (body) checkNames(body, env, inner);
      return;
    }
    default:
      return;
  }
}

/**
 * Replaces every `operand.field` (but not `has(operand.field)`) by `@field(operand, "field")`, in place.
 * CEL itself answers a missing map key with an error; the function answers null instead.
 */
export function readMissingFieldsAsNull(expr: Expr): void {
  const kind = expr.exprKind;
  switch (kind.case) {
    case "selectExpr": {
      const { operand, field, testOnly } = kind.value;
      if (operand) readMissingFieldsAsNull(operand);
      if (testOnly || !operand) return;
      const name = create(ExprSchema, { exprKind: { case: "constExpr", value: create(ConstantSchema, { constantKind: { case: "stringValue", value: field } }) } });
      expr.exprKind = { case: "callExpr", value: create(Expr_CallSchema, { function: FIELD_OR_NULL, args: [operand, name] }) };
      return;
    }
    case "callExpr":
      if (kind.value.target) readMissingFieldsAsNull(kind.value.target);
      kind.value.args.forEach(readMissingFieldsAsNull);
      return;
    case "listExpr":
      kind.value.elements.forEach(readMissingFieldsAsNull);
      return;
    case "structExpr":
      for (const entry of kind.value.entries) {
        if (entry.keyKind.case === "mapKey") readMissingFieldsAsNull(entry.keyKind.value);
        if (entry.value) readMissingFieldsAsNull(entry.value);
      }
      return;
    case "comprehensionExpr":
      for (const part of [kind.value.iterRange, kind.value.accuInit, kind.value.loopCondition, kind.value.loopStep, kind.value.result]) {
        if (part) readMissingFieldsAsNull(part);
      }
      return;
    default:
      return;
  }
}
