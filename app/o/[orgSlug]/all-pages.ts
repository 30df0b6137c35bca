import type { Page } from "@/lib/pagination";

/**
 * Follows a list verb's cursor to the end and returns every row. Pages use it for the short lists a form or a
 * filter needs whole (channels, skill groups, members); the services page by 100.
 */
export async function allPages<T>(listPage: (input: { limit: number; cursor?: string }) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await listPage({ limit: 100, cursor });
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
