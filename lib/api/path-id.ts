import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/translate";

const uuidSchema = z.uuid();

/**
 * A path id that is not a UUID names nothing, so it answers 404 here; passed on, PostgreSQL would reject
 * the uuid cast and the caller would see a 500.
 */
export function pathId(value: string | string[] | undefined, notFound: MessageKey): string {
  if (typeof value === "string" && uuidSchema.safeParse(value).success) return value;
  throw new NotFoundError(notFound);
}
