export { auditQuerySchema, type AuditEntryView, listAuditLog } from "./list-audit-log";
