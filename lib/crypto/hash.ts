import { createHash } from "node:crypto";

/** SHA-256 hex digest: how invitation tokens and API keys are stored (high-entropy secrets need no slow hash). */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
