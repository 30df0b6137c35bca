import { buildOpenApiDocument } from "@/lib/api/openapi";
import { json } from "@/lib/api/respond";

// Public on purpose: the document holds no tenant data, and integrators read it before they have a key.
let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export async function GET(): Promise<Response> {
  document ??= buildOpenApiDocument();
  return json(document);
}
