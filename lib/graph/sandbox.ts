import { graphBaseUrl } from "./client";

/**
 * Where a person's browser reaches the Messenger sandbox, when the app talks to the sandbox instead of Meta
 * (GRAPH_API_URL names a host that is not Meta's): then share links may also be opened in the sandbox, so a
 * newcomer plays the subscriber at once. SANDBOX_PUBLIC_URL is for when the browser's way there differs
 * from the server's (a container name, another host); against Meta it is ignored and the answer is null,
 * so production never offers a link to a sandbox.
 */
export function sandboxPublicUrl(): string | null {
  let graph: URL;
  try {
    graph = new URL(graphBaseUrl());
  } catch {
    return null;
  }
  const host = graph.hostname.toLowerCase();
  if (host === "facebook.com" || host.endsWith(".facebook.com")) return null;
  return (process.env.SANDBOX_PUBLIC_URL || graph.origin).replace(/\/+$/, "");
}
