import { z } from "zod";
import { say } from "@/lib/validation";
import { ATTRIBUTE_KEY_MAX, ATTRIBUTE_VALUE_MAX } from "./constants";

export * from "./constants";

const attributeKey = z
  .string()
  .trim()
  .min(1, { error: say("contacts.errors.attributeKey", { max: ATTRIBUTE_KEY_MAX }) })
  .max(ATTRIBUTE_KEY_MAX, { error: say("contacts.errors.attributeKey", { max: ATTRIBUTE_KEY_MAX }) })
  .refine((key) => !key.includes("\u0000"), { error: say("validation.nul") });
const attributeValue = z
  .string({ error: say("contacts.errors.attributeValue", { max: ATTRIBUTE_VALUE_MAX }) })
  .max(ATTRIBUTE_VALUE_MAX, { error: say("contacts.errors.attributeValue", { max: ATTRIBUTE_VALUE_MAX }) })
  .refine((value) => !value.includes("\u0000"), { error: say("validation.nul") });

/**
 * A merge patch of the contact's attributes: a key with a string sets it, a key with null removes it, keys
 * not named stay as they are. The result may hold at most ATTRIBUTES_MAX attributes (checked by the verb).
 */
export const contactAttributesPatchSchema = z.object({
  attributes: z.record(attributeKey, attributeValue.nullable(), { error: say("contacts.errors.attributes") }),
});
export type ContactAttributesPatch = z.infer<typeof contactAttributesPatchSchema>;
