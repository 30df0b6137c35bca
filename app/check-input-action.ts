"use server";

import { changeEmailSchema, changePasswordSchema, forgotPasswordSchema, resetPasswordSchema, signUpSchema, updateNameSchema } from "@/lib/services/accounts/schemas";
import { createApiKeySchema } from "@/lib/services/api-keys/schemas";
import { cannedReplyInputSchema } from "@/lib/services/canned-replies/schemas";
import { faqInputSchema } from "@/lib/services/faqs/schemas";
import { connectorInputSchema } from "@/lib/services/bot-connectors/schemas";
import { campaignCreateSchema, campaignUpdateSchema } from "@/lib/services/campaigns/schemas";
import { channelCreateSchema, channelUpdateSchema } from "@/lib/services/channels/schemas";
import { acceptInvitationSchema, inviteMemberSchema } from "@/lib/services/members/schemas";
import { createOrganizationSchema, scheduleOrganizationDeletionSchema, updateOrganizationSchema } from "@/lib/services/organizations/schemas";
import { labelInputSchema } from "@/lib/services/labels/schemas";
import { segmentInputSchema } from "@/lib/services/segments/schemas";
import { skillGroupInputSchema } from "@/lib/services/skill-groups/schemas";
import { topicInputSchema } from "@/lib/services/topics/schemas";
import { ValidationError } from "@/lib/errors";
import { englishMessage } from "@/lib/i18n/translate";
import { publicAction, type ActionResult } from "@/lib/tenancy/action";
import { parseInput } from "@/lib/validation";

/** Each dashboard form and the schema its service parses with. */
const FORM_SCHEMAS = {
  signUp: signUpSchema,
  forgotPassword: forgotPasswordSchema,
  resetPassword: resetPasswordSchema,
  acceptInvitation: acceptInvitationSchema,
  updateName: updateNameSchema,
  changePassword: changePasswordSchema,
  changeEmail: changeEmailSchema,
  createOrganization: createOrganizationSchema,
  updateOrganization: updateOrganizationSchema,
  scheduleOrganizationDeletion: scheduleOrganizationDeletionSchema,
  createApiKey: createApiKeySchema,
  inviteMember: inviteMemberSchema,
  skillGroup: skillGroupInputSchema,
  label: labelInputSchema,
  segment: segmentInputSchema,
  topic: topicInputSchema,
  cannedReply: cannedReplyInputSchema,
  faq: faqInputSchema,
  botConnector: connectorInputSchema,
  channelCreate: channelCreateSchema,
  channelUpdate: channelUpdateSchema,
  campaignCreate: campaignCreateSchema,
  campaignUpdate: campaignUpdateSchema,
};
export type CheckedForm = keyof typeof FORM_SCHEMAS;

/**
 * Checks a form's input as the user leaves each field, with the zod schema the service itself parses with, so
 * the rules live once, on the server, and zod never ships to the browser. It only parses: nothing is read,
 * written or sent, so it needs no session (the sign-up form uses it too). The submit's own action validates again.
 */
export async function checkInputAction(form: CheckedForm, input: unknown): Promise<ActionResult<null>> {
  return publicAction(async () => {
    if (!Object.hasOwn(FORM_SCHEMAS, form)) throw new ValidationError({ message: englishMessage("validation.invalidInput"), messageKey: "validation.invalidInput" });
    parseInput(FORM_SCHEMAS[form], input);
    return null;
  });
}
