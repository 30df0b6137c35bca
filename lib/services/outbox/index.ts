export { listOutboxSchema, type OutboxEmail, listOutbox } from "./list-outbox";
