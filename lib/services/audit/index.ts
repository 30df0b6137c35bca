/**
 * The audit log screen's list verb (the vocabulary itself is lib/audit).
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export { auditQuerySchema, type AuditEntryView, listAuditLog } from "./list-audit-log";
