import { z } from "zod";
import { say } from "@/lib/validation";

/** Cursor pagination over UUIDv7 ids (which sort by creation): `cursor` is the last id of the previous page. */
export const pageQuerySchema = z.object({
  cursor: z.uuid({ error: say("validation.cursor") }).optional().describe("The `nextCursor` of the previous page.").meta({ examples: ["0194f0c2-7a10-7c3e-9b1d-2f3a4b5c6d7e"] }),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("How many items per page, 1 to 100.").meta({ examples: [20] }),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Takes `limit + 1` rows fetched in id order and returns one page and the cursor of the next. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? data[data.length - 1].id : null };
}
