import { timestamp, uuid } from "drizzle-orm/pg-core";
import { newId } from "@/db/ids";

/** Primary key: a UUIDv7 made by the app, so ids sort by creation time. */
export const id = () => uuid().primaryKey().$defaultFn(() => newId());
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
