import { z } from "zod";
import { ROLES } from "@/lib/permissions";
import { inputString, required } from "@/lib/validation";

export const API_KEY_PREFIX = "mdk_";

export const createApiKeySchema = z.object({
  name: inputString("field.name", 60).min(1, required("field.name")),
  role: z.enum(ROLES).exclude(["owner"]).default("admin"),
});

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(ROLES),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** The member whose authority the key carries; null once their account is gone (the key no longer works). */
  createdBy: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
});

export type ApiKey = z.infer<typeof apiKeySchema>;
