import { celMap, type CelInput, type CelMap } from "@bufbuild/cel";

/**
 * A JSON object seen as a CEL map without copying it. @bufbuild/cel copies a plain object into a `Map` each
 * time an expression reads it (every `event.data.x` copies `event` and `data` anew), which was most of an
 * evaluation's cost; this view reads the object's own properties where they are and wraps nested objects
 * only when they are reached.
 */
export function jsonCelMap(object: Record<string, unknown>): CelMap {
  return celMap(new JsonObjectView(object));
}

/** A value as CEL receives it: nested plain objects as views, everything else as @bufbuild/cel converts it. */
export function jsonCelValue(value: unknown): CelInput {
  return isPlainObject(value) ? jsonCelMap(value) : (value as CelInput);
}

class JsonObjectView implements ReadonlyMap<string, CelInput> {
  constructor(private readonly object: Record<string, unknown>) {}

  get size(): number {
    return Object.keys(this.object).length;
  }

  get(key: string): CelInput | undefined {
    if (typeof key !== "string" || !Object.hasOwn(this.object, key)) return undefined;
    const value = this.object[key];
    return value === undefined ? undefined : jsonCelValue(value);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  forEach(callback: (value: CelInput, key: string, map: ReadonlyMap<string, CelInput>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  *entries(): MapIterator<[string, CelInput]> {
    for (const key of this.keys()) yield [key, this.get(key)!];
  }

  *keys(): MapIterator<string> {
    for (const [key, value] of Object.entries(this.object)) if (value !== undefined) yield key;
  }

  *values(): MapIterator<CelInput> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, CelInput]> {
    return this.entries();
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
