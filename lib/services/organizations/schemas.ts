import { z } from "zod";
import { inputString, say } from "@/lib/validation";

export const organizationNameSchema = inputString("field.orgName", 80).min(2, { error: say("validation.tooShort", { field: { key: "field.orgName" }, min: 2 }) });

export const createOrganizationSchema = z.object({ name: organizationNameSchema });
