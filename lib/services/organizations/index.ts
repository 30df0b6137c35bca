/**
 * Organisations: create, list the signed-in user's, their settings (name, slug, colour, time zone, default
 * language), old slugs' redirects, and deletion (scheduled, cancellable, then purged).
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export * from "./schemas";
export { type OrganizationSummary, insertOrganizationWithOwner, createOrganization } from "./create-organization";
export { type UserOrganization, listUserOrganizations } from "./list-user-organizations";
export { getOrganizationSettings } from "./get-organization-settings";
export { updateOrganization } from "./update-organization";
export { scheduleOrganizationDeletion } from "./schedule-organization-deletion";
export { cancelOrganizationDeletion } from "./cancel-organization-deletion";
export { PURGE_BATCH_SIZE, purgeDeletedOrganizations } from "./purge-deleted-organizations";
export { resolveSlugRedirect } from "./resolve-slug-redirect";
