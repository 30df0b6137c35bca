/** Request body reading and Graph-style parameter parsing (JSON or form-encoded, merged over the query). */
import type { IncomingMessage } from "node:http";

export function readBody(req: IncomingMessage, limitBytes = 5 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export class BodyParseError extends Error {}

/** Parses a body as Graph does: JSON when it looks like JSON, otherwise application/x-www-form-urlencoded. */
export function parseGraphBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes("json") || raw.charCodeAt(0) === 123 /* { */ || raw.trimStart().startsWith("{")) {
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new BodyParseError("body must be a JSON object");
      return parsed as Record<string, unknown>;
    } catch (error) {
      if (error instanceof BodyParseError) throw error;
      throw new BodyParseError("Invalid JSON in the request body");
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}
