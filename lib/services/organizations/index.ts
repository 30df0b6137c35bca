export { organizationNameSchema, createOrganizationSchema, type OrganizationSummary, insertOrganizationWithOwner, createOrganization } from "./create-organization";
export { listUserOrganizations } from "./list-user-organizations";
