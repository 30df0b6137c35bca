import { ExpressionError } from "../workflow-errors";

/**
 * The CEL subset the built-in executor evaluates in trigger `if`s, cancelOn/waitForEvent matches,
 * concurrency and idempotency keys: field paths (`event.data.pageId`), string ('x' or "x"), number,
 * boolean and null literals, `==`, `!=`, `<`, `>`, `<=`, `>=`, `&&`, `||`, `!` and parentheses.
 * Anything else is an ExpressionError at sync, never a silent false.
 */
export type Expression =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "path"; path: string[] }
  | { kind: "not"; operand: Expression }
  | { kind: "binary"; op: BinaryOp; left: Expression; right: Expression };

type BinaryOp = "==" | "!=" | "<" | ">" | "<=" | ">=" | "&&" | "||";
type Token = { type: "op"; value: string } | { type: "literal"; value: string | number | boolean | null } | { type: "path"; value: string[] };

const cache = new Map<string, Expression>();

export function parseExpression(source: string): Expression {
  const cached = cache.get(source);
  if (cached) return cached;
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const take = () => tokens[position++];
  const isOp = (value: string) => {
    const token = peek();
    return token?.type === "op" && token.value === value;
  };

  const parseOr = (): Expression => {
    let left = parseAnd();
    while (isOp("||")) {
      take();
      left = { kind: "binary", op: "||", left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Expression => {
    let left = parseComparison();
    while (isOp("&&")) {
      take();
      left = { kind: "binary", op: "&&", left, right: parseComparison() };
    }
    return left;
  };
  const parseComparison = (): Expression => {
    const left = parseUnary();
    const token = peek();
    if (token?.type === "op" && ["==", "!=", "<", ">", "<=", ">="].includes(token.value)) {
      take();
      return { kind: "binary", op: token.value as BinaryOp, left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): Expression => {
    if (isOp("!")) {
      take();
      return { kind: "not", operand: parseUnary() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): Expression => {
    const token = take();
    if (!token) throw new ExpressionError("Unexpected end", source);
    if (token.type === "literal") return { kind: "literal", value: token.value };
    if (token.type === "path") return { kind: "path", path: token.value };
    if (token.value === "(") {
      const inner = parseOr();
      if (!isOp(")")) throw new ExpressionError("Missing )", source);
      take();
      return inner;
    }
    throw new ExpressionError(`Unexpected "${token.value}"`, source);
  };

  const expression = parseOr();
  if (position !== tokens.length) throw new ExpressionError("Unsupported syntax", source);
  cache.set(source, expression);
  return expression;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (["==", "!=", "<=", ">=", "&&", "||"].includes(two)) {
      tokens.push({ type: "op", value: two });
      i += 2;
      continue;
    }
    if ("<>!()".includes(char)) {
      tokens.push({ type: "op", value: char });
      i++;
      continue;
    }
    if (char === "'" || char === '"') {
      let value = "";
      i++;
      while (i < source.length && source[i] !== char) {
        if (source[i] === "\\" && i + 1 < source.length) i++;
        value += source[i];
        i++;
      }
      if (i >= source.length) throw new ExpressionError("Unterminated string", source);
      i++;
      tokens.push({ type: "literal", value });
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ type: "literal", value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const path = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(source.slice(i));
    if (path) {
      const word = path[0];
      if (word === "true" || word === "false") tokens.push({ type: "literal", value: word === "true" });
      else if (word === "null") tokens.push({ type: "literal", value: null });
      else if (source[i + word.length] === "(" || source[i + word.length] === "[") throw new ExpressionError(`Unsupported call or index "${word}"`, source);
      else tokens.push({ type: "path", value: word.split(".") });
      i += word.length;
      continue;
    }
    throw new ExpressionError(`Unsupported character "${char}"`, source);
  }
  return tokens;
}

/** Evaluates against variables such as `{ event, async }`; missing fields are null. */
export function evaluate(expression: Expression, variables: Record<string, unknown>): unknown {
  switch (expression.kind) {
    case "literal":
      return expression.value;
    case "path": {
      let current: unknown = variables;
      for (const part of expression.path) {
        if (current === null || typeof current !== "object") return null;
        current = (current as Record<string, unknown>)[part];
      }
      return current ?? null;
    }
    case "not":
      return !truthy(evaluate(expression.operand, variables));
    case "binary": {
      if (expression.op === "&&") return truthy(evaluate(expression.left, variables)) && truthy(evaluate(expression.right, variables));
      if (expression.op === "||") return truthy(evaluate(expression.left, variables)) || truthy(evaluate(expression.right, variables));
      const left = evaluate(expression.left, variables);
      const right = evaluate(expression.right, variables);
      switch (expression.op) {
        case "==":
          return equal(left, right);
        case "!=":
          return !equal(left, right);
        default:
          return compare(expression.op, left, right);
      }
    }
  }
}

function truthy(value: unknown): boolean {
  return value === true;
}

function equal(left: unknown, right: unknown): boolean {
  if (left === null || typeof left !== "object" || right === null || typeof right !== "object") return left === right;
  return JSON.stringify(left) === JSON.stringify(right);
}

function compare(op: "<" | ">" | "<=" | ">=", left: unknown, right: unknown): boolean {
  // Like CEL, ordering only compares numbers with numbers and strings with strings.
  const comparable = (typeof left === "number" && typeof right === "number") || (typeof left === "string" && typeof right === "string");
  if (!comparable) return false;
  const l = left as number | string;
  const r = right as number | string;
  return op === "<" ? l < r : op === ">" ? l > r : op === "<=" ? l <= r : l >= r;
}

/** True when the expression holds; an absent expression always holds. */
export function matches(source: string | undefined | null, variables: Record<string, unknown>): boolean {
  if (!source) return true;
  return evaluate(parseExpression(source), variables) === true;
}

/** Evaluates a key expression (concurrency, idempotency) to a string; null when it yields nothing. */
export function evaluateKey(source: string, variables: Record<string, unknown>): string | null {
  const value = evaluate(parseExpression(source), variables);
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}
