/**
 * Organisations: create, and list the signed-in user's.
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export { organizationNameSchema, createOrganizationSchema } from "./schemas";
export { type OrganizationSummary, insertOrganizationWithOwner, createOrganization } from "./create-organization";
export { listUserOrganizations } from "./list-user-organizations";
