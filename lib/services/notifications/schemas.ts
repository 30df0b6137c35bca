import { z } from "zod";
import { say } from "@/lib/validation";

export * from "./constants";

export const markNotificationsReadSchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ ids: z.array(z.uuid({ error: say("notifications.errors.id") })).min(1, { error: say("notifications.errors.ids") }).max(100, { error: say("notifications.errors.ids") }) }),
]);
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadSchema>;
