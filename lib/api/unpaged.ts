import type { Page } from "@/lib/pagination";

/** Lists that are short by nature still answer in the one list shape, so clients page everything the same way. */
export function unpaged<T>(data: T[]): Page<T> {
  return { data, nextCursor: null };
}
