import type { ActionResult } from "@/lib/tenancy/action";

/** Turns a server action's ActionResult into data or a thrown error, as react-query's queryFn expects. */
export async function unwrap<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}
