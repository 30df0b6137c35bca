import { headers } from "next/headers";
import { clientIp } from "./client-ip";

/** The client address of the request a server action or server component is handling. */
export async function requestClientIp(): Promise<string> {
  return clientIp(await headers());
}
