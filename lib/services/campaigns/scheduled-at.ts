import { ValidationError } from "@/lib/errors";

export function assertFuture(scheduledAt: string | null | undefined): Date | null {
  if (!scheduledAt) return null;
  const at = new Date(scheduledAt);
  if (at.getTime() <= Date.now()) {
    const message = "Scheduled time must be in the future.";
    throw new ValidationError(`scheduledAt: ${message}`, { scheduledAt: [message] });
  }
  return at;
}
