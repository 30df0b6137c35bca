import { ValidationError } from "@/lib/errors";

export function assertFuture(scheduledAt: string | null | undefined): Date | null {
  if (!scheduledAt) return null;
  const at = new Date(scheduledAt);
  if (at.getTime() <= Date.now()) {
    throw ValidationError.forField("scheduledAt", "campaigns.errors.scheduledInPast");
  }
  return at;
}
