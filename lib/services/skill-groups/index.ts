export * from "./schemas";
export { addSkillGroupMember } from "./add-skill-group-member";
export { createSkillGroup } from "./create-skill-group";
export { deleteSkillGroup } from "./delete-skill-group";
export { getSkillGroup } from "./get-skill-group";
export { listSkillGroupMembers } from "./list-skill-group-members";
export { listSkillGroups } from "./list-skill-groups";
export { removeSkillGroupMember } from "./remove-skill-group-member";
export { updateSkillGroup } from "./update-skill-group";
